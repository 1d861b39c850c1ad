//! Properties over generated orders (valid or not), policies and instants.
//!
//! "Better" is each verdict enum's order, from the worst option for the customer to the best:
//! cancel `not_available < request < allowed`; return `not_returnable < expired < not_yet <
//! allowed`. Time only closes options: with the same order, a later instant never gives an
//! item a better cancel or return verdict.
#![cfg(not(target_arch = "wasm32"))]

use order_help_engine::*;
use proptest::prelude::*;
use serde_json::Value;

const YEAR: i64 = 365 * 86_400;
const Y2019: i64 = 1_546_300_800;

/// Mostly 2019–2036, sometimes the very ends of the range.
fn instant() -> impl Strategy<Value = Instant> {
    prop_oneof![
        8 => (Y2019..Y2019 + 17 * YEAR).prop_map(Instant::from_unix_seconds),
        1 => any::<i64>().prop_map(Instant::from_unix_seconds),
        1 => prop_oneof![Just(Instant::MIN), Just(Instant::MAX)],
    ]
}

fn money() -> impl Strategy<Value = Money> {
    prop_oneof![
        8 => (0u64..200_000).prop_map(|m| Money::from_minor(m).unwrap()),
        1 => Just(Money::MAX),
        1 => (0..=Money::MAX.minor()).prop_map(|m| Money::from_minor(m).unwrap()),
    ]
}

fn quantity() -> impl Strategy<Value = u32> {
    prop_oneof![8 => 1u32..6, 1 => Just(0), 1 => Just(u32::MAX), 1 => any::<u32>()]
}

/// Returned or requested units: mostly none.
fn returned() -> impl Strategy<Value = u32> {
    prop_oneof![6 => Just(0), 2 => 0u32..3, 1 => any::<u32>()]
}

fn status() -> impl Strategy<Value = ShipmentStatus> {
    use ShipmentStatus::*;
    prop::sample::select(vec![
        Delivered,
        Delivered,
        Delivered,
        Pending,
        Preparing,
        Staged,
        InTransit,
        OutForDelivery,
        Delivered,
        AttemptedDelivery,
        AvailableForPickup,
        Exception,
        Unknown,
        ReturningToSender,
        Refused,
        ReturnedToSender,
        Cancelled,
    ])
}

/// The recognised ids in any case, any other name, or none.
fn carrier() -> impl Strategy<Value = Option<String>> {
    prop::option::weighted(
        0.9,
        prop::sample::select(vec![
            "retailer_fleet",
            "usps",
            " USPS ",
            "ups",
            "fedex",
            "dhl",
            "other",
            "DPD",
            "PostNL",
        ])
        .prop_map(str::to_owned),
    )
}

/// Times near `base` (before it too: invalid orders are wanted as well), mostly given.
fn near(base: Instant) -> impl Strategy<Value = Option<Instant>> {
    prop::option::weighted(
        0.8,
        (-5 * 86_400i64..120 * 86_400).prop_map(move |d| base.saturating_add_seconds(d)),
    )
}

fn shipment(id: String, placed_at: Instant) -> impl Strategy<Value = Shipment> {
    (
        status(),
        carrier(),
        prop::option::of(prop::sample::select(vec![
            "first_class",
            "certified",
            "insured",
            "cod",
            "priority",
        ])),
        prop::option::of(prop_oneof![0u32..15, any::<u32>()]),
        near(placed_at),
        near(placed_at),
        near(placed_at),
        near(placed_at),
        prop::option::of(prop::sample::select(vec![
            PickupKind::Counter,
            PickupKind::Locker,
        ])),
    )
        .prop_map(
            move |(
                status,
                carrier,
                service,
                stops_away,
                shipped_at,
                delivered_at,
                estimated_delivery,
                pickup_until,
                pickup_kind,
            )| Shipment {
                id: id.clone(),
                status,
                carrier,
                service: service.map(str::to_owned),
                stops_away,
                shipped_at,
                delivered_at,
                estimated_delivery,
                tracking_number: None,
                tracking_url: None,
                carrier_status: None,
                pickup_location: None,
                pickup_until,
                pickup_kind,
                exception_kind: None,
            },
        )
}

fn item(index: usize) -> impl Strategy<Value = Item> {
    (
        prop::sample::select(vec!["A", "B", "C", "D", "A"]),
        quantity(),
        money(),
        prop::option::of(prop::sample::select(vec![
            "ebooks",
            "baby",
            "groceries",
            "computers",
            "Digital",
            "toys",
            "perishable",
            "sealed_hygiene",
        ])),
        prop::bool::weighted(0.2),
        prop::option::of(prop::sample::select(vec!["K", "L"])),
        prop::option::weighted(
            0.8,
            prop::sample::select(vec!["S0", "S0", "S1", "S2", "S9"]),
        ),
        prop::option::of(any::<bool>()),
        (returned(), returned()),
    )
        .prop_map(
            move |(
                id,
                quantity,
                unit_price,
                category,
                final_sale,
                bundle,
                shipment,
                opened,
                (returned, requested),
            )| Item {
                id: format!("{id}{}", index % 3),
                title: format!("Item {index}"),
                quantity,
                unit_price,
                category: category.map(str::to_owned),
                final_sale,
                bundle: bundle.map(str::to_owned),
                shipment: shipment.map(str::to_owned),
                opened,
                returned_quantity: returned,
                return_requested_quantity: requested,
                cancellation_requested_at: None,
                cancellation_requested_quantity: None,
                cancellation_id: None,
                withdrawal_received_at: None,
                withdrawn_quantity: None,
            },
        )
}

fn order() -> impl Strategy<Value = Order> {
    (
        instant(),
        prop::sample::select(vec![
            (SellerKind::Retailer, FulfilledBy::Retailer),
            (SellerKind::Retailer, FulfilledBy::Seller),
            (SellerKind::Marketplace, FulfilledBy::Retailer),
            (SellerKind::Marketplace, FulfilledBy::Seller),
        ]),
        prop::option::of(prop::sample::select(vec![
            PaymentMethod::CreditCard,
            PaymentMethod::GiftCard,
            PaymentMethod::Points,
        ])),
        prop::option::of(money()),
        prop_oneof![1 => Just(0usize), 8 => 1usize..7],
        prop_oneof![1 => Just(0usize), 4 => 1usize..4],
    )
        .prop_flat_map(
            |(placed_at, (kind, fulfilled_by), payment_method, shipping_cost, items, shipments)| {
                let items: Vec<_> = (0..items).map(item).collect();
                let shipments: Vec<_> = (0..shipments)
                    .map(|j| shipment(format!("S{j}"), placed_at))
                    .collect();
                (items, shipments).prop_map(move |(items, shipments)| Order {
                    id: "O1".to_owned(),
                    placed_at,
                    currency: "USD".to_owned(),
                    seller: Seller {
                        name: "Seller".to_owned(),
                        kind,
                        fulfilled_by,
                    },
                    payment_method,
                    shipping_cost,
                    items,
                    shipments,
                    customer: None,
                })
            },
        )
}

fn policy() -> impl Strategy<Value = Policy> {
    let zones = vec![
        "America/Los_Angeles",
        "Europe/Berlin",
        "Australia/Lord_Howe",
        "Pacific/Chatham",
        "Africa/Casablanca",
        "America/Nuuk",
        "UTC",
        "<-03>3<-02>,M9.1.0/23:30,M4.1.0/2",
    ];
    (
        prop::sample::select(zones),
        prop_oneof![8 => 0u32..120, 1 => any::<u32>()],
        prop_oneof![8 => 0u32..120, 1 => any::<u32>()],
        any::<bool>(),
        withdrawal(),
        any::<bool>(),
    )
        .prop_map(
            |(zone, window, grace, holiday, withdrawal, reasons_required)| {
                let mut policy = Policy {
                    time_zone: StoreZone::resolve(zone).unwrap(),
                    return_window_days: window,
                    marketplace_cancel_grace_minutes: grace,
                    withdrawal,
                    ..Policy::default()
                };
                policy.holiday_extension.enabled = holiday;
                policy.cancellation_reasons.required = reasons_required;
                policy
            },
        )
}

/// Mostly enabled, 14 to 40 days (sometimes any number: a policy built in Rust is not
/// validated), with no holidays, a few anywhere, or a dense run (every m-th day) so that
/// holidays and weekends chain.
fn withdrawal() -> impl Strategy<Value = Withdrawal> {
    let first_day = Y2019 / 86_400;
    let last_day = first_day + 17 * 365;
    let holidays = prop_oneof![
        Just(Vec::new()),
        prop::collection::vec(first_day..last_day, 0..30),
        (2i64..6, 0i64..6).prop_map(move |(m, r)| (first_day..last_day)
            .filter(|d| d % m == r % m)
            .collect::<Vec<_>>()),
    ];
    (
        prop::bool::weighted(0.85),
        prop_oneof![8 => 14u32..40, 1 => 0u32..14, 1 => any::<u32>()],
        holidays,
    )
        .prop_map(|(enabled, days, holidays)| Withdrawal {
            enabled,
            days,
            public_holidays: holidays
                .into_iter()
                .map(Date::from_days_since_epoch)
                .collect(),
            ..Withdrawal::default()
        })
}

/// An order and an instant, usually close to it (within its first months), so windows and
/// grace periods are often open.
fn order_and_instant() -> impl Strategy<Value = (Order, Instant)> {
    (
        order(),
        prop_oneof![
            4 => (-2 * 86_400i64..150 * 86_400).prop_map(Some),
            1 => (-1800i64..3600).prop_map(Some),
            1 => Just(None),
        ],
        instant(),
    )
        .prop_map(|(order, offset, anywhere)| {
            let at = offset.map_or(anywhere, |d| order.placed_at.saturating_add_seconds(d));
            (order, at)
        })
}

/// The decisions alone (not the instant they were made at, nor the next change).
fn decisions(a: &Assessment) -> (CancelVerdict, &[ItemAssessment], &WithdrawalDecision) {
    (a.order_cancel, &a.items, &a.withdrawal)
}

/// Neither a Saturday, a Sunday nor one of the policy's holidays.
fn working(policy: &Policy, date: Date) -> bool {
    !matches!(date.weekday(), 0 | 6) && !policy.withdrawal.public_holidays.contains(&date)
}

/// When the last good not on an ended shipment was delivered: `Err(())` while one is still on
/// its way or without a delivery time, `Ok(None)` when there is none.
fn last_delivery(order: &Order) -> Result<Option<Instant>, ()> {
    use ShipmentStatus::*;
    let mut last = None;
    for item in &order.items {
        let shipment = order.shipment_of(item);
        match shipment.map(|s| (s.status, s.delivered_at)) {
            Some((Cancelled | Refused | ReturnedToSender, _)) => {}
            Some((Delivered, Some(at))) => last = last.max(Some(at)),
            _ => return Err(()),
        }
    }
    Ok(last)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn time_only_closes_options((order, t1) in order_and_instant(), policy in policy(), later in prop_oneof![0i64..90 * 86_400, any::<i64>()]) {
        let t2 = t1.saturating_add_seconds(later.abs());
        let (a1, a2) = (assess(&order, &policy, t1), assess(&order, &policy, t2));
        prop_assert!(a2.order_cancel <= a1.order_cancel);
        for (i1, i2) in a1.items.iter().zip(&a2.items) {
            prop_assert!(i2.cancel.verdict <= i1.cancel.verdict, "{}: cancel {:?} then {:?}", i1.item_id, i1.cancel.verdict, i2.cancel.verdict);
            prop_assert!(i2.r#return.verdict <= i1.r#return.verdict, "{}: return {:?} then {:?}", i1.item_id, i1.r#return.verdict, i2.r#return.verdict);
        }
        prop_assert!(a2.withdrawal.verdict <= a1.withdrawal.verdict, "withdrawal {:?} then {:?}", a1.withdrawal.verdict, a2.withdrawal.verdict);
        // The period itself does not depend on the instant.
        prop_assert_eq!((&a1.withdrawal.items, a1.withdrawal.deadline), (&a2.withdrawal.items, a2.withdrawal.deadline));
    }

    #[test]
    fn the_withdrawal_period((order, at) in order_and_instant(), policy in policy()) {
        let w = assess(&order, &policy, at).withdrawal;
        let rule = &policy.withdrawal;
        prop_assert_eq!(w.days, rule.days);
        // Covered: the items neither excluded nor on an ended shipment, in the order's order.
        let covered: Vec<&str> = order.items.iter().filter(|item| {
            let ended = order.shipment_of(item).is_some_and(|s| matches!(s.status, ShipmentStatus::Cancelled | ShipmentStatus::Refused | ShipmentStatus::ReturnedToSender));
            !ended && !rule.is_excluded(item.category.as_deref(), item.opened)
        }).map(|item| item.id.as_str()).collect();
        if !rule.enabled || covered.is_empty() {
            prop_assert_eq!(w.verdict, WithdrawalVerdict::NotApplicable);
            prop_assert!(w.items.is_empty() && w.deadline.is_none());
            return Ok(());
        }
        prop_assert_eq!(&w.items, &covered);
        let Ok(Some(delivered)) = last_delivery(&order) else {
            // A good still on its way (or without a delivery time): allowed, no deadline yet.
            prop_assert_eq!(w.verdict, WithdrawalVerdict::Allowed);
            prop_assert!(w.deadline.is_none() && w.starts_on.is_none());
            return Ok(());
        };
        let deadline = w.deadline.expect("a deadline once every good is delivered");
        prop_assert_eq!(w.verdict == WithdrawalVerdict::Allowed, at <= deadline.instant);
        prop_assert_eq!(deadline.offset_seconds, policy.time_zone.offset_at(deadline.instant));
        prop_assert!(deadline.instant >= delivered);
        if rule.days > 3650 || deadline.instant == Instant::MAX {
            return Ok(()); // clamped at the end of the representable range
        }
        let zone = &policy.time_zone;
        let delivery_date = zone.to_civil(delivered).date;
        let first = delivery_date.add_days(1);
        let nominal = delivery_date.add_days(i64::from(rule.days));
        let end = zone.to_civil(deadline.instant).date;
        prop_assert_eq!(w.starts_on, Some(first));
        // Never before the last delivery + days, and it ends on a working day.
        prop_assert!(end >= nominal, "ends {} before {} + {} days", end, delivery_date, rule.days);
        prop_assert!(working(&policy, end), "ends on {}, not a working day", end);
        prop_assert_eq!(w.moved_from, (end != nominal).then_some(nominal));
        // Moved only past days that are not working days (art. 3(4)), unless the period held
        // fewer than two working days (art. 3(5)).
        let days_between = |from: Date, to: Date| (0..).map(move |n| from.add_days(n)).take_while(move |d| *d <= to);
        let working_inside = days_between(first, nominal).filter(|d| working(&policy, *d)).take(2).count();
        if working_inside >= 2 || rule.days < 2 {
            for day in days_between(nominal, end).filter(|d| *d < end) {
                prop_assert!(!working(&policy, day), "{} is a working day before the end {}", day, end);
            }
        } else {
            prop_assert_eq!(days_between(first, end).filter(|d| working(&policy, *d)).count(), 2);
        }
    }

    #[test]
    fn deadlines_and_final_sale((order, at) in order_and_instant(), policy in policy()) {
        let a = assess(&order, &policy, at);
        prop_assert_eq!(a.items.len(), order.items.len());
        for (item, assessed) in order.items.iter().zip(&a.items) {
            let ret = &assessed.r#return;
            if item.final_sale {
                prop_assert_eq!(ret.verdict, ReturnVerdict::NotReturnable);
                prop_assert_eq!(ret.quantity, 0);
            }
            prop_assert!(ret.quantity <= item.quantity);
            let shipment = order.shipment_of(item);
            if let (Some(deadline), Some(s)) = (ret.deadline, shipment) {
                let opened_at = match ret.verdict {
                    ReturnVerdict::NotYet => s.estimated_delivery,
                    _ => s.delivered_at,
                };
                let opened_at = opened_at.expect("a deadline comes from a delivery time");
                prop_assert!(deadline.instant >= opened_at, "deadline {} before delivery {}", deadline, opened_at);
                prop_assert_eq!(deadline.offset_seconds, policy.time_zone.offset_at(deadline.instant));
            }
            if ret.verdict == ReturnVerdict::Allowed || ret.verdict == ReturnVerdict::Expired {
                prop_assert!(ret.deadline.is_some());
            }
            prop_assert!(assessed.refund.amount <= Money::MAX.minor());
        }
    }

    #[test]
    fn next_change_is_exactly_when_something_changes((order, at) in order_and_instant(), policy in policy()) {
        let now = assess(&order, &policy, at);
        match now.next_change_at {
            Some(next) => {
                prop_assert!(next.instant > at);
                if let (WithdrawalVerdict::Allowed, Some(deadline)) = (now.withdrawal.verdict, now.withdrawal.deadline) {
                    prop_assert!(next.instant <= deadline.instant.saturating_add_seconds(1));
                }
                let before = assess(&order, &policy, next.instant.saturating_add_seconds(-1));
                let then = assess(&order, &policy, next.instant);
                prop_assert_ne!(decisions(&before), decisions(&then), "nothing changes at {}", next);
                prop_assert_eq!(decisions(&now), decisions(&before), "something changed before {}", next);
            }
            None => {
                let last = assess(&order, &policy, Instant::MAX);
                prop_assert_eq!(decisions(&now), decisions(&last), "no next change, but the decisions change");
            }
        }
    }

    #[test]
    fn refund_for_never_panics(order in order(), policy in policy(), lines in prop::collection::vec((prop::sample::select(vec!["A0", "B1", "C2", "Z"]), quantity()), 0..5), remorse in any::<bool>()) {
        let lines: Vec<(&str, u32)> = lines.iter().map(|(id, q)| (*id, *q)).collect();
        let reason = remorse.then_some("ordered_by_mistake");
        for kind in [RefundKind::Cancellation, RefundKind::Return] {
            let r = refund_for(&order, &policy, &lines, reason, kind);
            let deducted: u64 = r.deductions.iter().map(|d| d.amount).sum();
            prop_assert!(r.amount <= Money::MAX.minor() && deducted <= Money::MAX.minor());
        }
    }

    /// Any proposal gives a preview or an error with a path, never a panic; a preview adds up:
    /// each line refunds its value less its fee, the total is the lines plus the delivery
    /// refund less the return's deductions, never more than the items plus delivery; only
    /// items `assess` calls returnable, in quantities it allows, with its deadline.
    #[test]
    fn a_return_preview_adds_up(
        (order, at) in order_and_instant(),
        policy in policy(),
        lines in prop::collection::vec(
            (prop::sample::select(vec!["A0", "B1", "C2", "D0", "Z"]), quantity(), prop::option::of(any::<bool>())),
            0..5,
        ),
        reason in prop::sample::select(vec!["no_longer_needed", "other", "arrived_damaged", "wrong_item_sent", "nope"]),
        fee in 0u32..=100,
        every_item in any::<bool>(),
        opened in prop::option::of(any::<bool>()),
    ) {
        let mut policy = policy;
        policy.opened_fees.insert("computers".into(), fee);
        let assessment = assess(&order, &policy, at);
        // Random lines (mostly errors), or one unit of every item `assess` calls returnable
        // (often a preview of several).
        let mut lines: Vec<ProposalLine> = lines
            .iter()
            .map(|(id, quantity, opened)| ProposalLine { item_id: (*id).into(), quantity: *quantity, opened: *opened })
            .collect();
        if every_item {
            lines = assessment
                .items
                .iter()
                .filter(|i| i.r#return.verdict == ReturnVerdict::Allowed)
                .map(|i| ProposalLine { item_id: i.item_id.clone(), quantity: 1, opened })
                .collect();
        }
        let proposal = ReturnProposal { lines, reason_id: reason.into() };
        let assessed = |id: &str| assessment.items.iter().find(|i| i.item_id == id);
        match preview_return(&order, &policy, &proposal, at) {
            Ok(preview) => {
                let remorse = policy.return_reason(reason).unwrap().buyers_remorse;
                prop_assert_eq!(preview.buyers_remorse, remorse);
                prop_assert_eq!(preview.lines.len(), proposal.lines.len());
                let (mut value, mut refund) = (0u128, 0u128);
                for (line, asked) in preview.lines.iter().zip(&proposal.lines) {
                    let item = assessed(&line.item_id).unwrap();
                    prop_assert_eq!(item.r#return.verdict, ReturnVerdict::Allowed);
                    prop_assert!(line.quantity == asked.quantity && line.quantity >= 1 && line.quantity <= item.r#return.quantity);
                    prop_assert_eq!(Some(line.return_by), item.r#return.deadline);
                    let fees: u128 = line.deductions.iter().map(|d| u128::from(d.amount)).sum();
                    prop_assert_eq!(u128::from(line.refund.minor()), u128::from(line.value.minor()) - fees);
                    prop_assert!(line.value <= line.unit_price.saturating_mul(line.quantity));
                    if !remorse || !line.opened {
                        prop_assert!(line.deductions.is_empty());
                    }
                    if !remorse {
                        prop_assert!(!line.opened_changes_refund);
                    }
                    value += u128::from(line.value.minor());
                    refund += u128::from(line.refund.minor());
                }
                let shipping = u128::from(order.shipping_cost.map_or(0, Money::minor));
                let deducted: u128 = preview.deductions.iter().map(|d| u128::from(d.amount)).sum();
                prop_assert!(deducted <= refund, "deductions {} more than the lines refund {}", deducted, refund);
                let max = u128::from(Money::MAX.minor());
                prop_assert_eq!(u128::from(preview.items_value.minor()), value.min(max));
                let total = u128::from(preview.total.minor());
                if refund + shipping <= max {
                    prop_assert_eq!(total, refund + u128::from(preview.delivery_refund.minor()) - deducted);
                }
                prop_assert!(total <= value + shipping, "total {} more than items {} + delivery {}", total, value, shipping);
                if remorse {
                    prop_assert_eq!(preview.delivery_refund, Money::ZERO);
                } else {
                    prop_assert!(preview.deductions.is_empty());
                    prop_assert_eq!(u128::from(preview.delivery_refund.minor()), shipping);
                }
            }
            Err(error) => {
                prop_assert!(!error.path.is_empty());
                let text = error.to_string();
                prop_assert!(text.contains("expected") && text.contains("found"), "{}", text);
                match &error.problem {
                    ProposalProblem::QuantityExceedsReturnable { quantity, returnable } => {
                        prop_assert!(quantity > returnable);
                    }
                    ProposalProblem::NotReturnable { item_id, verdict, .. } => {
                        prop_assert_ne!(*verdict, ReturnVerdict::Allowed);
                        prop_assert_eq!(assessed(item_id).unwrap().r#return.verdict, *verdict);
                    }
                    ProposalProblem::UnknownReason { .. } => prop_assert_eq!(reason, "nope"),
                    ProposalProblem::NoLines => prop_assert!(proposal.lines.is_empty()),
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn valid_orders_serialize_and_parse_back(order in order()) {
        // Whatever the generator made, parsing its JSON either accepts it unchanged or explains why.
        let json = serde_json::to_string(&order).unwrap();
        match Order::from_json_str(&json) {
            Ok(parsed) => prop_assert_eq!(parsed, order),
            Err(e) => prop_assert!(!e.message.is_empty()),
        }
    }
}

/// A request for the generated order: its kind, lines of its items' ids (and an unknown one,
/// and ones named twice: a request built in Rust is not validated), what the customer was shown,
/// a reason, and for a withdrawal a `declared_at` near the receipt.
fn request_for(received_at: Instant) -> impl Strategy<Value = Request> {
    let kind = prop::sample::select(vec![
        RequestKind::Cancel,
        RequestKind::Return,
        RequestKind::Withdrawal,
    ]);
    let id = || prop::sample::select(vec!["A0", "B1", "C2", "D3", "A4", "Z"]);
    let shown = (
        id(),
        prop::option::of(prop::sample::select(vec![
            CancelVerdict::NotAvailable,
            CancelVerdict::Request,
            CancelVerdict::Allowed,
        ])),
        prop::option::of(prop::sample::select(vec![
            ReturnVerdict::NotReturnable,
            ReturnVerdict::Expired,
            ReturnVerdict::NotYet,
            ReturnVerdict::Allowed,
        ])),
        prop::option::of(prop::sample::select(vec![
            WithdrawalVerdict::NotApplicable,
            WithdrawalVerdict::Expired,
            WithdrawalVerdict::Allowed,
        ])),
    )
        .prop_map(|(id, cancel, r#return, withdrawal)| RequestVerdict {
            item_id: id.into(),
            cancel,
            r#return,
            withdrawal,
            code: "x".into(),
        });
    (
        kind,
        prop::sample::select(vec!["O1", "O1", "O1", "O2"]),
        prop::collection::vec((id(), quantity()), 0..5),
        prop::collection::vec(shown, 0..4),
        prop::option::of(prop::sample::select(vec![
            "ordered_by_mistake",
            "no_longer_needed",
            "other",
            "nope",
        ])),
        prop::option::of(prop::sample::select(vec!["", " \n", "Why."])),
        prop::option::weighted(
            0.9,
            prop_oneof![
                4 => -1200i64..400,
                1 => any::<i64>(),
            ],
        ),
    )
        .prop_map(
            move |(kind, order_id, lines, verdicts, reason, comment, declared)| Request {
                kind,
                order_id: order_id.into(),
                items: lines
                    .into_iter()
                    .map(|(id, quantity)| RequestItem {
                        item_id: id.into(),
                        quantity,
                    })
                    .collect(),
                assessed_at: received_at,
                verdicts,
                reason: reason.map(Into::into),
                comment: comment.map(Into::into),
                idempotency_key: None,
                lines: None,
                declared_at: declared.map(|d| received_at.saturating_add_seconds(d)),
                customer: None,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    /// `verify` never panics, answers every requested item in order, and decides each as the
    /// assessment at the receipt does (a withdrawal's at `declared_at`).
    #[test]
    fn verify_agrees_with_assess(
        ((order, at), request) in order_and_instant().prop_flat_map(|(order, at)| (Just((order, at)), request_for(at))),
        policy in policy(),
    ) {
        let v = verify(&order, &policy, &request, at);
        prop_assert_eq!(v.items.len(), request.items.len());
        prop_assert_eq!(v.accepted, v.code == VerifyCode::Accepted);
        if !request.items.is_empty() {
            prop_assert_eq!(v.accepted, v.items.iter().all(|i| i.accepted));
        }
        // The engine's own JSON writer gives what serde_json gives (the widget and Node use it).
        let text = json::to_text(&v).unwrap();
        prop_assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), serde_json::to_value(&v).unwrap());
        prop_assert!(!v.message.contains('{'), "{}", v.message);
        let mismatch = request.order_id != order.id;
        // The request's reason as the flows ask for it: a return always needs one, a cancel only
        // when the policy requires one; a comment where the reason (or option) asks for one.
        let blank = request.comment.as_deref().is_none_or(|c| c.trim().is_empty());
        let reasons = &policy.cancellation_reasons;
        let reason_problem = match (request.kind, request.reason.as_deref()) {
            (RequestKind::Withdrawal, _) => None,
            (RequestKind::Cancel, None) if reasons.required => Some(VerifyCode::ReasonRequired),
            (RequestKind::Cancel, None) => None,
            (RequestKind::Return, None) => Some(VerifyCode::ReasonRequired),
            (RequestKind::Cancel, Some(r)) => match reasons.options.iter().find(|o| o.id == r) {
                None => Some(VerifyCode::UnknownReason),
                Some(o) if reasons.required && o.comment && blank => Some(VerifyCode::CommentRequired),
                Some(_) => None,
            },
            (RequestKind::Return, Some(r)) => match policy.return_reason(r) {
                None => Some(VerifyCode::UnknownReason),
                Some(o) if o.comment_required && blank => Some(VerifyCode::CommentRequired),
                Some(_) => None,
            },
        };
        let reason_ok = reason_problem.is_none();
        let assessed = assess(&order, &policy, at);
        for (line, item) in request.items.iter().zip(&v.items) {
            prop_assert_eq!(&line.item_id, &item.item_id);
            prop_assert_eq!(item.accepted, item.code == VerifyCode::Accepted);
            prop_assert!(!item.message.is_empty() && !item.message.contains('{'), "{}", item.message);
            if item.changed_since_assessed {
                let shown = request.verdicts.iter().find(|s| s.item_id == item.item_id);
                prop_assert!(shown.is_some() && item.verdict.is_some());
            }
            let index = order.items.iter().position(|i| i.id == line.item_id);
            if mismatch {
                prop_assert_eq!(item.code, VerifyCode::OrderMismatch);
                continue;
            }
            let Some(index) = index else {
                prop_assert_eq!(item.code, VerifyCode::UnknownItem);
                continue;
            };
            let (ordered, a) = (order.items[index].quantity, &assessed.items[index]);
            match request.kind {
                // Accepted for cancel iff the assessment at the receipt says allowed or request
                // (and no more units than ordered, and the request names every unshipped
                // bundle-mate of the item).
                RequestKind::Cancel if reason_ok => {
                    let whole = a.cancel.bundle_items.iter().all(|m| request.items.iter().any(|l| &l.item_id == m));
                    prop_assert_eq!(
                        item.accepted,
                        a.cancel.verdict >= CancelVerdict::Request && line.quantity <= ordered && whole,
                        "{:?} {:?}", a.cancel.verdict, item.code
                    );
                    if a.cancel.verdict >= CancelVerdict::Request && !whole {
                        prop_assert_eq!(item.code, VerifyCode::BundleIncomplete);
                    }
                }
                RequestKind::Return if reason_ok => prop_assert_eq!(
                    item.accepted,
                    a.r#return.verdict == ReturnVerdict::Allowed && line.quantity <= a.r#return.quantity,
                    "{:?} {:?}", a.r#return.verdict, item.code
                ),
                RequestKind::Cancel | RequestKind::Return => prop_assert_eq!(Some(item.code), reason_problem),
                RequestKind::Withdrawal => {
                    if item.accepted {
                        let declared = request.declared_at.unwrap();
                        let rule = &policy.withdrawal;
                        prop_assert!(rule.enabled);
                        prop_assert!(declared <= at.saturating_add_seconds(i64::from(CLOCK_SKEW_SECONDS)));
                        prop_assert!(at <= declared.saturating_add_seconds(i64::from(rule.max_delay_seconds)));
                        let w = assess(&order, &policy, declared).withdrawal;
                        prop_assert!(w.items.contains(&line.item_id));
                        prop_assert!(w.deadline.is_none_or(|d| declared <= d.instant));
                        prop_assert!(line.quantity <= ordered);
                    }
                }
            }
        }
        // Each item at its quantity limit and one above: the returnable quantity of a return
        // the assessment allows, the ordered quantity of a cancel it allows or requests.
        if mismatch || !reason_ok {
            return Ok(());
        }
        for (index, a) in assessed.items.iter().enumerate() {
            let item = &order.items[index];
            if order.items.iter().position(|i| i.id == item.id) != Some(index) {
                continue; // a duplicate id (an unvalidated order): the first one answers
            }
            let limit = match request.kind {
                RequestKind::Return if a.r#return.verdict == ReturnVerdict::Allowed => a.r#return.quantity,
                RequestKind::Cancel if a.cancel.verdict >= CancelVerdict::Request => item.quantity,
                _ => continue,
            };
            let one = |quantity: u32| {
                // With its unshipped bundle-mates, which a cancel must name too.
                let mut items = vec![RequestItem { item_id: item.id.clone(), quantity }];
                if request.kind == RequestKind::Cancel {
                    items.extend(a.cancel.bundle_items.iter().map(|m| RequestItem { item_id: m.clone(), quantity: 1 }));
                }
                let request = Request { items, ..request.clone() };
                verify(&order, &policy, &request, at).items[0].code
            };
            prop_assert_eq!(one(limit), VerifyCode::Accepted);
            if let Some(above) = limit.checked_add(1) {
                let expected = if request.kind == RequestKind::Return {
                    VerifyCode::QuantityExceedsReturnable
                } else {
                    VerifyCode::QuantityExceedsOrdered
                };
                prop_assert_eq!(one(above), expected);
            }
        }
    }
}

/// JSON-ish values: the order's own field names and values, nested at random.
fn json_ish() -> impl Strategy<Value = Value> {
    let keys = prop::sample::select(vec![
        "id",
        "placed_at",
        "currency",
        "seller",
        "name",
        "kind",
        "fulfilled_by",
        "items",
        "title",
        "quantity",
        "unit_price",
        "shipment",
        "shipments",
        "status",
        "carrier",
        "delivered_at",
        "shipped_at",
        "time_zone",
        "return_window_days",
        "holiday_extension",
        "shipped_from",
        "opened_fees",
        "refund_timing",
        "x",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop::sample::select(vec![
            "2025-03-01T14:00:00-08:00",
            "2025-02-30T00:00:00Z",
            "retailer",
            "seller",
            "delivered",
            "usps",
            "USD",
            "S1",
            "",
            "11-01",
            "02-30",
            "Europe/Berlin",
            "PST8PDT,M3.2.0,M11.1.0",
            "<+05",
            "9999-12-31T23:59:59-23:59",
        ])
        .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((keys.clone(), inner), 0..8).prop_map(|entries| Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect()
            )),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn parsing_never_panics(value in json_ish(), text in "\\PC{0,60}") {
        let _ = parse_order(value.clone());
        let _ = parse_policy(value.clone());
        let _ = Order::from_json_str(&value.to_string());
        let _ = Order::from_json_str(&text);
        let _ = Policy::from_json_str(&text);
        let _ = Instant::parse_rfc3339(&text);
        let _ = StoreZone::resolve(&text);
        let _ = MonthDay::parse(&text);
        let _ = ReturnProposal::from_json_str(&value.to_string());
        let _ = Request::from_json_str(&value.to_string());
        let _ = Request::from_json_str(&text);
    }

    #[test]
    fn a_mangled_valid_order_never_panics(cut in 0usize..600, byte in any::<u8>()) {
        let mut text = VALID.as_bytes().to_vec();
        let at = cut.min(text.len().saturating_sub(1));
        text[at] = byte;
        let text = String::from_utf8_lossy(&text);
        if let Ok(order) = Order::from_json_str(&text) {
            let _ = assess(&order, &Policy::default(), order.placed_at);
        }
    }
}

const VALID: &str = r#"{"id":"O1","placed_at":"2025-03-01T09:00:00-08:00","currency":"USD",
"seller":{"name":"S","kind":"marketplace","fulfilled_by":"seller"},"shipping_cost":499,
"items":[{"id":"A","title":"T","quantity":3,"unit_price":1000,"shipment":"S1","returned_quantity":1},
{"id":"B","title":"U","quantity":1,"unit_price":5,"bundle":"K","final_sale":true}],
"shipments":[{"id":"S1","status":"delivered","carrier":"usps","shipped_at":"2025-03-02T09:00:00-08:00",
"delivered_at":"2025-03-04T12:00:00-08:00","stops_away":3}]}"#;

#[test]
fn the_mangled_order_starts_valid() {
    let order = Order::from_json_str(VALID).unwrap();
    assert_eq!(order.items.len(), 2);
}
