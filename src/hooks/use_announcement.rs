use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::view_model::ItemView;
use crate::countdown::Threshold;

/// What the polite live region says: set only when a countdown crosses into a more urgent
/// threshold (under a day, an hour, ten minutes, closed) while the customer is on the page —
/// never on the first render, never every second. `thresholds` holds every counting item with
/// its threshold now; comparing it each tick is a pointer comparison per item, and the effect
/// runs only when a threshold changed. Items crossing the same threshold together are said in
/// one sentence (their titles, in order); the most urgent threshold crossed wins.
#[hook]
pub fn use_announcement(
    thresholds: Vec<(Rc<ItemView>, Threshold)>,
) -> Option<(Threshold, Vec<String>)> {
    let seen = use_mut_ref(HashMap::<String, Threshold>::new);
    let said = use_state_eq(|| None::<(Threshold, Vec<String>)>);
    {
        let said = said.clone();
        use_effect_with(thresholds, move |thresholds| {
            let mut seen = seen.borrow_mut();
            let mut crossed: Option<(Threshold, Vec<String>)> = None;
            for (item, threshold) in thresholds {
                let before = seen.insert(item.id.clone(), *threshold);
                if !before.is_some_and(|before| threshold.announces_after(before)) {
                    continue;
                }
                match &mut crossed {
                    Some((most, titles)) if *most == *threshold => titles.push(item.title.clone()),
                    Some((most, _)) if *most > *threshold => {}
                    _ => crossed = Some((*threshold, vec![item.title.clone()])),
                }
            }
            if crossed.is_some() {
                said.set(crossed);
            }
        });
    }
    (*said).clone()
}
