//! `Money`: an amount in minor units (cents), bounded so JavaScript can hold it exactly.

use std::fmt;

/// An amount in the order's currency, in minor units (e.g. cents), from 0 to
/// 9 007 199 254 740 991 (JavaScript's largest safe integer: the widget round-trips amounts
/// through JS numbers). Arithmetic saturates at those bounds.
///
/// ```
/// use order_help_engine::Money;
/// let price = Money::from_minor(1999).unwrap();
/// assert_eq!(price.saturating_mul(3).minor(), 5997);
/// assert_eq!(price.percent(15).minor(), 299); // fees round down, in the customer's favour
/// assert!(Money::from_minor(Money::MAX.minor() + 1).is_none());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(type = "number"))]
pub struct Money(u64);

impl Money {
    pub const ZERO: Money = Money(0);
    pub const MAX: Money = Money(9_007_199_254_740_991);

    /// The amount, if it is at most [`Money::MAX`].
    pub fn from_minor(minor: u64) -> Option<Money> {
        (minor <= Self::MAX.0).then_some(Money(minor))
    }

    pub fn minor(self) -> u64 {
        self.0
    }

    /// `self × quantity`, if it is at most [`Money::MAX`].
    pub fn checked_mul(self, quantity: u32) -> Option<Money> {
        self.0
            .checked_mul(u64::from(quantity))
            .and_then(Money::from_minor)
    }

    pub fn saturating_mul(self, quantity: u32) -> Money {
        self.checked_mul(quantity).unwrap_or(Self::MAX)
    }

    pub fn saturating_add(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0).min(Self::MAX.0))
    }

    pub fn saturating_sub(self, other: Money) -> Money {
        Money(self.0.saturating_sub(other.0))
    }

    /// `percent` % of the amount (percent capped at 100), rounded down.
    pub fn percent(self, percent: u32) -> Money {
        // ≤ 9.0e15 × 100 fits a u64 comfortably.
        Money(self.0 * u64::from(percent.min(100)) / 100)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

const EXPECTED: &str = "an amount in minor units (a whole number from 0 to 9007199254740991)";

/// Reads a whole, non-negative number of minor units. Integral floats are accepted (a
/// JavaScript number `5` may arrive as `5.0`).
impl<'de> serde::Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(EXPECTED)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Money, E> {
                Money::from_minor(v).ok_or_else(|| {
                    E::custom(format!(
                        "expected {EXPECTED}, found {v}, which is larger than JavaScript's largest safe integer"
                    ))
                })
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Money, E> {
                match u64::try_from(v) {
                    Ok(v) => self.visit_u64(v),
                    Err(_) => Err(E::custom(format!(
                        "expected {EXPECTED}, found the negative number {v}"
                    ))),
                }
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Money, E> {
                if v.is_finite() && v.fract() == 0.0 && (0.0..=Money::MAX.0 as f64).contains(&v) {
                    return Ok(Money(v as u64));
                }
                let why = if !v.is_finite() {
                    "which is not a finite number"
                } else if v < 0.0 {
                    "which is negative"
                } else if v.fract() != 0.0 {
                    "which has a fraction (amounts are whole minor units, e.g. cents)"
                } else {
                    "which is larger than JavaScript's largest safe integer"
                };
                let v = super::json::number_text(v);
                Err(E::custom(format!("expected {EXPECTED}, found {v}, {why}")))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl serde::Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(self.0)
    }
}
