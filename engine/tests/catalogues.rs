//! The catalogues (`locales/*.json`) are complete, and every reason of the engine has a
//! sentence in each: a missing key, a placeholder that differs from English or a wrong set of
//! plural forms fails here, naming the key and the language. And no rule writes a sentence.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use order_help_engine::text::{fill, Catalogue, ENGLISH_JSON};
use order_help_engine::Date;
use order_help_engine::{
    assess, parse_order, parse_policy, CancelCode, CancelDecision, CancelVerdict, Instant, Named,
    Names, PickupKind, Policy, RefuseCode, RefuseDecision, RefuseVerdict, ReturnCode,
    ReturnDecision, ReturnVerdict, WithdrawalCode, WithdrawalDecision, WithdrawalVerdict,
    ZonedInstant,
};
use order_help_engine::{
    verify, LiveMapBand, ProposalProblem, Request, ReturnProposalError, Verification,
};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Each language's CLDR plural categories for cardinal numbers (CLDR 42+), what its plural
/// entries must have exactly. A new language adds its line here.
const LANGUAGES: &[(&str, &[&str])] = &[
    ("en", &["one", "other"]),
    ("de", &["one", "other"]),
    ("fr", &["one", "many", "other"]),
    ("es", &["one", "many", "other"]),
    ("it", &["one", "many", "other"]),
    ("nl", &["one", "other"]),
    ("pl", &["one", "few", "many", "other"]),
    ("sv", &["one", "other"]),
];

fn catalogue(lang: &str) -> Catalogue {
    let path = root().join(format!("locales/{lang}.json"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Catalogue::parse(&text).unwrap_or_else(|e| panic!("locales/{lang}.json: {e}"))
}

#[test]
fn every_catalogue_has_every_key_with_the_same_placeholders() {
    let english = catalogue("en");
    let mut problems = Vec::new();
    for (lang, categories) in LANGUAGES {
        for problem in catalogue(lang).problems(&english, categories) {
            problems.push(format!("locales/{lang}.json: {problem}"));
            // The test names the key and the language.
            assert!(problems.last().unwrap().contains(&problem.key));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_language_file_is_listed_here() {
    let mut files: Vec<String> = fs::read_dir(root().join("locales"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut listed: Vec<String> = LANGUAGES.iter().map(|(l, _)| format!("{l}.json")).collect();
    listed.sort();
    assert_eq!(
        files, listed,
        "add the language's plural categories to LANGUAGES"
    );
}

#[test]
fn the_compiled_in_english_is_locales_en_json() {
    let on_disk = fs::read_to_string(root().join("locales/en.json")).unwrap();
    assert_eq!(ENGLISH_JSON, on_disk);
}

/// The string literals of `code` (Rust source), outside `#[cfg(test)]` modules.
fn literals(code: &str) -> Vec<String> {
    let code = code.split("#[cfg(test)]").next().unwrap_or("");
    let code: String = code
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = Vec::new();
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // A char literal such as '"' or '\'' (lifetimes have no closing quote nearby).
            '\'' => {
                let ahead: String = chars.clone().take(3).collect();
                if ahead.starts_with("\\") && ahead.chars().nth(2) == Some('\'') {
                    chars.nth(2);
                } else if ahead.chars().nth(1) == Some('\'') {
                    chars.nth(1);
                }
            }
            '"' => {
                let mut literal = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        c => literal.push(c),
                    }
                }
                out.push(literal);
            }
            _ => {}
        }
    }
    out
}

#[test]
fn no_rule_writes_a_sentence() {
    let mut found = Vec::new();
    for file in support::rule_files() {
        let code = fs::read_to_string(&file).unwrap();
        for literal in literals(&code) {
            // Words with a space between them: prose. Ids and codes have none.
            let words = literal
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count();
            if words >= 2 {
                found.push(format!("{}: {literal:?}", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "sentences in the rules:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_finds_a_sentence() {
    // The scan above must be able to fail.
    let code = "fn f() -> &'static str { let c = '\"'; \"It has shipped.\" }\n#[cfg(test)]\nmod t { \"x y\" }";
    assert_eq!(literals(code), vec!["It has shipped.".to_owned()]);
}

/// The reason keys the engine's source names (`"cancel.…"`, `"refuse.…"`, `"return.…"`,
/// `"deduction.…"`, `"withdrawal.…"`, `"verify.…"`, `"proposal.…"`): the exhaustive matches
/// of `reason.rs`, `verification/sentences.rs` and `returns/sentences.rs`.
fn keys_in_the_engine() -> Vec<String> {
    [
        "engine/src/reason.rs",
        "engine/src/verification/sentences.rs",
        "engine/src/returns/sentences.rs",
    ]
    .iter()
    .flat_map(|file| literals(&fs::read_to_string(root().join(file)).unwrap()))
    .filter(|l| {
        [
            "cancel.",
            "refuse.",
            "return.",
            "deduction.",
            "withdrawal.",
            "verify.",
            "proposal.",
        ]
        .iter()
        .any(|p| l.starts_with(p))
    })
    .collect()
}

#[test]
fn every_reason_key_has_a_sentence_and_every_sentence_a_reason() {
    let english = catalogue("en");
    let keys = keys_in_the_engine();
    assert!(keys.len() > 50, "{keys:?}");
    for key in &keys {
        assert!(english.get(key).is_some(), "locales/en.json has no {key:?}");
    }
    for key in english.keys().filter(|k| k.contains('.')) {
        assert!(
            keys.iter().any(|k| k == key),
            "locales/en.json: {key:?} is no reason of the engine"
        );
    }
}

/// `verify` on every case with a request of every scenario table (engine/tests/scenarios).
fn verifications() -> Vec<Verification> {
    let dir = root().join("engine/tests/scenarios");
    let mut out = Vec::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        let table: serde_json::Value = serde_json::from_str(&text).unwrap();
        let Some(cases) = table["cases"].as_array() else {
            continue;
        };
        if !cases.iter().any(|c| c.get("request").is_some()) {
            continue;
        }
        let order = parse_order(table["order"].clone()).unwrap();
        let policy = match table.get("policy") {
            Some(p) => parse_policy(p.clone()).unwrap(),
            None => Policy::default(),
        };
        for case in cases {
            let Some(request) = case.get("request") else {
                continue;
            };
            let Ok(request) = Request::from_json_str(&request.to_string()) else {
                continue;
            };
            let at = Instant::parse_rfc3339(case["at"].as_str().unwrap()).unwrap();
            // A case's `order_fields` replace the order's own (scenarios.rs).
            let order = match case["order_fields"].as_object() {
                Some(fields) => {
                    let mut order = table["order"].clone();
                    for (key, value) in fields {
                        order[key] = value.clone();
                    }
                    parse_order(order).unwrap()
                }
                None => order.clone(),
            };
            out.push(verify(&order, &policy, &request, at));
        }
    }
    out
}

fn zoned(text: &str) -> ZonedInstant {
    ZonedInstant {
        instant: Instant::parse_rfc3339(text).unwrap(),
        offset_seconds: -7 * 3600,
    }
}

/// Every reason, with every variant of its sentence, renders in English with each placeholder
/// filled and a plural form chosen.
#[test]
fn every_reason_renders_without_a_placeholder_left() {
    use CancelCode as C;
    use RefuseCode as F;
    use ReturnCode as R;
    let mut messages = Vec::new();
    // Named, and not: each sentence naming a carrier has a twin without one.
    // And with a store's cancellation number, and without.
    let variants = C::ALL.iter().flat_map(|c| {
        [
            (c, Some("UPS"), None),
            (c, None, None),
            (c, None, Some("C-77")),
        ]
    });
    for (&code, carrier, number) in variants {
        let d = CancelDecision {
            verdict: CancelVerdict::Request,
            code,
            bundle: None,
            bundle_items: vec![],
            grace_ends_at: Some(zoned("2025-03-01T09:45:00-07:00")),
            seller: Some("Gadget Hut".into()),
            carrier: carrier.map(Into::into),
            bundle_mates: vec!["Lens".into(), "Strap".into()],
            recorded_at: Some(zoned("2025-03-01T09:40:00-07:00")),
            cancellation_id: number.map(Into::into),
        };
        messages.push((d.reason().key, d.message()));
    }
    for &code in F::ALL {
        use LiveMapBand::*;
        let bands = [
            (None, StopsUnknown),
            (Some(0), NextStop),
            (Some(1), OnTheMap),
            (Some(4), OnTheMap),
            (Some(12), BeyondTheMap),
        ];
        for (stops, band) in bands {
            for flags in 0..32u8 {
                let kinds = [None, Some(PickupKind::Counter), Some(PickupKind::Locker)];
                let d = RefuseDecision {
                    verdict: RefuseVerdict::AtDoor,
                    code,
                    stops_away: stops,
                    live_map: (code == F::AtDoorLiveMap).then_some(band),
                    carrier: (flags & 8 != 0).then(|| "FedEx".into()),
                    out_for_delivery: flags & 1 != 0,
                    seller_refunds: flags & 2 != 0,
                    opened: (flags & 4 != 0).then_some(false),
                    service: Some("certified".into()),
                    pickup_kind: kinds[usize::from(flags >> 3) % 3],
                    pickup_until: Some(zoned("2025-03-08T18:00:00-07:00")),
                };
                messages.push((d.reason().key, d.message()));
            }
        }
    }
    for &code in R::ALL {
        for (quantity, of) in [(1, 1), (3, 3), (1, 3), (2, 3)] {
            for deadline in [None, Some(zoned("2025-03-31T23:59:59-07:00"))] {
                for holiday in [false, true] {
                    let d = ReturnDecision {
                        verdict: ReturnVerdict::Allowed,
                        code,
                        deadline,
                        quantity,
                        holiday_extended: holiday,
                        item_quantity: of,
                        category: Some("groceries".into()),
                        withdrawn_at: Some(zoned("2025-03-20T09:40:00-07:00")),
                    };
                    // A window's reasons always have their deadline.
                    if deadline.is_none() && matches!(code, R::WithinWindow | R::WindowClosed) {
                        continue;
                    }
                    messages.push((d.reason().key, d.message()));
                }
            }
        }
    }
    for &code in WithdrawalCode::ALL {
        for moved in [false, true] {
            let d = WithdrawalDecision {
                verdict: WithdrawalVerdict::Allowed,
                code,
                deadline: Some(zoned("2026-04-07T23:59:59-07:00")),
                items: vec!["A".into()],
                days: 14,
                starts_on: Date::new(2026, 3, 21),
                moved_from: moved.then(|| Date::new(2026, 4, 3)).flatten(),
            };
            messages.push((d.reason().key, d.message()));
        }
    }
    for problem in proposal_problems() {
        let key = problem.key();
        let sentence = ReturnProposalError {
            path: String::new(),
            problem,
        };
        // An error's sentence has no full stop: a path goes before it, nothing after it.
        messages.push((key, format!("{sentence}.")));
    }
    let english = catalogue("en");
    // Every reason key of the catalogue is reached by some decision above, or (`verify.…`) by
    // a verification of the scenario tables.
    let verified = verifications();
    let verify_keys: Vec<(&str, String)> = verified
        .iter()
        .flat_map(|v| {
            std::iter::once((v.key(), v.message.to_string()))
                .chain(v.items.iter().map(|i| (i.key(), i.message.to_string())))
        })
        .collect();
    messages.extend(verify_keys);
    let mut keys: Vec<&str> = messages.iter().map(|(k, _)| *k).collect();
    keys.sort_unstable();
    keys.dedup();
    let all: Vec<&str> = english
        .keys()
        .filter(|k| k.contains('.') && !k.starts_with("deduction."))
        .collect();
    assert_eq!(keys, all);
    for (key, message) in &messages {
        assert!(
            !message.contains('{') && !message.is_empty() && message.ends_with('.'),
            "{key}: {message:?}"
        );
    }
    let has = |needle: &str| messages.iter().any(|(_, m)| m.contains(needle));
    assert!(has("until 1 March 2025 at 09:45 (store time);"));
    assert!(has(
        "bundle with \u{201c}Lens\u{201d} and \u{201c}Strap\u{201d}, which"
    ));
    assert!(has("it is 1 stop away"));
    assert!(has("it is 4 stops away"));
    assert!(has(
        "You can return 1 of 3 until 31 March 2025 at 23:59:59 (store time), thanks"
    ));
    assert!(has("All 3 have already been returned."));
    assert!(has(
        "until 7 April 2026 at 23:59:59 (store time), the first working day after the 14 days."
    ));
    assert!(has("the 14-day withdrawal period starts the day after"));
}

/// No customer-facing sentence shows a raw category or service id (issue 24): every sentence
/// of every catalogue that takes one (`{category}`, `{service}`) is rendered in its language
/// with an id that has an underscore, as the widget renders it (`Value::id_in`), and as the
/// tool prints it in English; each shows the policy's name for the language, else the id
/// humanised.
#[test]
fn no_sentence_shows_a_raw_category_or_service_id() {
    let named = Named {
        id: "gift_cards".into(),
        names: Names(vec![("de".to_owned(), "Gutscheine".to_owned())]),
    };
    let returns = ReturnDecision {
        verdict: ReturnVerdict::NotReturnable,
        code: ReturnCode::NonReturnableCategory,
        deadline: None,
        quantity: 0,
        holiday_extended: false,
        item_quantity: 1,
        category: Some(named),
        withdrawn_at: None,
    };
    let refuse = RefuseDecision {
        verdict: RefuseVerdict::AtDoor,
        code: RefuseCode::MustRefuseAtDelivery,
        stops_away: None,
        live_map: None,
        carrier: Some("USPS".into()),
        out_for_delivery: false,
        seller_refunds: false,
        opened: None,
        service: Some("registered_return_receipt".into()),
        pickup_kind: None,
        pickup_until: None,
    };
    let reasons = [returns.reason(), refuse.reason()];
    let raw = ["gift_cards", "registered_return_receipt"];
    // Every sentence that takes an id is one of these.
    let english = catalogue("en");
    let mut taking: Vec<&str> = english
        .keys()
        .filter(|key| {
            let text = english.get(key).unwrap().form("other");
            text.contains("{category}") || text.contains("{service}")
        })
        .collect();
    taking.sort_unstable();
    let mut keys: Vec<&str> = reasons.iter().map(|r| r.key).collect();
    keys.sort_unstable();
    assert_eq!(keys, taking);
    for (lang, _) in LANGUAGES {
        let catalogue = catalogue(lang);
        for reason in &reasons {
            let values: Vec<(&str, String)> = reason
                .values()
                .map(|(name, value)| (name, value.id_in(lang).unwrap_or_default()))
                .collect();
            let pairs: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
            let template = catalogue.get(reason.key).unwrap().form("other");
            let sentence = order_help_engine::text::fill(template, &pairs);
            assert!(
                raw.iter().all(|id| !sentence.contains(id)) && !sentence.contains('{'),
                "locales/{lang}.json {}: {sentence}",
                reason.key
            );
            let name = if *lang == "de" {
                "Gutscheine"
            } else {
                "gift cards"
            };
            if reason.key.starts_with("return.") {
                assert!(sentence.contains(name), "{lang}: {sentence}");
            } else {
                assert!(
                    sentence.contains("registered return receipt"),
                    "{lang}: {sentence}"
                );
            }
        }
    }
    assert_eq!(
        returns.message(),
        "Items in the \u{201c}gift cards\u{201d} category cannot be returned."
    );
    // "… by USPS {service} mail": a service id's last word "mail" is not said twice.
    let certified = RefuseDecision {
        service: Some("Certified_Mail".into()),
        ..refuse
    };
    assert!(
        certified.message().contains("USPS Certified mail,"),
        "{}",
        certified.message()
    );
}

/// One of each return-proposal problem (a closed window with and without its deadline).
fn proposal_problems() -> Vec<ProposalProblem> {
    let not_returnable = |closed_at| ProposalProblem::NotReturnable {
        item_id: "A".into(),
        verdict: ReturnVerdict::Expired,
        return_code: ReturnCode::WindowClosed,
        closed_at,
    };
    vec![
        ProposalProblem::NoLines,
        ProposalProblem::UnknownItem {
            item_id: "Z".into(),
        },
        ProposalProblem::DuplicateLine {
            item_id: "A".into(),
            first: 0,
        },
        ProposalProblem::ZeroQuantity,
        ProposalProblem::QuantityExceedsReturnable {
            quantity: 2,
            returnable: 1,
        },
        not_returnable(None),
        not_returnable(Some(zoned("2025-03-31T23:59:59-07:00"))),
        ProposalProblem::UnknownReason {
            reason_id: "x".into(),
            known: vec!["a".into()],
        },
    ]
}

/// Every scenario's assessment, written as JSON, has a sentence for every decision.
#[test]
fn every_scenario_message_is_a_whole_sentence() {
    let dir = root().join("engine/tests/scenarios");
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let scenario: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        // Tables of bad input have an `error` instead of cases.
        let Some(cases) = scenario["cases"].as_array() else {
            continue;
        };
        let order = parse_order(&scenario["order"]).unwrap();
        let policy = match scenario.get("policy") {
            Some(p) => parse_policy(p).unwrap(),
            None => Policy::default(),
        };
        for case in cases {
            let at = Instant::parse_rfc3339(case["at"].as_str().unwrap()).unwrap();
            let json = serde_json::to_value(assess(&order, &policy, at)).unwrap();
            let withdrawal = json["withdrawal"]["message"].as_str().unwrap();
            assert!(
                withdrawal.ends_with('.') && !withdrawal.contains('{'),
                "{}: withdrawal: {withdrawal:?}",
                path.display()
            );
            for item in json["items"].as_array().unwrap() {
                for family in ["cancel", "refuse", "return"] {
                    let message = item[family]["message"].as_str().unwrap();
                    assert!(
                        message.ends_with('.') && !message.contains('{'),
                        "{}: {family}: {message:?}",
                        path.display()
                    );
                }
            }
        }
    }
}

/// The twin of a key that names a carrier: `cancel.with_carrier.unnamed` for a reason,
/// `status_in_transit_unnamed` for a widget text.
fn unnamed_twin(key: &str) -> String {
    if key.contains('.') {
        format!("{key}.unnamed")
    } else {
        format!("{key}_unnamed")
    }
}

/// What a sentence must never read like: a word twice in a row (only white space between,
/// any case: "the the carrier driver"), a placeholder left, or a contraction a filler broke
/// ("von dem", "de le", "de el").
fn sentence_faults(sentence: &str) -> Vec<String> {
    let mut faults = Vec::new();
    let words: Vec<String> = sentence.split_whitespace().map(str::to_lowercase).collect();
    for pair in words.windows(2) {
        if pair[0] == pair[1] && pair[0].chars().any(char::is_alphabetic) {
            faults.push(format!("{:?} twice", pair[0]));
        }
    }
    if sentence.contains(['{', '}']) {
        faults.push("a placeholder left".into());
    }
    let padded = format!(" {} ", sentence.to_lowercase());
    for broken in [" von dem ", " de le ", " de el "] {
        if padded.contains(broken) {
            faults.push(format!("{:?}", broken.trim()));
        }
    }
    faults
}

#[test]
fn the_sentence_check_can_fail() {
    assert_eq!(
        sentence_faults("by telling the the carrier driver"),
        ["\"the\" twice"]
    );
    assert_eq!(
        sentence_faults("indem Sie es dem Fahrer von dem Versanddienst sagen"),
        ["\"von dem\""]
    );
    assert_eq!(sentence_faults("With {carrier}"), ["a placeholder left"]);
    assert!(sentence_faults("Refuse it: it goes back.").is_empty());
}

/// Every sentence of every shipped catalogue that names a carrier, rendered with "DPD" and
/// (its twin) with no carrier, as reviewed in `engine/tests/snapshots/carrier-sentences.<lang>.txt`
/// (issue 21: "the the carrier driver", "dem Fahrer von dem Versanddienst"). After a reviewed
/// change of a sentence, rewrite the files with `UPDATE_SNAPSHOTS=1 cargo test -p
/// order-help-engine --test catalogues` and review their diff.
#[test]
fn carrier_sentences_with_and_without_a_name() {
    let english = catalogue("en");
    let mut keys: Vec<&str> = english
        .keys()
        .filter(|k| {
            english
                .get(k)
                .is_some_and(|e| e.texts().iter().any(|t| t.contains("{carrier}")))
        })
        .collect();
    keys.sort_unstable();
    // The sentences the widget and the engine write with a carrier's name, at least.
    for key in [
        "status_in_transit",
        "status_out_for_delivery",
        "cancel.with_carrier",
        "refuse.at_door.in_transit.retailer",
        "refuse.at_door.out_for_delivery.marketplace_seller",
        "refuse.delivered_by_other_carrier",
        "track_package_label",
    ] {
        assert!(keys.contains(&key), "{key} names no carrier");
    }
    let mut problems = Vec::new();
    for (lang, _) in LANGUAGES {
        let catalogue = catalogue(lang);
        assert!(
            catalogue.get("carrier_other").is_none(),
            "locales/{lang}.json: carrier_other is the filler that made \"the the carrier\""
        );
        let mut snapshot = String::new();
        for key in &keys {
            let twin = unnamed_twin(key);
            let values = [("carrier", "DPD"), ("titles", "\u{201c}Wool coat\u{201d}")];
            let named = catalogue.get(key).map(|e| e.texts()).unwrap_or_default();
            let unnamed = catalogue.get(&twin).map(|e| e.texts()).unwrap_or_default();
            if unnamed.is_empty() || unnamed.iter().any(|t| t.contains("{carrier}")) {
                problems.push(format!(
                    "locales/{lang}.json: {twin} (without {{carrier}}) is missing"
                ));
            }
            snapshot.push_str(&format!("{key}\n"));
            for (label, texts) in [("DPD ", named), ("none", unnamed)] {
                for text in texts {
                    let sentence = fill(text, &values);
                    for fault in sentence_faults(&sentence) {
                        problems.push(format!(
                            "locales/{lang}.json: {key} ({label}): {fault}: {sentence}"
                        ));
                    }
                    snapshot.push_str(&format!("  {label}: {sentence}\n"));
                }
            }
        }
        let path = root().join(format!(
            "engine/tests/snapshots/carrier-sentences.{lang}.txt"
        ));
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, &snapshot).unwrap();
        }
        let reviewed = fs::read_to_string(&path).unwrap_or_default();
        if reviewed != snapshot {
            problems.push(format!(
                "{}: differs from the catalogue's sentences (review, then UPDATE_SNAPSHOTS=1):\n{snapshot}",
                path.display()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Per language (every shipped one but English), the forms that stand for the item without
/// naming it (German's masculine pronouns for "der Artikel" and their possessives; French's
/// "il"/"le"/"son" in the turns the catalogue used; the others' below), and the nouns a sentence
/// may name before one of them stands for that noun:
/// a bare "ihn" / "il" next to "Tasse" / "la montre" (feminine) is wrong (issue 25, item 5).
const ITEM_PRONOUNS: &[(&str, &[&str], &[&str])] = &[
    (
        "de",
        &[
            "er", "Er", "ihn", "Ihn", "ihm", "Ihm", "sein", "seine", "seiner", "seinem", "seinen",
            "seines",
        ],
        &[
            "Artikel",
            "Artikels",
            "Verkäufer",
            "Versanddienst",
            "Shop",
            "Fahrer",
            "Widerruf",
            "Verbraucher",
        ],
    ),
    (
        "fr",
        &[
            "Il est",
            "Il a",
            "Il attend",
            "Il pourra",
            "Il n’a",
            "il ne peut",
            "Sa livraison",
            "son annulation",
            "le retourner",
            "l’annuler",
            "l’a déjà",
            "S’il",
            "s’il a",
            "Comme il",
            "Oui, il",
            "Non, il",
        ],
        &[
            "article",
            "colis",
            "envoi",
            "vendeur",
            "transporteur",
            "magasin",
            "livreur",
        ],
    ), // Spanish: the clitic "lo" and its enclitic forms ("devolverlo"), and the passive or adjective turns that agree with a masculine item ("Está embalado", "Fue entregado"); a perfect ("se ha entregado") does not agree.
    (
        "es",
        &[
            "lo",
            "devolverlo",
            "cancelarlo",
            "rechazarlo",
            "recogerlo",
            "entregarlo",
            "recibirlo",
            "devuélvalo",
            "rechácelo",
            "envíelo",
            "Está embalado",
            "está embalado",
            "Está retenido",
            "está retenido",
            "está dañado",
            "Fue entregado",
            "fue entregado",
            "Llegó dañado",
            "Fue enviado",
            // The labels: a participle or adjective alone agrees with the item too.
            "Aún no enviado",
            "Entregado",
            "Devuelto",
            "Cancelado",
            "Listo",
            "Retenido",
        ],
        &[
            "artículo",
            "artículos",
            "paquete",
            "vendedor",
            "desistimiento",
            "pedido",
        ],
    ),
    // Italian: "lo" and its enclitic forms ("restituirlo"), and the participles that agree with a masculine item ("è stato spedito"); the impersonal "Non è stato possibile" names no item.
    (
        "it",
        &[
            "lo",
            "Lo",
            "restituirlo",
            "annullarlo",
            "rifiutarlo",
            "ritirarlo",
            "consegnarlo",
            "rispedirlo",
            "È stato spedito",
            "è stato spedito",
            "È stato consegnato",
            "è stato consegnato",
            "È stato annullato",
            "è stato annullato",
            "è stato aperto",
            "È stato restituito",
            "è stato restituito",
            "danneggiato",
            "smarrito",
        ],
        &[
            "articolo",
            "Articolo",
            "recesso",
            "pacco",
            "spedizione",
            "confezione",
            "venditore",
            "corriere",
            "negozio",
            "ordine",
        ],
    ),
    // Dutch: "hij"/"hem" (a de-word) and "het" as a subject standing for a het-word ("Het is bezorgd"); "het" as an article is fine.
    (
        "nl",
        &[
            "hem",
            "Hem",
            "hij",
            "Hij",
            "Het is",
            "het is",
            "Het wordt",
            "het wordt",
            "Het kan",
            "het kan",
            "Het was",
            "het was",
            "Het ligt",
            "het ligt",
            "Het heeft",
            "het heeft",
            "zijn levering",
            "Zijn levering",
            "zijn bezorging",
            "Zijn bezorging",
        ],
        &[
            "artikel",
            "pakket",
            "zending",
            "verkoper",
            "bezorger",
            "winkel",
            "vervoerder",
            "bestelling",
        ],
    ),
    // Polish: "go"/"jego" and the masculine past tense and participles ("został", "dostarczony"), which agree with a masculine item only.
    (
        "pl",
        &[
            "go",
            "Go",
            "jego",
            "Jego",
            "został",
            "Został",
            "dostarczony",
            "dostarczona",
            "wysłany",
            "wysłana",
            "uszkodzony",
            "uszkodzona",
            "zwrócony",
            "zgubiony",
            "Dotarł",
            "dotarł",
        ],
        &[
            "Produkt",
            "produkt",
            "produktu",
            "Przesyłka",
            "przesyłka",
            "przesyłki",
            "Przesyłkę",
            "przesyłkę",
            "paczka",
            "paczkę",
            "sprzedawca",
            "kurier",
            "Sklep",
            "sklep",
            "zamówienie",
            "prośba",
            "komentarza",
            "oświadczenie",
            "oświadczenia",
        ],
    ),
    // Swedish: "den" standing for an en-word ("den har", "returnera den"); "den" before a date or in "den här" is not a pronoun.
    (
        "sv",
        &[
            "Den är",
            "den är",
            "Den har",
            "den har",
            "Den kan",
            "den kan",
            "Den skickas",
            "returnera den",
            "ta emot den",
            "hämta ut den",
            "avbeställa den",
            "Han",
            "han",
            "Hon",
            "hon",
            "dess",
            "Dess",
        ],
        &[
            "vara",
            "varan",
            "Varan",
            "paketet",
            "Paketet",
            "försändelsen",
            "leveransen",
            "leveransen",
            "butiken",
            "Butiken",
            "säljaren",
            "Säljaren",
            "avbeställning",
            "avgift",
            "frånträdet",
        ],
    ),
];

/// The first of `forms` in `text` (as whole words) that comes before any of `nouns`.
fn bare_pronoun<'a>(text: &str, forms: &[&'a str], nouns: &[&str]) -> Option<&'a str> {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let (at, form) = forms
        .iter()
        .flat_map(|form| {
            text.match_indices(form)
                .filter(|(at, _)| {
                    !word(text[..*at].chars().next_back())
                        && !word(text[at + form.len()..].chars().next())
                })
                .map(move |(at, _)| (at, *form))
        })
        .min_by_key(|(at, _)| *at)?;
    let named = text[..at]
        .split(|c: char| !c.is_alphanumeric())
        .any(|token| nouns.contains(&token));
    (!named).then_some(form)
}

#[test]
fn no_sentence_uses_a_bare_pronoun_for_the_item() {
    let mut found = Vec::new();
    for (lang, forms, nouns) in ITEM_PRONOUNS {
        let catalogue = catalogue(lang);
        for key in catalogue.keys() {
            for text in catalogue.get(key).unwrap().texts() {
                if let Some(form) = bare_pronoun(text, forms, nouns) {
                    found.push(format!(
                        "locales/{lang}.json: {key}: \"{form}\" in {text:?}"
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "a pronoun with no noun before it:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_pronoun_table_covers_every_language_but_english() {
    let checked: Vec<&str> = ITEM_PRONOUNS.iter().map(|(lang, _, _)| *lang).collect();
    let shipped: Vec<&str> = LANGUAGES
        .iter()
        .map(|(lang, _)| *lang)
        .filter(|lang| *lang != "en")
        .collect();
    assert_eq!(checked, shipped);
}

/// The forms and nouns of `lang` in `ITEM_PRONOUNS`.
fn pronouns_of(lang: &str) -> (&'static [&'static str], &'static [&'static str]) {
    let (_, forms, nouns) = ITEM_PRONOUNS.iter().find(|(l, _, _)| *l == lang).unwrap();
    (forms, nouns)
}

#[test]
fn the_pronoun_check_can_fail_in_every_language() {
    // Each pair: the sentence main had (a pronoun for an unnamed item), and its rewrite.
    let cases = [
        (
            "es",
            "Puede devolverlo hasta el {deadline}.",
            "Puede devolver el artículo hasta el {deadline}.",
            "devolverlo",
        ),
        (
            "es",
            "Está embalado y a la espera de salir del almacén.",
            "El artículo está embalado y a la espera de salir del almacén.",
            "Está embalado",
        ),
        (
            "it",
            "È stato spedito: può restituirlo.",
            "L’articolo è stato spedito: può restituirlo.",
            "È stato spedito",
        ),
        (
            "nl",
            "Het is bezorgd, dus het kan niet meer worden geannuleerd.",
            "Het artikel is bezorgd, dus het kan niet meer worden geannuleerd.",
            "Het is",
        ),
        (
            "pl",
            "Został dostarczony, więc nie można go już anulować.",
            "Produkt został dostarczony, więc nie można go już anulować.",
            "Został",
        ),
        (
            "sv",
            "Den har levererats, så den kan inte längre avbeställas.",
            "Varan har levererats, så den kan inte längre avbeställas.",
            "Den har",
        ),
    ];
    for (lang, bare, named, form) in cases {
        let (forms, nouns) = pronouns_of(lang);
        assert_eq!(
            bare_pronoun(bare, forms, nouns),
            Some(form),
            "{lang}: {bare}"
        );
        assert_eq!(bare_pronoun(named, forms, nouns), None, "{lang}: {named}");
    }
}

#[test]
fn the_pronoun_check_can_fail() {
    let (_, de, nouns) = ITEM_PRONOUNS[0];
    assert_eq!(
        bare_pronoun("Sie können ihn bis {deadline} zurücksenden.", de, nouns),
        Some("ihn")
    );
    assert_eq!(bare_pronoun("Er wurde zugestellt.", de, nouns), Some("Er"));
    assert_eq!(
        bare_pronoun("Bei seiner Zustellung gibt es ein Problem.", de, nouns),
        Some("seiner")
    );
    assert_eq!(
        bare_pronoun(
            "Der Artikel wurde zugestellt, daher kann er nicht mehr storniert werden.",
            de,
            nouns
        ),
        None
    );
    assert_eq!(bare_pronoun("Oder: Erstattung", de, nouns), None);
    let (_, fr, nouns) = ITEM_PRONOUNS[1];
    assert_eq!(
        bare_pronoun(
            "Il a été livré : il ne peut donc plus être annulé.",
            fr,
            nouns
        ),
        Some("Il a")
    );
    assert_eq!(
        bare_pronoun("Vous pouvez le retourner jusqu’au {deadline}.", fr, nouns),
        Some("le retourner")
    );
    assert_eq!(
        bare_pronoun(
            "L’article a été livré : il ne peut donc plus être annulé.",
            fr,
            nouns
        ),
        None
    );
    assert_eq!(
        bare_pronoun("Il reste moins d’un jour pour retourner {item}.", fr, nouns),
        None
    );
}
