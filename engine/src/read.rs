//! How the engine reads a value from a JSON tree ([`Read`]), and the declaration every document
//! type is written as: [`document!`] for a struct, [`names!`] for an enum of names.
//!
//! A document type is declared once: each field with its JSON name, its type (which says how
//! it is read and what it may hold), how an absent field reads (`required`, `optional`,
//! `default`, `null_default`, or `preset` in a `struct Name: default`) and, for a number with
//! bounds, its bounded reader (`= preset(read_window_days)`). From that one declaration follow the
//! struct with its serde attributes, its reader, the names the unknown-field message quotes
//! (`FIELD_NAMES`) and the missing-field messages. The checks no single field can make
//! (references, sums, orderings, uniqueness, blank ids) are `validate.rs`'s.
//!
//! Why not serde's derived `Deserialize`: it generates, for each struct, a visitor whose field
//! loop, error paths and drop code are monomorphised and inlined into every caller; for the
//! order and the policy that was most of the engine's bytes in the wasm (issue 16). Here a
//! struct's reader is one closure over the non-generic field walker
//! [`At::fields`](crate::json::At::fields), and an enum's one table of names for
//! [`At::variant`](crate::json::At::variant). The leaves (strings, numbers, timestamps,
//! amounts, zones, dates) are read by their serde `Deserialize`, so their messages are the same
//! word for word, and so are the struct errors (unknown, repeated or missing fields). serde's
//! derives stay on the types, written by the declaration, for serde users
//! (`serde_json::from_str::<Order>`, the Node package's TypeScript); a test (in `parse.rs`)
//! reads every scenario both ways and compares.
//!
//! The walker can go on past an error ([`At::collecting`](crate::json::At::collecting)), so
//! the same readers also give every problem of a document
//! ([`crate::read_document_reporting_all`]).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::json::{At, PathError, Walk};
use super::money::Money;
use super::time::{Date, Instant, StoreZone};

pub(crate) type Result<T> = std::result::Result<T, PathError>;

/// A value readable from the tree.
pub trait Read: Sized {
    /// Reads the value; `W` says whether the walk stops at the first error (the widget's
    /// reading, with none of the keeping in its wasm) or goes on.
    fn read<W: Walk>(at: At<'_, W>) -> Result<Self>;
}

/// The leaves keep their serde readers (small ones: the document readers are the bulk).
macro_rules! by_serde {
    ($($t:ty),*) => {$(
        impl Read for $t {
            fn read<W: Walk>(at: At<'_, W>) -> Result<$t> {
                <$t>::deserialize(at)
            }
        }
    )*};
}
by_serde!(String, bool, Instant, Money, StoreZone, Date);

/// Any `u32`, as serde's would say it (`expected a whole number from 0 to 4294967295, found
/// "x"`), on the walk: one reader for every bounded number ([`Bounded::read`]).
impl Read for u32 {
    fn read<W: Walk>(at: At<'_, W>) -> Result<u32> {
        Bounded::of("a whole number", 0, u32::MAX).read(at)
    }
}

/// A whole number from `min` to `max`; errors say so, `expected {what} from {min} to {max},
/// found …` (not serde's "expected u32"). The engine reads it with [`Bounded::read`]; it is
/// also a serde visitor and seed, for serde users (`deserialize_with`).
#[derive(Clone, Copy)]
pub(crate) struct Bounded {
    /// What it is: "a whole number of days", "a percentage".
    pub(crate) what: &'static str,
    pub(crate) min: u32,
    pub(crate) max: u32,
    /// Said after `found 0` when 0 is out of bounds (empty: nothing more to say).
    pub(crate) zero: &'static str,
}

impl Bounded {
    /// Bounds with nothing more to say of a 0.
    pub(crate) const fn of(what: &'static str, min: u32, max: u32) -> Bounded {
        Bounded {
            what,
            min,
            max,
            zero: "",
        }
    }

    /// The number at `at`, on the engine's walk (what the visitor reads, word for word).
    pub(crate) fn read<W: Walk>(self, at: At<'_, W>) -> Result<u32> {
        let number = at.unsigned();
        if let Some(v) = number.and_then(|v| u32::try_from(v).ok()) {
            if (self.min..=self.max).contains(&v) {
                return Ok(v);
            }
        }
        // `expected …, found 0` and what to write instead: the visitor's words, without a
        // formatting of its own.
        let mut error = at.unexpected(&self);
        if number == Some(0) && !self.zero.is_empty() {
            error.message.push_str(": ");
            error.message.push_str(self.zero);
        }
        Err(error)
    }

    /// `v` if within bounds; else the message for a 0 that has one (`None`: the usual
    /// `expected …, found …`).
    fn check(self, v: u64) -> std::result::Result<u32, Option<String>> {
        match u32::try_from(v) {
            Ok(v) if (self.min..=self.max).contains(&v) => Ok(v),
            Ok(0) if !self.zero.is_empty() => Err(Some(format!(
                "expected {} from {} to {}, found 0: {}",
                self.what, self.min, self.max, self.zero
            ))),
            _ => Err(None),
        }
    }
}

impl serde::de::Visitor<'_> for Bounded {
    type Value = u32;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} from {} to {}", self.what, self.min, self.max)
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<u32, E> {
        self.check(v).map_err(|zero| match zero {
            Some(zero) => E::custom(zero),
            None => E::invalid_value(serde::de::Unexpected::Unsigned(v), &self),
        })
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<u32, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Err(E::invalid_value(serde::de::Unexpected::Signed(v), &self)),
        }
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for Bounded {
    type Value = u32;
    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> std::result::Result<u32, D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// Absent or `null`: `None`.
impl<T: Read> Read for Option<T> {
    fn read<W: Walk>(at: At<'_, W>) -> Result<Option<T>> {
        if at.is_null() {
            return Ok(None);
        }
        T::read(at).map(Some)
    }
}

impl<T: Read> Read for Vec<T> {
    fn read<W: Walk>(at: At<'_, W>) -> Result<Vec<T>> {
        let mut list = Vec::new();
        at.elements(&mut |element| {
            list.push(T::read(element)?);
            Ok(())
        })?;
        Ok(list)
    }
}

impl<T: Read> Read for BTreeMap<String, T> {
    fn read<W: Walk>(at: At<'_, W>) -> Result<BTreeMap<String, T>> {
        let mut map = BTreeMap::new();
        at.entries(&mut |name, value| {
            map.insert(name.to_owned(), T::read(value)?);
            Ok(())
        })?;
        Ok(map)
    }
}

/// A `null_default` field: absent or `null` give the default.
pub(crate) fn or_default<T: Read + Default, W: Walk>(at: At<'_, W>) -> Result<T> {
    Ok(Option::<T>::read(at)?.unwrap_or_default())
}

/// serde's reader of a `null_default` field (`deserialize_with`), for serde users.
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> std::result::Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// Declares a document struct once. Each field: its name (`as "json"` when the JSON name is
/// not the Rust one), its type, and how an absent field reads: `required`, `optional` (an
/// `Option`: absent or `null` are `None`), `default` (absent: the type's default), `null_default`
/// (absent or `null`: the type's default) or, in a `struct Name: default`, `preset` (absent:
/// the struct's own `Default` value); `= how(reader)` reads it with `reader` (a bounded number)
/// instead of its type's reader.
///
/// From it follow the struct, with the derives every document has (`Clone, Debug, PartialEq,
/// Eq`, serde's `Deserialize` and `Serialize`, tsify's `Tsify` with the `typescript` feature)
/// and the serde attributes the declaration implies (`deny_unknown_fields`, `default`,
/// `rename`), so serde users read what the engine reads; its [`Read`]er; and its
/// `FIELD_NAMES`, which the unknown-field message quotes. Other attributes (doc comments,
/// `skip_serializing_if`, tsify's, a bounded reader's `deserialize_with` for serde) are passed
/// through.
///
/// ```text
/// document! {
///     /// One line of a proposal.
///     pub struct ProposalLine {
///         pub item_id: String = required,
///         pub opened: Option<bool> = optional,
///     }
/// }
/// ```
macro_rules! document {
    // The struct, field by field: each with the serde attributes its `how` implies.
    (@struct [$($head:tt)*] [$($done:tt)*]) => { $($head)* { $($done)* } };
    (@struct $head:tt [$($done:tt)*]
        $(#[$m:meta])* $v:vis $f:ident $(as $json:literal)? : $ty:ty = required $(($r:path))?,
        $($rest:tt)*
    ) => {
        document!(@struct $head [$($done)* $(#[$m])* $(#[serde(rename = $json)])? $v $f: $ty,] $($rest)*);
    };
    (@struct $head:tt [$($done:tt)*]
        $(#[$m:meta])* $v:vis $f:ident $(as $json:literal)? : $ty:ty = preset $(($r:path))?,
        $($rest:tt)*
    ) => {
        document!(@struct $head [$($done)* $(#[$m])* $(#[serde(rename = $json)])? $v $f: $ty,] $($rest)*);
    };
    (@struct $head:tt [$($done:tt)*]
        $(#[$m:meta])* $v:vis $f:ident $(as $json:literal)? : $ty:ty = null_default,
        $($rest:tt)*
    ) => {
        document!(@struct $head [$($done)*
            $(#[$m])* #[serde(default, deserialize_with = "crate::read::null_as_default")]
            $(#[serde(rename = $json)])? $v $f: $ty,
        ] $($rest)*);
    };
    // `optional` and `default`: absent is the default.
    (@struct $head:tt [$($done:tt)*]
        $(#[$m:meta])* $v:vis $f:ident $(as $json:literal)? : $ty:ty = $how:ident,
        $($rest:tt)*
    ) => {
        document!(@struct $head [$($done)*
            $(#[$m])* #[serde(default)] $(#[serde(rename = $json)])? $v $f: $ty,
        ] $($rest)*);
    };
    // Each field into a local of its own (a required one as an `Option`, else its type's
    // default), then the struct from them.
    (@body [] $at:ident {
        $($field:ident : $ty:ty = $how:ident $(($reader:path))? $(as $json:literal)?),*
    }) => {{
        $(let mut $field = document!(@slot $how $ty);)*
        document!(@walk $at value {
            $($field => $field = document!(@fill $how document!(@read $how value $($reader)?))),*
        });
        Ok(Self {
            $($field: document!(@finish $how $field $at document!(@name $field $($json)?)),)*
        })
    }};
    // Each field over the struct's default.
    (@body [default] $at:ident {
        $($field:ident : $ty:ty = preset $(($reader:path))? $(as $json:literal)?),*
    }) => {{
        let mut read = Self::default();
        document!(@walk $at value {
            $($field => read.$field = document!(@read preset value $($reader)?)),*
        });
        Ok(read)
    }};
    // The object's fields in the document's order, each to its `assign`.
    (@walk $at:ident $value:ident { $($field:ident => $assign:expr),* }) => {
        $at.fields(Self::FIELD_NAMES, REQUIRED, &mut |index, $value| {
            match FIELDS.get(index) {
                $(Some(Field::$field) => $assign,)*
                None => {}
            }
            Ok(())
        })?
    };
    (@name $field:ident) => { stringify!($field) };
    (@name $field:ident $json:literal) => { $json };
    (@required required) => { true };
    (@required $how:ident) => { false };
    (@read null_default $value:ident) => { $crate::read::or_default($value)? };
    (@read $how:ident $value:ident) => { $crate::read::Read::read($value)? };
    (@read $how:ident $value:ident $reader:path) => { $reader($value)? };
    // `fields` has reported a missing required field: the mark is only the type's way out.
    (@finish required $field:ident $at:ident $name:expr) => {
        $field.ok_or_else($crate::json::PathError::kept)?
    };
    (@finish $how:ident $field:ident $at:ident $name:expr) => { $field };
    (@slot required $ty:ty) => { None::<$ty> };
    (@slot $how:ident $ty:ty) => { <$ty>::default() };
    (@fill required $value:expr) => { Some($value) };
    (@fill $how:ident $value:expr) => { $value };
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident $(: $defaults:ident)? {
            $(
                $(#[$field_meta:meta])*
                $field_vis:vis $field:ident $(as $json:literal)? : $ty:ty = $how:ident $(($reader:path))?
            ),* $(,)?
        }
    ) => {
        document!(@struct [
            #[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
            #[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
            #[serde(deny_unknown_fields)]
            $(#[serde($defaults)])?
            $(#[$meta])*
            $vis struct $name
        ] [] $($(#[$field_meta])* $field_vis $field $(as $json)? : $ty = $how $(($reader))?,)*);

        impl $name {
            /// The JSON names of its fields, as declared.
            pub(crate) const FIELD_NAMES: &'static [&'static str] =
                &[$(document!(@name $field $($json)?)),*];
        }

        impl $crate::read::Read for $name {
            fn read<W: $crate::json::Walk>(at: $crate::json::At<'_, W>) -> $crate::read::Result<$name> {
                #[allow(non_camel_case_types)]
                #[derive(Clone, Copy)]
                enum Field { $($field),* }
                const FIELDS: &[Field] = &[$(Field::$field),*];
                const REQUIRED: u64 =
                    0 $(| ((document!(@required $how) as u64) << (Field::$field as u32)))*;
                document!(@body [$($defaults)?] at {
                    $($field: $ty = $how $(($reader))? $(as $json)?),*
                })
            }
        }
    };
}

/// Declares an enum of names once: each variant with its JSON name (`InTransit =
/// "in_transit"`). From it follow the enum, with the derives every such enum has (`Clone,
/// Copy, Debug, PartialEq, Eq, Hash`, serde's `Deserialize` and `Serialize` with that name,
/// tsify's `Tsify` with the `typescript` feature), and its [`Read`]er.
macro_rules! names {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $json:literal),* $(,)?
        }
    ) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize)]
        #[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
        $(#[$meta])*
        $vis enum $name {
            $($(#[$variant_meta])* #[serde(rename = $json)] $variant,)*
        }

        read_names! { $name { $($json => $variant),* } }
    };
}

/// The [`Read`]er of an enum of names declared elsewhere (the verdicts a request quotes).
macro_rules! read_names {
    ($($name:ident { $($json:literal => $variant:ident),* })*) => {$(
        impl $crate::read::Read for $name {
            fn read<W: $crate::json::Walk>(at: $crate::json::At<'_, W>) -> $crate::read::Result<$name> {
                const ALL: &[$name] = &[$($name::$variant),*];
                Ok(ALL[at.variant(&[$($json),*])?])
            }
        }
    )*};
}
