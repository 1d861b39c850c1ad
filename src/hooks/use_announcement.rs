use std::collections::HashMap;

use yew::prelude::*;

use crate::countdown::Threshold;

/// What the polite live region says: set only when a countdown crosses into a more urgent
/// threshold (under a day, an hour, ten minutes, closed) while the customer is on the page —
/// never on the first render, never every second. `thresholds` is (item id, threshold, item
/// title) for every counting item. Items crossing the same threshold together are said in one
/// sentence (their titles, in order); the most urgent threshold crossed wins.
#[hook]
pub fn use_announcement(
    thresholds: Vec<(String, Threshold, String)>,
) -> Option<(Threshold, Vec<String>)> {
    let seen = use_mut_ref(HashMap::<String, Threshold>::new);
    let said = use_state_eq(|| None::<(Threshold, Vec<String>)>);
    {
        let said = said.clone();
        use_effect_with(thresholds, move |thresholds| {
            let mut seen = seen.borrow_mut();
            let mut crossed: Option<(Threshold, Vec<String>)> = None;
            for (id, threshold, title) in thresholds {
                let before = seen.insert(id.clone(), *threshold);
                if !before.is_some_and(|before| threshold.announces_after(before)) {
                    continue;
                }
                match &mut crossed {
                    Some((most, titles)) if *most == *threshold => titles.push(title.clone()),
                    Some((most, _)) if *most > *threshold => {}
                    _ => crossed = Some((*threshold, vec![title.clone()])),
                }
            }
            if crossed.is_some() {
                said.set(crossed);
            }
        });
    }
    (*said).clone()
}
