//! One shipment of the contract from an EasyPost `Tracker`.

use super::{Note, Options};
use crate::json::Json;
use crate::InputError;

/// One shipment of the contract from an EasyPost `Tracker`; what it assumed goes into `notes`.
pub(super) fn shipment(
    input: &Json<'_>,
    options: &Options,
    notes: &mut Vec<Note>,
) -> Result<Json<'static>, InputError> {
    let _ = (input, options, notes);
    Err(InputError::new(
        "",
        "the easypost converter is not written yet",
    ))
}
