//! [`At`]: a value of the tree and where it is. The engine's document readers walk a
//! document with it field by field (non-generic code, few bytes); it is also a serde
//! `Deserializer` ([`deserialize`]), so any `Deserialize` type reads from the tree, every error
//! naming its path.

use std::borrow::Cow;
use std::cell::Cell;

use serde::de::value::StrDeserializer;
use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Unexpected,
    Visitor,
};
use serde::forward_to_deserialize_any;

use super::error::{Path, PathError};
use super::parse::whole_number;
use super::tree::Json;
use super::wording::{float_error, one_of};
use super::MAX_SAFE_INTEGER;

/// Deserializes `T` from `tree`, naming the path of any error.
///
/// ```
/// use order_help_json::{deserialize, Json};
/// let tree = Json::Object(vec![("n".into(), Json::Str("x".into()))]);
/// #[derive(serde::Deserialize, Debug)]
/// struct Doc { #[allow(dead_code)] n: u32 }
/// let error = deserialize::<Doc>(&tree).unwrap_err();
/// assert_eq!(error.path.as_deref(), Some("n"));
/// assert_eq!(error.message, "expected a whole number from 0 to 4294967295, found \"x\"");
/// ```
pub fn deserialize<'de, T: de::Deserialize<'de>>(tree: &Json<'_>) -> Result<T, PathError> {
    T::deserialize(At::root(tree))
}

/// How a walk treats the error of a part (an element, an entry, a field): [`Stop`] at the
/// first, or keep it in a [`Report`] and go on (`&Report`). A type, not a value, so a walk
/// that stops carries none of the keeping: the widget's wasm reads documents that way.
pub trait Walk: Copy {
    /// After a part's error: `Err` to end the walk with it, `Ok` to read the next part.
    fn after(self, error: PathError) -> Result<(), PathError>;
}

/// The walk ends at the first error ([`At::root`]).
#[derive(Clone, Copy, Debug)]
pub struct Stop;

impl Walk for Stop {
    #[inline]
    fn after(self, error: PathError) -> Result<(), PathError> {
        Err(error)
    }
}

/// The walk keeps each error and goes on ([`At::collecting`]), until the report is full.
impl Walk for &Report {
    fn after(self, error: PathError) -> Result<(), PathError> {
        self.keep(error)
    }
}

/// What [`At::entries`] gives each entry to: its name and value.
pub type ReadEntry<'r, W> = dyn FnMut(&str, At<'_, W>) -> Result<(), PathError> + 'r;

/// What [`At::fields`] gives each field to: its index in the names and its value.
pub type ReadField<'r, W> = dyn FnMut(usize, At<'_, W>) -> Result<(), PathError> + 'r;

/// A value of the tree and where it is, walked with `W` ([`Stop`] unless said).
#[derive(Clone, Copy)]
pub struct At<'a, W: Walk = Stop> {
    value: &'a Json<'a>,
    path: Path<'a>,
    walk: W,
}

impl<'a> At<'a> {
    /// The document itself: the walk stops at the first error.
    pub fn root(value: &'a Json<'a>) -> At<'a> {
        At {
            value,
            path: Path::Root,
            walk: Stop,
        }
    }
}

impl<'a> At<'a, &'a Report> {
    /// The document itself, in a walk that goes on past errors: [`elements`](At::elements),
    /// [`entries`](At::entries) and [`fields`](At::fields) keep the error of a part in `report`
    /// and read the next part, then fail with [`PathError::kept`] (until the report is full,
    /// when they stop at once).
    pub fn collecting(value: &'a Json<'a>, report: &'a Report) -> At<'a, &'a Report> {
        At {
            value,
            path: Path::Root,
            walk: report,
        }
    }
}

// What a document reader walking the tree by hand (the engine's) needs of a value: its kind,
// its parts and their paths, and the errors serde would give, from non-generic code.
impl<'a, W: Walk> At<'a, W> {
    /// A part of this value: its path, and this walk.
    fn part(&self, value: &'a Json<'a>, path: Path<'a>) -> At<'a, W> {
        At {
            value,
            path,
            walk: self.walk,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.value, Json::Null)
    }

    pub fn is_object(&self) -> bool {
        matches!(self.value, Json::Object(_))
    }

    pub fn is_array(&self) -> bool {
        matches!(self.value, Json::Array(_))
    }

    /// After a part's error: end the walk, or note that the value could not be read and go on.
    fn after(&self, error: PathError, failed: &mut bool) -> Result<(), PathError> {
        *failed = true;
        self.walk.after(error)
    }

    /// The end of a walk over the parts: an error if any part failed (already kept).
    fn end(failed: bool) -> Result<(), PathError> {
        match failed {
            true => Err(PathError::kept()),
            false => Ok(()),
        }
    }

    /// Each element of a list, with its path (`items[2]`).
    pub fn elements(
        &self,
        read: &mut dyn FnMut(At<'_, W>) -> Result<(), PathError>,
    ) -> Result<(), PathError> {
        let Json::Array(items) = self.value else {
            return Err(self.wrong_kind(&"a list"));
        };
        let mut failed = false;
        for (index, value) in items.iter().enumerate() {
            if let Err(error) = read(self.part(value, Path::Index(&self.path, index))) {
                self.after(error, &mut failed)?;
            }
        }
        Self::end(failed)
    }

    /// Each entry of an object used as a map, with its path (`category_windows.books`).
    pub fn entries(&self, read: &mut ReadEntry<'_, W>) -> Result<(), PathError> {
        let Json::Object(fields) = self.value else {
            return Err(self.wrong_kind(&"an object"));
        };
        let mut failed = false;
        for (name, value) in fields {
            if let Err(error) = read(name, self.part(value, Path::Field(&self.path, name))) {
                self.after(error, &mut failed)?;
            }
        }
        Self::end(failed)
    }

    /// The fields of an object that may have only the fields `names` (each at most once, at
    /// most 64), of which those whose bit is set in `required` must be given: `read(i, value)`
    /// for the field `names[i]`, in the document's order. The errors are serde's
    /// `deny_unknown_fields` ones: an unknown field at its own path, a repeated one at the
    /// object's, then each missing field (in `names`' order) at the object's.
    pub fn fields(
        &self,
        names: &'static [&'static str],
        required: u64,
        read: &mut ReadField<'_, W>,
    ) -> Result<(), PathError> {
        let Json::Object(fields) = self.value else {
            return Err(self.wrong_kind(&"an object"));
        };
        let (mut seen, mut failed) = (0u64, false);
        for (name, value) in fields {
            let path = Path::Field(&self.path, name);
            let Some(index) = names.iter().position(|n| n == name) else {
                let error: PathError = de::Error::unknown_field(name, names);
                self.after(error.at(&path), &mut failed)?;
                continue;
            };
            if seen & (1 << index) != 0 {
                let error: PathError = de::Error::duplicate_field(names[index]);
                self.after(error.at(&self.path), &mut failed)?;
                continue;
            }
            seen |= 1 << index;
            if let Err(error) = read(index, self.part(value, path)) {
                self.after(error, &mut failed)?;
            }
        }
        for (index, name) in names.iter().enumerate() {
            if required & !seen & (1 << index) != 0 {
                self.after(self.missing(name), &mut failed)?;
            }
        }
        Self::end(failed)
    }

    /// A required field was not given: the error, at the object's path.
    pub fn missing(&self, field: &'static str) -> PathError {
        let error: PathError = de::Error::missing_field(field);
        error.at(&self.path)
    }

    /// Which of `names` the value is (an enum's `snake_case` variants).
    pub fn variant(&self, names: &'static [&'static str]) -> Result<usize, PathError> {
        let Json::Str(name) = self.value else {
            return Err(self.wrong_kind(&one_of(names).as_str()));
        };
        names.iter().position(|n| n == name).ok_or_else(|| {
            let error: PathError = de::Error::unknown_variant(name, names);
            error.at(&self.path)
        })
    }
}

/// The errors a walk that goes on past errors ([`At::collecting`]) has met: at most `cap`, in
/// the order met (the document's, a missing field after the fields of its object).
///
/// ```
/// use order_help_json::{parse_text, At, Report};
/// let tree = parse_text(r#"["a", 1, true, "b", null]"#).unwrap();
/// let report = Report::new(10);
/// let mut strings = Vec::new();
/// let walk = At::collecting(&tree, &report).elements(&mut |element| {
///     strings.push(<String as serde::Deserialize>::deserialize(element)?);
///     Ok(())
/// });
/// assert!(walk.unwrap_err().is_kept());
/// let paths: Vec<_> = report.take().into_iter().map(|e| e.path.unwrap()).collect();
/// assert_eq!(paths, ["[1]", "[2]", "[4]"]);
/// assert_eq!(strings, ["a", "b"]);
/// ```
pub struct Report {
    // A `Cell`, taken and put back: no borrow to check (and no panic for one in the wasm).
    errors: Cell<Vec<PathError>>,
    cap: usize,
}

impl std::fmt::Debug for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Report")
            .field("cap", &self.cap)
            .finish_non_exhaustive()
    }
}

impl Report {
    /// An empty report that keeps at most `cap` errors (at least one).
    pub fn new(cap: usize) -> Report {
        Report {
            errors: Cell::new(Vec::new()),
            cap: cap.max(1),
        }
    }

    /// Keeps `error` (unless it is the [`PathError::kept`] mark of errors already kept);
    /// `Err(kept)` once the report is full, which ends the walk.
    pub fn keep(&self, error: PathError) -> Result<(), PathError> {
        let mut errors = self.errors.take();
        if !error.is_kept() && errors.len() < self.cap {
            errors.push(error);
        }
        let room = errors.len() < self.cap;
        self.errors.set(errors);
        match room {
            true => Ok(()),
            false => Err(PathError::kept()),
        }
    }

    /// The errors kept so far, in the order met (the report is left empty).
    pub fn take(&self) -> Vec<PathError> {
        self.errors.take()
    }
}

/// A number as the visitors are given it: negative, or not.
enum Number {
    Negative(i64),
    NonNegative(u64),
}

impl<W: Walk> At<'_, W> {
    /// The value as a whole number, if it is one: an integer, or a float whose text is a whole
    /// number within JavaScript's safe range (serde_json reads `5.0` as a float).
    fn number(&self) -> Option<Number> {
        match self.value {
            Json::Int(v) => Some(Number::Negative(*v)),
            Json::UInt(v) => Some(Number::NonNegative(*v)),
            Json::Float(_, text) => match whole_number(text) {
                Some(Some(w)) if w <= MAX_SAFE_INTEGER => Some(match text.starts_with('-') {
                    true => Number::Negative(-(w as i64)),
                    false => Number::NonNegative(w),
                }),
                _ => None,
            },
            _ => None,
        }
    }

    /// The value as a whole number that is not negative, if it is one (as [`Self::number`]
    /// reads numbers): for a reader that bounds it without a serde visitor.
    pub fn unsigned(&self) -> Option<u64> {
        match self.number()? {
            Number::NonNegative(v) => Some(v),
            Number::Negative(v) => u64::try_from(v).ok(),
        }
    }

    /// `expected …, found <this value>`, at this value's path: for a value of the kind
    /// wanted by no reader of it.
    pub fn unexpected(&self, expected: &dyn de::Expected) -> PathError {
        self.wrong_kind(expected)
    }

    /// `message` at this value's path: for a value its reader read and still refuses.
    pub fn error(&self, message: String) -> PathError {
        PathError {
            path: None,
            message,
        }
        .at(&self.path)
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

/// `deserialize_*` methods that give the visitor a whole number ([`At::whole`]).
macro_rules! whole_numbers {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
            self.whole(visitor)
        }
    )*};
}

// Each `deserialize_*` gives its visitor only the kind it asks for, and reports any other kind
// through the one non-generic `wrong_kind`: serde's default visitor methods would say the same
// (`expected …, found …`), but each visitor type would then carry a copy of the whole
// `deserialize_any` (and a derived struct its array-of-fields reader, which the contract never
// accepts), the bulk of the engine's bytes in the wasm.
impl<'de, W: Walk> Deserializer<'de> for At<'_, W> {
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

    // Every integer the same way: a whole number, which the visitor bounds.
    whole_numbers! {
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
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
        seed.deserialize(At {
            value,
            path,
            walk: Stop,
        })
        .map(Some)
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
            walk: Stop,
        })
    }
}
