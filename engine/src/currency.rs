//! ISO 4217: which currency codes exist, and each one's minor unit (its exponent: the number of
//! decimal digits between the major and the minor unit).
//!
//! Amounts in the order contract are minor units per ISO 4217: 2999 is USD 29.99, JPY 2,999,
//! IQD 2.999 and KWD 2.999. The browser's `Intl.NumberFormat` knows CLDR's *display* precision,
//! which differs for some currencies (CLDR shows IQD with no decimals); so the exponent comes
//! from here, never from the browser.

/// ISO 4217 List One (the amendment that added XCG, 2025), the codes that have a minor unit:
/// every current currency and fund code, and BGN (withdrawn as Bulgaria adopts the euro, still
/// on orders placed before). Not here: codes without a minor unit (precious metals, units of
/// account such as XDR, the test code XTS, XXX), and withdrawn codes (List Three). Each entry
/// is the code and its exponent, four bytes, sorted, so a lookup is a binary search.
const ISO_4217: &str = "\
    AED2AFN2ALL2AMD2AOA2ARS2AUD2AWG2AZN2BAM2BBD2BDT2\
    BGN2BHD3BIF0BMD2BND2BOB2BOV2BRL2BSD2BTN2BWP2BYN2\
    BZD2CAD2CDF2CHE2CHF2CHW2CLF4CLP0CNY2COP2COU2CRC2\
    CUP2CVE2CZK2DJF0DKK2DOP2DZD2EGP2ERN2ETB2EUR2FJD2\
    FKP2GBP2GEL2GHS2GIP2GMD2GNF0GTQ2GYD2HKD2HNL2HTG2\
    HUF2IDR2ILS2INR2IQD3IRR2ISK0JMD2JOD3JPY0KES2KGS2\
    KHR2KMF0KPW2KRW0KWD3KYD2KZT2LAK2LBP2LKR2LRD2LSL2\
    LYD3MAD2MDL2MGA2MKD2MMK2MNT2MOP2MRU2MUR2MVR2MWK2\
    MXN2MXV2MYR2MZN2NAD2NGN2NIO2NOK2NPR2NZD2OMR3PAB2\
    PEN2PGK2PHP2PKR2PLN2PYG0QAR2RON2RSD2RUB2RWF0SAR2\
    SBD2SCR2SDG2SEK2SGD2SHP2SLE2SOS2SRD2SSP2STN2SVC2\
    SYP2SZL2THB2TJS2TMT2TND3TOP2TRY2TTD2TWD2TZS2UAH2\
    UGX0USD2USN2UYI0UYU2UYW4UZS2VED2VES2VND0VUV0WST2\
    XAF0XCD2XCG2XOF0XPF0YER2ZAR2ZMW2ZWG2\
";

/// The ISO 4217 minor unit of `code` (its exponent): 2 for USD and EUR, 0 for JPY, 3 for IQD
/// and KWD, 4 for CLF; `None` if ISO 4217 lists no such currency with a minor unit.
///
/// ```
/// use order_help_engine::minor_unit_digits;
/// assert_eq!(minor_unit_digits("USD"), Some(2));
/// assert_eq!(minor_unit_digits("JPY"), Some(0));
/// assert_eq!(minor_unit_digits("IQD"), Some(3));
/// assert_eq!(minor_unit_digits("XAU"), None); // gold: no minor unit
/// assert_eq!(minor_unit_digits("usd"), None); // codes are capital letters
/// ```
pub fn minor_unit_digits(code: &str) -> Option<u8> {
    let table = ISO_4217.as_bytes();
    let code = code.as_bytes();
    let (mut low, mut high) = (0, table.len() / 4);
    while low < high {
        let middle = (low + high) / 2;
        let entry = table.get(middle * 4..middle * 4 + 4)?;
        match entry.get(..3)?.cmp(code) {
            std::cmp::Ordering::Less => low = middle + 1,
            std::cmp::Ordering::Greater => high = middle,
            std::cmp::Ordering::Equal => return Some(entry[3] - b'0'),
        }
    }
    None
}

/// Every code of the table with its minor unit, in order (for tests and tools).
pub fn iso_4217_codes() -> impl Iterator<Item = (&'static str, u8)> {
    (0..ISO_4217.len() / 4).filter_map(|i| {
        let entry = ISO_4217.get(i * 4..i * 4 + 4)?;
        Some((entry.get(..3)?, entry.as_bytes()[3] - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_well_formed() {
        assert_eq!(ISO_4217.len() % 4, 0);
        let codes: Vec<(&str, u8)> = iso_4217_codes().collect();
        assert!(codes.len() > 150, "{}", codes.len());
        assert!(
            codes.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted and unique"
        );
        for (code, digits) in codes {
            assert!(code.bytes().all(|b| b.is_ascii_uppercase()), "{code}");
            assert!(digits <= 4, "{code}");
            assert_eq!(minor_unit_digits(code), Some(digits), "{code}");
        }
        for absent in ["AAA", "ZZZ", "XAU", "XTS", "HRK", "US", "USDX", ""] {
            assert_eq!(minor_unit_digits(absent), None, "{absent}");
        }
    }
}
