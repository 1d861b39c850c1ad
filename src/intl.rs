//! Dates, times, money and durations in the customer's locale and time zone, through the
//! browser's `Intl`.
//!
//! Each formatter is built the first time it is needed and then reused: building one costs
//! milliseconds (the first loads the locale's data), formatting with it microseconds. What is
//! left of a return window is formatted per unit with `Intl.NumberFormat` and joined with
//! `Intl.ListFormat`, and remembered per value: `Intl.DurationFormat` would say the same but
//! costs ~80 µs a call, on every tick.
//!
//! The bindings are our own (with `catch`), so a bad locale from a host page becomes a fallback
//! to English, never an exception through the widget.

use std::cell::{OnceCell, RefCell};

use js_sys::{Array, Date, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::countdown::Countdown;
use crate::engine::json::push_decimal;
use crate::engine::{minor_unit_digits, Instant};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = getCanonicalLocales, catch)]
    fn canonical_locales(locale: &str) -> Result<Array, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    type NumberFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "NumberFormat", catch)]
    fn new(locale: &str, options: &Object) -> Result<NumberFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "NumberFormat")]
    fn format(this: &NumberFormat, value: f64) -> String;

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
        // Setting a plain property on a fresh object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object
}

const DATE: &[(&str, &str)] = &[("day", "numeric"), ("month", "long"), ("year", "numeric")];
const DATE_TIME: &[(&str, &str)] = &[
    ("day", "numeric"),
    ("month", "long"),
    ("year", "numeric"),
    ("hour", "2-digit"),
    ("minute", "2-digit"),
    ("timeZoneName", "short"),
];
const DATE_CLOCK: &[(&str, &str)] = &[
    ("day", "numeric"),
    ("month", "long"),
    ("year", "numeric"),
    ("hour", "numeric"),
    ("minute", "2-digit"),
];
const UNITS: [&str; 4] = ["day", "hour", "minute", "second"];

/// How many distinct "time left" texts are remembered (a tick rarely shows more).
const TIME_LEFT_CACHE: usize = 64;

/// The customer's formatters for one order.
pub struct Formatters {
    locale: String,
    currency: String,
    /// The money format, with the currency's ISO 4217 number of decimals.
    money: OnceCell<Option<NumberFormat>>,
    date: OnceCell<Option<DateTimeFormat>>,
    date_time: OnceCell<Option<DateTimeFormat>>,
    date_clock: OnceCell<Option<DateTimeFormat>>,
    list: OnceCell<Option<ListFormat>>,
    unit_list: OnceCell<Option<ListFormat>>,
    units: [OnceCell<Option<NumberFormat>>; 4],
    plural: OnceCell<Option<PluralRules>>,
    time_left: RefCell<Vec<(Countdown, String)>>,
}

impl PartialEq for Formatters {
    fn eq(&self, other: &Self) -> bool {
        self.locale == other.locale && self.currency == other.currency
    }
}

impl std::fmt::Debug for Formatters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Formatters({}, {})", self.locale, self.currency)
    }
}

impl Formatters {
    /// The BCP 47 tag the formatters use (`en` if the browser rejected the one given).
    pub fn locale(&self) -> &str {
        &self.locale
    }

    /// Formatters for `locale` (English if the browser rejects the tag) and `currency`. Cheap:
    /// nothing is built until it is used.
    pub fn new(locale: &str, currency: &str) -> Formatters {
        let valid = canonical_locales(locale).is_ok_and(|tags| tags.length() == 1);
        Formatters {
            locale: if valid { locale } else { "en" }.to_owned(),
            currency: currency.to_owned(),
            money: OnceCell::new(),
            date: OnceCell::new(),
            date_time: OnceCell::new(),
            date_clock: OnceCell::new(),
            list: OnceCell::new(),
            unit_list: OnceCell::new(),
            units: Default::default(),
            plural: OnceCell::new(),
            time_left: RefCell::new(Vec::new()),
        }
    }

    fn number_format(&self, pairs: &[(&str, &str)]) -> Option<NumberFormat> {
        NumberFormat::new(&self.locale, &options(pairs)).ok()
    }

    fn date_format(&self, pairs: &[(&str, &str)]) -> Option<DateTimeFormat> {
        DateTimeFormat::new(&self.locale, &options(pairs)).ok()
    }

    fn list_format(&self, kind: &str) -> Option<ListFormat> {
        ListFormat::new(&self.locale, &options(&[("type", kind), ("style", "long")])).ok()
    }

    /// An amount of minor units in the order's currency: "$49.99", "49,99 €", "IQD 2.999".
    ///
    /// Minor units are ISO 4217's: the amount is divided by 10^(the ISO 4217 exponent) and
    /// shown with exactly that many decimals. Not by `Intl`'s own `maximumFractionDigits`, which
    /// is CLDR's display precision (0 for IQD, where ISO 4217 says 3: a price of 2999 would
    /// show a thousand times too high).
    pub fn money(&self, minor: u64) -> String {
        let digits = minor_unit_digits(&self.currency).unwrap_or(2);
        let money = self.money.get_or_init(|| {
            let options = options(&[("style", "currency"), ("currency", &self.currency)]);
            for key in ["minimumFractionDigits", "maximumFractionDigits"] {
                // Setting a plain property on a fresh object cannot fail.
                let _ = Reflect::set(&options, &key.into(), &JsValue::from(digits));
            }
            NumberFormat::new(&self.locale, &options).ok()
        });
        let scale = 10u64.pow(u32::from(digits));
        match money {
            // Exact enough: amounts are at most 2^53, and Intl rounds to `digits` decimals.
            Some(format) => format.format(minor as f64 / scale as f64),
            None => {
                let mut text = String::new();
                push_decimal(&mut text, minor / scale);
                if digits > 0 {
                    text.push('.');
                    let fraction = minor % scale + scale; // a leading 1 keeps the zeros
                    let mut padded = String::new();
                    push_decimal(&mut padded, fraction);
                    text.push_str(padded.get(1..).unwrap_or_default());
                }
                format!("{text} {}", self.currency)
            }
        }
    }

    /// A calendar date in the customer's zone: "31 March 2025", "March 31, 2025".
    pub fn date(&self, instant: Instant) -> String {
        Self::with(self.date.get_or_init(|| self.date_format(DATE)), instant)
    }

    /// A date and time with the zone's name: "31 March 2025 at 23:59 PDT".
    pub fn date_time(&self, instant: Instant) -> String {
        Self::with(
            self.date_time.get_or_init(|| self.date_format(DATE_TIME)),
            instant,
        )
    }

    /// The last second of a window, as a badge says it: the date alone when it is the end of
    /// the customer's day too ("March 31, 2025"); else the date and the customer's clock time
    /// ("April 1, 2025 at 3:59 PM" for a store in Los Angeles and a customer in Tokyo), since
    /// the store's day ends at another hour of theirs.
    pub fn deadline(&self, last_second: Instant) -> String {
        let date = Date::new(&JsValue::from_f64(
            last_second.unix_seconds() as f64 * 1000.0,
        ));
        // The customer's zone is the browser's, as for every date the widget shows.
        if date.get_hours() == 23 && date.get_minutes() == 59 {
            self.date(last_second)
        } else {
            Self::with(
                self.date_clock.get_or_init(|| self.date_format(DATE_CLOCK)),
                last_second,
            )
        }
    }

    fn with(format: &Option<DateTimeFormat>, instant: Instant) -> String {
        let date = Date::new(&JsValue::from_f64(instant.unix_seconds() as f64 * 1000.0));
        match format {
            Some(format) => format.format(&date),
            None => String::from(date.to_iso_string()),
        }
    }

    /// The CLDR plural category of the whole number `n` in the customer's language
    /// (`Intl.PluralRules`): `"one"`, `"few"`, `"many"`, `"other"`, … English's rule when
    /// `Intl` has none.
    pub fn plural(&self, n: u32) -> &'static str {
        let rules = self
            .plural
            .get_or_init(|| PluralRules::new(&self.locale, &Object::new()).ok());
        let Some(rules) = rules else {
            return crate::engine::text::english_plural(u64::from(n));
        };
        let category = rules.select(f64::from(n));
        crate::engine::text::PLURAL_CATEGORIES
            .into_iter()
            .find(|c| *c == category)
            .unwrap_or("other")
    }

    /// "A, B and C" in the customer's language.
    pub fn list(&self, items: &[String]) -> String {
        let list = self.list.get_or_init(|| self.list_format("conjunction"));
        Self::join(list, items, ", ")
    }

    fn join(list: &Option<ListFormat>, items: &[String], fallback: &str) -> String {
        let array: Array = items.iter().map(|s| JsValue::from_str(s)).collect();
        list.as_ref()
            .and_then(|format| format.format(&array).ok())
            .unwrap_or_else(|| items.join(fallback))
    }

    /// What is left of a window: "12 days", "47 hours, 59 minutes", "9 minutes, 5 seconds".
    /// Units at zero are left out ("1 hour", not "1 hour, 0 minutes").
    pub fn time_left(&self, countdown: Countdown) -> String {
        if let Some((_, text)) = self
            .time_left
            .borrow()
            .iter()
            .find(|(c, _)| *c == countdown)
        {
            return text.clone();
        }
        let text = self.format_time_left(countdown);
        let mut cache = self.time_left.borrow_mut();
        if cache.len() >= TIME_LEFT_CACHE {
            cache.remove(0);
        }
        cache.push((countdown, text.clone()));
        text
    }

    fn format_time_left(&self, countdown: Countdown) -> String {
        // (index into UNITS, value)
        let parts: [(usize, u32); 2] = match countdown {
            Countdown::Days(days) => [(0, days), (0, 0)],
            Countdown::HoursMinutes { hours, minutes } => [(1, hours), (2, minutes)],
            Countdown::MinutesSeconds { minutes, seconds } => [(2, minutes), (3, seconds)],
            Countdown::Closed => [(3, 0), (3, 0)],
        };
        let mut shown: Vec<(usize, u32)> = parts.iter().copied().filter(|(_, v)| *v > 0).collect();
        if shown.is_empty() {
            // All zero ("0 seconds"): the first unit, so the text is never empty.
            shown.push(parts[0]);
        }
        let texts: Vec<String> = shown
            .into_iter()
            .map(|(unit, value)| {
                let format = self.units[unit].get_or_init(|| {
                    self.number_format(&[
                        ("style", "unit"),
                        ("unit", UNITS[unit]),
                        ("unitDisplay", "long"),
                    ])
                });
                match format {
                    Some(format) => format.format(f64::from(value)),
                    None => format!("{value} {}s", UNITS[unit]),
                }
            })
            .collect();
        let unit_list = self.unit_list.get_or_init(|| self.list_format("unit"));
        Self::join(unit_list, &texts, ", ")
    }
}
