//! How the engine reads a value from a JSON tree ([`Read`]), and the declaration every document
//! type is written as: [`document!`] for a struct, [`names!`] for an enum of names.
//!
//! A document type is declared once: each field with its JSON name, its type (which says how
//! it is read and what it may hold), whether it is `required`, `optional` (absent or `null`:
//! `None`), `default` (absent: the type's default), `null_default` (absent or `null`: the
//! type's default) or, in a `Default` struct, `preset` (absent: the struct's own default), and
//! the bounded reader of a number with bounds (`= preset(policy::window_days)`). From that one
//! declaration follow the struct itself, its reader, the list of names the unknown-field message
//! quotes (`FIELD_NAMES`), and which fields a missing-field message names. The checks no single
//! field can make (references, sums, orderings, uniqueness) are `validate.rs`'s.
//!
//! Why not serde's derived `Deserialize`: it generates, for each struct, a visitor whose field
//! loop, error paths and drop code are monomorphised and inlined into every caller; for the
//! order and the policy that was most of the engine's bytes in the wasm (issue 16). Here a
//! struct's reader is one closure over the non-generic field walker
//! [`At::fields`](crate::json::At::fields), and an enum's one table of names for
//! [`At::variant`](crate::json::At::variant). The leaves (strings, numbers, timestamps,
//! amounts, zones, dates) are read by their serde `Deserialize`, so their messages are the same
//! word for word, and so are the struct errors (unknown, repeated or missing fields). The
//! derives stay on the types for serde users (`serde_json::from_str::<Order>`, the Node
//! package's TypeScript); a test (in `parse.rs`) reads every scenario both
//! ways and compares.
//!
//! The walker can go on past an error ([`At::collecting`](crate::json::At::collecting)), so
//! the same readers also give every problem of a document
//! ([`crate::read_document_reporting_all`]).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::json::{At, PathError};
use super::money::Money;
use super::time::{Date, Instant, StoreZone};

pub(crate) type Result<T> = std::result::Result<T, PathError>;

/// A value readable from the tree.
pub trait Read: Sized {
    fn read(at: At<'_>) -> Result<Self>;
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
by_serde!(String, u32, bool, Instant, Money, StoreZone, Date);

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

/// A `null_default` field (serde's `deserialize_with = "null_as_default"`): absent or `null`
/// give the default.
pub(crate) fn or_default<T: Read + Default>(at: At<'_>) -> Result<T> {
    Ok(Option::<T>::read(at)?.unwrap_or_default())
}

/// A required field's value, or the error naming it (the walker has already reported a
/// missing field: this is never the one an input meets).
pub(crate) fn required<T>(value: Option<T>, at: &At<'_>, field: &'static str) -> Result<T> {
    value.ok_or_else(|| at.missing(field))
}

/// Declares a document struct once: the struct (its attributes, serde's and tsify's
/// included, are passed through), its [`Read`]er and its `FIELD_NAMES`.
///
/// ```text
/// document! {
///     /// One line of the order.
///     #[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
///     #[serde(deny_unknown_fields)]
///     pub struct Item {
///         pub id: String = required,
///         #[serde(default)]
///         pub category: Option<String> = optional,
///         #[serde(default, rename = "return")]
///         pub r#return as "return": Option<ReturnVerdict> = optional,
///     }
/// }
/// ```
///
/// `pub struct Name: Default { … }` is a struct whose absent fields keep its `Default`
/// value (serde's container `default`); its fields are each `= preset`. A field's
/// `= how(reader)` reads it with `reader` (a bounded number) instead of its type's reader.
macro_rules! document {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                $field_vis:vis $field:ident $(as $json:literal)? : $ty:ty = $how:ident $(($reader:path))?
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis struct $name {
            $($(#[$field_meta])* $field_vis $field: $ty,)*
        }

        impl $name {
            /// The JSON names of its fields, as declared.
            pub(crate) const FIELD_NAMES: &'static [&'static str] =
                &[$(document!(@name $field $($json)?)),*];
        }

        impl $crate::read::Read for $name {
            fn read(at: $crate::json::At<'_>) -> $crate::read::Result<$name> {
                #[allow(non_camel_case_types)]
                #[derive(Clone, Copy)]
                enum Field { $($field),* }
                const FIELDS: &[Field] = &[$(Field::$field),*];
                const REQUIRED: u64 = 0 $(| ((document!(@required $how) as u64) << (Field::$field as u32)))*;
                $(let mut $field: Option<$ty> = None;)*
                at.fields($name::FIELD_NAMES, REQUIRED, &mut |index, value| {
                    match FIELDS.get(index) {
                        $(Some(Field::$field) => $field = Some(document!(@read $how value $($reader)?)),)*
                        None => {}
                    }
                    Ok(())
                })?;
                Ok($name {
                    $($field: document!(@finish $how $field at document!(@name $field $($json)?)),)*
                })
            }
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident: Default {
            $(
                $(#[$field_meta:meta])*
                $field_vis:vis $field:ident $(as $json:literal)? : $ty:ty = preset $(($reader:path))?
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis struct $name {
            $($(#[$field_meta])* $field_vis $field: $ty,)*
        }

        impl $name {
            /// The JSON names of its fields, as declared.
            pub(crate) const FIELD_NAMES: &'static [&'static str] =
                &[$(document!(@name $field $($json)?)),*];
        }

        impl $crate::read::Read for $name {
            fn read(at: $crate::json::At<'_>) -> $crate::read::Result<$name> {
                #[allow(non_camel_case_types)]
                #[derive(Clone, Copy)]
                enum Field { $($field),* }
                const FIELDS: &[Field] = &[$(Field::$field),*];
                let mut read = <$name as Default>::default();
                at.fields($name::FIELD_NAMES, 0, &mut |index, value| {
                    match FIELDS.get(index) {
                        $(Some(Field::$field) => read.$field = document!(@read preset value $($reader)?),)*
                        None => {}
                    }
                    Ok(())
                })?;
                Ok(read)
            }
        }
    };
    (@name $field:ident) => { stringify!($field) };
    (@name $field:ident $json:literal) => { $json };
    (@required required) => { true };
    (@required $how:ident) => { false };
    (@read null_default $value:ident) => { $crate::read::or_default($value)? };
    (@read $how:ident $value:ident) => { $crate::read::Read::read($value)? };
    (@read $how:ident $value:ident $reader:path) => { $reader($value)? };
    (@finish required $field:ident $at:ident $name:expr) => {
        $crate::read::required($field, &$at, $name)?
    };
    (@finish optional $field:ident $at:ident $name:expr) => { $field.unwrap_or_default() };
    (@finish default $field:ident $at:ident $name:expr) => { $field.unwrap_or_default() };
    (@finish null_default $field:ident $at:ident $name:expr) => { $field.unwrap_or_default() };
}

/// Declares an enum of names once: the enum (attributes passed through) with each variant's
/// JSON name (`InTransit = "in_transit"`, as serde's `rename_all = "snake_case"` has it), and
/// its [`Read`]er.
macro_rules! names {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $json:literal),* $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $($(#[$variant_meta])* $variant,)*
        }

        read_names! { $name { $($json => $variant),* } }
    };
}

/// The [`Read`]er of an enum of names declared elsewhere (the verdicts a request quotes).
macro_rules! read_names {
    ($($name:ident { $($json:literal => $variant:ident),* })*) => {$(
        impl $crate::read::Read for $name {
            fn read(at: $crate::json::At<'_>) -> $crate::read::Result<$name> {
                const ALL: &[$name] = &[$($name::$variant),*];
                Ok(ALL[at.variant(&[$($json),*])?])
            }
        }
    )*};
}
