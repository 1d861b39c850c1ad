use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::countdown::Threshold;
use crate::view_model::ItemView;

/// A threshold crossed and the titles of the items that crossed it, in order.
pub type Announcement = Rc<(Threshold, Vec<String>)>;

/// What the polite live region says: set only when a countdown crosses into a more urgent
/// threshold (under a day, an hour, ten minutes, closed) while the customer is on the page —
/// never on the first render, never every second. `thresholds` holds each view's threshold now
/// (`None` when it is not counting); comparing it each tick is a pointer comparison for the
/// views and a byte per item, and the effect runs only when a threshold changed. Items crossing
/// the same threshold together are said in one sentence (their titles, in order); the most
/// urgent threshold crossed wins.
#[hook]
pub fn use_announcement(
    views: &Rc<Vec<Rc<ItemView>>>,
    thresholds: Vec<Option<Threshold>>,
) -> Option<Announcement> {
    let seen = use_mut_ref(HashMap::<String, Threshold>::new);
    let said = use_state_eq(|| None::<Announcement>);
    {
        let said = said.clone();
        use_effect_with((views.clone(), thresholds), move |(views, thresholds)| {
            let mut seen = seen.borrow_mut();
            let mut crossed: Option<(Threshold, Vec<String>)> = None;
            let counting = views
                .iter()
                .zip(thresholds)
                .filter_map(|(item, threshold)| Some((item, (*threshold)?)));
            for (item, threshold) in counting {
                let before = seen.insert(item.id.clone(), threshold);
                if !before.is_some_and(|before| threshold.announces_after(before)) {
                    continue;
                }
                match &mut crossed {
                    Some((most, titles)) if *most == threshold => titles.push(item.title.clone()),
                    Some((most, _)) if *most > threshold => {}
                    _ => crossed = Some((threshold, vec![item.title.clone()])),
                }
            }
            if crossed.is_some() {
                said.set(crossed.map(Rc::new));
            }
        });
    }
    (*said).clone()
}
