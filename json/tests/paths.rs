//! Reading the tree with a path: through serde ([`deserialize`]) and field by field ([`At`]);
//! every error names the innermost path and says what was expected and what was found, in the
//! one wording of found values.
#![cfg(not(target_arch = "wasm32"))]

use std::fmt;

use order_help_json::{deserialize, number_text, parse_text, At, Json, PathError};

#[derive(serde::Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
struct Doc {
    items: Vec<Item>,
    kind: Option<Kind>,
}

#[derive(serde::Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
struct Item {
    qty: u32,
}

#[derive(serde::Deserialize, Debug, PartialEq)]
#[serde(rename_all = "snake_case")]
enum Kind {
    InTransit,
}

/// serde_json's tree: floats without their text as written.
fn tree(json: &str) -> Json<'_> {
    serde_json::from_str(json).expect("test JSON")
}

fn error(json: &str) -> (String, String) {
    let e = deserialize::<Doc>(&tree(json)).unwrap_err();
    (e.path.unwrap_or_default(), e.message)
}

#[test]
fn reads_what_it_should() {
    let doc: Doc = deserialize(&tree(r#"{"items": [{"qty": 2}], "kind": "in_transit"}"#)).unwrap();
    assert_eq!(
        doc,
        Doc {
            items: vec![Item { qty: 2 }],
            kind: Some(Kind::InTransit)
        }
    );
    let doc: Doc = deserialize(&tree(r#"{"items": [], "kind": null}"#)).unwrap();
    assert_eq!(doc.kind, None);
}

#[test]
fn errors_name_the_innermost_path() {
    let table = [
        (
            r#"{"items": [{"qty": 1}, {"qty": "x"}]}"#,
            "items[1].qty",
            "expected a whole number from 0 to 4294967295, found \"x\"",
        ),
        (
            r#"{"items": [{"qty": -1}]}"#,
            "items[0].qty",
            "expected a whole number from 0 to 4294967295, found -1",
        ),
        (
            r#"{"items": [{"qty": 1.5}]}"#,
            "items[0].qty",
            "expected a whole number from 0 to 4294967295, found 1.5, which has a fraction",
        ),
        (
            r#"{"items": [{"qty": 1, "colour": "red"}]}"#,
            "items[0].colour",
            "expected only the field \"qty\", found the unknown field \"colour\"",
        ),
        (
            r#"{"items": [{}]}"#,
            "items[0]",
            "expected the field \"qty\", found none",
        ),
        (
            r#"{"items": [], "kind": "lost"}"#,
            "kind",
            "expected \"in_transit\", found \"lost\"",
        ),
        (
            r#"{"items": [], "items": []}"#,
            "",
            "expected the field \"items\" once, found it twice",
        ),
        (r#"[1]"#, "", "expected an object, found a list"),
    ];
    for (json, path, message) in table {
        assert_eq!(error(json), (path.to_owned(), message.to_owned()), "{json}");
    }
}

#[test]
fn each_reader_names_what_it_found_of_another_kind() {
    use std::collections::BTreeMap;
    fn message<T: serde::de::DeserializeOwned + fmt::Debug>(json: &str) -> String {
        // The crate's own text reader keeps each number's text as written.
        deserialize::<T>(&parse_text(json).unwrap())
            .unwrap_err()
            .message
    }
    assert_eq!(
        message::<bool>(r#""x""#),
        "expected true or false, found \"x\""
    );
    assert_eq!(message::<String>("5"), "expected a string, found 5");
    assert_eq!(message::<String>("-5.0"), "expected a string, found -5");
    assert_eq!(message::<String>("1.50"), "expected a string, found 1.50");
    assert_eq!(message::<Item>(r#""x""#), "expected an object, found \"x\"");
    assert_eq!(message::<Item>("true"), "expected an object, found true");
    assert_eq!(message::<Kind>("3"), "expected \"in_transit\", found 3");
    assert_eq!(message::<Vec<u32>>("null"), "expected a list, found null");
    assert_eq!(
        message::<BTreeMap<String, u32>>("[]"),
        "expected an object, found a list"
    );
    assert_eq!(
        message::<u32>(r#"{"a": 1}"#),
        "expected a whole number from 0 to 4294967295, found an object"
    );
    assert_eq!(
        message::<u32>("9007199254740993"),
        "expected a whole number from 0 to 4294967295, found 9007199254740993, which is beyond JavaScript's safe integers (±9007199254740991)"
    );
    // A whole number written as a float is a whole number.
    assert_eq!(deserialize::<u32>(&tree("5.0")).unwrap(), 5);
}

#[test]
fn numbers_are_written_without_float_formatting() {
    let table = [
        (1.5, "1.5"),
        (-0.25, "-0.25"),
        (3.0, "3"),
        (0.1234567, "0.123457"),
        (f64::NAN, "NaN"),
        (f64::INFINITY, "infinity"),
        (2e20, "a number above 10^15"),
    ];
    for (value, text) in table {
        assert_eq!(number_text(value), text);
    }
}

/// A hand reader of `{"name": …, "tags": […], "n": …}` with the walker's non-generic calls:
/// what the engine's document readers are made of.
fn read_by_hand(at: At<'_>) -> Result<(String, Vec<String>, u32), PathError> {
    const NAMES: &[&str] = &["name", "tags", "n"];
    let (mut name, mut tags, mut n) = (None, Vec::new(), 0);
    // `name` is required: bit 0.
    at.fields(NAMES, 0b001, &mut |field, value| {
        match field {
            0 => name = Some(<String as serde::Deserialize>::deserialize(value)?),
            1 => value.elements(&mut |tag| {
                tags.push(<String as serde::Deserialize>::deserialize(tag)?);
                Ok(())
            })?,
            _ => n = <u32 as serde::Deserialize>::deserialize(value)?,
        }
        Ok(())
    })?;
    // `fields` has reported a missing `name`: this is only the type's way to say so.
    let name = name.ok_or_else(|| at.missing("name"))?;
    Ok((name, tags, n))
}

#[test]
fn the_walker_reads_fields_by_hand_with_serde_s_errors() {
    let read = |json: &str| {
        let tree = parse_text(json).unwrap();
        read_by_hand(At::root(&tree)).map_err(|e| (e.path.unwrap_or_default(), e.message))
    };
    assert_eq!(
        read(r#"{"tags": ["a", "b"], "name": "x"}"#),
        Ok(("x".to_owned(), vec!["a".to_owned(), "b".to_owned()], 0))
    );
    let table = [
        (r#"{"name": "x", "tags": ["a", 5]}"#, "tags[1]", "expected a string, found 5"),
        (
            r#"{"name": "x", "colour": 1}"#,
            "colour",
            "expected one of the fields \"name\", \"tags\" or \"n\", found the unknown field \"colour\"",
        ),
        (
            r#"{"name": "x", "name": "y"}"#,
            "",
            "expected the field \"name\" once, found it twice",
        ),
        (r#"{"n": 1}"#, "", "expected the field \"name\", found none"),
        (r#"{"name": "x", "tags": {}}"#, "tags", "expected a list, found an object"),
        (r#"[]"#, "", "expected an object, found a list"),
    ];
    for (json, path, message) in table {
        assert_eq!(
            read(json),
            Err((path.to_owned(), message.to_owned())),
            "{json}"
        );
    }
}

#[test]
fn variants_and_entries_name_their_path() {
    let tree = parse_text(r#"{"a": "usps", "b": "dhl", "c": 3}"#).unwrap();
    let mut found = Vec::new();
    let result = At::root(&tree).entries(&mut |name, value| {
        found.push((name.to_owned(), value.variant(&["usps", "dhl"])?));
        Ok(())
    });
    assert_eq!(found, [("a".to_owned(), 0), ("b".to_owned(), 1)]);
    let error = result.unwrap_err();
    assert_eq!(error.path.as_deref(), Some("c"));
    assert_eq!(
        error.message,
        "expected one of \"usps\" or \"dhl\", found 3"
    );
    let lost = Json::Str("lost".into());
    let error = At::root(&lost).variant(&["usps"]).unwrap_err();
    assert_eq!(error.message, "expected \"usps\", found \"lost\"");
    assert!(At::root(&Json::Null).is_null());
}
