//! What the tracker import tests (`import_easypost.rs`, `import_aftership.rs`) share: their
//! published samples, the conversion, an order holding the shipment that `assess` must accept,
//! and the mutations of a sample (fields removed, retyped, statuses swapped).

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use order_help_engine::import::{import, Imported, Note, Options, Source};
use order_help_engine::json::Json;
use order_help_engine::{assess, order_from_tree, InputError, Instant, Policy};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Value};

/// A published sample under `tests/fixtures/import/<source>/`.
pub fn fixture(source: &str, name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(source)
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).unwrap()
}

/// The converter's answer for a document.
pub fn convert(source: Source, doc: &Value, options: &Options) -> Result<Imported, InputError> {
    let text = doc.to_string();
    let tree: Json<'_> = serde_json::from_str(&text).unwrap();
    import(source, &tree, options)
}

/// A Shopify order in the Admin REST API's shape (the fields that tell it apart), wrapped as
/// the API returns it.
pub fn shopify_order() -> Value {
    json!({"order": {"id": 450789469, "financial_status": "paid",
        "line_items": [{"id": 466157049, "title": "IPod Nano - 8gb", "price": "199.00"}]}})
}

/// The converter's error for `doc` (default options), as the tool prints it: `path: message`.
pub fn refusal(source: Source, doc: &Value) -> String {
    match convert(source, doc, &Options::default()) {
        Ok(imported) => panic!("converted: {:?}", imported.document),
        Err(e) => e.to_string(),
    }
}

/// The path of the converter's error for `doc` (default options); panics if it converts.
pub fn error_path(source: Source, doc: &Value) -> String {
    match convert(source, doc, &Options::default()) {
        Ok(imported) => panic!("converted: {:?}", imported.document),
        Err(e) => e.path,
    }
}

/// The shipment as JSON (the document, written back).
pub fn shipment(imported: &Imported) -> Value {
    serde_json::to_value(&imported.document).unwrap()
}

/// Converts with the default options and returns the shipment; panics (with the error) if the
/// converter refuses it.
pub fn ok(source: Source, doc: &Value) -> (Value, Vec<Note>) {
    let imported = convert(source, doc, &Options::default())
        .unwrap_or_else(|e| panic!("refused: {e}\n{doc:#}"));
    // Whatever it accepts, the engine reads and assesses inside an order.
    assessable(&shipment(&imported));
    let value = shipment(&imported);
    (value, without_the_id_note(imported.notes))
}

/// A published sample of `source` (its folder is the source's name), converted ([`ok`]).
pub fn sample(source: Source, name: &str) -> (Value, Vec<Note>) {
    ok(source, &fixture(source.name(), name))
}

/// The notes but the one every conversion without `shipment_id` has: the id is the tracking
/// number (asserted there, once).
pub fn without_the_id_note(mut notes: Vec<Note>) -> Vec<Note> {
    let at = notes
        .iter()
        .position(|n| {
            n.message
                .starts_with("the shipment's id is its tracking number")
        })
        .unwrap_or_else(|| panic!("no note that the id is the tracking number: {notes:?}"));
    notes.remove(at);
    notes
}

/// The shipment inside a one-item order: the engine reads it and assesses it at an instant,
/// under the default policy. Panics if the reader refuses it.
pub fn assessable(shipment: &Value) {
    let order = json!({
        "id": "O-1",
        "placed_at": "2018-01-01T00:00:00Z",
        "currency": "USD",
        "seller": {"name": "Shop", "kind": "retailer", "fulfilled_by": "retailer"},
        "items": [{"id": "A", "title": "Parcel", "quantity": 1, "unit_price": 1999,
                   "shipment": shipment["id"]}],
        "shipments": [shipment],
    });
    let text = order.to_string();
    let tree: Json<'_> = serde_json::from_str(&text).unwrap();
    let order = order_from_tree(&tree).unwrap_or_else(|e| panic!("{e}\n{shipment:#}"));
    let at = Instant::parse_rfc3339("2026-12-07T12:00:00Z").unwrap();
    let assessment = assess(&order, &Policy::default(), at);
    assert_eq!(assessment.items.len(), 1);
}

/// `doc` with `key` of the object at `pointer` set to `value`.
pub fn with(doc: &Value, pointer: &str, key: &str, value: Value) -> Value {
    let mut doc = doc.clone();
    doc.pointer_mut(pointer)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("no object at {pointer}"))
        .insert(key.to_owned(), value);
    doc
}

/// Every JSON pointer of `value` (the root excluded).
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let here = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                out.push(here.clone());
                pointers(v, here, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let here = format!("{at}/{i}");
                out.push(here.clone());
                pointers(v, here, out);
            }
        }
        _ => {}
    }
}

/// One change to a sample.
#[derive(Clone, Debug)]
pub enum Mutation {
    /// Remove the field (or list element) chosen by the index.
    Remove(usize),
    /// Replace the value chosen by the index with another type's value.
    Retype(usize, usize),
    /// Set a status field (chosen by the index among those present) to a value of the
    /// vocabulary (or a made-up one).
    Swap(usize, usize),
}

/// Values of other types than a field may have.
fn retyped(n: usize) -> Value {
    [
        Value::Null,
        json!(0),
        json!(-1.5),
        json!(true),
        json!(""),
        json!("x"),
        json!([]),
        json!({}),
        json!("2025-13-45T99:00:00"),
        json!("http://example.com/track"),
    ][n % 10]
        .clone()
}

/// Applies `mutation` to `doc`; `status_keys` are the names of the status fields (at any
/// depth), `vocabulary` the values a swap picks from.
pub fn apply(doc: &mut Value, mutation: &Mutation, status_keys: &[&str], vocabulary: &[&str]) {
    let mut all = Vec::new();
    pointers(doc, String::new(), &mut all);
    if all.is_empty() {
        return;
    }
    match *mutation {
        Mutation::Remove(i) => {
            let target = &all[i % all.len()];
            let (parent, last) = target.rsplit_once('/').unwrap();
            match doc.pointer_mut(parent) {
                Some(Value::Object(map)) => {
                    map.remove(&last.replace("~1", "/").replace("~0", "~"));
                }
                Some(Value::Array(items)) => {
                    let i: usize = last.parse().unwrap();
                    items.remove(i);
                }
                _ => {}
            }
        }
        Mutation::Retype(i, v) => {
            if let Some(slot) = doc.pointer_mut(&all[i % all.len()]) {
                *slot = retyped(v);
            }
        }
        Mutation::Swap(i, v) => {
            let statuses: Vec<&String> = all
                .iter()
                .filter(|p| status_keys.iter().any(|k| p.ends_with(&format!("/{k}"))))
                .collect();
            if statuses.is_empty() {
                return;
            }
            let target = statuses[i % statuses.len()].clone();
            let value = vocabulary
                .get(v % (vocabulary.len() + 1))
                .copied()
                .unwrap_or("Teleported_042");
            *doc.pointer_mut(&target).unwrap() = json!(value);
        }
    }
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Remove),
        (any::<usize>(), any::<usize>()).prop_map(|(i, v)| Mutation::Retype(i, v)),
        (any::<usize>(), any::<usize>()).prop_map(|(i, v)| Mutation::Swap(i, v)),
    ]
}

/// Runs `cases` random mutations (1 to 3 changes each) of every sample through the converter:
/// none panics; every accepted one is read and assessed by the engine inside an order; at
/// least half are accepted (counted, printed with `--nocapture`, asserted).
pub fn mutate_samples(
    source: Source,
    samples: &[Value],
    status_keys: &[&str],
    vocabulary: &[&str],
    cases: u32,
) {
    let accepted = AtomicUsize::new(0);
    let tried = AtomicUsize::new(0);
    for sample in samples {
        let mut runner = TestRunner::new(Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        });
        runner
            .run(&prop::collection::vec(mutation(), 1..=3), |mutations| {
                let mut doc = sample.clone();
                for m in &mutations {
                    apply(&mut doc, m, status_keys, vocabulary);
                }
                tried.fetch_add(1, Ordering::Relaxed);
                if let Ok(imported) = convert(source, &doc, &Options::default()) {
                    assessable(&shipment(&imported));
                    accepted.fetch_add(1, Ordering::Relaxed);
                }
                Ok(())
            })
            .unwrap();
    }
    let (accepted, tried) = (accepted.into_inner(), tried.into_inner());
    assert_eq!(tried, cases as usize * samples.len());
    assert!(
        accepted * 2 >= tried,
        "only {accepted} of {tried} mutations converted"
    );
    eprintln!(
        "{}: {accepted} of {tried} mutations converted",
        source.name()
    );
}

/// The tables of docs/import.md's section `## {section}`, in order: each a list of rows (the
/// header and its rule left out), each row its cells, trimmed, backticks removed.
pub fn doc_tables(section: &str) -> Vec<Vec<Vec<String>>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/import.md");
    let text = std::fs::read_to_string(path).unwrap();
    let start = text
        .find(&format!("\n## {section}\n"))
        .unwrap_or_else(|| panic!("no section {section}"));
    let body = &text[start + 1..];
    let body = &body[..body[3..].find("\n## ").map_or(body.len(), |end| end + 3)];
    let mut tables: Vec<Vec<Vec<String>>> = Vec::new();
    let mut in_table = false;
    for line in body.lines() {
        if !line.starts_with('|') {
            in_table = false;
            continue;
        }
        if !in_table {
            tables.push(Vec::new());
            in_table = true;
            continue; // the header
        }
        if line.starts_with("| ---") {
            continue;
        }
        let cells = line
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().trim_matches('`').to_owned())
            .collect();
        tables.last_mut().unwrap().push(cells);
    }
    tables
}

/// A random JSON document whose objects use `keys` (the source's own field names, so the
/// converter reads deep into it) and whose strings come from `words` or are any text.
fn document(keys: Vec<&'static str>, words: Vec<&'static str>) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        prop::sample::select(words).prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(keys.clone()), inner), 0..6).prop_map(
                |entries| Value::Object(
                    entries
                        .into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect()
                )
            ),
        ]
    })
}

/// Random documents of the source's shape: none makes the converter panic, and every one it
/// accepts the engine reads and assesses inside an order; returns how many it accepted.
pub fn random_documents_never_panic(
    source: Source,
    (required, keys): (&'static [&'static str], Vec<&'static str>),
    words: Vec<&'static str>,
) -> usize {
    let accepted = AtomicUsize::new(0);
    let mut runner = TestRunner::new(Config {
        cases: 512,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        // The fields it needs (a word each), then random ones (which may replace them).
        .run(
            &(
                prop::collection::vec(prop::sample::select(words.clone()), required.len()),
                document(keys, words),
            ),
            |(needed, random)| {
                let mut doc = json!({});
                for (key, word) in required.iter().zip(needed) {
                    doc[*key] = json!(word);
                }
                if let Value::Object(entries) = random {
                    doc.as_object_mut().unwrap().extend(entries);
                }
                if let Ok(imported) = convert(source, &doc, &Options::default()) {
                    assessable(&shipment(&imported));
                    accepted.fetch_add(1, Ordering::Relaxed);
                }
                Ok(())
            },
        )
        .unwrap();
    let accepted = accepted.into_inner();
    eprintln!(
        "{}: {accepted} of 512 random documents converted",
        source.name()
    );
    accepted
}
