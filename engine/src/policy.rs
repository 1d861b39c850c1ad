//! The store's policy: every number and list the rules read, defaulted to the values in
//! [docs/domain.md](../../docs/domain.md). A policy document only needs the fields it changes.
//! A field it gives replaces the default as a whole (a `category_windows` map replaces the
//! default map), except a list of names given as `{"add": [...], "remove": [...]}`, which edits
//! its default list ([`ListEdit`]). Each type is declared once (`document!`, see `read.rs`): a
//! `struct Name: default` keeps its `Default` value for every absent field.
//!
//! Categories are matched ignoring ASCII case, with `-`, `_` and a space alike
//! ([`same_category`]): `gift_cards`, `Gift-Cards` and `gift cards` are one category.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::order::PaymentMethod;
use super::read::Bounded;
use super::time::{Date, StoreZone};

document! {
    /// The store's policy.
    ///
    /// ```
    /// # #[cfg(not(target_arch = "wasm32"))] {
    /// use order_help_engine::Policy;
    /// let policy = Policy::from_json_str(r#"{"time_zone": "Europe/Berlin", "return_window_days": 14}"#).unwrap();
    /// assert_eq!(policy.time_zone.name(), "Europe/Berlin");
    /// assert_eq!(policy.return_window_days, 14);
    /// assert_eq!(policy.marketplace_cancel_grace_minutes, Policy::default().marketplace_cancel_grace_minutes);
    /// # }
    /// ```
    #[cfg_attr(feature = "typescript", tsify(hashmap_as_object))]
    pub struct Policy: default {
        /// Where return windows are counted (an IANA name or a POSIX TZ rule).
        pub time_zone: StoreZone = preset,
        /// Days after delivery, for categories without their own window (1 to
        /// [`MAX_WINDOW_DAYS`](crate::MAX_WINDOW_DAYS); 0 is an error: a category that cannot be
        /// returned goes in `non_returnable_categories`, which says so to the customer).
        #[serde(deserialize_with = "window_days")]
        pub return_window_days: u32 = preset(read_window_days),
        /// Category → days after delivery (each 1 to [`MAX_WINDOW_DAYS`](crate::MAX_WINDOW_DAYS)).
        #[serde(deserialize_with = "serde_category_windows")]
        pub category_windows: BTreeMap<String, u32> = preset(category_windows),
        /// Categories that can never be returned. A list replaces the default
        /// ([`NON_RETURNABLE_CATEGORIES`]); `{"add": [...], "remove": [...]}` edits it.
        #[serde(deserialize_with = "non_returnable")]
        #[cfg_attr(feature = "typescript", tsify(type = "string[] | ListEdit"))]
        pub non_returnable_categories: Vec<String> = preset(read_non_returnable),
        /// How long after ordering a marketplace buyer may cancel without the seller.
        #[serde(deserialize_with = "grace_minutes")]
        pub marketplace_cancel_grace_minutes: u32 = preset(read_grace_minutes),
        /// Amazon's holiday rule (off by default: a store opts in).
        pub holiday_extension: HolidayExtension = preset,
        /// Category → percent of the item value kept when an opened item is returned (0 to 100).
        #[serde(deserialize_with = "serde_opened_fees")]
        pub opened_fees: BTreeMap<String, u32> = preset(opened_fees),
        pub refund_timing: RefundTimingTable = preset,
        pub cancellation_reasons: CancellationReasons = preset,
        /// Reason ids that count as buyer's remorse (a marketplace return then loses the delivery
        /// cost). A list replaces the default; `{"add": [...], "remove": [...]}` edits it.
        #[serde(deserialize_with = "remorse")]
        #[cfg_attr(feature = "typescript", tsify(type = "string[] | ListEdit"))]
        pub buyers_remorse_reasons: Vec<String> = preset(read_remorse),
        /// The EU consumer's statutory right of withdrawal (off by default).
        pub withdrawal: Withdrawal = preset,
        /// The reasons the return flow offers, in order (at most [`crate::limits::MAX_REASONS`]);
        /// each says whether it is buyer's remorse, which decides the refund
        /// ([`crate::preview_return`]).
        pub return_reasons: Vec<ReturnReason> = preset,
        /// What customers read for a category id, by language: id → BCP 47
        /// language tag → name, e.g. `{"gift_cards": {"en": "Gift cards", "de": "Gutscheine"}}`
        /// ([`Policy::category_name`]). Without a name, a sentence shows the id humanised
        /// ([`humanise`]: "gift cards").
        #[cfg_attr(
            feature = "typescript",
            tsify(type = "Record<string, Record<string, string>>")
        )]
        pub category_names: Names<Names<String>> = preset(read_category_names),
    }
}

impl Default for Policy {
    fn default() -> Policy {
        let strings = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        Policy {
            time_zone: StoreZone::default(),
            return_window_days: 30,
            category_windows: map(&[("ebooks", 7), ("baby", 90), ("renewed", 90)]),
            non_returnable_categories: strings(NON_RETURNABLE_CATEGORIES),
            marketplace_cancel_grace_minutes: 30,
            holiday_extension: HolidayExtension::default(),
            opened_fees: map(&[("computers", 15)]),
            refund_timing: RefundTimingTable::default(),
            cancellation_reasons: CancellationReasons::default(),
            buyers_remorse_reasons: strings(BUYERS_REMORSE_REASONS),
            withdrawal: Withdrawal::default(),
            return_reasons: ReturnReason::defaults(),
            category_names: Names::default(),
        }
    }
}

/// The default `non_returnable_categories`: both spellings of personalised, as in the
/// withdrawal's exclusions, so an order's spelling does not decide.
pub static NON_RETURNABLE_CATEGORIES: &[&str] = &[
    "groceries",
    "hazardous",
    "digital",
    "personalized",
    "personalised",
    "gift_cards",
];
/// The default `buyers_remorse_reasons`.
pub static BUYERS_REMORSE_REASONS: &[&str] = &["ordered_by_mistake", "found_better_price"];
/// The default `withdrawal.excluded_categories` (art. 16(c), (d), (j)), both spellings.
pub static WITHDRAWAL_EXCLUDED_CATEGORIES: &[&str] = &[
    "custom_made",
    "personalized",
    "personalised",
    "perishable",
    "newspapers_magazines",
];
/// The default `withdrawal.excluded_when_unsealed` (art. 16(e), (i)).
pub static WITHDRAWAL_EXCLUDED_WHEN_UNSEALED: &[&str] = &["sealed_hygiene", "sealed_media"];

/// Whether two category names are the same category: ASCII case ignored, and `-`, `_` and a
/// space alike (`Gift-Cards` is `gift_cards`).
pub fn same_category(a: &str, b: &str) -> bool {
    let fold = |c: u8| match c {
        b'-' | b' ' => b'_',
        c => c.to_ascii_lowercase(),
    };
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| fold(x) == fold(y))
}

/// An id as words, for a customer's sentence when the policy names it in no language:
/// `gift_cards` → "gift cards" (`_` and `-` as spaces; letters as written).
pub fn humanise(id: &str) -> String {
    let mut words = String::new();
    for c in id.trim().chars() {
        words.push(if c == '_' || c == '-' { ' ' } else { c });
    }
    words
}

/// A category map. Built by `insert` (which reading a policy needs anyway), not `collect`:
/// `BTreeMap`'s `FromIterator` brings a stable sort and a bulk builder into the wasm (issue 16).
fn map(entries: &[(&str, u32)]) -> BTreeMap<String, u32> {
    let mut map = BTreeMap::new();
    for (key, value) in entries {
        map.insert((*key).to_owned(), *value);
    }
    map
}

impl Policy {
    /// What a customer reading `language` (a BCP 47 tag, e.g. `de-AT`) reads for a category or
    /// service id: the policy's name for that tag, else for its language (`de`), else for
    /// another tag of its language (`de-CH`), else the id humanised ([`humanise`]). Tags match
    /// ignoring ASCII case.
    ///
    /// ```
    /// # #[cfg(not(target_arch = "wasm32"))] {
    /// use order_help_engine::Policy;
    /// let policy = Policy::from_json_str(
    ///     r#"{"category_names": {"gift_cards": {"en": "Gift cards", "de": "Gutscheine"}}}"#,
    /// ).unwrap();
    /// assert_eq!(policy.category_name("Gift-Cards", "de-AT"), "Gutscheine");
    /// assert_eq!(policy.category_name("gift_cards", "fr"), "gift cards");
    /// # }
    /// ```
    pub fn category_name(&self, id: &str, language: &str) -> String {
        self.named(id).name(language)
    }

    /// A category id with the policy's names for it, for a sentence to show in any language.
    pub fn named(&self, id: &str) -> Named {
        let names = self
            .category_names
            .0
            .iter()
            .find(|(known, _)| same_category(known, id))
            .map(|(_, names)| names.clone())
            .unwrap_or_default();
        Named {
            id: id.to_owned(),
            names,
        }
    }

    /// Every field of a policy by its path, in the order of the declaration: a block with
    /// fields of its own (`holiday_extension`, `refund_timing`, `cancellation_reasons`,
    /// `withdrawal`) by each of them (`withdrawal.days`); a list or a map as a whole. What
    /// `order-help policy` reports, and the README's policy table lists.
    pub fn field_paths() -> Vec<String> {
        let blocks: [(&str, &[&str]); 4] = [
            ("holiday_extension", HolidayExtension::FIELD_NAMES),
            ("refund_timing", RefundTimingTable::FIELD_NAMES),
            ("cancellation_reasons", CancellationReasons::FIELD_NAMES),
            ("withdrawal", Withdrawal::FIELD_NAMES),
        ];
        let mut paths = Vec::new();
        for field in Policy::FIELD_NAMES {
            match blocks.iter().find(|(block, _)| block == field) {
                Some((block, inner)) => {
                    paths.extend(inner.iter().map(|name| format!("{block}.{name}")));
                }
                None => paths.push((*field).to_owned()),
            }
        }
        paths
    }

    /// The return window for a category, in days (categories match as [`same_category`]).
    pub fn window_days(&self, category: Option<&str>) -> u32 {
        category
            .and_then(|c| lookup(&self.category_windows, c))
            .unwrap_or(self.return_window_days)
    }

    /// Whether items of this category can never be returned.
    pub fn is_non_returnable(&self, category: Option<&str>) -> bool {
        category.is_some_and(|c| listed(&self.non_returnable_categories, c))
    }

    /// The opened-item fee for a category, in percent, if any.
    pub fn opened_fee_percent(&self, category: Option<&str>) -> Option<u32> {
        category
            .and_then(|c| lookup(&self.opened_fees, c))
            .filter(|p| *p > 0)
    }
}

/// A category id as the order gives it, with the policy's names for it by language tag
/// ([`Policy::named`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Named {
    pub id: String,
    pub names: Names<String>,
}

/// A JSON object read as a list of its entries, `key → T`, in the document's order (the first
/// of a repeated key counts). A list rather than a map: lookups go over a few entries, and a
/// map type of its own would cost the widget kilobytes of wasm.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names<T>(pub Vec<(String, T)>);

/// The engine's reader of `category_names`: id → tag → name, each level an object read into
/// its entries; a blank name is an error at its path (`category_names.gift_cards.de`). One reader for both levels rather than a generic one per level (each copy
/// would be the widget's wasm's).
fn read_category_names<W: crate::json::Walk>(
    at: crate::json::At<'_, W>,
) -> crate::read::Result<Names<Names<String>>> {
    use crate::read::Read;
    let mut ids = Vec::new();
    at.entries(&mut |id, names| {
        let mut by_tag = Vec::new();
        names.entries(&mut |tag, at| {
            // A blank name would leave a sentence without its category.
            let name = String::read(at)?;
            if name.trim().is_empty() {
                return Err(at.error(format!("expected a non-empty name, found {name:?}")));
            }
            by_tag.push((tag.to_owned(), name));
            Ok(())
        })?;
        ids.push((id.to_owned(), Names(by_tag)));
        Ok(())
    })?;
    Ok(Names(ids))
}

impl<T: Serialize> Serialize for Names<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Names<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Entries<T> {
            type Value = Names<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Names<T>, A::Error> {
                let mut list = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    list.push((key, map.next_value()?));
                }
                Ok(Names(list))
            }
        }
        deserializer.deserialize_map(Entries(std::marker::PhantomData))
    }
}

impl Named {
    /// What a reader of `language` (a BCP 47 tag) reads: the name for the tag, else for its
    /// language, else the id humanised.
    pub fn name(&self, language: &str) -> String {
        name_for(&self.names, language).map_or_else(|| humanise(&self.id), str::to_owned)
    }
}

/// An id without names (it is shown humanised).
impl From<&str> for Named {
    fn from(id: &str) -> Named {
        Named {
            id: id.to_owned(),
            names: Names::default(),
        }
    }
}

/// The name for `language` in a category's names: the tag itself, else the bare tag of its
/// language (`fr` for `fr-FR`), else another tag of the same language (`fr-CA`, the first in
/// the policy's order). Tags match ignoring ASCII case.
fn name_for<'a>(names: &'a Names<String>, language: &str) -> Option<&'a str> {
    let wanted = primary_subtag(language);
    // One pass (a smaller wasm than three searches): the exact tag wins at once; else the bare
    // language, else the first other tag of the language.
    let (mut bare, mut other) = (None, None);
    for (tag, name) in &names.0 {
        if tag.eq_ignore_ascii_case(language) {
            return Some(name);
        }
        if bare.is_none() && tag.eq_ignore_ascii_case(wanted) {
            bare = Some(name.as_str());
        } else if other.is_none() && primary_subtag(tag).eq_ignore_ascii_case(wanted) {
            other = Some(name.as_str());
        }
    }
    bare.or(other)
}

/// A language tag's first subtag, its language (`de` of `de-AT`).
pub fn primary_subtag(tag: &str) -> &str {
    tag.split('-').next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_for_the_tag_else_the_language_else_a_tag_of_the_language() {
        let tags = ["en", "en-GB", "fr-CA", "fr", "de-CH"];
        let names = Names(
            tags.iter()
                .map(|tag| ((*tag).to_owned(), format!("name {tag}")))
                .collect(),
        );
        for (language, expected) in [
            ("en-GB", Some("en-GB")),
            ("EN-gb", Some("en-GB")),
            ("en", Some("en")),
            ("en-US", Some("en")),
            ("fr-FR", Some("fr")),
            ("fr-CA", Some("fr-CA")),
            ("fr", Some("fr")),
            ("de-AT", Some("de-CH")),
            ("de", Some("de-CH")),
            ("es-ES", None),
            ("", None),
        ] {
            let found = name_for(&names, language);
            let expected = expected.map(|tag| format!("name {tag}"));
            assert_eq!(found, expected.as_deref(), "{language}");
        }
    }
}

/// Whether `category` is in `list` ([`same_category`]).
fn listed(list: &[String], category: &str) -> bool {
    list.iter().any(|n| same_category(n, category))
}

/// A return window: 1 to [`MAX_WINDOW_DAYS`](crate::MAX_WINDOW_DAYS) days, in
/// `return_window_days` and `category_windows` alike. What a 0-day window would mean is said
/// elsewhere (docs/domain.md, "Windows").
const WINDOW: Bounded = Bounded {
    what: "a whole number of days",
    min: 1,
    max: super::limits::MAX_WINDOW_DAYS,
    zero: "an item that cannot be returned belongs in non_returnable_categories",
};
const PERCENT: Bounded = Bounded::of("a percentage", 0, 100);
const GRACE: Bounded = Bounded::of(
    "a whole number of minutes",
    0,
    super::limits::MAX_GRACE_MINUTES,
);
const WITHDRAWAL_DAYS: Bounded = Bounded::of(
    "a whole number of days",
    super::limits::MIN_WITHDRAWAL_DAYS,
    super::limits::MAX_WINDOW_DAYS,
);
const DELAY: Bounded = Bounded::of(
    "a whole number of seconds",
    0,
    super::limits::MAX_WITHDRAWAL_DELAY_SECONDS,
);

fn window_days<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    deserializer.deserialize_any(WINDOW)
}

/// A map of category → a bounded number, each entry read with its path
/// (`category_windows.books`), past an error when the walk collects them.
fn bounded_map<W: crate::json::Walk>(
    at: crate::json::At<'_, W>,
    bounds: Bounded,
) -> crate::read::Result<BTreeMap<String, u32>> {
    let mut map = BTreeMap::new();
    at.entries(&mut |name, value| {
        map.insert(name.to_owned(), bounds.read(value)?);
        Ok(())
    })?;
    Ok(map)
}

fn category_windows<W: crate::json::Walk>(
    at: crate::json::At<'_, W>,
) -> crate::read::Result<BTreeMap<String, u32>> {
    bounded_map(at, WINDOW)
}

fn opened_fees<W: crate::json::Walk>(
    at: crate::json::At<'_, W>,
) -> crate::read::Result<BTreeMap<String, u32>> {
    bounded_map(at, PERCENT)
}

/// serde's reader of a bounded map (for serde users; the engine reads with [`bounded_map`]).
struct BoundedMap(Bounded);

impl<'de> serde::de::Visitor<'de> for BoundedMap {
    type Value = BTreeMap<String, u32>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut entries: A,
    ) -> Result<Self::Value, A::Error> {
        let mut map = BTreeMap::new();
        while let Some(name) = entries.next_key::<String>()? {
            map.insert(name, entries.next_value_seed(self.0)?);
        }
        Ok(map)
    }
}

fn serde_category_windows<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, u32>, D::Error> {
    deserializer.deserialize_map(BoundedMap(WINDOW))
}

fn serde_opened_fees<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, u32>, D::Error> {
    deserializer.deserialize_map(BoundedMap(PERCENT))
}

fn grace_minutes<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    deserializer.deserialize_any(GRACE)
}

fn withdrawal_days<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    deserializer.deserialize_any(WITHDRAWAL_DAYS)
}

fn delay_seconds<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    deserializer.deserialize_any(DELAY)
}

/// The engine's readers of the bounded numbers (serde's are above), each over its bounds: on
/// the engine's own walk, no serde visitor in the widget's wasm.
macro_rules! bounded_readers {
    ($($read:ident: $bounds:expr;)*) => {$(
        fn $read<W: crate::json::Walk>(at: crate::json::At<'_, W>) -> crate::read::Result<u32> {
            $bounds.read(at)
        }
    )*};
}

bounded_readers! {
    read_window_days: WINDOW;
    read_grace_minutes: GRACE;
    read_withdrawal_days: WITHDRAWAL_DAYS;
    read_delay_seconds: DELAY;
}

fn lookup(map: &BTreeMap<String, u32>, key: &str) -> Option<u32> {
    map.get(key)
        .or_else(|| {
            map.iter()
                .find(|(k, _)| same_category(k, key))
                .map(|(_, v)| v)
        })
        .copied()
}

/// A list of names in a policy: a JSON array replaces the default list; an object
/// `{"add": [...], "remove": [...]}` edits it: the default, less each name of `remove` (each
/// must be in the default list), plus each name of `add` not in it yet (names compare as
/// [`same_category`]). The TypeScript type of the object form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct ListEdit {
    #[serde(default)]
    pub add: Vec<String>,
    #[serde(default)]
    pub remove: Vec<String>,
}

/// The reader of a list of names over its default (`ListEdit`'s forms).
#[derive(Clone, Copy)]
struct EditList(&'static [&'static str]);

impl<'de> serde::de::Visitor<'de> for EditList {
    type Value = Vec<String>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list, or {\"add\": [...], \"remove\": [...]} to edit the default list")
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
        let mut list = Vec::new();
        while let Some(name) = seq.next_element::<String>()? {
            list.push(name);
        }
        Ok(list)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Vec<String>, A::Error> {
        use serde::de::Error;
        let (mut add, mut remove) = (None::<Vec<String>>, None::<Vec<String>>);
        while let Some(is_add) = map.next_key_seed(EditKey)? {
            let (slot, name) = match is_add {
                true => (&mut add, "add"),
                false => (&mut remove, "remove"),
            };
            if slot.is_some() {
                return Err(A::Error::duplicate_field(name));
            }
            *slot = Some(match is_add {
                true => map.next_value()?,
                false => map.next_value_seed(Removals(self.0))?,
            });
        }
        Ok(edited(
            self.0,
            &remove.unwrap_or_default(),
            &add.unwrap_or_default(),
        ))
    }
}

/// A key of the edit form: `add` (true) or `remove` (false); another is an unknown field, at
/// its own path.
struct EditKey;

impl<'de> serde::de::DeserializeSeed<'de> for EditKey {
    type Value = bool;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_str(self)
    }
}

impl serde::de::Visitor<'_> for EditKey {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"add\" or \"remove\"")
    }
    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<bool, E> {
        match key {
            "add" => Ok(true),
            "remove" => Ok(false),
            other => Err(E::unknown_field(other, &["add", "remove"])),
        }
    }
}

/// `remove`: names of the default list.
#[derive(Clone, Copy)]
struct Removals(&'static [&'static str]);

impl<'de> serde::de::DeserializeSeed<'de> for Removals {
    type Value = Vec<String>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Vec<String>, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Removals {
    type Value = Vec<String>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
        let mut list = Vec::new();
        while let Some(name) = seq.next_element::<String>()? {
            list.push(name);
        }
        match not_in_default(self.0, &list) {
            None => Ok(list),
            Some(message) => Err(serde::de::Error::custom(message)),
        }
    }
}

/// What is wrong with `remove` if it names something the default list lacks (it would remove
/// nothing: surely a typo, `gift_card` for `gift_cards`).
fn not_in_default(default: &[&str], remove: &[String]) -> Option<String> {
    let unknown = remove.iter().find(|name| !listed_str(default, name))?;
    // The default list is what `order-help policy` without a file prints.
    Some(format!(
        "expected only names of the default list, found {unknown:?}"
    ))
}

/// The engine's reader of a list of names over its `default` (what [`EditList`] is for serde
/// users, on the engine's own walk: no serde visitor in the widget's wasm, and every problem
/// of the edit form when the walk collects them).
fn edit_list<W: crate::json::Walk>(
    at: crate::json::At<'_, W>,
    default: &'static [&'static str],
) -> crate::read::Result<Vec<String>> {
    use crate::read::Read;
    if at.is_array() {
        return Vec::<String>::read(at);
    }
    if !at.is_object() {
        return Err(at.unexpected(&EditList(default)));
    }
    let (mut add, mut remove) = (Vec::new(), Vec::new());
    at.fields(&["add", "remove"], 0, &mut |index, value| {
        let names = Vec::<String>::read(value)?;
        if index == 0 {
            add = names;
            return Ok(());
        }
        if let Some(message) = not_in_default(default, &names) {
            return Err(value.error(message));
        }
        remove = names;
        Ok(())
    })?;
    Ok(edited(default, &remove, &add))
}

/// The default list less `remove`, plus each of `add` it lacks.
fn edited(default: &[&str], remove: &[String], add: &[String]) -> Vec<String> {
    let mut list: Vec<String> = Vec::new();
    for name in default {
        if !listed(remove, name) {
            list.push((*name).to_owned());
        }
    }
    for name in add {
        if !listed(&list, name) {
            list.push(name.clone());
        }
    }
    list
}

fn listed_str(list: &[&str], category: &str) -> bool {
    list.iter().any(|n| same_category(n, category))
}

/// The readers of the lists of names, each over its default: serde's, and the engine's.
macro_rules! edit_lists {
    ($($serde:ident, $read:ident: $default:expr;)*) => {$(
        fn $serde<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
            d.deserialize_any(EditList($default))
        }
        fn $read<W: crate::json::Walk>(at: crate::json::At<'_, W>) -> crate::read::Result<Vec<String>> {
            edit_list(at, $default)
        }
    )*};
}

edit_lists! {
    non_returnable, read_non_returnable: NON_RETURNABLE_CATEGORIES;
    remorse, read_remorse: BUYERS_REMORSE_REASONS;
    excluded, read_excluded: WITHDRAWAL_EXCLUDED_CATEGORIES;
    unsealed, read_unsealed: WITHDRAWAL_EXCLUDED_WHEN_UNSEALED;
}

document! {
    /// The EU consumer's statutory right to withdraw from a distance contract, as the store
    /// offers it through the widget's withdrawal function (Directive 2011/83/EU arts. 9, 11, 11a
    /// and 16; the rules: [docs/domain.md § Withdrawing](../../docs/domain.md#withdrawing-eu-consumers)).
    ///
    /// ```json
    /// "withdrawal": {
    ///   "enabled": true, "days": 14,
    ///   "public_holidays": ["2026-04-03", "2026-04-06", "2026-05-01"],
    ///   "contact_email": "widerruf@example.de"
    /// }
    /// ```
    ///
    /// Errors name the field: `withdrawal.public_holidays[0]: expected a date written YYYY-MM-DD
    /// (e.g. "2026-12-25"), found "2026-02-30": February 2026 has 28 days`.
    ///
    /// ```
    /// # #[cfg(not(target_arch = "wasm32"))] {
    /// use order_help_engine::{Date, Policy};
    /// let policy = Policy::from_json_str(
    ///     r#"{"withdrawal": {"enabled": true, "public_holidays": ["2026-12-25"]}}"#,
    /// ).unwrap();
    /// assert_eq!(policy.withdrawal.days, 14);
    /// assert_eq!(policy.withdrawal.public_holidays, [Date::new(2026, 12, 25).unwrap()]);
    /// assert!(policy.withdrawal.is_excluded(Some("Perishable"), None));
    /// # }
    /// ```
    #[cfg_attr(feature = "typescript", tsify(missing_as_null))]
    pub struct Withdrawal: default {
        /// Whether the assessment offers withdrawal at all (default `false`: the store decides
        /// whether its customers are EU consumers).
        pub enabled: bool = preset,
        /// The period's length in days (default 14, the statutory minimum of art. 9(1); a store
        /// may give more, up to [`MAX_WINDOW_DAYS`](crate::MAX_WINDOW_DAYS)).
        #[serde(deserialize_with = "withdrawal_days")]
        pub days: u32 = preset(read_withdrawal_days),
        /// The public holidays of the store's region (`"YYYY-MM-DD"`): a period whose last day is
        /// one of them, a Saturday or a Sunday runs on to the next working day (Regulation 1182/71
        /// art. 3(4)). At most [`MAX_POLICY_ENTRIES`](crate::limits::MAX_POLICY_ENTRIES).
        #[cfg_attr(feature = "typescript", tsify(type = "string[]"))]
        pub public_holidays: Vec<Date> = preset,
        /// Item categories without a right of withdrawal (art. 16(c), (d), (j)); matched as
        /// [`same_category`]. Default: [`WITHDRAWAL_EXCLUDED_CATEGORIES`]; a list replaces it,
        /// `{"add": [...], "remove": [...]}` edits it.
        #[serde(deserialize_with = "excluded")]
        #[cfg_attr(feature = "typescript", tsify(type = "string[] | ListEdit"))]
        pub excluded_categories: Vec<String> = preset(read_excluded),
        /// Item categories of sealed goods that lose the right once unsealed after delivery
        /// (art. 16(e) health or hygiene, 16(i) audio, video, software): excluded only when the
        /// order says the item was opened (`opened: true`). Default:
        /// [`WITHDRAWAL_EXCLUDED_WHEN_UNSEALED`]; edited as `excluded_categories`.
        #[serde(deserialize_with = "unsealed")]
        #[cfg_attr(feature = "typescript", tsify(type = "string[] | ListEdit"))]
        pub excluded_when_unsealed: Vec<String> = preset(read_unsealed),
        /// Where the customer can also send the withdrawal (shown when sending fails); an e-mail
        /// address, checked loosely (`local@domain.tld`, no spaces).
        pub contact_email: Option<String> = preset,
        /// How long after the customer's `declared_at` the store's server may receive a withdrawal
        /// and still count it as sent in time (default 600 s; at most
        /// [`MAX_WITHDRAWAL_DELAY_SECONDS`](crate::limits::MAX_WITHDRAWAL_DELAY_SECONDS)).
        #[serde(deserialize_with = "delay_seconds")]
        pub max_delay_seconds: u32 = preset(read_delay_seconds),
        /// The countries whose consumers have the right (the order's `customer.country`, ISO
        /// 3166-1 alpha-2): a list, `"eu_eea"` (the default: the EU and EEA states,
        /// [`EU_EEA`](crate::EU_EEA)) or `"all"` (an EU-established shop usually owes the right
        /// to every consumer under its own law). An order without `customer.country` is not
        /// checked.
        #[cfg_attr(feature = "typescript", tsify(type = "\"all\" | \"eu_eea\" | string[]"))]
        pub countries: Countries = preset,
    }
}

impl Default for Withdrawal {
    fn default() -> Withdrawal {
        let strings = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        Withdrawal {
            enabled: false,
            days: 14,
            public_holidays: Vec::new(),
            excluded_categories: strings(WITHDRAWAL_EXCLUDED_CATEGORIES),
            excluded_when_unsealed: strings(WITHDRAWAL_EXCLUDED_WHEN_UNSEALED),
            contact_email: None,
            max_delay_seconds: 600,
            countries: Countries::default(),
        }
    }
}

impl Withdrawal {
    /// Whether a consumer living in `country` (ISO 3166-1 alpha-2; `None`: not known) has the
    /// right under this policy: an unknown country does (the order says nothing against it).
    pub fn covers_country(&self, country: Option<&str>) -> bool {
        match (&self.countries, country) {
            (Countries::Listed(list), Some(c)) => list.iter().any(|l| l == c),
            (Countries::EuEea, Some(c)) => super::country::is_eu_eea(c),
            _ => true,
        }
    }

    /// Whether an item of this category (opened or not, if the order says) has no right of
    /// withdrawal: an excluded category, or a sealed one it was unsealed. An item without a
    /// category, or sealed and not known to be opened, keeps the right.
    pub fn is_excluded(&self, category: Option<&str>, opened: Option<bool>) -> bool {
        let listed = |list: &[String]| category.is_some_and(|c| listed(list, c));
        listed(&self.excluded_categories)
            || (opened == Some(true) && listed(&self.excluded_when_unsealed))
    }
}

/// The policy's `withdrawal.countries`: every country (`"all"`), the EU and EEA states
/// (`"eu_eea"`, the default: [`EU_EEA`](crate::EU_EEA)), or the listed ISO 3166-1 alpha-2 codes
/// (each checked, at `withdrawal.countries[i]`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(type = "\"all\" | \"eu_eea\" | string[]")
)]
pub enum Countries {
    /// `"all"`.
    All,
    /// `"eu_eea"`.
    #[default]
    EuEea,
    /// The listed codes.
    Listed(Vec<String>),
}

/// The names `withdrawal.countries` may be instead of a list.
const COUNTRY_SETS: [&str; 2] = ["all", "eu_eea"];

/// Read by hand rather than through the serde visitor below (no `deserialize_any` in the
/// widget), with the same errors.
impl crate::read::Read for Countries {
    fn read<W: crate::json::Walk>(at: crate::json::At<'_, W>) -> crate::read::Result<Countries> {
        if at.is_array() {
            return <Vec<String> as crate::read::Read>::read(at).map(Countries::Listed);
        }
        at.variant(&COUNTRY_SETS).map(|i| match i {
            0 => Countries::All,
            _ => Countries::EuEea,
        })
    }
}

impl<'de> Deserialize<'de> for Countries {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Countries;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // As the hand-written reader says it: a list is the other choice.
                f.write_str("one of \"all\" or \"eu_eea\"")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Countries, E> {
                match text {
                    "all" => Ok(Countries::All),
                    "eu_eea" => Ok(Countries::EuEea),
                    _ => Err(E::unknown_variant(text, &COUNTRY_SETS)),
                }
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Countries, A::Error> {
                let mut list = Vec::new();
                while let Some(code) = seq.next_element::<String>()? {
                    list.push(code);
                }
                Ok(Countries::Listed(list))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl Serialize for Countries {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Countries::All => serializer.serialize_str("all"),
            Countries::EuEea => serializer.serialize_str("eu_eea"),
            Countries::Listed(list) => list.serialize(serializer),
        }
    }
}

document! {
    /// Amazon's holiday rule: items *shipped* from `shipped_from` to `shipped_until` (inclusive,
    /// local ship date) can be returned until `return_until` of the following year, if that is
    /// later than their normal deadline. Off by default (`enabled: false`): it lengthens every
    /// window the store set, so a store opts in (docs/domain.md, "The holiday extension").
    pub struct HolidayExtension: default {
        pub enabled: bool = preset,
        pub shipped_from: MonthDay = preset,
        pub shipped_until: MonthDay = preset,
        pub return_until: MonthDay = preset,
    }
}

impl Default for HolidayExtension {
    fn default() -> HolidayExtension {
        HolidayExtension {
            enabled: false,
            shipped_from: MonthDay { month: 11, day: 1 },
            shipped_until: MonthDay { month: 12, day: 31 },
            return_until: MonthDay { month: 1, day: 31 },
        }
    }
}

/// A day of the year, written `MM-DD` (`02-29` allowed: it falls on 28 February in other years).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify), tsify(type = "string"))]
pub struct MonthDay {
    pub month: u8,
    pub day: u8,
}

impl MonthDay {
    /// Parses `MM-DD`.
    pub fn parse(text: &str) -> Result<MonthDay, String> {
        let expected = "expected a month and day written MM-DD (e.g. \"11-01\")";
        let bytes = text.as_bytes();
        let two = |i: usize| -> Option<u8> {
            let (a, b) = (*bytes.get(i)?, *bytes.get(i + 1)?);
            (a.is_ascii_digit() && b.is_ascii_digit()).then(|| (a - b'0') * 10 + (b - b'0'))
        };
        let (Some(month), Some(b'-'), Some(day), 5) = (two(0), bytes.get(2), two(3), bytes.len())
        else {
            return Err(format!("{expected}, found {text:?}"));
        };
        if !(1..=12).contains(&month) {
            return Err(format!(
                "{expected}, found {text:?}: there is no month {month}"
            ));
        }
        // 2000 is a leap year: 02-29 is allowed.
        let last = super::time::days_in_month(2000, month);
        if day == 0 || day > last {
            return Err(format!(
                "{expected}, found {text:?}: that month has at most {last} days"
            ));
        }
        Ok(MonthDay { month, day })
    }
}

impl fmt::Display for MonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

impl<'de> Deserialize<'de> for MonthDay {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = MonthDay;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a month and day string \"MM-DD\"")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<MonthDay, E> {
                MonthDay::parse(text).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl crate::read::Read for MonthDay {
    fn read<W: crate::json::Walk>(at: crate::json::At<'_, W>) -> crate::read::Result<MonthDay> {
        MonthDay::deserialize(at)
    }
}

impl Serialize for MonthDay {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

document! {
    /// How long a refund takes to arrive: `min` to `max` `unit`s.
    #[derive(Copy)]
    pub struct RefundTiming {
        pub min: u32 = required,
        pub max: u32 = required,
        pub unit: TimingUnit = required,
    }
}

names! {
    /// The unit of a [`RefundTiming`].
    pub enum TimingUnit {
        Hours = "hours",
        BusinessDays = "business_days",
    }
}

document! {
    /// Refund timing per payment method; `default` for an order without a payment method, or a
    /// method without an entry.
    #[cfg_attr(feature = "typescript", tsify(missing_as_null))]
    pub struct RefundTimingTable: default {
        pub credit_card: Option<RefundTiming> = preset,
        pub debit_card: Option<RefundTiming> = preset,
        pub gift_card: Option<RefundTiming> = preset,
        pub bank_account: Option<RefundTiming> = preset,
        pub points: Option<RefundTiming> = preset,
        pub other: Option<RefundTiming> = preset,
        pub default: RefundTiming = preset,
    }
}

impl Default for RefundTimingTable {
    fn default() -> RefundTimingTable {
        let days = |min, max| {
            Some(RefundTiming {
                min,
                max,
                unit: TimingUnit::BusinessDays,
            })
        };
        RefundTimingTable {
            credit_card: days(3, 5),
            debit_card: days(1, 10),
            gift_card: Some(RefundTiming {
                min: 0,
                max: 24,
                unit: TimingUnit::Hours,
            }),
            bank_account: days(1, 10),
            points: None,
            other: None,
            // What docs/domain.md gives for any other method (a cancelled item's usual refund time).
            default: RefundTiming {
                min: 5,
                max: 7,
                unit: TimingUnit::BusinessDays,
            },
        }
    }
}

impl RefundTimingTable {
    pub fn for_method(&self, method: Option<PaymentMethod>) -> RefundTiming {
        let entry = match method {
            Some(PaymentMethod::CreditCard) => self.credit_card,
            Some(PaymentMethod::DebitCard) => self.debit_card,
            Some(PaymentMethod::GiftCard) => self.gift_card,
            Some(PaymentMethod::BankAccount) => self.bank_account,
            Some(PaymentMethod::Points) => self.points,
            Some(PaymentMethod::Other) => self.other,
            None => None,
        };
        entry.unwrap_or(self.default)
    }

    /// Each entry with its field name, for validation.
    pub(crate) fn entries(&self) -> [(&'static str, Option<RefundTiming>); 7] {
        [
            ("credit_card", self.credit_card),
            ("debit_card", self.debit_card),
            ("gift_card", self.gift_card),
            ("bank_account", self.bank_account),
            ("points", self.points),
            ("other", self.other),
            ("default", Some(self.default)),
        ]
    }
}

document! {
    /// The reasons the cancel flow offers.
    pub struct CancellationReasons: default {
        /// Whether the customer must pick one.
        pub required: bool = preset,
        pub options: Vec<ReasonOption> = preset,
    }
}

impl Default for CancellationReasons {
    /// Amazon's documented reasons, with stable ids.
    fn default() -> CancellationReasons {
        let option = |id: &str, label: &str, comment| ReasonOption {
            id: id.to_owned(),
            label: label.to_owned(),
            comment,
        };
        CancellationReasons {
            required: false,
            options: vec![
                option("ordered_by_mistake", "Ordered by mistake", false),
                option("arriving_too_late", "Items arriving too late", false),
                option(
                    "wrong_shipping_address",
                    "Incorrect shipping address",
                    false,
                ),
                option("payment_issue", "Payment issue", false),
                option("found_better_price", "Found a better price", false),
                option("other", "Other", true),
            ],
        }
    }
}

document! {
    /// One cancellation reason the flow offers: its id (sent to the host) and its label.
    pub struct ReasonOption {
        pub id: String = required,
        pub label: String = required,
        /// Choosing it reveals a free-text comment field.
        pub comment: bool = default,
    }
}

document! {
    /// One reason the return flow offers.
    ///
    /// `buyers_remorse` decides the refund ([`crate::preview_return`]): a buyer's-remorse return
    /// pays the opened-item fee and, to a marketplace seller, loses the delivery cost; any other
    /// reason is the seller's fault (damaged, wrong, late, not as described) and is refunded in
    /// full, delivery included. `comment_required`: the customer must say more (e.g. `other`).
    ///
    /// ```
    /// # #[cfg(not(target_arch = "wasm32"))] {
    /// use order_help_engine::Policy;
    /// let policy = Policy::from_json_str(r#"{"return_reasons": [
    ///     {"id": "too_small", "label": "Too small", "buyers_remorse": true},
    ///     {"id": "broken", "label": "Arrived broken", "buyers_remorse": false, "comment_required": true}
    /// ]}"#).unwrap();
    /// assert!(policy.return_reasons[0].buyers_remorse);
    /// assert!(!policy.return_reasons[0].comment_required);
    /// assert!(Policy::default().return_reason("no_longer_needed").unwrap().buyers_remorse);
    /// # }
    /// ```
    pub struct ReturnReason {
        /// Stable id, sent to the host as the request's `reason`.
        pub id: String = required,
        /// The store's label. For the default ids the widget is to show its own translation, as it
        /// does for the default cancellation reasons (`i18n::default_reason`).
        pub label: String = required,
        /// The customer changed their mind: the deductions apply.
        pub buyers_remorse: bool = required,
        /// Choosing it requires a free-text comment.
        pub comment_required: bool = default,
    }
}

impl ReturnReason {
    /// The default list: three of buyer's remorse, four of the seller's fault, and `other`.
    ///
    /// "Arrived too late" is the seller's fault (the delivery promise was not kept), as in
    /// Amazon's own classification of return reasons; `other` counts as buyer's remorse, so the
    /// estimate never promises more than the store may refund (its comment lets the store
    /// decide otherwise).
    pub fn defaults() -> Vec<ReturnReason> {
        let reason = |id: &str, label: &str, buyers_remorse, comment_required| ReturnReason {
            id: id.to_owned(),
            label: label.to_owned(),
            buyers_remorse,
            comment_required,
        };
        vec![
            reason("no_longer_needed", "No longer needed", true, false),
            reason("ordered_by_mistake", "Ordered by mistake", true, false),
            reason("found_better_price", "Found a better price", true, false),
            reason(
                "arrived_damaged",
                "Arrived damaged or defective",
                false,
                false,
            ),
            reason("wrong_item_sent", "Wrong item was sent", false, false),
            reason("not_as_described", "Not as described", false, false),
            reason("arrived_too_late", "Arrived too late", false, false),
            reason("other", "Other", true, true),
        ]
    }
}

impl Policy {
    /// The return reason with this id, if the policy offers it (ids match exactly).
    pub fn return_reason(&self, id: &str) -> Option<&ReturnReason> {
        self.return_reasons.iter().find(|r| r.id == id)
    }
}
