//! `renderVerification`: a verification's sentences in any shipped language (`locales/*.json`,
//! compiled into the package), each from its `code` and `values`, numbers' plural forms by
//! `Intl.PluralRules`, instants as the store's wall clock by `Intl.DateTimeFormat`, titles
//! quoted and listed by `Intl.ListFormat`. A language the package has no catalogue for is
//! English throughout (texts and formats), never a mix.

use js_sys::{Array, Date, Object, Reflect};
use order_help_engine::json::{self, Json};
use order_help_engine::text::{fill, Catalogue};
use order_help_engine::Instant;
use wasm_bindgen::prelude::*;

/// The shipped catalogues by language (English first: the fallback).
const CATALOGUES: [(&str, &str); 8] = [
    ("en", include_str!("../../locales/en.json")),
    ("de", include_str!("../../locales/de.json")),
    ("es", include_str!("../../locales/es.json")),
    ("fr", include_str!("../../locales/fr.json")),
    ("it", include_str!("../../locales/it.json")),
    ("nl", include_str!("../../locales/nl.json")),
    ("pl", include_str!("../../locales/pl.json")),
    ("sv", include_str!("../../locales/sv.json")),
];

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateTimeFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locale: &str, options: &Object) -> Result<DateTimeFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "DateTimeFormat")]
    fn format(this: &DateTimeFormat, date: &Date) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = ListFormat)]
    type ListFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "ListFormat", catch)]
    fn new(locale: &str, options: &Object) -> Result<ListFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "ListFormat", catch)]
    fn format(this: &ListFormat, list: &Array) -> Result<String, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = PluralRules)]
    type PluralRules;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "PluralRules", catch)]
    fn new(locale: &str, options: &Object) -> Result<PluralRules, JsValue>;
    #[wasm_bindgen(method, js_class = "PluralRules")]
    fn select(this: &PluralRules, value: f64) -> String;
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object
}

/// The language a sentence is written in: its catalogue (English completing it) and the
/// locale its numbers and dates are formatted for.
struct Language {
    catalogue: Catalogue,
    locale: String,
    english: bool,
}

impl Language {
    /// `locale`'s language when the package ships it, else English (`en`, so the dates are
    /// English too).
    fn of(locale: &str) -> Language {
        let primary = locale.split(['-', '_']).next().unwrap_or("");
        let shipped = CATALOGUES
            .iter()
            .find(|(lang, _)| primary.eq_ignore_ascii_case(lang))
            .filter(|_| DateTimeFormat::new(locale, &Object::new()).is_ok());
        let english = Catalogue::english();
        match shipped {
            Some(("en", _)) | None => Language {
                catalogue: english.clone(),
                locale: if shipped.is_some() { locale } else { "en" }.to_owned(),
                english: true,
            },
            Some((_, text)) => Language {
                // The shipped catalogues are complete (tested); English fills any gap.
                catalogue: Catalogue::parse(text)
                    .map(|c| c.completed_from(english))
                    .unwrap_or_else(|_| english.clone()),
                locale: locale.to_owned(),
                english: false,
            },
        }
    }

    /// The CLDR plural category of `n` in this language.
    fn plural(&self, n: u64) -> String {
        PluralRules::new(&self.locale, &Object::new())
            .map(|rules| rules.select(n as f64))
            .unwrap_or_else(|_| order_help_engine::text::english_plural(n).to_owned())
    }

    /// An RFC 3339 instant with the store's offset, as the store's wall clock reads it
    /// (`31. März 2025 um 23:59`); `None` for a text that is not one.
    fn instant(&self, text: &str) -> Option<String> {
        let instant = Instant::parse_rfc3339(text).ok()?;
        let offset = offset_seconds(text)?;
        // The wall clock at the store's offset, formatted as UTC: no zone name to get wrong.
        let wall = (instant.unix_seconds() + i64::from(offset)) as f64 * 1000.0;
        let seconds = instant.unix_seconds().rem_euclid(60) != 0;
        let mut pairs = vec![
            ("day", "numeric"),
            ("month", "long"),
            ("year", "numeric"),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
            ("timeZone", "UTC"),
        ];
        if seconds {
            pairs.push(("second", "2-digit"));
        }
        let format = DateTimeFormat::new(&self.locale, &options(&pairs)).ok()?;
        Some(format.format(&Date::new(&JsValue::from_f64(wall))))
    }

    /// Titles quoted (the catalogue's `quoted_title`) and listed in this language.
    fn titles(&self, titles: &[String]) -> String {
        let quoted: Array = titles
            .iter()
            .map(|t| JsValue::from_str(&fill(self.key("quoted_title"), &[("title", t)])))
            .collect();
        ListFormat::new(&self.locale, &options(&[("type", "conjunction")]))
            .and_then(|list| list.format(&quoted))
            .unwrap_or_else(|_| {
                let all: Vec<String> = quoted.iter().filter_map(|v| v.as_string()).collect();
                all.join(", ")
            })
    }

    fn key(&self, key: &str) -> &str {
        self.catalogue
            .get(key)
            .map_or("", |entry| entry.form("other"))
    }

    /// The sentence of one verification (the request's, `item` false, or an item's), from
    /// its `code` and `values`; `None` when it has no code this catalogue knows.
    fn sentence(
        &self,
        kind: &str,
        item: bool,
        fields: &[(std::borrow::Cow<'_, str>, Json<'_>)],
    ) -> Option<String> {
        let field = |name: &str| fields.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v);
        let Some(Json::Str(code)) = field("code") else {
            return None;
        };
        let key = match (code.as_ref(), item) {
            ("accepted", false) => "verify.accepted.request".to_owned(),
            ("accepted", true) => "verify.accepted.item".to_owned(),
            (code, _) => format!("verify.{code}"),
        };
        let entry = self.catalogue.get(&key)?;
        let values: &[(std::borrow::Cow<'_, str>, Json<'_>)] = match field("values") {
            Some(Json::Object(values)) => values,
            _ => &[],
        };
        let value = |name: &str| values.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v);
        let number = |v: Option<&Json<'_>>| match v {
            Some(Json::UInt(n)) => Some(*n),
            Some(Json::Int(n)) => u64::try_from(*n).ok(),
            _ => None,
        };
        // The count that chooses the form: the units (a quantity's codes), else the items.
        let count = number(value("quantity")).or(number(value("requested")));
        let template = entry.form(&count.map_or("other".to_owned(), |n| self.plural(n)));
        let mut filled: Vec<(&str, String)> = Vec::new();
        for (name, v) in values {
            let text = match v {
                Json::UInt(n) => n.to_string(),
                Json::Int(n) => n.to_string(),
                // The engine's `why` is English: the language's own sentence comes below.
                Json::Str(_) if name == "why" => continue,
                Json::Str(text) if name == "deadline" || name.ends_with("_at") => {
                    self.instant(text).unwrap_or_else(|| text.to_string())
                }
                Json::Str(text) => text.to_string(),
                Json::Array(items) => {
                    let titles: Vec<String> = items
                        .iter()
                        .filter_map(|i| match i {
                            Json::Str(t) => Some(t.to_string()),
                            _ => None,
                        })
                        .collect();
                    self.titles(&titles)
                }
                _ => continue,
            };
            filled.push((name.as_ref(), text));
        }
        if !filled.iter().any(|(n, _)| *n == "why") {
            // In another language, the catalogue's own sentence for the verdict when it names
            // no value (the engine's `why` is English).
            let verdict = match value("verdict_code") {
                Some(Json::Str(code)) => code.as_ref(),
                _ => "",
            };
            let own = self.key(&format!("{kind}.{verdict}"));
            filled.push(("why", if own.contains('{') { "" } else { own }.to_owned()));
        }
        let pairs: Vec<(&str, &str)> = filled.iter().map(|(n, v)| (*n, v.as_str())).collect();
        Some(fill(template, &pairs).trim_end().to_owned())
    }
}

/// The offset of an RFC 3339 timestamp in seconds east of UTC (`Z`: 0).
fn offset_seconds(text: &str) -> Option<i32> {
    if text.ends_with(['Z', 'z']) {
        return Some(0);
    }
    let tail = text.get(text.len().checked_sub(6)?..)?;
    let sign = match tail.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let hours: i32 = tail.get(1..3)?.parse().ok()?;
    let minutes: i32 = tail.get(4..6)?.parse().ok()?;
    Some(sign * (hours * 3600 + minutes * 60))
}

/// A verification (what `verify` returns, or its JSON text) with its `message` and every
/// item's `message` written in `locale`'s language (a BCP 47 tag: `de-DE`, `pl`): each from its
/// `code` and `values`, counts in the language's plural forms, instants as the store's wall
/// clock in the locale's format, titles quoted and listed. English (and a language the package
/// ships no catalogue for, `ja`: never a mix of two) keeps `verify`'s own English sentences;
/// `locale` on the result says which was used (`en` for one without a catalogue). Throws an `OrderHelpError` (`verification_invalid`) for a value that is
/// not a verification.
#[wasm_bindgen(js_name = renderVerification, unchecked_return_type = "Verification & { locale: string }")]
pub fn render_verification(
    #[wasm_bindgen(unchecked_param_type = "Verification | string")] verification: JsValue,
    locale: &str,
) -> Result<JsValue, JsValue> {
    let invalid = |why: &str| {
        let error = js_sys::Error::new(&format!("verification: {why}"));
        let _ = Reflect::set(&error, &"code".into(), &"verification_invalid".into());
        let _ = Reflect::set(&error, &"path".into(), &"".into());
        JsValue::from(error)
    };
    let text = match verification.as_string() {
        Some(text) => text,
        None => js_sys::JSON::stringify(&verification)
            .ok()
            .and_then(|t| t.as_string())
            .ok_or_else(|| invalid("expected a verification object or its JSON text"))?,
    };
    order_help_engine::limits::check_document_size(text.len())
        .map_err(|e| invalid(&e.to_string()))?;
    let tree = json::parse_text(&text).ok_or_else(|| invalid("expected JSON text"))?;
    let Json::Object(fields) = &tree else {
        return Err(invalid("expected an object {kind, code, values, items, …}"));
    };
    let kind = match fields.iter().find(|(k, _)| k == "kind").map(|(_, v)| v) {
        Some(Json::Str(kind)) => kind.to_string(),
        _ => {
            return Err(invalid(
                "kind: expected \"cancel\", \"return\" or \"withdrawal\"",
            ))
        }
    };
    let language = Language::of(locale);
    let out = js_sys::JSON::parse(&text)?;
    Reflect::set(&out, &"locale".into(), &language.locale.as_str().into())?;
    if language.english {
        // `verify`'s own sentences are the English ones (instants in the store's time).
        return Ok(out);
    }
    if let Some(message) = language.sentence(&kind, false, fields) {
        Reflect::set(&out, &"message".into(), &message.into())?;
    }
    if let Some((_, Json::Array(items))) = fields.iter().find(|(k, _)| k == "items") {
        let targets = Reflect::get(&out, &"items".into())?;
        for (index, item) in items.iter().enumerate() {
            let Json::Object(item) = item else { continue };
            if let Some(message) = language.sentence(&kind, true, item) {
                let target = Reflect::get_u32(&targets, index as u32)?;
                Reflect::set(&target, &"message".into(), &message.into())?;
            }
        }
    }
    Ok(out)
}
