//! Sentences as data: a catalogue per language (`locales/<lang>.json` at the repository's root),
//! read with the engine's own JSON reader, and a small renderer that picks a plural form and
//! fills `{name}` placeholders.
//!
//! A catalogue is one flat JSON object: key → text, or key → plural forms by CLDR plural
//! category (`{"one": "…", "other": "…"}`; French and Spanish also `many`). Keys are the
//! widget's own texts in `snake_case` (`badge_return_by`) and the engine's reasons as
//! `<family>.<code>[.<variant>]` (`cancel.within_grace_period`, `return.window_closed.holiday`;
//! see [`crate::Reason`]). English is compiled in ([`Catalogue::english`], from a plain table
//! `build.rs` makes of `locales/en.json`, so no JSON is parsed at run time): it is what the
//! command-line tool and `assess` print, and the fallback for every other language. Without
//! the `verify-texts` feature (the widget) the `verify.*` and `proposal.*` sentences are left
//! out of it, and out of every catalogue read. Every English sentence of the engine is written
//! by one renderer ([`crate::Reason::english`]: this catalogue, [`fill_with`], and
//! [`crate::ZonedInstant::in_english`] for instants).

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::sync::OnceLock;

use super::error::InputError;
use super::json::{found, parse_text, Json};

/// The English catalogue's text (`locales/en.json`).
pub const ENGLISH_JSON: &str = include_str!("../../locales/en.json");

/// The CLDR plural categories, in CLDR's order.
pub const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The key families this build leaves out of every catalogue: without the `verify-texts`
/// feature, the sentences only the command-line tool and the Node package write (`verify.*`,
/// and `proposal.*`, the errors of a return proposal). `build.rs` leaves out the same.
const LEFT_OUT: &[&str] = if cfg!(feature = "verify-texts") {
    &[]
} else {
    &["verify.", "proposal."]
};

/// `locales/en.json` as `build.rs` writes it: `key US text RS` per entry; a plural entry's
/// text is `GS category FS form` per form (the ASCII separators, which no text holds).
const ENGLISH_TABLE: &str = include_str!(concat!(env!("OUT_DIR"), "/english.txt"));

/// One entry of a catalogue: a text, or its plural forms by CLDR category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    Text(String),
    /// (category, text) pairs; `other` is always among them.
    Plural(Vec<(String, String)>),
}

impl Entry {
    /// The text for `category`, else the `other` form.
    pub fn form(&self, category: &str) -> &str {
        match self {
            Entry::Text(text) => text,
            Entry::Plural(forms) => forms
                .iter()
                .find(|(c, _)| c == category)
                .or_else(|| forms.iter().find(|(c, _)| c == "other"))
                .map_or("", |(_, text)| text),
        }
    }

    /// Every text of the entry (one, or each plural form).
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Entry::Text(text) => vec![text],
            Entry::Plural(forms) => forms.iter().map(|(_, t)| t.as_str()).collect(),
        }
    }
}

/// A language's texts by key.
///
/// ```
/// use order_help_engine::text::{english_plural, Catalogue};
/// let de = Catalogue::parse(r#"{"quantity": "Menge {n}", "stops": {"one": "{n} Stopp", "other": "{n} Stopps"}}"#).unwrap();
/// assert_eq!(de.render("quantity", None, &[("n", "3")], english_plural).as_deref(), Some("Menge 3"));
/// assert_eq!(de.render("stops", Some(1), &[("n", "1")], english_plural).as_deref(), Some("1 Stopp"));
/// let err = Catalogue::parse(r#"{"a": 1}"#).unwrap_err();
/// assert_eq!(err.to_string(), "a: expected a text or an object of plural forms, found 1");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalogue {
    entries: BTreeMap<String, Entry>,
}

impl Catalogue {
    /// Reads a catalogue from JSON text. Errors name the key, what was expected and what was
    /// found.
    pub fn parse(text: &str) -> Result<Catalogue, InputError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let tree = parse_text(text).ok_or_else(|| InputError::new("", "expected JSON text"))?;
        Catalogue::from_tree(&tree)
    }

    /// Reads a catalogue from a JSON tree (what the widget builds from a JS value).
    pub fn from_tree(tree: &Json<'_>) -> Result<Catalogue, InputError> {
        let Json::Object(fields) = tree else {
            return Err(InputError::new(
                "",
                format!("expected an object of texts by key, found {}", found(tree)),
            ));
        };
        let mut entries = BTreeMap::new();
        for (key, value) in fields {
            if LEFT_OUT.iter().any(|family| key.starts_with(family)) {
                continue;
            }
            let entry = match value {
                Json::Str(text) => Entry::Text(text.clone().into_owned()),
                Json::Object(forms) => {
                    let mut plural = Vec::with_capacity(forms.len());
                    for (category, form) in forms {
                        let path = || format!("{key}.{category}");
                        if !PLURAL_CATEGORIES.contains(&category.as_ref()) {
                            return Err(InputError::new(
                                path(),
                                format!(
                                    "expected a CLDR plural category ({}), found \"{category}\"",
                                    PLURAL_CATEGORIES.join(", ")
                                ),
                            ));
                        }
                        let Json::Str(form) = form else {
                            return Err(InputError::new(
                                path(),
                                format!("expected a text, found {}", found(form)),
                            ));
                        };
                        plural.push((category.clone().into_owned(), form.clone().into_owned()));
                    }
                    if !plural.iter().any(|(c, _)| c == "other") {
                        return Err(InputError::new(
                            key.as_ref(),
                            "expected plural forms with an \"other\" form, found none",
                        ));
                    }
                    Entry::Plural(plural)
                }
                other => {
                    return Err(InputError::new(
                        key.as_ref(),
                        format!(
                            "expected a text or an object of plural forms, found {}",
                            found(other)
                        ),
                    ))
                }
            };
            entries.insert(key.clone().into_owned(), entry);
        }
        Ok(Catalogue { entries })
    }

    /// The English catalogue, compiled in (`locales/en.json`; the tests check the two agree),
    /// read once: split at its separators, nothing to unescape.
    pub fn english() -> &'static Catalogue {
        static ENGLISH: OnceLock<Catalogue> = OnceLock::new();
        ENGLISH.get_or_init(|| {
            let mut entries = BTreeMap::new();
            for record in ENGLISH_TABLE.split_terminator('\u{1e}') {
                let (key, text) = record.split_once('\u{1f}').unwrap_or((record, ""));
                let entry = match text.strip_prefix('\u{1d}') {
                    Some(forms) => Entry::Plural(
                        forms
                            .split('\u{1d}')
                            .map(|form| {
                                let (category, text) =
                                    form.split_once('\u{1c}').unwrap_or(("other", form));
                                (category.to_owned(), text.to_owned())
                            })
                            .collect(),
                    ),
                    None => Entry::Text(text.to_owned()),
                };
                entries.insert(key.to_owned(), entry);
            }
            Catalogue { entries }
        })
    }

    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.get(key)
    }

    /// Every key, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// The text of `key` for `count` (its plural form, chosen by `category`), its
    /// placeholders filled with `values`; `None` when the catalogue has no such key.
    pub fn render(
        &self,
        key: &str,
        count: Option<u64>,
        values: &[(&str, &str)],
        category: impl Fn(u64) -> &'static str,
    ) -> Option<String> {
        let entry = self.get(key)?;
        let template = match count {
            Some(n) => entry.form(category(n)),
            None => entry.form("other"),
        };
        Some(fill(template, values))
    }

    /// What is wrong with this catalogue against `reference` (English), one per problem
    /// naming the key: a missing key, an unknown one, a text whose placeholders differ from
    /// the reference's, or plural forms that are not exactly `categories` (the language's CLDR
    /// categories; not checked when empty). Empty when it is complete.
    pub fn problems(&self, reference: &Catalogue, categories: &[&str]) -> Vec<EntryProblem> {
        let mut problems = EntryProblems(Vec::new());
        for (key, expected) in &reference.entries {
            let Some(entry) = self.entries.get(key) else {
                problems.push(key, "missing".into());
                continue;
            };
            let wanted = names(expected);
            for text in entry.texts() {
                let found = placeholders(text);
                // A plural `one` form may leave out the count (as ICU allows): only names the
                // reference does not have are wrong there.
                let extra: Vec<_> = found.iter().filter(|n| !wanted.contains(n)).collect();
                if !extra.is_empty() {
                    problems.push(
                        key,
                        format!(
                            "unknown placeholder(s) {extra:?} (expected {wanted:?}) in {text:?}"
                        ),
                    );
                }
            }
            match (expected, entry) {
                (Entry::Text(_), Entry::Text(text)) if placeholders(text) != wanted => {
                    problems.push(
                        key,
                        format!(
                            "expected the placeholders {wanted:?}, found {:?} in {text:?}",
                            placeholders(text)
                        ),
                    );
                }
                (Entry::Plural(_), Entry::Plural(forms)) => {
                    // In CLDR order (any unknown category first), as a stable sort by position
                    // would give, without a sort's code in the wasm.
                    let all: Vec<&str> = forms.iter().map(|(c, _)| c.as_str()).collect();
                    let mut found: Vec<&str> = (all.iter().copied())
                        .filter(|c| !PLURAL_CATEGORIES.contains(c))
                        .collect();
                    for category in PLURAL_CATEGORIES {
                        found.extend(all.iter().copied().filter(|c| *c == category));
                    }
                    if !categories.is_empty() && found != categories {
                        problems.push(
                            key,
                            format!("expected the plural forms {categories:?}, found {found:?}"),
                        );
                    }
                    let other = entry.form("other");
                    if placeholders(other) != wanted {
                        problems.push(key, format!(
                            "expected the placeholders {wanted:?} in its \"other\" form, found {:?}",
                            placeholders(other)
                        ));
                    }
                }
                (Entry::Text(_), Entry::Plural(_)) => {
                    problems.push(key, "expected a text, found plural forms".into())
                }
                (Entry::Plural(_), Entry::Text(_)) => {
                    problems.push(key, "expected plural forms, found a text".into())
                }
                _ => {}
            }
        }
        for key in self.entries.keys() {
            // A default category's name (`category_gift_cards`): the compiled-in English has
            // none (its name is the id humanised, build.rs).
            if !reference.entries.contains_key(key) && !key.starts_with("category_") {
                problems.push(key, "not a key of the English catalogue".into());
            }
        }
        problems.0
    }

    /// This catalogue with every entry that has a problem (see [`Catalogue::problems`])
    /// replaced by `reference`'s, and what the problems were: a partial or faulty catalogue
    /// shows English for what it lacks rather than nothing or a stray `{name}`.
    pub fn repaired(
        mut self,
        reference: &Catalogue,
        categories: &[&str],
    ) -> (Catalogue, Vec<EntryProblem>) {
        let problems = self.problems(reference, categories);
        for problem in &problems {
            self.entries.remove(&problem.key);
        }
        (self.completed_from(reference), problems)
    }

    /// This catalogue with every key it lacks taken from `fallback` (English), so a partial
    /// catalogue shows English for what it misses rather than nothing.
    pub fn completed_from(mut self, fallback: &Catalogue) -> Catalogue {
        for (key, entry) in &fallback.entries {
            self.entries
                .entry(key.clone())
                .or_insert_with(|| entry.clone());
        }
        self
    }
}

/// A problem of one entry of a catalogue: its key, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryProblem {
    pub key: String,
    pub what: String,
}

impl std::fmt::Display for EntryProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.key, self.what)
    }
}

/// Collects [`EntryProblem`]s.
struct EntryProblems(Vec<EntryProblem>);

impl EntryProblems {
    fn push(&mut self, key: &str, what: String) {
        self.0.push(EntryProblem {
            key: key.to_owned(),
            what,
        });
    }
}

/// The placeholder names of an entry (of its `other` form), sorted.
fn names(entry: &Entry) -> Vec<&str> {
    placeholders(entry.form("other"))
}

/// The `{name}` placeholders of `template`, sorted, each once.
pub fn placeholders(template: &str) -> Vec<&str> {
    // Kept sorted by insertion: a template holds a handful of names, and a sort would pull a
    // whole quicksort into the wasm for them.
    let mut names: Vec<&str> = Vec::new();
    for part in template.split('{').skip(1) {
        if let Some((name, _)) = part.split_once('}') {
            if let Err(at) = names.binary_search(&name) {
                names.insert(at, name);
            }
        }
    }
    names
}

/// Titles listed in English, each in the catalogue's quotation marks (`quoted_title`):
/// `“Sleeve”`, `“Sleeve” and “Dock”`, `“A”, “B” and “C”`; empty for none.
///
/// ```
/// use order_help_engine::text::{english_titles, Catalogue};
/// let titles = ["Sleeve".to_owned(), "Dock".to_owned(), "Mat".to_owned()];
/// assert_eq!(english_titles(&titles, Catalogue::english()), "“Sleeve”, “Dock” and “Mat”");
/// ```
pub fn english_titles(titles: &[String], en: &Catalogue) -> String {
    let quoted = match en.get("quoted_title") {
        Some(Entry::Text(template)) => template.as_str(),
        _ => "{title}",
    };
    let (open, close) = quoted.split_once("{title}").unwrap_or(("", ""));
    let mut out = String::new();
    let Some((last, rest)) = titles.split_last() else {
        return out;
    };
    for (i, title) in rest.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(open);
        out.push_str(title);
        out.push_str(close);
    }
    if !rest.is_empty() {
        out.push_str(" and ");
    }
    out.push_str(open);
    out.push_str(last);
    out.push_str(close);
    out
}

/// English's CLDR plural rule for whole numbers: `one` for 1, else `other`.
pub fn english_plural(n: u64) -> &'static str {
    if n == 1 {
        "one"
    } else {
        "other"
    }
}

/// Replaces each `{name}` in `template` by its value; unknown names stay as they are. A value
/// is inserted as is, never read again as a template.
///
/// ```
/// use order_help_engine::text::fill;
/// assert_eq!(fill("{a} and {b}", &[("a", "1"), ("b", "{a}")]), "1 and {a}");
/// ```
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let extra: usize = values.iter().map(|(_, v)| v.len()).sum();
    let mut out = String::with_capacity(template.len() + extra);
    // Writing to a `String` cannot fail.
    let _ = fill_with(&mut out, template, |out, name| {
        let (_, value) = values.iter().find(|(key, _)| *key == name)?;
        Some(out.write_str(value))
    });
    out
}

/// The one fill loop: writes `template` to `out`, each `{name}` written by `value` (which
/// returns `None` for a name it does not know: that placeholder stays as written). What
/// [`fill`] and the engine's English sentences ([`crate::Reason::english`]) both use.
pub fn fill_with<W: fmt::Write>(
    out: &mut W,
    template: &str,
    mut value: impl FnMut(&mut W, &str) -> Option<fmt::Result>,
) -> fmt::Result {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.write_str(&rest[..open])?;
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return out.write_str(&rest[open..]);
        };
        let name = &after[..close];
        match value(out, name) {
            Some(written) => written?,
            None => {
                out.write_char('{')?;
                out.write_str(name)?;
                out.write_char('}')?;
            }
        }
        rest = &after[close + 1..];
    }
    out.write_str(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_parses_to_the_compiled_in_table() {
        let mut parsed = Catalogue::parse(ENGLISH_JSON).unwrap();
        // build.rs leaves out the default categories' English names (their ids humanised).
        let humanised = |(key, entry): (&String, &Entry)| {
            let id = key.strip_prefix("category_")?;
            Some(*entry == Entry::Text(crate::policy::humanise(id)))
        };
        assert!(parsed.entries.iter().filter_map(humanised).all(|same| same));
        assert!(parsed.entries.iter().filter_map(humanised).count() >= 10);
        parsed
            .entries
            .retain(|key, _| !key.starts_with("category_"));
        assert_eq!(&parsed, Catalogue::english());
        assert!(Catalogue::english().get("badge_return_by").is_some());
        assert_eq!(
            Catalogue::english().get("verify.order_mismatch").is_some(),
            cfg!(feature = "verify-texts")
        );
    }

    #[test]
    fn problems_name_the_key() {
        let en = Catalogue::parse(r#"{"a": "A {x}", "b": {"one": "1", "other": "{n}"}}"#).unwrap();
        let bad = Catalogue::parse(r#"{"a": "A {y}", "b": {"other": "{n}"}, "c": "C"}"#).unwrap();
        let problems: Vec<String> = bad
            .problems(&en, &["one", "other"])
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("a: unknown placeholder")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("b: expected the plural forms")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.starts_with("c: not a key")),
            "{problems:?}"
        );
        let partial = Catalogue::parse(r#"{"a": "A {x}"}"#).unwrap();
        let problems = partial.problems(&en, &["one", "other"]);
        assert_eq!(problems[0].to_string(), "b: missing");
        assert_eq!(problems.len(), 1);
        let (repaired, problems) = bad.repaired(&en, &[]);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert_eq!(repaired.get("a"), en.get("a"));
        assert_eq!(repaired.get("c"), None);
        let completed = partial.completed_from(&en);
        assert_eq!(completed.get("b"), en.get("b"));
        assert!(completed.problems(&en, &["one", "other"]).is_empty());
    }

    #[test]
    fn plural_forms_are_compared_in_cldr_order_whatever_order_they_are_written_in() {
        let en = Catalogue::parse(r#"{"b": {"one": "1", "other": "{n}"}}"#).unwrap();
        let de = Catalogue::parse(r#"{"b": {"other": "{n}", "few": "f", "one": "1"}}"#).unwrap();
        let problems: Vec<String> = (de.problems(&en, &["one", "few", "other"]).iter())
            .map(ToString::to_string)
            .collect();
        assert!(problems.is_empty(), "{problems:?}");
        let problems: Vec<String> = (de.problems(&en, &["one", "other"]).iter())
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            problems,
            [r#"b: expected the plural forms ["one", "other"], found ["one", "few", "other"]"#]
        );
    }

    #[test]
    fn plural_forms_must_be_categories_and_texts() {
        assert_eq!(
            Catalogue::parse(r#"{"k": {"single": "x", "other": "y"}}"#)
                .unwrap_err()
                .path,
            "k.single"
        );
        assert_eq!(
            Catalogue::parse(r#"{"k": {"one": "x"}}"#)
                .unwrap_err()
                .to_string(),
            "k: expected plural forms with an \"other\" form, found none"
        );
        assert_eq!(Catalogue::parse("[]").unwrap_err().path, "");
        assert!(Catalogue::parse("{").is_err());
    }

    #[test]
    fn fill_keeps_unknown_names_and_braces() {
        assert_eq!(fill("{a} {missing}", &[("a", "x")]), "x {missing}");
        assert_eq!(fill("open { brace", &[]), "open { brace");
    }
}
