use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::countdown::Threshold;
use crate::view_model::ItemView;

/// What crossed a threshold: the most urgent threshold items crossed with their titles, in
/// order, and the threshold the withdrawal period's countdown crossed into.
pub type Announcement = Rc<(Option<(Threshold, Vec<String>)>, Option<Threshold>)>;

/// What the polite live region says: set only when a countdown crosses into a more urgent
/// threshold (under a day, an hour, ten minutes, closed) while the customer is on the page —
/// never on the first render, never every second. `thresholds` holds each view's threshold now
/// (`None` when it is not counting); comparing it each tick is a pointer comparison for the
/// views and a byte per item, and the effect runs only when a threshold changed. Items crossing
/// the same threshold together are said in one sentence (their titles, in order); the most
/// urgent threshold crossed wins. The withdrawal period's countdown (`withdrawal`, its
/// threshold now) is announced at the same thresholds.
#[hook]
pub fn use_announcement(
    views: &Rc<Vec<Rc<ItemView>>>,
    thresholds: Vec<Option<Threshold>>,
    withdrawal: Option<Threshold>,
) -> Option<Announcement> {
    let seen = use_mut_ref(HashMap::<String, Threshold>::new);
    let said = use_state_eq(|| None::<Announcement>);
    {
        let said = said.clone();
        use_effect_with(
            (views.clone(), thresholds, withdrawal),
            move |(views, thresholds, withdrawal)| {
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
                        Some((most, titles)) if *most == threshold => {
                            titles.push(item.title.clone())
                        }
                        Some((most, _)) if *most > threshold => {}
                        _ => crossed = Some((threshold, vec![item.title.clone()])),
                    }
                }
                // The withdrawal period's, under a key no item has (ids are not empty).
                let withdrawal = withdrawal.filter(|&now| {
                    let before = match seen.insert(String::new(), now) {
                        Some(before) => before,
                        None => return false,
                    };
                    now.announces_after(before)
                });
                if crossed.is_some() || withdrawal.is_some() {
                    said.set(Some(Rc::new((crossed, withdrawal))));
                }
            },
        );
    }
    (*said).clone()
}
