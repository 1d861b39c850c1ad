//! Dates, times, money and durations in the customer's locale and time zone, through the
//! browser's `Intl`. Formatters are built once per (locale, currency) and reused on every tick.
//!
//! The bindings are our own (with `catch`), so a bad locale from a host page becomes a fallback
//! to English, never an exception through the widget.

use js_sys::{Date, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::countdown::Countdown;
use crate::engine::Instant;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    type NumberFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "NumberFormat", catch)]
    fn new(locale: &str, options: &Object) -> Result<NumberFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "NumberFormat")]
    fn format(this: &NumberFormat, value: f64) -> String;
    #[wasm_bindgen(method, js_class = "NumberFormat", js_name = resolvedOptions)]
    fn resolved_options(this: &NumberFormat) -> Object;

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
    fn format(this: &ListFormat, list: &js_sys::Array) -> Result<String, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = DurationFormat)]
    type DurationFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DurationFormat", catch)]
    fn new(locale: &str, options: &Object) -> Result<DurationFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "DurationFormat", catch)]
    fn format(this: &DurationFormat, duration: &Object) -> Result<String, JsValue>;
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        // Setting a plain property on a fresh object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object
}

/// The customer's formatters for one order.
pub struct Formatters {
    locale: String,
    money: Option<NumberFormat>,
    /// 10^(the currency's minor-unit digits): 100 for USD, 1 for JPY.
    minor_per_major: f64,
    currency: String,
    date: Option<DateTimeFormat>,
    date_time: Option<DateTimeFormat>,
    duration: Option<DurationFormat>,
    list: Option<ListFormat>,
    /// Used when `Intl.DurationFormat` is missing (older browsers): "12 days".
    units: Vec<(&'static str, Option<NumberFormat>)>,
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
    /// Formatters for `locale` (falling back to `en` if the browser rejects it) and `currency`.
    pub fn new(locale: &str, currency: &str) -> Formatters {
        let locale = if NumberFormat::new(locale, &Object::new()).is_ok() {
            locale
        } else {
            "en"
        };
        let money = NumberFormat::new(
            locale,
            &options(&[("style", "currency"), ("currency", currency)]),
        )
        .ok();
        let digits = money
            .as_ref()
            .and_then(|m| Reflect::get(&m.resolved_options(), &"maximumFractionDigits".into()).ok())
            .and_then(|d| d.as_f64())
            .unwrap_or(2.0);
        let date = DateTimeFormat::new(
            locale,
            &options(&[("day", "numeric"), ("month", "long"), ("year", "numeric")]),
        )
        .ok();
        let date_time = DateTimeFormat::new(
            locale,
            &options(&[
                ("day", "numeric"),
                ("month", "long"),
                ("year", "numeric"),
                ("hour", "2-digit"),
                ("minute", "2-digit"),
                ("timeZoneName", "short"),
            ]),
        )
        .ok();
        let duration = DurationFormat::new(locale, &options(&[("style", "long")])).ok();
        let list = ListFormat::new(locale, &options(&[("type", "conjunction")])).ok();
        let units = ["day", "hour", "minute", "second"]
            .into_iter()
            .map(|unit| {
                let format = NumberFormat::new(
                    locale,
                    &options(&[("style", "unit"), ("unit", unit), ("unitDisplay", "long")]),
                );
                (unit, format.ok())
            })
            .collect();
        Formatters {
            locale: locale.to_owned(),
            money,
            minor_per_major: 10f64.powf(digits),
            currency: currency.to_owned(),
            date,
            date_time,
            duration,
            list,
            units,
        }
    }

    /// An amount of minor units in the order's currency: "$49.99", "49,99 €".
    pub fn money(&self, minor: u64) -> String {
        let major = minor as f64 / self.minor_per_major;
        match &self.money {
            Some(format) => format.format(major),
            None => format!(
                "{} {}",
                crate::engine::json::number_text(major),
                self.currency
            ),
        }
    }

    /// A calendar date in the customer's zone: "31 March 2025", "March 31, 2025".
    pub fn date(&self, instant: Instant) -> String {
        Self::with(&self.date, instant)
    }

    /// A date and time with the zone's name: "31 March 2025 at 23:59 PDT".
    pub fn date_time(&self, instant: Instant) -> String {
        Self::with(&self.date_time, instant)
    }

    fn with(format: &Option<DateTimeFormat>, instant: Instant) -> String {
        let date = Date::new(&JsValue::from_f64(instant.unix_seconds() as f64 * 1000.0));
        match format {
            Some(format) => format.format(&date),
            None => String::from(date.to_iso_string()),
        }
    }

    /// "A, B and C" in the customer's language.
    pub fn list(&self, items: &[String]) -> String {
        let array: js_sys::Array = items.iter().map(|s| JsValue::from_str(s)).collect();
        self.list
            .as_ref()
            .and_then(|format| format.format(&array).ok())
            .unwrap_or_else(|| items.join(", "))
    }

    /// What is left of a window: "12 days", "47 hours, 59 minutes", "9 minutes, 5 seconds".
    pub fn time_left(&self, countdown: Countdown) -> String {
        let parts: &[(&str, u32)] = &match countdown {
            Countdown::Days(days) => [("days", days), ("", 0)],
            Countdown::HoursMinutes { hours, minutes } => [("hours", hours), ("minutes", minutes)],
            Countdown::MinutesSeconds { minutes, seconds } => {
                [("minutes", minutes), ("seconds", seconds)]
            }
            Countdown::Closed => [("seconds", 0), ("", 0)],
        };
        if let Some(format) = &self.duration {
            let duration = Object::new();
            for (unit, value) in parts.iter().filter(|(unit, _)| !unit.is_empty()) {
                let _ = Reflect::set(&duration, &JsValue::from_str(unit), &JsValue::from(*value));
            }
            if let Ok(text) = format.format(&duration) {
                return text;
            }
        }
        parts
            .iter()
            .filter(|(unit, value)| !unit.is_empty() && (*value > 0 || parts[0].1 == 0))
            .map(|(unit, value)| {
                let singular = unit.trim_end_matches('s');
                match self.units.iter().find(|(u, _)| *u == singular) {
                    Some((_, Some(format))) => format.format(f64::from(*value)),
                    _ => format!("{value} {unit}"),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}
