use std::rc::Rc;

use yew::prelude::*;

use crate::engine::{assess, Assessment, Instant, Order, Policy};

struct Cached {
    order: Rc<Order>,
    policy: Rc<Policy>,
    at: Instant,
    assessment: Rc<Assessment>,
}

/// The engine's assessment of `order` at `now`, recomputed only when it can differ: a new
/// order or policy, the clock reaching the assessment's `next_change_at`, or the clock going
/// back (time travel). Not on every tick.
#[hook]
pub fn use_assessment(order: &Rc<Order>, policy: &Rc<Policy>, now: Instant) -> Rc<Assessment> {
    let cache = use_mut_ref(|| None::<Cached>);
    let mut cache = cache.borrow_mut();
    match &*cache {
        Some(c)
            if Rc::ptr_eq(&c.order, order)
                && Rc::ptr_eq(&c.policy, policy)
                && now >= c.at
                && c.assessment
                    .next_change_at
                    .is_none_or(|next| now < next.instant) =>
        {
            c.assessment.clone()
        }
        _ => cache
            .insert(Cached {
                order: order.clone(),
                policy: policy.clone(),
                at: now,
                assessment: Rc::new(assess(order, policy, now)),
            })
            .assessment
            .clone(),
    }
}
