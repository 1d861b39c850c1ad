//! A document as a small JSON tree, and a serde `Deserializer` over that tree that knows where
//! it is, so every error names its field (`items[2].unit_price`).
//!
//! serde_json fills the tree natively; in the browser, the widget (`src/js_json.rs`) reads a JS
//! value into it, or [`parse_text`] reads the JSON text `JSON.stringify` made of it; so the tool
//! and the widget report the same errors. It does the job of `serde_json::Value` plus
//! `serde_path_to_error` at a fraction of their size in the wasm bundle (see BENCHMARKS.md),
//! which is why it is written here; [`to_text`] writes the assessment back as JSON text.

use std::borrow::Cow;
use std::fmt;

use serde::de::value::StrDeserializer;
use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Unexpected,
    Visitor,
};
use serde::forward_to_deserialize_any;

mod text;
pub use text::push_decimal;
pub use text::{parse as parse_text, to_string as to_text, whole_number, WriteError, MAX_DEPTH};

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
        deserializer.deserialize_any(Tree)
    }
}

/// An object's key, borrowed from the input where it can be (serde's own `Cow` never borrows).
struct Key<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key<'de>, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// An error while reading the tree, and the path of the value it is about (empty: the
/// document itself).
#[derive(Debug, PartialEq, Eq)]
pub struct PathError {
    pub path: Option<String>,
    pub message: String,
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PathError {}

impl de::Error for PathError {
    fn custom<T: fmt::Display>(message: T) -> PathError {
        PathError {
            path: None,
            message: message.to_string(),
        }
    }

    // Overridden so that every message is in the project's voice (expected …, found …) rather
    // than serde's, and numbers are written without core's float formatting (14 KB of wasm).
    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> PathError {
        PathError::custom(format_args!(
            "expected {}, found {}",
            expecting(expected),
            describe(unexpected)
        ))
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> PathError {
        PathError::invalid_type(unexpected, expected)
    }

    fn invalid_length(len: usize, expected: &dyn de::Expected) -> PathError {
        PathError::custom(format_args!(
            "expected {}, found {len} entries",
            expecting(expected)
        ))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> PathError {
        PathError::custom(format_args!(
            "expected {}, found {variant:?}",
            one_of(expected)
        ))
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> PathError {
        let fields = match expected {
            [] => "no fields".to_owned(),
            [one] => format!("only the field {one:?}"),
            _ => format!(
                "one of the fields {}",
                quoted(expected).replace(" and ", " or ")
            ),
        };
        PathError::custom(format_args!(
            "expected {fields}, found the unknown field {field:?}"
        ))
    }

    fn missing_field(field: &'static str) -> PathError {
        PathError::custom(format_args!("expected the field {field:?}, found none"))
    }

    fn duplicate_field(field: &'static str) -> PathError {
        PathError::custom(format_args!(
            "expected the field {field:?} once, found it twice"
        ))
    }
}

/// `"a", "b" and "c"`.
fn quoted(names: &[&str]) -> String {
    let mut text = String::new();
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            text.push_str(if i + 1 == names.len() { " and " } else { ", " });
        }
        text.push_str(&format!("{name:?}"));
    }
    text
}

/// `one of "a", "b" or "c"`.
fn one_of(names: &[&str]) -> String {
    match names {
        [] => "nothing".to_owned(),
        [one] => format!("{one:?}"),
        _ => format!("one of {}", quoted(names).replace(" and ", " or ")),
    }
}

/// What serde says a type expects, in the project's words: `u32` is a whole number from 0 to
/// 4294967295, `struct Order` an object.
fn expecting(expected: &dyn de::Expected) -> String {
    let text = expected.to_string();
    let whole = |max: u64| format!("a whole number from 0 to {max}");
    match text.as_str() {
        "u8" => whole(u8::MAX.into()),
        "u16" => whole(u16::MAX.into()),
        "u32" => whole(u32::MAX.into()),
        "u64" => whole(u64::MAX),
        "a boolean" => "true or false".to_owned(),
        "a sequence" => "a list".to_owned(),
        "a map" => "an object".to_owned(),
        _ if text.starts_with("struct ") => "an object".to_owned(),
        _ => text,
    }
}

/// The text of a float the tree was not given the text of: what Rust writes natively (the
/// shortest text that reads back as the same number), six decimals at most in the wasm.
fn float_text(v: f64) -> String {
    #[cfg(not(target_arch = "wasm32"))]
    {
        format!("{v:?}")
    }
    #[cfg(target_arch = "wasm32")]
    {
        number_text(v)
    }
}

/// What was found, as the user wrote it: `-1`, `"x"`, `true`, a list, an object, null
/// (without `Unexpected`'s own `Display`, whose float arm would link core's float formatting).
fn describe(unexpected: Unexpected<'_>) -> String {
    match unexpected {
        Unexpected::Bool(v) => format!("{v}"),
        Unexpected::Unsigned(v) => format!("{v}"),
        Unexpected::Signed(v) => format!("{v}"),
        Unexpected::Float(v) => number_text(v),
        Unexpected::Char(v) => format!("{:?}", v.to_string()),
        Unexpected::Str(v) => format!("{v:?}"),
        Unexpected::Bytes(_) => "bytes".to_owned(),
        Unexpected::Unit | Unexpected::Option => "null".to_owned(),
        Unexpected::Seq => "a list".to_owned(),
        Unexpected::Map => "an object".to_owned(),
        Unexpected::NewtypeStruct
        | Unexpected::Enum
        | Unexpected::UnitVariant
        | Unexpected::NewtypeVariant
        | Unexpected::TupleVariant
        | Unexpected::StructVariant => "a value of another kind".to_owned(),
        Unexpected::Other(other) => other.to_owned(),
    }
}

/// A float as text, to six decimals at most, without core's float formatting.
pub fn number_text(v: f64) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "NaN"
        } else if v > 0.0 {
            "infinity"
        } else {
            "-infinity"
        }
        .to_owned();
    }
    if v.abs() >= 1e15 {
        return if v > 0.0 {
            "a number above 10^15"
        } else {
            "a number below -10^15"
        }
        .to_owned();
    }
    let sign = if v < 0.0 { "-" } else { "" };
    let scaled = (v.abs() * 1e6).round() as u64;
    let (whole, fraction) = (scaled / 1_000_000, scaled % 1_000_000);
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:06}");
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

/// Where a value is: the root, a field of an object, or an element of an array.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Field(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Field(Path::Root, name) => f.write_str(name),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

impl PathError {
    /// Gives the error the path of the innermost value it came from (the first one to claim it).
    fn at(mut self, path: &Path<'_>) -> PathError {
        if self.path.is_none() {
            self.path = Some(path.to_string());
        }
        self
    }
}

/// Deserializes `T` from `tree`, naming the path of any error.
///
/// ```
/// use order_help_engine::json::{from_tree, Json};
/// let tree = Json::Object(vec![("n".into(), Json::Str("x".into()))]);
/// #[derive(serde::Deserialize, Debug)]
/// struct Doc { #[allow(dead_code)] n: u32 }
/// let error = from_tree::<Doc>(&tree).unwrap_err();
/// assert_eq!(error.path.as_deref(), Some("n"));
/// assert_eq!(error.message, "expected a whole number from 0 to 4294967295, found \"x\"");
/// ```
pub fn from_tree<'de, T: de::Deserialize<'de>>(tree: &Json<'_>) -> Result<T, PathError> {
    T::deserialize(At {
        value: tree,
        path: Path::Root,
    })
}

/// A value of the tree and where it is.
pub(crate) struct At<'a> {
    value: &'a Json<'a>,
    path: Path<'a>,
}

// What the engine's own document readers (crate::read) need of a value: its kind, its parts
// and their paths, and the errors serde would give, from non-generic code.
impl<'a> At<'a> {
    /// The document itself.
    pub(crate) fn root(value: &'a Json<'a>) -> At<'a> {
        At {
            value,
            path: Path::Root,
        }
    }

    pub(crate) fn is_null(&self) -> bool {
        matches!(self.value, Json::Null)
    }

    /// Each element of a list, with its path (`items[2]`).
    pub(crate) fn elements(
        &self,
        read: &mut dyn FnMut(At<'_>) -> Result<(), PathError>,
    ) -> Result<(), PathError> {
        let Json::Array(items) = self.value else {
            return Err(self.wrong_kind(&"a list"));
        };
        for (index, value) in items.iter().enumerate() {
            read(At {
                value,
                path: Path::Index(&self.path, index),
            })?;
        }
        Ok(())
    }

    /// Each entry of an object used as a map, with its path (`category_windows.books`).
    pub(crate) fn entries(
        &self,
        read: &mut dyn FnMut(&str, At<'_>) -> Result<(), PathError>,
    ) -> Result<(), PathError> {
        let Json::Object(fields) = self.value else {
            return Err(self.wrong_kind(&"an object"));
        };
        for (name, value) in fields {
            read(
                name,
                At {
                    value,
                    path: Path::Field(&self.path, name),
                },
            )?;
        }
        Ok(())
    }

    /// The fields of an object that may have only the fields `names` (each at most once):
    /// `read(i, value)` for the field `names[i]`, in the document's order. The errors are
    /// serde's `deny_unknown_fields` ones: an unknown field at its own path, a repeated one at
    /// the object's.
    pub(crate) fn fields(
        &self,
        names: &'static [&'static str],
        read: &mut dyn FnMut(usize, At<'_>) -> Result<(), PathError>,
    ) -> Result<(), PathError> {
        let Json::Object(fields) = self.value else {
            return Err(self.wrong_kind(&"an object"));
        };
        let mut seen = 0u64;
        for (name, value) in fields {
            let path = Path::Field(&self.path, name);
            let Some(index) = names.iter().position(|n| n == name) else {
                let error: PathError = de::Error::unknown_field(name, names);
                return Err(error.at(&path));
            };
            if seen & (1 << index) != 0 {
                let error: PathError = de::Error::duplicate_field(names[index]);
                return Err(error.at(&self.path));
            }
            seen |= 1 << index;
            read(index, At { value, path })?;
        }
        Ok(())
    }

    /// A required field was not given: the error, at the object's path.
    pub(crate) fn missing(&self, field: &'static str) -> PathError {
        let error: PathError = de::Error::missing_field(field);
        error.at(&self.path)
    }

    /// Which of `names` the value is (an enum's `snake_case` variants).
    pub(crate) fn variant(&self, names: &'static [&'static str]) -> Result<usize, PathError> {
        let Json::Str(name) = self.value else {
            return Err(self.wrong_kind(&one_of(names).as_str()));
        };
        names.iter().position(|n| n == name).ok_or_else(|| {
            let error: PathError = de::Error::unknown_variant(name, names);
            error.at(&self.path)
        })
    }
}

/// A number as the visitors are given it: negative, or not.
enum Number {
    Negative(i64),
    NonNegative(u64),
}

impl At<'_> {
    /// The value as a whole number, if it is one: an integer, or a float whose text is a whole
    /// number within JavaScript's safe range (serde_json reads `5.0` as a float).
    fn number(&self) -> Option<Number> {
        const SAFE: u64 = 9_007_199_254_740_991;
        match self.value {
            Json::Int(v) => Some(Number::Negative(*v)),
            Json::UInt(v) => Some(Number::NonNegative(*v)),
            Json::Float(_, text) => match whole_number(text) {
                Some(Some(w)) if w <= SAFE => Some(match text.starts_with('-') {
                    true => Number::Negative(-(w as i64)),
                    false => Number::NonNegative(w),
                }),
                _ => None,
            },
            _ => None,
        }
    }

    /// The error for a value of a kind the visitor does not take, at this value's path. Not
    /// generic, so each visitor's reader is only its own few lines (one copy of this for all).
    fn wrong_kind(&self, expected: &dyn de::Expected) -> PathError {
        let unexpected = match self.value {
            Json::Null => Unexpected::Unit,
            Json::Bool(v) => Unexpected::Bool(*v),
            Json::Str(v) => Unexpected::Str(v),
            Json::Array(_) => Unexpected::Seq,
            Json::Object(_) => Unexpected::Map,
            Json::Float(v, text) if self.number().is_none() => {
                return float_error(*v, text, expected).at(&self.path)
            }
            _ => match self.number() {
                Some(Number::Negative(v)) => Unexpected::Signed(v),
                Some(Number::NonNegative(v)) => Unexpected::Unsigned(v),
                None => Unexpected::Other("a number"),
            },
        };
        let error: PathError = de::Error::invalid_type(unexpected, expected);
        error.at(&self.path)
    }

    /// Gives a whole number to the visitor; anything else is the wrong kind.
    fn whole<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self.number() {
            Some(Number::Negative(v)) => visitor.visit_i64::<PathError>(v),
            Some(Number::NonNegative(v)) => visitor.visit_u64(v),
            None => return Err(self.wrong_kind(&visitor)),
        }
        .map_err(|e| e.at(&self.path))
    }
}

// Each `deserialize_*` gives its visitor only the kind it asks for, and reports any other kind
// through the one non-generic `wrong_kind`: serde's default visitor methods would say the same
// (`expected …, found …`), but each visitor type would then carry a copy of the whole
// `deserialize_any` (and a derived struct its array-of-fields reader, which the contract never
// accepts), the bulk of the engine's bytes in the wasm.
impl<'de> Deserializer<'de> for At<'_> {
    type Error = PathError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        let path = &self.path;
        let result = match self.value {
            Json::Null => visitor.visit_unit(),
            Json::Bool(v) => visitor.visit_bool(*v),
            Json::Int(_) | Json::UInt(_) | Json::Float(..) => return self.whole(visitor),
            Json::Str(v) => visitor.visit_str(v),
            Json::Array(items) => visitor.visit_seq(Elements {
                items: items.iter(),
                index: 0,
                parent: path,
            }),
            Json::Object(fields) => visitor.visit_map(Fields {
                fields: fields.iter(),
                value: None,
                parent: path,
            }),
        };
        result.map_err(|e| e.at(path))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self.value {
            Json::Bool(v) => visitor
                .visit_bool::<PathError>(*v)
                .map_err(|e| e.at(&self.path)),
            _ => Err(self.wrong_kind(&visitor)),
        }
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.whole(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.whole(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.whole(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.whole(visitor)
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.whole(visitor)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.whole(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.whole(visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.whole(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self.value {
            Json::Str(v) => visitor
                .visit_str::<PathError>(v)
                .map_err(|e| e.at(&self.path)),
            _ => Err(self.wrong_kind(&visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self.value {
            Json::Array(items) => visitor
                .visit_seq(Elements {
                    items: items.iter(),
                    index: 0,
                    parent: &self.path,
                })
                .map_err(|e| e.at(&self.path)),
            _ => Err(self.wrong_kind(&visitor)),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self.value {
            Json::Object(fields) => visitor
                .visit_map(Fields {
                    fields: fields.iter(),
                    value: None,
                    parent: &self.path,
                })
                .map_err(|e| e.at(&self.path)),
            _ => Err(self.wrong_kind(&visitor)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        let path = self.path;
        match self.value {
            Json::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
        .map_err(|e| e.at(&path))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, PathError> {
        match self.value {
            // Unit variants, as the contract writes them: "in_transit".
            Json::Str(name) => {
                let variant: StrDeserializer<'_, PathError> = (**name).into_deserializer();
                visitor.visit_enum(variant).map_err(|e| e.at(&self.path))
            }
            // The names it could be, rather than serde's `enum SellerKind`.
            _ => Err(self.wrong_kind(&one_of(variants).as_str())),
        }
    }

    // serde lets a struct come from an array of its fields in order; the contract does not.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, PathError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! {
        i128 u128 f32 f64 char bytes byte_buf
        unit unit_struct newtype_struct tuple tuple_struct identifier
    }
}

/// The error for a number that is not a safe whole number, quoting its text as it was
/// written.
fn float_error(v: f64, text: &str, expected: &dyn de::Expected) -> PathError {
    let expected = expecting(expected);
    let why = if !expected.contains("whole number") {
        ""
    } else if whole_number(text).is_some() {
        ", which is beyond JavaScript's safe integers (±9007199254740991)"
    } else if !v.is_finite() {
        ", which is not a finite number"
    } else {
        ", which has a fraction"
    };
    <PathError as de::Error>::custom(format_args!("expected {expected}, found {text}{why}"))
}

struct Elements<'a> {
    items: std::slice::Iter<'a, Json<'a>>,
    index: usize,
    parent: &'a Path<'a>,
}

impl<'de> SeqAccess<'de> for Elements<'_> {
    type Error = PathError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, PathError> {
        let Some(value) = self.items.next() else {
            return Ok(None);
        };
        let path = Path::Index(self.parent, self.index);
        self.index += 1;
        seed.deserialize(At { value, path }).map(Some)
    }
}

struct Fields<'a> {
    fields: std::slice::Iter<'a, (Cow<'a, str>, Json<'a>)>,
    value: Option<&'a (Cow<'a, str>, Json<'a>)>,
    parent: &'a Path<'a>,
}

impl<'de> MapAccess<'de> for Fields<'_> {
    type Error = PathError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, PathError> {
        let Some(entry) = self.fields.next() else {
            return Ok(None);
        };
        self.value = Some(entry);
        let key: StrDeserializer<'_, PathError> = (*entry.0).into_deserializer();
        // An unknown field is reported at its own path: `items[1].colour`.
        let path = Path::Field(self.parent, &entry.0);
        seed.deserialize(key).map(Some).map_err(|e| e.at(&path))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, PathError> {
        let Some((name, value)) = self.value.take() else {
            return Err(de::Error::custom("a value was asked for before its key"));
        };
        seed.deserialize(At {
            value,
            path: Path::Field(self.parent, name),
        })
    }
}

// Native: the tests write their documents as JSON text.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        items: Vec<Item>,
        kind: Option<Kind>,
    }

    #[derive(serde::Deserialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Item {
        qty: u32,
    }

    #[derive(serde::Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        InTransit,
    }

    fn tree(json: &str) -> Json<'_> {
        serde_json::from_str(json).expect("test JSON")
    }

    fn error(json: &str) -> (String, String) {
        let e = from_tree::<Doc>(&tree(json)).unwrap_err();
        (e.path.unwrap_or_default(), e.message)
    }

    #[test]
    fn reads_what_it_should() {
        let doc: Doc =
            from_tree(&tree(r#"{"items": [{"qty": 2}], "kind": "in_transit"}"#)).unwrap();
        assert_eq!(
            doc,
            Doc {
                items: vec![Item { qty: 2 }],
                kind: Some(Kind::InTransit)
            }
        );
        let doc: Doc = from_tree(&tree(r#"{"items": [], "kind": null}"#)).unwrap();
        assert_eq!(doc.kind, None);
    }

    #[test]
    fn errors_name_the_innermost_path() {
        let table = [
            (
                r#"{"items": [{"qty": 1}, {"qty": "x"}]}"#,
                "items[1].qty",
                "expected a whole number from 0 to 4294967295, found \"x\"",
            ),
            (
                r#"{"items": [{"qty": -1}]}"#,
                "items[0].qty",
                "expected a whole number from 0 to 4294967295, found -1",
            ),
            (
                r#"{"items": [{"qty": 1.5}]}"#,
                "items[0].qty",
                "expected a whole number from 0 to 4294967295, found 1.5, which has a fraction",
            ),
            (
                r#"{"items": [{"qty": 1, "colour": "red"}]}"#,
                "items[0].colour",
                "expected only the field \"qty\", found the unknown field \"colour\"",
            ),
            (
                r#"{"items": [{}]}"#,
                "items[0]",
                "expected the field \"qty\", found none",
            ),
            (
                r#"{"items": [], "kind": "lost"}"#,
                "kind",
                "expected \"in_transit\", found \"lost\"",
            ),
            (
                r#"{"items": [], "items": []}"#,
                "",
                "expected the field \"items\" once, found it twice",
            ),
            (r#"[1]"#, "", "expected an object, found a list"),
        ];
        for (json, path, message) in table {
            assert_eq!(error(json), (path.to_owned(), message.to_owned()), "{json}");
        }
    }

    #[test]
    fn each_reader_names_what_it_found_of_another_kind() {
        use std::collections::BTreeMap;
        fn message<T: serde::de::DeserializeOwned + fmt::Debug>(json: &str) -> String {
            // The engine's own reader keeps each number's text as written.
            from_tree::<T>(&parse_text(json).unwrap())
                .unwrap_err()
                .message
        }
        assert_eq!(
            message::<bool>(r#""x""#),
            "expected true or false, found \"x\""
        );
        assert_eq!(message::<String>("5"), "expected a string, found 5");
        assert_eq!(message::<String>("-5.0"), "expected a string, found -5");
        assert_eq!(message::<String>("1.50"), "expected a string, found 1.50");
        assert_eq!(message::<Item>(r#""x""#), "expected an object, found \"x\"");
        assert_eq!(message::<Item>("true"), "expected an object, found true");
        assert_eq!(message::<Kind>("3"), "expected \"in_transit\", found 3");
        assert_eq!(message::<Vec<u32>>("null"), "expected a list, found null");
        assert_eq!(
            message::<BTreeMap<String, u32>>("[]"),
            "expected an object, found a list"
        );
        assert_eq!(
            message::<u32>(r#"{"a": 1}"#),
            "expected a whole number from 0 to 4294967295, found an object"
        );
        // A whole number written as a float is a whole number.
        assert_eq!(from_tree::<u32>(&tree("5.0")).unwrap(), 5);
    }

    #[test]
    fn numbers_are_written_without_float_formatting() {
        let table = [
            (1.5, "1.5"),
            (-0.25, "-0.25"),
            (3.0, "3"),
            (0.1234567, "0.123457"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "infinity"),
            (2e20, "a number above 10^15"),
        ];
        for (value, text) in table {
            assert_eq!(number_text(value), text);
        }
    }
}
