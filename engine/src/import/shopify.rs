//! An order of the contract from a Shopify Admin REST `order`.

use super::{Note, Options};
use crate::json::Json;
use crate::InputError;

/// An order of the contract from a Shopify Admin REST `order`; what it assumed goes into `notes`.
pub(super) fn order(
    input: &Json<'_>,
    options: &Options,
    notes: &mut Vec<Note>,
) -> Result<Json<'static>, InputError> {
    let _ = (input, options, notes);
    Err(InputError::new(
        "",
        "the shopify converter is not written yet",
    ))
}
