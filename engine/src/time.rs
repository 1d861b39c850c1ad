//! Time, hand-written to keep the bundle small: instants, civil dates, RFC 3339, and the
//! store's zone as a POSIX TZ rule from a compact built-in table (no tz database).

mod civil;
mod instant;
mod posix_rule;
mod rfc3339;
mod store_zone;
mod zoned;
#[rustfmt::skip]
mod zones;

pub(crate) use civil::{day_after, days_in_month};
pub use civil::{Date, LocalDateTime, Time};
pub use instant::Instant;
pub(crate) use store_zone::CachedZone;
pub use store_zone::StoreZone;
pub use zoned::{InEnglish, ZonedInstant};
