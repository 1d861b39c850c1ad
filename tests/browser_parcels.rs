//! Parcels as trackers report them (issue 21), in headless Chromium: the demo's Dutch order (a
//! DPD parcel waiting at a parcel shop, a PostNL parcel out for delivery, both with tracking
//! links) under the demo's Amsterdam policy, the retailer fleet's live tracking, and the states
//! no option can act on.
#![cfg(target_arch = "wasm32")]

mod support;

use std::rc::Rc;

use order_help::host::Host;
use order_help_engine::{order_from_tree, policy_from_tree, Policy};
use support::{tree, Fixture};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const DUTCH: &str = include_str!("../static/orders/dutch-pickup-point.json");
const AMSTERDAM: &str = include_str!("../static/policies/amsterdam-withdrawal.json");
const FLEET: &str = include_str!("../static/orders/fleet-8-stops.json");
/// The Dutch sample's demo time.
const NOW: &str = "2026-05-06T10:00:00+02:00";
const DPD_URL: &str = "https://tracking.dpd.example/parcel/05212345678901";
const POSTNL_URL: &str = "https://jouw.postnl.example/track-and-trace/3SNWZ0001234567-NL-3511AB";

/// This file's mounts: an order (JSON text) under a policy, at `now`, in `locale`.
impl Fixture {
    async fn parcels(
        order: &str,
        policy: Option<&str>,
        now: &str,
        locale: &'static str,
    ) -> Fixture {
        let order = Rc::new(order_from_tree(&tree(order)).expect("order"));
        let policy = Rc::new(policy.map_or_else(Policy::default, |p| {
            policy_from_tree(&tree(p)).expect("policy")
        }));
        Fixture::mount_widget(order, policy, now, locale, Host::default(), |_| {}).await
    }

    fn item_text(&self, id: &str) -> String {
        self.one(&format!("li[data-item=\"{id}\"]"))
            .text_content()
            .unwrap_or_default()
    }

    fn links(&self) -> Vec<Element> {
        self.all("a")
    }
}

/// `text` contains every one of `phrases`.
fn says(text: &str, phrases: &[&str]) {
    for phrase in phrases {
        assert!(text.contains(phrase), "{phrase:?} in {text}");
    }
}

fn attr(element: &Element, name: &str) -> String {
    element.get_attribute(name).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_dutch_sample_links_each_parcel_once_and_says_where_it_waits() {
    let w = Fixture::parcels(DUTCH, Some(AMSTERDAM), NOW, "en-GB").await;
    // One "Track package" per parcel (two parcels, three items), each naming its parcel.
    let links = w.links();
    let shown: Vec<(String, String, String)> = links
        .iter()
        .map(|a| {
            (
                a.text_content().unwrap_or_default(),
                attr(a, "href"),
                attr(a, "aria-label"),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            (
                "Track package".to_owned(),
                DPD_URL.to_owned(),
                "Track package: \u{201c}Wollen plaid, zeegroen\u{201d} and \u{201c}Sierkussen van linnen, zand\u{201d} (DPD)".to_owned()
            ),
            (
                "Track package".to_owned(),
                POSTNL_URL.to_owned(),
                "Track package: \u{201c}Stoneware mokken, set van 4\u{201d} (PostNL)".to_owned()
            ),
        ]
    );
    // The link leaves no opener and no referrer (the help page's address names the order).
    assert_eq!(attr(&links[0], "rel"), "noopener noreferrer");

    let plaid = w.item_text("plaid");
    says(
        &plaid,
        &[
            "Ready to collect",
            "Decline or leave uncollected",
            "It is waiting at a parcel shop: if you don\u{2019}t want it, decline it at the counter or don\u{2019}t collect it",
            "Waiting for you at: DPD Pickup Parcelshop Tabakszaak De Hoek, Oudegracht 112, Utrecht",
            "Collect by 12 May 2026",
            "Tracking number: 05212345678901",
        ],
    );
    // The parcel's lines once, on its first item.
    let cushions = w.item_text("kussen");
    assert!(
        cushions.contains("Decline or leave uncollected"),
        "{cushions}"
    );
    assert!(!cushions.contains("Waiting for you at"), "{cushions}");

    let mugs = w.item_text("mokken");
    says(
        &mugs,
        &[
            "Out for delivery with PostNL",
            "Refuse at the door",
            "It is out for delivery with PostNL: you can refuse it by telling the driver at the door",
        ],
    );
    assert!(!mugs.contains("Waiting for you at"), "{mugs}");

    // Withdrawal stays offered, and leaving the parcel is not called a withdrawal.
    let withdrawal = w.text(".withdrawal");
    assert!(
        withdrawal.contains("Not collecting it does not withdraw you from the contract"),
        "{withdrawal}"
    );
    w.button("Withdraw from contract here");
    let all = w.text("ul.items").to_lowercase();
    assert!(!all.contains("the the"), "{all}");
}

/// At `pickup_until` the parcel still waits; a second later the time to collect it has ended:
/// the parcel is on its way back, so the item says so and asks to contact the store, instead
/// of where and until when it waits.
#[wasm_bindgen_test]
async fn after_the_holding_time_the_parcel_no_longer_waits() {
    let mut w =
        Fixture::parcels(DUTCH, Some(AMSTERDAM), "2026-05-12T18:00:00+02:00", "en-GB").await;
    let plaid = w.item_text("plaid");
    says(
        &plaid,
        &[
            "Decline or leave uncollected",
            "Waiting for you at",
            "Collect by",
        ],
    );
    w.unmount();

    let mut w =
        Fixture::parcels(DUTCH, Some(AMSTERDAM), "2026-05-12T18:00:01+02:00", "en-GB").await;
    let plaid = w.item_text("plaid");
    says(
        &plaid,
        &[
            "On its way back",
            "The time to collect it ended on",
            "the carrier sends it back to the sender",
            "Contact the store about this item",
            "Tracking number: 05212345678901",
        ],
    );
    for stale in [
        "Waiting for you at",
        "Collect by",
        "Decline or leave",
        "once you",
    ] {
        assert!(!plaid.contains(stale), "{stale:?} in {plaid}");
    }
    w.unmount();
}

#[wasm_bindgen_test]
async fn the_dutch_sample_in_german() {
    let w = Fixture::parcels(DUTCH, Some(AMSTERDAM), NOW, "de-DE").await;
    let links = w.links();
    assert_eq!(links.len(), 2);
    for (link, carrier) in links.iter().zip(["(DPD)", "(PostNL)"]) {
        assert_eq!(link.text_content().as_deref(), Some("Sendung verfolgen"));
        // The accessible name starts with the visible text (WCAG 2.5.3) and names the parcel.
        let label = attr(link, "aria-label");
        assert!(
            label.starts_with("Sendung verfolgen: ") && label.ends_with(carrier),
            "{label}"
        );
    }
    let plaid = w.item_text("plaid");
    says(
        &plaid,
        &[
            "Liegt zur Abholung bereit",
            "Ablehnen oder nicht abholen",
            "Liegt für Sie bereit bei: DPD Pickup Parcelshop",
            "Abholen bis 12. Mai 2026",
        ],
    );
    let mugs = w.item_text("mokken");
    assert!(
        mugs.contains("Der Artikel ist mit PostNL in der Zustellung: Sie können die Annahme verweigern, indem Sie es dem Fahrer an der Tür sagen"),
            "{mugs}"
    );
    assert!(!w.text("ul.items").contains("von dem"));
    assert!(w
        .text(".withdrawal")
        .contains("Wenn Sie die Sendung nicht abholen, ist das kein Widerruf"));
}

#[wasm_bindgen_test]
async fn the_fleets_refuse_advice_links_its_live_tracking() {
    let tracked = FLEET.replace(
        "\"stops_away\": 8,",
        "\"stops_away\": 8, \"tracking_url\": \"https://track.northwind.example/S1\",",
    );
    assert_ne!(tracked, FLEET);
    let w = Fixture::parcels(&tracked, None, "2025-03-20T14:10:00-07:00", "en-US").await;
    // The live map's sentence, then its link; and the parcel's own "Track package".
    let why = w.one("li[data-item=\"lamp\"] .why");
    let live = why
        .query_selector("a")
        .unwrap()
        .expect("a link after the advice");
    assert!(why.text_content().unwrap().contains("live map"));
    assert_eq!(live.text_content().as_deref(), Some("Open live tracking"));
    assert_eq!(attr(&live, "href"), "https://track.northwind.example/S1");
    assert_eq!(
        attr(&live, "aria-label"),
        "Open live tracking: \u{201c}Brass desk lamp with linen shade\u{201d}"
    );
    assert_eq!(w.links().len(), 2);
    // Without a tracking page, nothing to link.
    let w = Fixture::parcels(FLEET, None, "2025-03-20T14:10:00-07:00", "en-US").await;
    assert!(w.links().is_empty());
}

#[wasm_bindgen_test]
async fn a_problem_no_information_and_no_carrier_are_said_not_guessed() {
    let order = r#"{
            "id": "NL-1", "placed_at": "2026-05-04T20:15:00+02:00", "currency": "EUR",
            "seller": {"name": "Noordzee Wonen", "kind": "retailer", "fulfilled_by": "retailer"},
            "items": [
            {"id": "A", "title": "Lamp", "quantity": 1, "unit_price": 4500, "shipment": "S1"},
            {"id": "B", "title": "Vaas", "quantity": 1, "unit_price": 2495, "shipment": "S2"},
            {"id": "C", "title": "Mok", "quantity": 1, "unit_price": 995, "shipment": "S3"},
            {"id": "D", "title": "Kaars", "quantity": 1, "unit_price": 1295, "shipment": "S4"}
        ],
            "shipments": [
            {"id": "S1", "status": "exception", "carrier": "DHL", "exception_kind": "customs"},
            {"id": "S2", "status": "unknown", "carrier_status": "Pending"},
            {"id": "S3", "status": "in_transit"},
            {"id": "S4", "status": "attempted_delivery", "carrier": "DPD"}
        ]
    }"#;
    let w = Fixture::parcels(order, None, NOW, "en-US").await;
    let customs = w.item_text("A");
    says(
        &customs,
        &[
            "Held at customs",
            "Delivery problem",
            "It is held at customs: the carrier may need you to pay import charges or provide papers",
            "Contact the store about this item",
        ],
    );
    let unknown = w.item_text("B");
    says(
        &unknown,
        &[
            "Status unknown",
            "Tracking says \u{201c}Pending\u{201d}, and we can\u{2019}t tell from that where it is.",
            "Contact the store about this item",
        ],
    );
    // No carrier: the sentences name none, and read whole.
    let unnamed = w.item_text("C");
    assert!(unnamed.contains("On its way"), "{unnamed}");
    assert!(!unnamed.contains("On its way with"), "{unnamed}");
    assert!(
        unnamed.contains("It is on its way: you can refuse it by telling the driver at the door"),
        "{unnamed}"
    );
    let attempted = w.item_text("D");
    assert!(
        attempted.contains("Refuse at the next attempt"),
        "{attempted}"
    );
    assert!(attempted.contains("Delivery attempted"), "{attempted}");
}
