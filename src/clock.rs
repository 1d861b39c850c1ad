//! The widget's injected clock.
//!
//! The engine never reads the time; the widget asks this clock. In production it is the
//! browser's clock (shifted, for the demo's time travel); in tests it is a manual clock that
//! moves only when told to, so every boundary can be crossed to the second without waiting.
//!
//! The clock also owns the widget's one timer: [`Clock::wake_at`] fires once the clock has
//! reached an instant, never before, even when the browser's `setTimeout` fires early or the
//! delay is longer than `setTimeout` can hold (about 24.8 days).
//!
//! Browser timers pause while a computer sleeps and do not notice the system time being set,
//! while `Date.now()` moves on (or back). So a system clock with anyone registered also watches
//! for that: when the page becomes visible, regains focus or is shown again from the
//! back/forward cache, and once a second while visible when `Date.now()` has moved more than
//! a second away from `performance.now()` (which follows neither), it re-arms its timers from
//! the real time, fires what is due and tells its jump listeners (see [`Clock::on_jump`]).

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo_events::EventListener;
use gloo_timers::callback::{Interval, Timeout};

use crate::engine::Instant;

/// The longest delay `setTimeout` takes; a longer one fires at once.
const MAX_TIMEOUT_MS: f64 = 2_147_483_647.0;

/// How often a visible page checks the wall clock against the monotonic one, in ms.
const DRIFT_CHECK_MS: u32 = 1_000;

/// How far the two may drift apart between checks before it counts as a jump, in ms (a busy
/// main thread delays the check, but both clocks see the delay).
const DRIFT_LIMIT_MS: f64 = 1_000.0;

type Callback = Rc<dyn Fn()>;

/// A source of "now" that a test or the demo can move. Cheap to clone; clones share the clock.
#[derive(Clone)]
pub struct Clock(Rc<Inner>);

impl PartialEq for Clock {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Clock")
            .field("manual", &self.0.manual)
            .field("now_ms", &self.now_ms())
            .finish()
    }
}

struct Inner {
    /// Manual clocks stand still between `set`s; system clocks follow `Date.now()`.
    manual: bool,
    /// Manual: the time. System: the shift added to `Date.now()` (time travel).
    value_ms: Cell<f64>,
    next_id: Cell<u64>,
    wakes: RefCell<Vec<Wake>>,
    jump_listeners: RefCell<Vec<(u64, Callback)>>,
    /// System clocks, while anything is registered: what notices sleep and jumps.
    watch: RefCell<Option<Watch>>,
}

/// The page events a system clock listens to, and its drift check while the page is visible.
struct Watch {
    _listeners: [EventListener; 3],
    drift_check: Option<Interval>,
}

struct Wake {
    id: u64,
    at_ms: f64,
    callback: Callback,
    /// System clocks only: the browser timer standing for this wake.
    _timer: Option<Timeout>,
}

impl Clock {
    /// The browser's clock.
    pub fn system() -> Clock {
        Clock::new(false, 0.0)
    }

    /// A clock that reads `now_ms` until [`Clock::set`] moves it.
    pub fn manual(now_ms: f64) -> Clock {
        Clock::new(true, now_ms)
    }

    fn new(manual: bool, value_ms: f64) -> Clock {
        Clock(Rc::new(Inner {
            manual,
            value_ms: Cell::new(value_ms),
            next_id: Cell::new(0),
            wakes: RefCell::new(Vec::new()),
            jump_listeners: RefCell::new(Vec::new()),
            watch: RefCell::new(None),
        }))
    }

    /// Milliseconds since the Unix epoch.
    pub fn now_ms(&self) -> f64 {
        if self.0.manual {
            self.0.value_ms.get()
        } else {
            js_sys::Date::now() + self.0.value_ms.get()
        }
    }

    /// Now, to the second (what the engine and the countdown work in).
    pub fn now(&self) -> Instant {
        Instant::from_unix_millis(self.now_ms())
    }

    /// Moves the clock to `now_ms` (a manual clock stops there; a system clock runs on from
    /// there). Wakes that are due fire, then everyone listening for jumps hears of it.
    pub fn set(&self, now_ms: f64) {
        if self.0.manual {
            self.0.value_ms.set(now_ms);
        } else {
            self.0.value_ms.set(now_ms - js_sys::Date::now());
        }
        self.resync();
    }

    /// After the time moved by other means than running: re-arms the browser timers from the
    /// clock's reading now, fires the wakes that are due, and tells the jump listeners.
    fn resync(&self) {
        if !self.0.manual {
            let pending: Vec<(u64, f64)> = self
                .0
                .wakes
                .borrow()
                .iter()
                .map(|w| (w.id, w.at_ms))
                .collect();
            for (id, at_ms) in pending {
                self.arm(id, at_ms);
            }
        }
        self.fire_due();
        let listeners: Vec<Callback> = self
            .0
            .jump_listeners
            .borrow()
            .iter()
            .map(|(_, callback)| callback.clone())
            .collect();
        for listener in listeners {
            listener();
        }
    }

    /// Calls `callback` once, when the clock has reached `at` (at once if it has). Dropping the
    /// returned handle cancels it.
    pub fn wake_at(&self, at: Instant, callback: impl Fn() + 'static) -> WakeHandle {
        let id = self.next_id();
        let at_ms = at.unix_seconds() as f64 * 1000.0;
        self.0.wakes.borrow_mut().push(Wake {
            id,
            at_ms,
            callback: Rc::new(callback),
            _timer: None,
        });
        if !self.0.manual {
            self.arm(id, at_ms);
        }
        self.fire_due();
        self.watch();
        WakeHandle {
            clock: Rc::downgrade(&self.0),
            id,
        }
    }

    /// Calls `callback` each time [`Clock::set`] moves the clock, until the handle is dropped.
    pub fn on_jump(&self, callback: impl Fn() + 'static) -> JumpSubscription {
        let id = self.next_id();
        self.0
            .jump_listeners
            .borrow_mut()
            .push((id, Rc::new(callback)));
        self.watch();
        JumpSubscription {
            clock: Rc::downgrade(&self.0),
            id,
        }
    }

    /// How many wakes and jump listeners are registered: what a widget holds while mounted,
    /// and must give back when it unmounts.
    pub fn registrations(&self) -> usize {
        self.0.wakes.borrow().len() + self.0.jump_listeners.borrow().len()
    }

    /// Starts watching for sleep and jumps when something is registered, stops when nothing
    /// is (so an unmounted widget leaves no listener and no interval behind).
    fn watch(&self) {
        if self.0.manual {
            return;
        }
        let wanted = self.registrations() > 0;
        let watching = self.0.watch.borrow().is_some();
        if wanted == watching {
            return;
        }
        if !wanted {
            // Taken out first: dropping it must not run while the cell is borrowed.
            let watch = self.0.watch.borrow_mut().take();
            drop(watch);
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(document) = window.document() else {
            return;
        };
        let on = |target: &web_sys::EventTarget, name: &'static str| {
            let weak = Rc::downgrade(&self.0);
            EventListener::new(target, name, move |_| {
                if let Some(inner) = weak.upgrade() {
                    let clock = Clock(inner);
                    clock.check_visibility();
                    clock.resync();
                }
            })
        };
        let listeners = [
            on(&document, "visibilitychange"),
            on(&window, "focus"),
            on(&window, "pageshow"),
        ];
        *self.0.watch.borrow_mut() = Some(Watch {
            _listeners: listeners,
            drift_check: None,
        });
        self.check_visibility();
    }

    /// Runs the drift check while the page is visible, and only then.
    fn check_visibility(&self) {
        let visible = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
        let interval = {
            let watch = self.0.watch.borrow();
            match watch.as_ref() {
                None => return,
                Some(watch) if watch.drift_check.is_some() == visible => return,
                Some(_) => visible.then(|| self.drift_check()),
            }
        };
        let old = self
            .0
            .watch
            .borrow_mut()
            .as_mut()
            .and_then(|watch| std::mem::replace(&mut watch.drift_check, interval));
        drop(old);
    }

    /// Once a second: has `Date.now()` moved differently from `performance.now()`?
    fn drift_check(&self) -> Interval {
        let weak = Rc::downgrade(&self.0);
        let performance = web_sys::window().and_then(|w| w.performance());
        let read = move || {
            let monotonic = performance.as_ref().map_or(0.0, |p| p.now());
            js_sys::Date::now() - monotonic
        };
        let last = Cell::new(read());
        Interval::new(DRIFT_CHECK_MS, move || {
            let Some(inner) = weak.upgrade() else {
                return;
            };
            let clock = Clock(inner);
            let offset = read();
            let jumped = (offset - last.replace(offset)).abs() > DRIFT_LIMIT_MS;
            if jumped {
                clock.resync();
            } else {
                // A timer the browser held back (e.g. one armed before a sleep) is caught up.
                clock.fire_due();
            }
        })
    }

    fn next_id(&self) -> u64 {
        let id = self.0.next_id.get();
        self.0.next_id.set(id + 1);
        id
    }

    /// Starts (or restarts) the browser timer for wake `id`.
    fn arm(&self, id: u64, at_ms: f64) {
        let delay = (at_ms - self.now_ms()).clamp(0.0, MAX_TIMEOUT_MS);
        let weak = Rc::downgrade(&self.0);
        // `delay` is clamped to what setTimeout holds, so the cast keeps it.
        let timer = Timeout::new(delay.ceil() as u32, move || {
            if let Some(inner) = weak.upgrade() {
                let clock = Clock(inner);
                if clock.now_ms() < at_ms {
                    // Fired early, or the delay was longer than setTimeout holds: wait on.
                    clock.arm(id, at_ms);
                } else {
                    clock.fire_due();
                }
            }
        });
        if let Some(wake) = self.0.wakes.borrow_mut().iter_mut().find(|w| w.id == id) {
            wake._timer = Some(timer);
        }
    }

    /// Fires (and forgets) every wake whose instant has come.
    fn fire_due(&self) {
        let now_ms = self.now_ms();
        let due: Vec<Callback> = {
            let mut wakes = self.0.wakes.borrow_mut();
            let mut due = Vec::new();
            wakes.retain(|wake| {
                if wake.at_ms <= now_ms {
                    due.push(wake.callback.clone());
                    false
                } else {
                    true
                }
            });
            due
        };
        for callback in due {
            callback();
        }
    }
}

/// A pending [`Clock::wake_at`]; dropping it cancels the wake and its timer.
#[must_use = "dropping the handle cancels the wake"]
pub struct WakeHandle {
    clock: Weak<Inner>,
    id: u64,
}

impl Drop for WakeHandle {
    fn drop(&mut self) {
        if let Some(inner) = self.clock.upgrade() {
            inner.wakes.borrow_mut().retain(|wake| wake.id != self.id);
            Clock(inner).watch();
        }
    }
}

/// A subscription from [`Clock::on_jump`]; dropping it unsubscribes.
#[must_use = "dropping the subscription unsubscribes"]
pub struct JumpSubscription {
    clock: Weak<Inner>,
    id: u64,
}

impl Drop for JumpSubscription {
    fn drop(&mut self) {
        if let Some(inner) = self.clock.upgrade() {
            inner
                .jump_listeners
                .borrow_mut()
                .retain(|(id, _)| *id != self.id);
            Clock(inner).watch();
        }
    }
}
