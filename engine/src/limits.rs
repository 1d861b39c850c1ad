//! What one order and one policy may hold. Generous for any real order (a shop's largest
//! orders have tens of lines), they bound the work a document can cause: without them an order
//! of 100,000 items froze the page for half a minute, and a 20 MiB title drew a box 940,000 px
//! tall. Each limit is checked before the work it bounds: the size of a document's text before
//! it is parsed, the lengths of its lists and strings before any field is read.

use super::error::InputError;
use super::json::Json;

/// The longest return window a policy may set (ten years): more is surely a typo.
pub const MAX_WINDOW_DAYS: u32 = 3650;
/// The longest marketplace grace period a policy may set (a week).
pub const MAX_GRACE_MINUTES: u32 = 7 * 24 * 60;

/// The shortest withdrawal period a policy may set: the 14 days of Directive 2011/83/EU
/// art. 9(1) (a store may give more, not less).
pub const MIN_WITHDRAWAL_DAYS: u32 = 14;
/// The longest delay a policy may allow between a withdrawal's `declared_at` and the store's
/// receipt (a day).
pub const MAX_WITHDRAWAL_DELAY_SECONDS: u32 = 86_400;

/// The largest order or policy document, in bytes of JSON text (UTF-8): 10 MiB.
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;
/// The most items (lines) an order may have.
pub const MAX_ITEMS: usize = 1_000;
/// The most shipments an order may have.
pub const MAX_SHIPMENTS: usize = 1_000;
/// The longest string anywhere in an order or a policy (a title, an id, a category …), in
/// characters (Unicode scalar values).
pub const MAX_STRING_CHARS: usize = 2_000;
/// The most cancellation reasons, or return reasons, a policy may offer.
pub const MAX_REASONS: usize = 100;
/// The most entries any other list or map of a policy (categories, reason ids …) may have.
pub const MAX_POLICY_ENTRIES: usize = 1_000;
/// The most entries of any list or object the contract does not bound otherwise (an object's
/// fields, an unknown field's value), so that no part of a document is unbounded.
pub const MAX_OTHER_ENTRIES: usize = 1_000;

/// The most problems [`crate::read_document_reporting_all`] gives of one document: enough for
/// a person to fix a document in one go, few enough that a broken one cannot make a huge list.
pub const MAX_PROBLEMS: usize = 100;

/// `text` is at most [`MAX_DOCUMENT_BYTES`] long (checked before it is parsed).
pub fn check_document_size(bytes: usize) -> Result<(), InputError> {
    if bytes > MAX_DOCUMENT_BYTES {
        return Err(InputError::new(
            "",
            format!(
                "expected a document of at most {MAX_DOCUMENT_BYTES} bytes (10 MiB), found {bytes} bytes"
            ),
        ));
    }
    Ok(())
}

/// Which document a tree is, for the limits of its lists.
#[derive(Clone, Copy)]
pub enum Document {
    Order,
    Policy,
    /// A host request ([`crate::Request`]) or a return proposal ([`crate::ReturnProposal`]):
    /// its `items`, `lines` and `verdicts` at most [`MAX_ITEMS`] each (an order's items).
    Request,
}

/// Checks the tree against the limits, before anything is read from it: first the lengths of
/// the lists the contract bounds (cheap), then every list, object and string of the tree.
pub fn check_tree(tree: &Json<'_>, document: Document) -> Result<(), InputError> {
    let top: &[(&str, usize, &str)] = match document {
        Document::Order => &[
            ("items", MAX_ITEMS, "items"),
            ("shipments", MAX_SHIPMENTS, "shipments"),
        ],
        Document::Policy => &[
            (
                "non_returnable_categories",
                MAX_POLICY_ENTRIES,
                "categories",
            ),
            ("category_windows", MAX_POLICY_ENTRIES, "categories"),
            ("opened_fees", MAX_POLICY_ENTRIES, "categories"),
            ("category_names", MAX_POLICY_ENTRIES, "categories"),
            ("buyers_remorse_reasons", MAX_POLICY_ENTRIES, "reason ids"),
            ("return_reasons", MAX_REASONS, "reasons"),
        ],
        Document::Request => &[
            ("items", MAX_ITEMS, "items"),
            ("lines", MAX_ITEMS, "lines"),
            ("verdicts", MAX_ITEMS, "verdicts"),
        ],
    };
    if let Json::Object(fields) = tree {
        for (name, value) in fields {
            if let Some((_, max, what)) = top.iter().find(|(field, _, _)| field == name) {
                count(name, value, *max, what)?;
            }
            if let (Document::Policy, "cancellation_reasons", Json::Object(reasons)) =
                (document, &**name, value)
            {
                for (inner, list) in reasons {
                    if inner == "options" {
                        count("cancellation_reasons.options", list, MAX_REASONS, "reasons")?;
                    }
                }
            }
            if let (Document::Policy, "withdrawal", Json::Object(withdrawal)) =
                (document, &**name, value)
            {
                for (inner, list) in withdrawal {
                    let what = match &**inner {
                        "public_holidays" => "dates",
                        "excluded_categories" | "excluded_when_unsealed" => "categories",
                        _ => continue,
                    };
                    count(
                        &format!("withdrawal.{inner}"),
                        list,
                        MAX_POLICY_ENTRIES,
                        what,
                    )?;
                }
            }
        }
    }
    let max_entries = match document {
        Document::Order => MAX_ITEMS.max(MAX_SHIPMENTS),
        Document::Policy => MAX_POLICY_ENTRIES,
        Document::Request => MAX_ITEMS,
    };
    walk(tree, &mut Vec::new(), max_entries.max(MAX_OTHER_ENTRIES))
}

fn count(path: &str, value: &Json<'_>, max: usize, what: &str) -> Result<(), InputError> {
    let found = match value {
        Json::Array(list) => list.len(),
        Json::Object(fields) => fields.len(),
        _ => return Ok(()),
    };
    if found > max {
        return Err(InputError::new(
            path,
            format!("expected at most {max} {what}, found {found}"),
        ));
    }
    Ok(())
}

/// A step of a path: a field name or an index.
enum Step<'t> {
    Field(&'t str),
    Index(usize),
}

fn path_text(path: &[Step<'_>]) -> String {
    let mut text = String::new();
    for step in path {
        match step {
            Step::Field(name) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(name);
            }
            Step::Index(i) => text.push_str(&format!("[{i}]")),
        }
    }
    text
}

/// Every string at most [`MAX_STRING_CHARS`] long (keys too), every list or object at most
/// `max_entries` long. The path is written only for an error.
fn walk<'t>(
    value: &'t Json<'_>,
    path: &mut Vec<Step<'t>>,
    max_entries: usize,
) -> Result<(), InputError> {
    let long_string =
        |text: &str| text.len() > MAX_STRING_CHARS && text.chars().count() > MAX_STRING_CHARS;
    match value {
        Json::Str(text) if long_string(text) => Err(InputError::new(
            path_text(path),
            format!(
                "expected a text of at most {MAX_STRING_CHARS} characters, found one of {}",
                text.chars().count()
            ),
        )),
        Json::Array(list) => {
            if list.len() > max_entries {
                return Err(InputError::new(
                    path_text(path),
                    format!(
                        "expected at most {max_entries} entries, found {}",
                        list.len()
                    ),
                ));
            }
            for (i, item) in list.iter().enumerate() {
                path.push(Step::Index(i));
                walk(item, path, max_entries)?;
                path.pop();
            }
            Ok(())
        }
        Json::Object(fields) => {
            if fields.len() > max_entries {
                return Err(InputError::new(
                    path_text(path),
                    format!(
                        "expected at most {max_entries} fields, found {}",
                        fields.len()
                    ),
                ));
            }
            for (name, item) in fields {
                if long_string(name) {
                    return Err(InputError::new(
                        path_text(path),
                        format!(
                            "expected field names of at most {MAX_STRING_CHARS} characters, found one of {}",
                            name.chars().count()
                        ),
                    ));
                }
                path.push(Step::Field(name));
                walk(item, path, max_entries)?;
                path.pop();
            }
            Ok(())
        }
        _ => Ok(()),
    }
}
