use yew::prelude::*;

use crate::clock::Clock;
use crate::engine::Instant;

/// Now, to the second, as the injected clock says. Re-renders when the clock jumps (time
/// travel, tests) and when [`use_wake`] fires.
#[hook]
pub fn use_now(clock: &Clock) -> UseStateHandle<Instant> {
    let now = use_state_eq(|| clock.now());
    {
        let now = now.clone();
        use_effect_with(clock.clone(), move |clock| {
            let reader = clock.clone();
            now.set(reader.now());
            let subscription = clock.on_jump(move || now.set(reader.now()));
            move || drop(subscription)
        });
    }
    now
}

/// The widget's one timer: wakes at `at` (the earliest instant anything shown changes) and
/// moves `now` there. Re-armed whenever `at` changes; dropped on unmount.
#[hook]
pub fn use_wake(clock: &Clock, at: Option<Instant>, now: UseStateHandle<Instant>) {
    use_effect_with((clock.clone(), at), move |(clock, at)| {
        let wake = at.map(|at| {
            let reader = clock.clone();
            clock.wake_at(at, move || now.set(reader.now()))
        });
        move || drop(wake)
    });
}
