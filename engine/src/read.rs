//! The engine's own readers of the documents the widget reads (an order, a policy, a
//! customer) from a JSON tree, in place of serde's derived `Deserialize` on that path.
//!
//! Why: serde's derive generates, for each struct, a visitor whose field loop, error paths and
//! drop code are monomorphised and inlined into every caller; for the order and the policy
//! that was most of the engine's bytes in the wasm (issue 16). Here a struct is one closure
//! over the non-generic field walker [`At::fields`], and an enum one table of names for
//! [`At::variant`]. The leaves (strings, numbers, timestamps, amounts, zones, dates) are still
//! read by their serde `Deserialize`, so their messages are the same word for word, and so are
//! the struct errors (unknown, repeated or missing fields). The derives stay on the types for
//! serde users (`serde_json::from_str::<Order>`, the Node package's TypeScript); a test reads
//! every scenario both ways and compares.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::json::{At, PathError};
use super::money::Money;
use super::order::{
    Carrier, Customer, FulfilledBy, Item, Order, PaymentMethod, Seller, SellerKind, Shipment,
    ShipmentStatus,
};
use super::policy::{
    self, CancellationReasons, HolidayExtension, MonthDay, Policy, ReasonOption, RefundTiming,
    RefundTimingTable, ReturnReason, TimingUnit, Withdrawal,
};
use super::time::{Date, Instant, StoreZone};

type Result<T> = std::result::Result<T, PathError>;

/// A value readable from the tree.
pub(crate) trait Read: Sized {
    fn read(at: At<'_>) -> Result<Self>;
}

impl At<'_> {
    /// The value as a `T`.
    fn read<T: Read>(self) -> Result<T> {
        T::read(self)
    }
}

/// Reads a document from its tree, naming the path of any error.
pub(crate) fn from_tree<T: Read>(tree: &super::json::Json<'_>) -> Result<T> {
    T::read(At::root(tree))
}

/// The leaves keep their serde readers (small ones: the document readers are the bulk).
macro_rules! by_serde {
    ($($t:ty),*) => {$(
        impl Read for $t {
            fn read(at: At<'_>) -> Result<$t> {
                <$t>::deserialize(at)
            }
        }
    )*};
}
by_serde!(String, u32, bool, Instant, Money, StoreZone, Date, MonthDay);

/// Absent or `null`: `None`.
impl<T: Read> Read for Option<T> {
    fn read(at: At<'_>) -> Result<Option<T>> {
        if at.is_null() {
            return Ok(None);
        }
        T::read(at).map(Some)
    }
}

impl<T: Read> Read for Vec<T> {
    fn read(at: At<'_>) -> Result<Vec<T>> {
        let mut list = Vec::new();
        at.elements(&mut |element| {
            list.push(T::read(element)?);
            Ok(())
        })?;
        Ok(list)
    }
}

impl Read for BTreeMap<String, u32> {
    fn read(at: At<'_>) -> Result<BTreeMap<String, u32>> {
        let mut map = BTreeMap::new();
        at.entries(&mut |name, value| {
            map.insert(name.to_owned(), u32::read(value)?);
            Ok(())
        })?;
        Ok(map)
    }
}

/// A field serde's `deserialize_with = "null_as_default"` reads: absent or `null` give the
/// default.
fn or_default<T: Read + Default>(at: At<'_>) -> Result<T> {
    Ok(Option::<T>::read(at)?.unwrap_or_default())
}

/// A required field's value, or the error naming it.
fn required<T>(value: Option<T>, at: &At<'_>, field: &'static str) -> Result<T> {
    value.ok_or_else(|| at.missing(field))
}

/// Unit-variant enums, written as their `snake_case` names (as serde's `rename_all` has them).
macro_rules! variants {
    ($($t:ident { $($name:literal => $variant:ident),* })*) => {$(
        impl Read for $t {
            fn read(at: At<'_>) -> Result<$t> {
                const ALL: &[$t] = &[$($t::$variant),*];
                Ok(ALL[at.variant(&[$($name),*])?])
            }
        }
    )*};
}
variants! {
    SellerKind { "retailer" => Retailer, "marketplace" => Marketplace }
    FulfilledBy { "retailer" => Retailer, "seller" => Seller }
    PaymentMethod {
        "credit_card" => CreditCard, "debit_card" => DebitCard, "gift_card" => GiftCard,
        "bank_account" => BankAccount, "points" => Points, "other" => Other
    }
    ShipmentStatus {
        "pending" => Pending, "preparing" => Preparing, "staged" => Staged,
        "in_transit" => InTransit, "out_for_delivery" => OutForDelivery,
        "delivered" => Delivered, "refused" => Refused,
        "returned_to_sender" => ReturnedToSender, "cancelled" => Cancelled
    }
    Carrier {
        "retailer_fleet" => RetailerFleet, "usps" => Usps, "ups" => Ups, "fedex" => Fedex,
        "dhl" => Dhl, "other" => Other
    }
    TimingUnit { "hours" => Hours, "business_days" => BusinessDays }
}

impl Read for Order {
    fn read(at: At<'_>) -> Result<Order> {
        let (mut id, mut placed_at, mut currency, mut seller, mut payment_method) =
            (None, None, None, None, None);
        let (mut shipping_cost, mut items, mut shipments, mut customer) = (None, None, None, None);
        at.fields(
            &[
                "id",
                "placed_at",
                "currency",
                "seller",
                "payment_method",
                "shipping_cost",
                "items",
                "shipments",
                "customer",
            ],
            &mut |field, v| {
                match field {
                    0 => id = Some(v.read()?),
                    1 => placed_at = Some(v.read()?),
                    2 => currency = Some(v.read()?),
                    3 => seller = Some(v.read()?),
                    4 => payment_method = v.read()?,
                    5 => shipping_cost = v.read()?,
                    6 => items = Some(v.read()?),
                    7 => shipments = Some(or_default(v)?),
                    _ => customer = v.read()?,
                }
                Ok(())
            },
        )?;
        Ok(Order {
            id: required(id, &at, "id")?,
            placed_at: required(placed_at, &at, "placed_at")?,
            currency: required(currency, &at, "currency")?,
            seller: required(seller, &at, "seller")?,
            payment_method,
            shipping_cost,
            items: required(items, &at, "items")?,
            shipments: shipments.unwrap_or_default(),
            customer,
        })
    }
}

impl Read for Customer {
    fn read(at: At<'_>) -> Result<Customer> {
        let (mut name, mut email) = (None, None);
        at.fields(&["name", "email"], &mut |field, v| {
            match field {
                0 => name = Some(v.read()?),
                _ => email = Some(v.read()?),
            }
            Ok(())
        })?;
        Ok(Customer {
            name: required(name, &at, "name")?,
            email: required(email, &at, "email")?,
        })
    }
}

impl Read for Seller {
    fn read(at: At<'_>) -> Result<Seller> {
        let (mut name, mut kind, mut fulfilled_by) = (None, None, None);
        at.fields(&["name", "kind", "fulfilled_by"], &mut |field, v| {
            match field {
                0 => name = Some(v.read()?),
                1 => kind = Some(v.read()?),
                _ => fulfilled_by = Some(v.read()?),
            }
            Ok(())
        })?;
        Ok(Seller {
            name: required(name, &at, "name")?,
            kind: required(kind, &at, "kind")?,
            fulfilled_by: required(fulfilled_by, &at, "fulfilled_by")?,
        })
    }
}

impl Read for Item {
    fn read(at: At<'_>) -> Result<Item> {
        let (mut id, mut title, mut quantity, mut unit_price) = (None, None, None, None);
        let mut item = Item {
            id: String::new(),
            title: String::new(),
            quantity: 0,
            unit_price: Money::ZERO,
            category: None,
            final_sale: false,
            bundle: None,
            shipment: None,
            opened: None,
            returned_quantity: 0,
            return_requested_quantity: 0,
        };
        at.fields(
            &[
                "id",
                "title",
                "quantity",
                "unit_price",
                "category",
                "final_sale",
                "bundle",
                "shipment",
                "opened",
                "returned_quantity",
                "return_requested_quantity",
            ],
            &mut |field, v| {
                match field {
                    0 => id = Some(v.read()?),
                    1 => title = Some(v.read()?),
                    2 => quantity = Some(v.read()?),
                    3 => unit_price = Some(v.read()?),
                    4 => item.category = v.read()?,
                    5 => item.final_sale = or_default(v)?,
                    6 => item.bundle = v.read()?,
                    7 => item.shipment = v.read()?,
                    8 => item.opened = v.read()?,
                    9 => item.returned_quantity = or_default(v)?,
                    _ => item.return_requested_quantity = or_default(v)?,
                }
                Ok(())
            },
        )?;
        item.id = required(id, &at, "id")?;
        item.title = required(title, &at, "title")?;
        item.quantity = required(quantity, &at, "quantity")?;
        item.unit_price = required(unit_price, &at, "unit_price")?;
        Ok(item)
    }
}

impl Read for Shipment {
    fn read(at: At<'_>) -> Result<Shipment> {
        let (mut id, mut status, mut carrier, mut service, mut stops_away) =
            (None, None, None, None, None);
        let (mut shipped_at, mut delivered_at, mut estimated_delivery) = (None, None, None);
        at.fields(
            &[
                "id",
                "status",
                "carrier",
                "service",
                "stops_away",
                "shipped_at",
                "delivered_at",
                "estimated_delivery",
            ],
            &mut |field, v| {
                match field {
                    0 => id = Some(v.read()?),
                    1 => status = Some(v.read()?),
                    2 => carrier = Some(v.read()?),
                    3 => service = v.read()?,
                    4 => stops_away = v.read()?,
                    5 => shipped_at = v.read()?,
                    6 => delivered_at = v.read()?,
                    _ => estimated_delivery = v.read()?,
                }
                Ok(())
            },
        )?;
        Ok(Shipment {
            id: required(id, &at, "id")?,
            status: required(status, &at, "status")?,
            carrier: required(carrier, &at, "carrier")?,
            service,
            stops_away,
            shipped_at,
            delivered_at,
            estimated_delivery,
        })
    }
}

/// Absent fields keep their defaults (serde's container `default`).
impl Read for Policy {
    fn read(at: At<'_>) -> Result<Policy> {
        let mut p = Policy::default();
        at.fields(
            &[
                "time_zone",
                "return_window_days",
                "category_windows",
                "non_returnable_categories",
                "marketplace_cancel_grace_minutes",
                "holiday_extension",
                "opened_fees",
                "refund_timing",
                "cancellation_reasons",
                "buyers_remorse_reasons",
                "withdrawal",
                "return_reasons",
            ],
            &mut |field, v| {
                match field {
                    0 => p.time_zone = v.read()?,
                    1 => p.return_window_days = policy::window_days(v)?,
                    2 => p.category_windows = v.read()?,
                    3 => p.non_returnable_categories = v.read()?,
                    4 => p.marketplace_cancel_grace_minutes = policy::grace_minutes(v)?,
                    5 => p.holiday_extension = v.read()?,
                    6 => p.opened_fees = v.read()?,
                    7 => p.refund_timing = v.read()?,
                    8 => p.cancellation_reasons = v.read()?,
                    9 => p.buyers_remorse_reasons = v.read()?,
                    10 => p.withdrawal = v.read()?,
                    _ => p.return_reasons = v.read()?,
                }
                Ok(())
            },
        )?;
        Ok(p)
    }
}

impl Read for Withdrawal {
    fn read(at: At<'_>) -> Result<Withdrawal> {
        let mut w = Withdrawal::default();
        at.fields(
            &[
                "enabled",
                "days",
                "public_holidays",
                "excluded_categories",
                "excluded_when_unsealed",
                "contact_email",
                "max_delay_seconds",
            ],
            &mut |field, v| {
                match field {
                    0 => w.enabled = v.read()?,
                    1 => w.days = policy::withdrawal_days(v)?,
                    2 => w.public_holidays = v.read()?,
                    3 => w.excluded_categories = v.read()?,
                    4 => w.excluded_when_unsealed = v.read()?,
                    5 => w.contact_email = v.read()?,
                    _ => w.max_delay_seconds = policy::delay_seconds(v)?,
                }
                Ok(())
            },
        )?;
        Ok(w)
    }
}

impl Read for HolidayExtension {
    fn read(at: At<'_>) -> Result<HolidayExtension> {
        let mut h = HolidayExtension::default();
        at.fields(
            &["enabled", "shipped_from", "shipped_until", "return_until"],
            &mut |field, v| {
                match field {
                    0 => h.enabled = v.read()?,
                    1 => h.shipped_from = v.read()?,
                    2 => h.shipped_until = v.read()?,
                    _ => h.return_until = v.read()?,
                }
                Ok(())
            },
        )?;
        Ok(h)
    }
}

impl Read for RefundTiming {
    fn read(at: At<'_>) -> Result<RefundTiming> {
        let (mut min, mut max, mut unit) = (None, None, None);
        at.fields(&["min", "max", "unit"], &mut |field, v| {
            match field {
                0 => min = Some(v.read()?),
                1 => max = Some(v.read()?),
                _ => unit = Some(v.read()?),
            }
            Ok(())
        })?;
        Ok(RefundTiming {
            min: required(min, &at, "min")?,
            max: required(max, &at, "max")?,
            unit: required(unit, &at, "unit")?,
        })
    }
}

impl Read for RefundTimingTable {
    fn read(at: At<'_>) -> Result<RefundTimingTable> {
        let mut t = RefundTimingTable::default();
        at.fields(
            &[
                "credit_card",
                "debit_card",
                "gift_card",
                "bank_account",
                "points",
                "other",
                "default",
            ],
            &mut |field, v| {
                match field {
                    0 => t.credit_card = v.read()?,
                    1 => t.debit_card = v.read()?,
                    2 => t.gift_card = v.read()?,
                    3 => t.bank_account = v.read()?,
                    4 => t.points = v.read()?,
                    5 => t.other = v.read()?,
                    _ => t.default = v.read()?,
                }
                Ok(())
            },
        )?;
        Ok(t)
    }
}

impl Read for CancellationReasons {
    fn read(at: At<'_>) -> Result<CancellationReasons> {
        let mut c = CancellationReasons::default();
        at.fields(&["required", "options"], &mut |field, v| {
            match field {
                0 => c.required = v.read()?,
                _ => c.options = v.read()?,
            }
            Ok(())
        })?;
        Ok(c)
    }
}

impl Read for ReasonOption {
    fn read(at: At<'_>) -> Result<ReasonOption> {
        let (mut id, mut label, mut comment) = (None, None, false);
        at.fields(&["id", "label", "comment"], &mut |field, v| {
            match field {
                0 => id = Some(v.read()?),
                1 => label = Some(v.read()?),
                _ => comment = v.read()?,
            }
            Ok(())
        })?;
        Ok(ReasonOption {
            id: required(id, &at, "id")?,
            label: required(label, &at, "label")?,
            comment,
        })
    }
}

impl Read for ReturnReason {
    fn read(at: At<'_>) -> Result<ReturnReason> {
        let (mut id, mut label, mut buyers_remorse, mut comment_required) =
            (None, None, None, false);
        at.fields(
            &["id", "label", "buyers_remorse", "comment_required"],
            &mut |field, v| {
                match field {
                    0 => id = Some(v.read()?),
                    1 => label = Some(v.read()?),
                    2 => buyers_remorse = Some(v.read()?),
                    _ => comment_required = v.read()?,
                }
                Ok(())
            },
        )?;
        Ok(ReturnReason {
            id: required(id, &at, "id")?,
            label: required(label, &at, "label")?,
            buyers_remorse: required(buyers_remorse, &at, "buyers_remorse")?,
            comment_required,
        })
    }
}

// The readers must agree with serde's derived ones, which serde users still get: every
// scenario's order and policy, and every one-edit variant of them (each field removed,
// repeated, or replaced by a value of each kind; an unknown field in each object), read both
// ways, give the same value or the same error.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::borrow::Cow;

    use super::super::json::{self, Json};
    use super::*;

    fn replacements() -> Vec<Json<'static>> {
        vec![
            Json::Null,
            Json::Bool(true),
            Json::Int(-1),
            Json::UInt(5),
            Json::UInt(5_000_000_000),
            Json::Float(1.5, "1.5".into()),
            Json::Float(2.0, "2.0".into()),
            Json::Str("x".into()),
            Json::Str("retailer".into()),
            Json::Array(vec![]),
            Json::Array(vec![Json::UInt(1)]),
            Json::Object(vec![]),
            Json::Object(vec![("zzz".into(), Json::UInt(1))]),
        ]
    }

    /// Every variant of `tree` with one edit.
    fn edits(tree: &Json<'static>) -> Vec<Json<'static>> {
        let mut out = Vec::new();
        match tree {
            Json::Object(fields) => {
                let mut extra = fields.clone();
                extra.push((Cow::Borrowed("zzz"), Json::Null));
                out.push(Json::Object(extra));
                for i in 0..fields.len() {
                    let mut removed = fields.clone();
                    removed.remove(i);
                    out.push(Json::Object(removed));
                    let mut repeated = fields.clone();
                    repeated.push(fields[i].clone());
                    out.push(Json::Object(repeated));
                    for value in replacements().into_iter().chain(edits(&fields[i].1)) {
                        let mut changed = fields.clone();
                        changed[i].1 = value;
                        out.push(Json::Object(changed));
                    }
                }
            }
            Json::Array(items) => {
                for i in 0..items.len() {
                    for value in replacements().into_iter().chain(edits(&items[i])) {
                        let mut changed = items.clone();
                        changed[i] = value;
                        out.push(Json::Array(changed));
                    }
                }
            }
            _ => {}
        }
        out
    }

    fn same<T>(tree: &Json<'_>)
    where
        T: Read + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        let ours = from_tree::<T>(tree);
        let serde = json::from_tree::<T>(tree);
        assert_eq!(ours, serde, "{tree:?}");
    }

    #[test]
    fn the_readers_agree_with_serde() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/scenarios");
        let (mut orders, mut policies) = (0, 0);
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let text: &'static str = Box::leak(text.into_boxed_str());
            let Some(Json::Object(doc)) = json::parse_text(text) else {
                continue;
            };
            for (key, tree) in &doc {
                match &**key {
                    "order" => {
                        orders += 1;
                        same::<Order>(tree);
                        edits(tree).iter().for_each(same::<Order>);
                    }
                    "policy" => {
                        policies += 1;
                        same::<Policy>(tree);
                        edits(tree).iter().for_each(same::<Policy>);
                    }
                    _ => {}
                }
            }
        }
        assert!(
            orders > 20 && policies > 5,
            "{orders} orders, {policies} policies"
        );
        let full = Json::Object(vec![("withdrawal".into(), Json::Object(vec![]))]);
        edits(&full).iter().for_each(same::<Policy>);
        let customer = json::parse_text(r#"{"name": "Ana", "email": "a@b.c"}"#).unwrap();
        same::<Customer>(&customer);
        edits(&customer).iter().for_each(same::<Customer>);
    }
}
