//! The engine benchmark of `make bench` (issue 6): assessing orders of 1, 50 and 500 items
//! (500 with 100 shipments) natively with criterion. Budget: 500 items in ≤ 100 µs.
//!
//! The orders are generated here, deterministically, as JSON text (so the browser half of the
//! benchmark assesses exactly the same orders through the wasm `assess` export): with
//! `BENCH_ORDERS_FILE=path` set, the bench writes `{ "now": …, "orders": { "1": …, … } }` there
//! before measuring. `cargo bench --bench engine` on its own just measures.
//!
//! Only native: on wasm32 (`cargo clippy --all-targets --target wasm32-unknown-unknown`) it is
//! an empty program.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::Duration;

    use criterion::{BenchmarkId, Criterion, Throughput};
    use order_help_engine::{assess, Instant, Order, Policy};
    use serde_json::{json, Value};

    /// The instant every order is assessed at: some windows open, some closed, some items
    /// still cancellable.
    pub const NOW: &str = "2025-03-20T12:00:00-07:00";

    /// The sizes measured: (items, shipments).
    pub const SIZES: [(usize, usize); 3] = [(1, 1), (50, 10), (500, 100)];

    const CATEGORIES: [&str; 8] = [
        "kitchen",
        "computers",
        "baby",
        "ebooks",
        "groceries",
        "furniture",
        "toys",
        "apparel",
    ];
    const CARRIERS: [&str; 5] = ["ups", "usps", "fedex", "dhl", "other"];

    /// 14:00 store time, `days` days after 5 February 2025.
    fn delivered_at(days: usize) -> String {
        let day = 5 + days;
        if day <= 28 {
            format!("2025-02-{day:02}T14:00:00-08:00")
        } else {
            format!("2025-03-{:02}T14:00:00-08:00", day - 28)
        }
    }

    fn shipment(j: usize) -> Value {
        let id = format!("S{}", j + 1);
        // Delivered ones left early in February; those on their way, on 18 March.
        let (shipped_at, recent) = ("2025-02-03T08:00:00-08:00", "2025-03-18T08:00:00-07:00");
        let carrier = CARRIERS[j % CARRIERS.len()];
        match j % 10 {
            // Delivered from 5 February to 16 March: some windows open, some closed.
            0..=3 => json!({
                "id": id, "status": "delivered", "carrier": carrier, "shipped_at": shipped_at,
                "delivered_at": delivered_at(j * 7 % 40),
            }),
            4 => json!({
                "id": id, "status": "in_transit", "carrier": carrier, "shipped_at": recent,
                "estimated_delivery": "2025-03-22T18:00:00-07:00",
            }),
            5 => json!({
                "id": id, "status": "out_for_delivery", "carrier": "retailer_fleet",
                "stops_away": 3 + j % 20, "shipped_at": recent,
                "estimated_delivery": "2025-03-20T19:00:00-07:00",
            }),
            6 => json!({ "id": id, "status": "staged", "carrier": carrier }),
            7 => json!({ "id": id, "status": "preparing", "carrier": carrier }),
            8 => json!({
                "id": id, "status": "in_transit", "carrier": "usps", "service": "first_class",
                "shipped_at": recent, "estimated_delivery": "2025-03-21T18:00:00-07:00",
            }),
            _ => json!({ "id": id, "status": "pending", "carrier": carrier }),
        }
    }

    fn item(i: usize, shipments: usize) -> Value {
        let quantity = 1 + (i % 3) as u32;
        let mut item = json!({
            "id": format!("item-{}", i + 1),
            "title": format!("Catalogue item number {} ({})", i + 1, CATEGORIES[i % CATEGORIES.len()]),
            "quantity": quantity,
            "unit_price": 499 + (i as u64 * 7_919) % 150_000,
            "category": CATEGORIES[i % CATEGORIES.len()],
        });
        let fields = item.as_object_mut().expect("an object");
        // Every 17th item is not in a shipment yet.
        if i % 17 != 16 {
            fields.insert("shipment".into(), json!(format!("S{}", i % shipments + 1)));
        }
        if i % 23 == 22 {
            fields.insert("final_sale".into(), json!(true));
        }
        if i % 19 < 2 && i >= 19 {
            fields.insert("bundle".into(), json!(format!("B{}", i / 19)));
        }
        if i.is_multiple_of(5) {
            fields.insert("opened".into(), json!(true));
        }
        if quantity > 1 && i.is_multiple_of(11) {
            fields.insert("returned_quantity".into(), json!(1));
        }
        item
    }

    /// A deterministic order of `items` items over `shipments` shipments, as JSON.
    pub fn order_json(items: usize, shipments: usize) -> Value {
        json!({
            "id": format!("114-{items:07}-{shipments:07}"),
            "placed_at": "2025-02-01T09:00:00-08:00",
            "currency": "USD",
            "seller": { "name": "Northwind Goods", "kind": "retailer", "fulfilled_by": "retailer" },
            "payment_method": "credit_card",
            "items": (0..items).map(|i| item(i, shipments)).collect::<Vec<_>>(),
            "shipments": (0..shipments).map(shipment).collect::<Vec<_>>(),
        })
    }

    fn orders() -> Vec<(usize, String, Order)> {
        SIZES
            .iter()
            .map(|&(items, shipments)| {
                let text = order_json(items, shipments).to_string();
                let order = Order::from_json_str(&text)
                    .unwrap_or_else(|e| panic!("the generated {items}-item order is invalid: {e}"));
                (items, text, order)
            })
            .collect()
    }

    fn write_orders(path: &str, orders: &[(usize, String, Order)]) {
        let mut all = serde_json::Map::new();
        for (items, text, _) in orders {
            let value: Value = serde_json::from_str(text).expect("generated JSON");
            all.insert(items.to_string(), value);
        }
        let file = json!({ "now": NOW, "orders": all });
        std::fs::write(path, serde_json::to_string(&file).expect("JSON"))
            .unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
    }

    pub fn main() {
        let orders = orders();
        if let Ok(path) = std::env::var("BENCH_ORDERS_FILE") {
            write_orders(&path, &orders);
        }
        let now = Instant::parse_rfc3339(NOW).expect("NOW is RFC 3339");
        let policy = Policy::default();

        let mut criterion = Criterion::default()
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2))
            .configure_from_args();

        let mut group = criterion.benchmark_group("assess");
        for (items, _, order) in &orders {
            group.throughput(Throughput::Elements(*items as u64));
            group.bench_with_input(BenchmarkId::from_parameter(items), order, |b, order| {
                b.iter(|| assess(black_box(order), black_box(&policy), black_box(now)))
            });
        }
        group.finish();

        // The assessment written as JSON, as the command-line tool and `assess()` give it: with
        // its English sentences.
        let mut group = criterion.benchmark_group("assess_json");
        for (items, _, order) in &orders {
            group.throughput(Throughput::Elements(*items as u64));
            group.bench_with_input(BenchmarkId::from_parameter(items), order, |b, order| {
                b.iter(|| {
                    let assessment = assess(black_box(order), black_box(&policy), black_box(now));
                    order_help_engine::json::to_text(&assessment).expect("JSON")
                })
            });
        }
        group.finish();

        // For comparison with the wasm export, which parses its input on every call.
        let mut group = criterion.benchmark_group("parse");
        for (items, text, _) in &orders {
            group.throughput(Throughput::Elements(*items as u64));
            group.bench_with_input(BenchmarkId::from_parameter(items), text, |b, text| {
                b.iter(|| Order::from_json_str(black_box(text)).expect("valid"))
            });
        }
        group.finish();

        criterion.final_summary();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
