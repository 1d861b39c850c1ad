//! The engine's ISO 4217 table against an independent source: the `iso_currency` crate's data.
//! Every active currency must have the same minor unit (exponent) in both; a code the engine
//! does not know is an input error naming `currency`.
#![cfg(not(target_arch = "wasm32"))]

use iso_currency::Currency;
use order_help_engine::{iso_4217_codes, minor_unit_digits, Order};

/// Every code of three capital letters.
fn all_codes() -> impl Iterator<Item = String> {
    let letters = b'A'..=b'Z';
    letters.clone().flat_map(move |a| {
        let letters = letters.clone();
        letters.clone().flat_map(move |b| {
            letters
                .clone()
                .map(move |c| String::from_utf8(vec![a, b, c]).unwrap())
        })
    })
}

#[test]
fn every_active_iso_4217_currency_has_its_exponent() {
    let mut checked = 0;
    for code in all_codes() {
        let Some(currency) = Currency::from_code(&code) else {
            continue;
        };
        // Metals, units of account and the test codes have no minor unit; withdrawn codes are
        // not List One's.
        if currency.is_special() || currency.is_superseded().is_some() {
            continue;
        }
        let Some(exponent) = currency.exponent() else {
            continue;
        };
        assert_eq!(
            minor_unit_digits(&code).map(u16::from),
            Some(exponent),
            "{code}"
        );
        checked += 1;
    }
    assert!(checked > 150, "{checked}");
}

#[test]
fn every_code_of_the_table_is_iso_4217_with_that_exponent() {
    for (code, digits) in iso_4217_codes() {
        let currency =
            Currency::from_code(code).unwrap_or_else(|| panic!("{code} is not ISO 4217"));
        assert_eq!(currency.exponent(), Some(u16::from(digits)), "{code}");
    }
}

#[test]
fn the_issue_s_currencies() {
    assert_eq!(minor_unit_digits("IQD"), Some(3));
    assert_eq!(minor_unit_digits("KWD"), Some(3));
    assert_eq!(minor_unit_digits("JPY"), Some(0));
}

fn order_in(currency: &str) -> Result<Order, order_help_engine::InputError> {
    Order::from_json_str(&format!(
        r#"{{"id": "O1", "placed_at": "2025-03-01T09:00:00Z", "currency": "{currency}",
            "seller": {{"name": "S", "kind": "retailer", "fulfilled_by": "retailer"}},
            "items": [{{"id": "A", "title": "T", "quantity": 1, "unit_price": 2999}}]}}"#
    ))
}

#[test]
fn a_code_that_is_not_an_iso_4217_currency_is_an_input_error() {
    for code in ["ABC", "XAU", "XTS", "XXX", "HRK", "EUX"] {
        let error = order_in(code).unwrap_err();
        assert_eq!(error.path, "currency", "{code}");
        assert!(
            error
                .message
                .starts_with("expected an ISO 4217 currency code")
                && error.message.contains(&format!("found \"{code}\"")),
            "{code}: {error}"
        );
    }
    for code in ["IQD", "KWD", "JPY", "USD", "EUR", "CLF", "XOF"] {
        assert!(order_in(code).is_ok(), "{code}");
    }
}
