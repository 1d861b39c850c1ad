//! JSON text read and written by hand, checked against serde_json: the same trees from the
//! same text, the same text from the same values, numbers as JavaScript makes them, and
//! neither a panic nor an unbounded recursion on any text.
#![cfg(not(target_arch = "wasm32"))]

use std::borrow::Cow;

use order_help_json::{parse_text, push_decimal, to_text, whole_number, Json, MAX_DEPTH};
use proptest::prelude::*;
use serde_json::Value;

/// `to_text` parsed back by serde_json, checked to be ASCII.
fn written(value: &impl serde::Serialize) -> Value {
    let text = to_text(value).expect("written");
    assert!(text.is_ascii(), "{text}");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn writes_structs_options_and_escapes_as_serde_json_does() {
    #[derive(serde::Serialize)]
    struct Doc {
        name: String,
        count: Option<u32>,
        list: Vec<i64>,
        unit: (),
        kind: Kind,
    }
    #[derive(serde::Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        InTransit,
    }
    let doc = Doc {
        name: "caf\u{e9} \"1\"\n\\ \u{1f600}".into(),
        count: None,
        list: vec![i64::MIN, 0, 7],
        unit: (),
        kind: Kind::InTransit,
    };
    assert_eq!(
        to_text(&doc).unwrap(),
        r#"{"name":"caf\u00e9 \"1\"\n\\ \ud83d\ude00","count":null,"list":[-9223372036854775808,0,7],"unit":null,"kind":"in_transit"}"#
    );
    assert_eq!(written(&doc), serde_json::to_value(&doc).unwrap());
}

#[test]
fn writes_only_what_json_text_can_hold() {
    use std::collections::BTreeMap;
    let mut by_number = BTreeMap::new();
    by_number.insert(1u32, "one");
    let error = to_text(&by_number).unwrap_err();
    assert_eq!(
        error.to_string(),
        "JSON text: cannot write a map key that is not a string"
    );
    #[derive(serde::Serialize)]
    enum WithData {
        Pair(u8, u8),
    }
    let error = to_text(&WithData::Pair(1, 2)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "JSON text: cannot write an enum variant with data"
    );
}

#[test]
fn decimals_without_the_formatting_machinery() {
    let mut text = String::from("n=");
    for n in [0, 7, 10, 4998, u64::MAX] {
        push_decimal(&mut text, n);
        text.push(' ');
    }
    assert_eq!(text, format!("n=0 7 10 4998 {} ", u64::MAX));
    assert_eq!(whole_number("120e-1"), Some(Some(12)));
    assert_eq!(whole_number("0.000"), Some(Some(0)));
    assert_eq!(whole_number("1.25e1"), None);
    assert_eq!(whole_number("abc"), None);
    assert_eq!(whole_number("18446744073709551616"), Some(None));
}

#[test]
fn numbers_are_what_javascript_makes_of_them() {
    let table = [
        ("0", Json::UInt(0)),
        ("-0", Json::UInt(0)),
        ("-17", Json::Int(-17)),
        ("9007199254740991", Json::UInt(9_007_199_254_740_991)),
        ("-9007199254740991", Json::Int(-9_007_199_254_740_991)),
        ("1e2", Json::UInt(100)),
        ("2.5E-1", Json::Float(0.25, "2.5E-1".into())),
        ("-1.5", Json::Float(-1.5, "-1.5".into())),
        ("0.5e1", Json::UInt(5)),
        // Not whole, though JavaScript rounds it to 0: kept as written, for the error.
        ("1e-99999999999", Json::Float(0.0, "1e-99999999999".into())),
    ];
    for (text, expected) in table {
        assert_eq!(parse_text(text), Some(expected), "{text}");
    }
    // Beyond JavaScript's safe integers: a float, as a JS number is.
    for text in [
        "9007199254740993",
        "18446744073709551616",
        "1e400",
        "1e99999999999",
        "-1e21",
    ] {
        assert!(
            matches!(parse_text(text), Some(Json::Float(_, t)) if t == text),
            "{text}: {:?}",
            parse_text(text)
        );
    }
}

#[test]
fn rejects_what_is_not_json() {
    for text in [
        "",
        " ",
        "[1,]",
        "{\"a\":1,}",
        "{a:1}",
        "01",
        "1.",
        ".5",
        "1e",
        "+1",
        "--1",
        "\"\t\"",
        "\"\\x\"",
        "\"\\u12\"",
        "tru",
        "nulls",
        "[1] [2]",
        "{\"a\" 1}",
        "[\"a\" \"b\"]",
        "NaN",
        "\"unterminated",
    ] {
        assert_eq!(parse_text(text), None, "{text:?}");
    }
}

#[test]
fn escapes_and_surrogates() {
    assert_eq!(
        parse_text(r#""\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00""#),
        Some(Json::Str("\"\\/\u{8}\u{c}\n\r\t\u{e9}\u{1f600}".into()))
    );
    // Strings without an escape are borrowed from the text.
    assert!(matches!(
        parse_text(r#"{"key": "value"}"#),
        Some(Json::Object(fields)) if matches!(
            fields.as_slice(),
            [(Cow::Borrowed("key"), Json::Str(Cow::Borrowed("value")))]
        )
    ));
    // A lone surrogate is U+FFFD, as a JS string copied into the wasm has it.
    assert_eq!(
        parse_text(r#""a\ud83db\ude00\ud83d\u0041""#),
        Some(Json::Str("a\u{fffd}b\u{fffd}\u{fffd}A".into()))
    );
}

#[test]
fn nesting_is_bounded() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth + 1), "]".repeat(depth + 1));
    assert!(parse_text(&nested(MAX_DEPTH)).is_some());
    assert_eq!(parse_text(&nested(MAX_DEPTH + 1)), None);
    assert_eq!(parse_text(&nested(100_000)), None);
}

#[test]
fn writes_no_floats() {
    assert!(to_text(&1.5f64).is_err());
    assert_eq!(to_text(&i64::MIN).unwrap(), i64::MIN.to_string());
    assert_eq!(to_text(&u64::MAX).unwrap(), u64::MAX.to_string());
}

/// JSON without floats, with any text.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        (-9_007_199_254_740_991i64..=9_007_199_254_740_991).prop_map(Value::from),
        any::<String>().prop_map(Value::from),
        "[\"\\\\\u{0}-\u{1f}\u{7f}-\u{ff}\u{2028}\u{fffd}\u{1f600}a]{0,6}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn reads_and_writes_any_json_as_serde_json_does(value in json_value()) {
        for text in [serde_json::to_string(&value).unwrap(), serde_json::to_string_pretty(&value).unwrap()] {
            let expected: Json = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(parse_text(&text), Some(expected));
        }
        prop_assert_eq!(written(&value), value);
    }

    #[test]
    fn never_panics_on_any_text(text in any::<String>()) {
        let _ = parse_text(&text);
    }

    #[test]
    fn never_panics_on_json_like_text(text in "[\\[\\]{}\",:0-9eE.+\\-\\\\u ntrfalse]{0,40}") {
        let parsed = parse_text(&text);
        if let Ok(expected) = serde_json::from_str::<Json>(&text) {
            // Where serde_json reads it, the same tree (floats aside: they are approximate).
            if !format!("{expected:?}").contains("Float") {
                prop_assert_eq!(parsed, Some(expected));
            }
        }
    }
}
