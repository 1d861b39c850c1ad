//! [`Json`]: a document as a tree, and how serde fills it (serde_json natively).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::wording::{float_text, number_text};
use super::MAX_SAFE_INTEGER;

/// A JSON value. Objects keep their keys in order, duplicates included (so a duplicate field is
/// reported, not silently overwritten). Strings and keys may be borrowed from the text the tree
/// was read from: most need no unescaping, and an order has thousands of them.
#[derive(Clone, Debug, PartialEq)]
pub enum Json<'a> {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    /// Any other number (never valid in the contract, whose numbers are whole), with its text
    /// as it was written in the JSON text, or as JavaScript writes it: error messages quote
    /// it as the user wrote it (`1298.9999999999998`, not a rounding of it).
    Float(f64, Cow<'a, str>),
    Str(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl<'de> de::Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json<'de>, D::Error> {
        deserializer.deserialize_any(Tree)
    }
}

/// The visitor that builds the tree from any serde input.
struct Tree;

impl<'de> Visitor<'de> for Tree {
    type Value = Json<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json<'de>, D::Error> {
        <Json as de::Deserialize>::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json<'de>, E> {
        Ok(u64::try_from(v).map_or(Json::Int(v), Json::UInt))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json<'de>, E> {
        Ok(Json::UInt(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json<'de>, E> {
        Ok(Json::Float(v, Cow::Owned(float_text(v))))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Owned(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let mut fields = Vec::new();
        while let Some(Key(key)) = map.next_key()? {
            fields.push((key, map.next_value()?));
        }
        Ok(Json::Object(fields))
    }
}

/// An object's key, borrowed from the input where it can be (serde's own `Cow` never borrows).
struct Key<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key<'de>, D::Error> {
        match deserializer.deserialize_str(Tree)? {
            Json::Str(key) => Ok(Key(key)),
            _ => Err(de::Error::custom("expected a string key")),
        }
    }
}

/// Writes the tree back (what a converter builds is printed with [`crate::to_text`]); keys in
/// their order, duplicates included.
impl serde::Serialize for Json<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Int(n) => s.serialize_i64(*n),
            Json::UInt(n) => s.serialize_u64(*n),
            Json::Float(v, _) => s.serialize_f64(*v),
            Json::Str(text) => s.serialize_str(text),
            Json::Array(values) => {
                let mut seq = s.serialize_seq(Some(values.len()))?;
                for v in values {
                    seq.serialize_element(v)?;
                }
                seq.end()
            }
            Json::Object(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k.as_ref(), v)?;
                }
                map.end()
            }
        }
    }
}

impl Json<'_> {
    /// A JavaScript number as a tree value: whole numbers within JavaScript's safe range are
    /// integers (what the contract's counts and amounts are); anything else stays a float for
    /// the field to judge, with a text of it to six decimals (give it the number's own text
    /// where there is one: `Json::Float(v, text)`).
    ///
    /// ```
    /// use order_help_json::Json;
    /// assert_eq!(Json::from_number(-3.0), Json::Int(-3));
    /// assert_eq!(Json::from_number(0.5), Json::Float(0.5, "0.5".into()));
    /// ```
    pub fn from_number(v: f64) -> Json<'static> {
        const SAFE: f64 = MAX_SAFE_INTEGER as f64;
        if v.fract() == 0.0 && (-SAFE..=SAFE).contains(&v) {
            if v >= 0.0 {
                Json::UInt(v as u64)
            } else {
                Json::Int(v as i64)
            }
        } else {
            Json::Float(v, Cow::Owned(number_text(v)))
        }
    }
}
