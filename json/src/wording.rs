//! The one wording of what was expected and what was found, in the project's voice
//! (`expected a whole number from 0 to 4294967295, found "x"`), and numbers written without
//! core's float formatting (kilobytes of wasm).

use serde::de::{self, Unexpected};

use super::error::PathError;
use super::parse::whole_number;
use super::tree::Json;

/// `"a", "b" or "c"`: the names one of which was expected (written with " or " directly, not
/// by replacing " and ": `str::replace` is then not in the wasm).
pub(crate) fn alternatives(names: &[&str]) -> String {
    let mut text = String::new();
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            text.push_str(if i + 1 == names.len() { " or " } else { ", " });
        }
        text.push_str(&format!("{name:?}"));
    }
    text
}

/// `one of "a", "b" or "c"`.
pub(crate) fn one_of(names: &[&str]) -> String {
    match names {
        [] => "nothing".to_owned(),
        [one] => format!("{one:?}"),
        _ => format!("one of {}", alternatives(names)),
    }
}

/// What serde says a type expects, in the project's words: `u32` is a whole number from 0 to
/// 4294967295, `struct Order` an object.
pub(crate) fn expecting(expected: &dyn de::Expected) -> String {
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
pub(crate) fn float_text(v: f64) -> String {
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
pub(crate) fn describe(unexpected: Unexpected<'_>) -> String {
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

/// A value of the tree as a message says it found it: as it was written (`5`, `-1.50`,
/// `"x"`, `true`, `null`), or its kind (`a list`, `an object`). The one wording of a found
/// value: the deserializer's errors say the same.
///
/// ```
/// use order_help_json::{found, parse_text};
/// let tree = parse_text(r#"[1.50, "x", null, {}]"#).unwrap();
/// assert_eq!(found(&tree), "a list");
/// let order_help_json::Json::Array(values) = tree else { unreachable!() };
/// let words: Vec<String> = values.iter().map(found).collect();
/// assert_eq!(words, ["1.50", "\"x\"", "null", "an object"]);
/// ```
pub fn found(value: &Json<'_>) -> String {
    match value {
        Json::Null => "null".to_owned(),
        Json::Bool(v) => format!("{v}"),
        Json::Int(v) => format!("{v}"),
        Json::UInt(v) => format!("{v}"),
        Json::Float(_, text) => text.to_string(),
        Json::Str(v) => format!("{v:?}"),
        Json::Array(_) => "a list".to_owned(),
        Json::Object(_) => "an object".to_owned(),
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
    // Six decimals without their trailing zeros (not `trim_end_matches`: its searcher would be
    // in the wasm for this alone).
    let (mut fraction, mut width) = (fraction, 6);
    while fraction % 10 == 0 {
        fraction /= 10;
        width -= 1;
    }
    format!("{sign}{whole}.{fraction:0width$}")
}

/// The error for a number that is not a safe whole number, quoting its text as it was
/// written.
pub(crate) fn float_error(v: f64, text: &str, expected: &dyn de::Expected) -> PathError {
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
