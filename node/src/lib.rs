//! order-help's engine for a store's Node.js back end: the npm package `order-help-engine`
//! (`make node-package` builds it with wasm-bindgen `--target nodejs` and packs it with
//! `npm pack`; see node/npm/README.md).
//!
//! ```js
//! const { assess, previewReturn, verify } = require('order-help-engine');
//! const assessment = assess(order, policy, '2025-03-31T23:59:59-07:00');
//! const preview = previewReturn(order, policy, { lines: [{ item_id: 'A', quantity: 1 }], reason_id: 'no_longer_needed' });
//! const verification = verify(order, policy, request, new Date());
//! const { document, notes } = importOrder('shopify', shopifyOrder, { sellerKind: 'retailer' });
//! const inGerman = renderVerification(verification, 'de-DE'); // every `message` in German
//! ```
//!
//! The same engine as the command-line tool and the widget: each function reads its documents
//! as the tool does (objects or their JSON text), and returns what the tool prints, as plain
//! objects. Bad input throws an `Error` with a `code`, the `path` of the field at fault and a
//! message naming the document, the path, what was expected and what was found. The TypeScript
//! declarations of every shape come from the engine's Rust types (its `typescript` feature,
//! through tsify), so they cannot drift from what the functions read and return.
//!
//! A new function is one more `#[wasm_bindgen]` function here: read its documents with
//! [`document`], call the engine, return [`to_js`] of its result.
//!
//! The package's `order-help` command (node/npm/cli.js) is [`command`], through `runCommand`.

pub mod command;
mod render;

pub use render::render_verification;

use order_help_engine::import::{self, Produces, Source};
use order_help_engine::json;
use order_help_engine::{self as engine, InputError, Instant, Order, Policy, ReturnProposalError};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** An input document: the object, or its JSON text. */
export type Document<T> = T | string;

/**
 * The instant to decide at: a `Date`, milliseconds since the Unix epoch, or an RFC 3339
 * timestamp with an offset; `undefined` or `null`: now.
 */
export type When = Date | number | string | null | undefined;

/** The `code` of an `Error` this package throws. */
export type ErrorCode =
  | "order_invalid"
  | "policy_invalid"
  | "proposal_invalid"
  | "request_invalid"
  | "now_invalid"
  | "from_invalid"
  | "document_invalid"
  | "options_invalid"
  | "verification_invalid"
  | ProposalProblem["code"];

/** A platform whose orders `importOrder` reads: Shopify (Admin REST `order`), WooCommerce (REST v3 `order`). */
export type OrderSource = "shopify" | "woocommerce";
/** A tracking service whose payloads `importShipment` reads: EasyPost (`Tracker`), AfterShip (`tracking`). */
export type ShipmentSource = "easypost" | "aftership";

/**
 * What the source does not say (docs/import.md lists each default); each field absent or
 * `null` takes its default, and the result's `notes` say so. An option the source does not
 * read (`shipmentId` for an order, an order's option for a tracker) throws `options_invalid`.
 */
export interface ImportOptions {
  /**
   * `seller.name` (orders); default: the shop's host where the source gives one (Shopify
   * `order_status_url`, WooCommerce `_links.self`), else the import throws.
   */
  sellerName?: string | null;
  /** `seller.kind` (orders); default `"retailer"`. */
  sellerKind?: SellerKind | null;
  /** `seller.fulfilled_by` (orders); default `"retailer"`. */
  fulfilledBy?: FulfilledBy | null;
  /** The payment method for a gateway the converter does not know (orders); default `"other"`. */
  paymentMethod?: PaymentMethod | null;
  /**
   * The zone (IANA name, or `"UTC"`, the default) of a local time the source gives without one
   * and without a UTC field beside it.
   */
  assumeZone?: string | null;
  /** The shipment's `id` (trackers); default: the tracking number. */
  shipmentId?: string | null;
}

/** Something the converter decided that the source did not say; `path` is the source document's. */
export interface ImportNote {
  path: string;
  message: string;
}

/** A converted document (an `Order`, or one `Shipment` for the order's `shipments`), and the notes. */
export interface Imported<T> {
  document: T;
  notes: ImportNote[];
}

/** Where a field of the effective policy comes from (what `order-help policy` prints on stderr). */
export interface PolicyField {
  /** The field's path, e.g. `withdrawal.days`. */
  path: string;
  /** `file`: the document gives it; `file+default`: it edits the default list; `default`. */
  from: "file" | "file+default" | "default";
  /** Its effective value. */
  value: unknown;
}

/** What `effectivePolicy` returns. */
export interface EffectivePolicy {
  /** Every field, defaults filled in, lists edited: usable as the policy itself. */
  policy: Policy;
  /** Each field of `policy`, in the order of the declaration. */
  fields: PolicyField[];
}

/**
 * The engine writes these four decisions by hand (their `message` is rendered from the English
 * catalogue as it is written, and some values they carry for the widget stay out of the JSON),
 * so their shapes are declared here; a test of this crate checks them against what the engine
 * writes (`tests::the_hand_declared_decisions_match_the_json`).
 */
export interface CancelDecision {
  verdict: CancelVerdict;
  code: CancelCode;
  /** The reason, in English. */
  message: string;
  bundle: string | null;
  bundle_items: string[];
  grace_ends_at: ZonedInstant | null;
}

export interface RefuseDecision {
  verdict: RefuseVerdict;
  code: RefuseCode;
  /** The reason, in English. */
  message: string;
  stops_away: number | null;
  live_map: boolean;
}

export interface ReturnDecision {
  verdict: ReturnVerdict;
  code: ReturnCode;
  /** The reason, in English. */
  message: string;
  deadline: ZonedInstant | null;
  quantity: number;
  holiday_extended: boolean;
}

export interface WithdrawalDecision {
  verdict: WithdrawalVerdict;
  code: WithdrawalCode;
  /** The reason, in English. */
  message: string;
  deadline: ZonedInstant | null;
  items: string[];
  days: number;
  /** `YYYY-MM-DD` (store time). */
  starts_on: string | null;
  /** `YYYY-MM-DD` (store time). */
  moved_from: string | null;
}

/**
 * What every function throws for bad input. `message` starts with the document (`order: `,
 * `policy: `, `proposal: `, `now: `), then the path and what was expected and found, e.g.
 * `order: items[2].shipment: expected the id of one of the order's shipments ("S1"), found "S9"`;
 * a document with several problems has one such line each.
 */
export interface OrderHelpError extends Error {
  code: ErrorCode;
  /** The field at fault within its document (`items[2].shipment`); `""` for the document itself. */
  path: string;
  /** A return proposal that does not fit the order (`previewReturn`): what is wrong, with its values. */
  problem?: ProposalProblem;
  /**
   * Every problem of a bad document, in the document's order (at most 100), each with its path;
   * `path` and the message's first line are the first's. Absent for a proposal that does not
   * fit the order (one `problem`).
   */
  problems?: { path: string; message: string }[];
}
"#;

/// Assesses `order` under `policy` (absent: the default policy) at `now` (absent: the current
/// time): for every item whether it can still be cancelled, refused or returned, why, and until
/// when, exactly as `order-help assess` prints it. Throws an `OrderHelpError` for bad input.
#[wasm_bindgen(unchecked_return_type = "Assessment")]
pub fn assess(
    #[wasm_bindgen(unchecked_param_type = "Document<Order>")] order: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Document<Policy> | null")] policy: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "When")] now: JsValue,
) -> Result<JsValue, JsValue> {
    let (order, policy) = order_and_policy(&order, &policy)?;
    let at = instant(&now)?;
    to_js(&engine::assess(&order, &policy, at))
}

/// The refund preview of a proposed return (`{lines: [{item_id, quantity, opened?}],
/// reason_id}`) at `now` (absent: the current time), exactly as `order-help preview-return`
/// prints it. A proposal that does not fit the order throws an `OrderHelpError` whose `code`
/// is the problem's (`unknown_item`, `quantity_exceeds_returnable`, …) and whose `problem`
/// holds its values.
#[wasm_bindgen(js_name = previewReturn, unchecked_return_type = "ReturnPreview")]
pub fn preview_return(
    #[wasm_bindgen(unchecked_param_type = "Document<Order>")] order: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Document<Policy> | null | undefined")] policy: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Document<ReturnProposal>")] proposal: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "When")] now: JsValue,
) -> Result<JsValue, JsValue> {
    let (order, policy) = order_and_policy(&order, &policy)?;
    let proposal = document::<engine::ReturnProposal>(&proposal, "proposal")?;
    let at = instant(&now)?;
    match engine::preview_return(&order, &policy, &proposal, at) {
        Ok(preview) => to_js(&preview),
        Err(error) => Err(proposal_error(&error)),
    }
}

/// Verifies a request as the store's server received it (`{kind, order_id, items, assessed_at,
/// …}`, exactly as the widget sent it) against the store's own `order` under `policy` (absent:
/// the default policy), at `receivedAt` (absent: the current time), exactly as
/// `order-help verify` prints it: `accepted`, and for each item `accepted` or a stable code
/// with a sentence. Throws an `OrderHelpError` for bad input (`request_invalid` for the
/// request).
#[wasm_bindgen(unchecked_return_type = "Verification")]
pub fn verify(
    #[wasm_bindgen(unchecked_param_type = "Document<Order>")] order: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Document<Policy> | null | undefined")] policy: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Document<Request>")] request: JsValue,
    #[wasm_bindgen(js_name = receivedAt, unchecked_optional_param_type = "When")]
    received_at: JsValue,
) -> Result<JsValue, JsValue> {
    let (order, policy) = order_and_policy(&order, &policy)?;
    let request = document::<engine::Request>(&request, "request")?;
    let at = instant(&received_at)?;
    to_js(&engine::verify(&order, &policy, &request, at))
}

/// The effective policy of `policy` (absent or `null`: the default policy), exactly as
/// `order-help policy` prints it: every field, defaults filled in, lists edited; and where each
/// field comes from (what the tool prints on stderr). Throws an `OrderHelpError`
/// (`policy_invalid`) for a bad policy.
#[wasm_bindgen(js_name = effectivePolicy, unchecked_return_type = "EffectivePolicy")]
pub fn effective_policy(
    #[wasm_bindgen(unchecked_optional_param_type = "Document<Policy> | null")] policy: JsValue,
) -> Result<JsValue, JsValue> {
    #[derive(serde::Serialize)]
    struct Effective {
        policy: Policy,
        fields: Vec<command::Provenance>,
    }
    let (policy, given) = if policy.is_undefined() || policy.is_null() {
        (Policy::default(), None)
    } else {
        let text = text_of(&policy, "policy")?;
        (
            document::<Policy>(&JsValue::from_str(&text), "policy")?,
            Some(text),
        )
    };
    // It read, so it is JSON.
    let given = given.as_deref().and_then(json::parse_text);
    let fields =
        command::provenance(&policy, given.as_ref()).map_err(|e| js_sys::Error::new(&e))?;
    to_js(&Effective { policy, fields })
}

/// Converts a Shopify or WooCommerce order (`from`: `"shopify"`, `"woocommerce"`) to an order
/// of the contract, as `order-help import --from …` prints it; `options` give what the source
/// does not say. Returns `{ document, notes }`. Throws an `OrderHelpError`: `from_invalid` for
/// another source, `options_invalid`, or `document_invalid` naming the source document's path.
#[wasm_bindgen(js_name = importOrder, unchecked_return_type = "Imported<Order>")]
pub fn import_order(
    #[wasm_bindgen(unchecked_param_type = "OrderSource")] from: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Document<object>")] document: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ImportOptions | null")] options: JsValue,
) -> Result<JsValue, JsValue> {
    import_document(Produces::Order, &from, &document, &options)
}

/// Converts an EasyPost `Tracker` or an AfterShip `tracking` (`from`: `"easypost"`,
/// `"aftership"`) to one shipment of the contract (for an order's `shipments`), as `order-help
/// import --from …` prints it; `options` as for `importOrder` (`shipmentId` among them).
/// Returns `{ document, notes }`; throws as `importOrder` does.
#[wasm_bindgen(js_name = importShipment, unchecked_return_type = "Imported<Shipment>")]
pub fn import_shipment(
    #[wasm_bindgen(unchecked_param_type = "ShipmentSource")] from: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Document<object>")] document: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ImportOptions | null")] options: JsValue,
) -> Result<JsValue, JsValue> {
    import_document(Produces::Shipment, &from, &document, &options)
}

/// `importOrder` (`wanted`: an order) and `importShipment` (a shipment).
fn import_document(
    wanted: Produces,
    from: &JsValue,
    document: &JsValue,
    options: &JsValue,
) -> Result<JsValue, JsValue> {
    #[derive(serde::Serialize)]
    struct Note<'a> {
        path: &'a str,
        message: &'a str,
    }
    #[derive(serde::Serialize)]
    struct Imported<'a> {
        document: &'a json::Json<'static>,
        notes: Vec<Note<'a>>,
    }
    let source = source(wanted, from)?;
    let options = import_options(options)?;
    if let Some(name) = command::misplaced_option(source, &options) {
        let (others, kind) = match wanted {
            Produces::Order => (
                "sellerName, sellerKind, fulfilledBy, paymentMethod, assumeZone",
                "trackers (importShipment)",
            ),
            Produces::Shipment => ("assumeZone, shipmentId", "orders (importOrder)"),
        };
        let error = InputError::new(
            camel_case(name),
            format!(
                "expected an option for {} ({others}), found one for {kind}",
                source.name()
            ),
        );
        return Err(coded_error("options_invalid", "options", &[error]));
    }
    let imported = read_tree(document, "document", |tree| {
        import::import(source, tree, &options).map_err(|e| vec![e])
    })?;
    let notes = imported
        .notes
        .iter()
        .map(|n| Note {
            path: &n.path,
            message: &n.message,
        })
        .collect();
    to_js(&Imported {
        document: &imported.document,
        notes,
    })
}

/// The source `from` names, which must give `wanted`.
fn source(wanted: Produces, from: &JsValue) -> Result<Source, JsValue> {
    let names = |produces: Produces| {
        let names: Vec<String> = Source::ALL
            .iter()
            .filter(|s| s.produces() == produces)
            .map(|s| format!("{:?}", s.name()))
            .collect();
        names.join(" or ")
    };
    let (reads, other) = match wanted {
        Produces::Order => ("an order", "a tracker: importShipment reads it"),
        Produces::Shipment => ("a tracker", "an order: importOrder reads it"),
    };
    let found = match from.as_string() {
        Some(name) => match Source::parse(&name) {
            Some(source) if source.produces() == wanted => return Ok(source),
            Some(_) => format!("{name:?} ({other})"),
            None => format!("{name:?}"),
        },
        None => type_name(from),
    };
    let error = InputError::new(
        "",
        format!("expected {} ({reads}), found {found}", names(wanted)),
    );
    Err(coded_error("from_invalid", "from", &[error]))
}

/// An option's name in JavaScript (`sellerName`) from its field's (`seller_name`).
fn camel_case(name: &'static str) -> &'static str {
    match name {
        "seller_name" => "sellerName",
        "seller_kind" => "sellerKind",
        "fulfilled_by" => "fulfilledBy",
        "payment_method" => "paymentMethod",
        "assume_zone" => "assumeZone",
        "shipment_id" => "shipmentId",
        other => other,
    }
}

/// The options of an import: an object whose fields are strings (or absent, `null`).
fn import_options(value: &JsValue) -> Result<import::Options, JsValue> {
    let invalid =
        |error: InputError| coded_error("options_invalid", "options", std::slice::from_ref(&error));
    let mut options = import::Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() || value.is_function() || js_sys::Array::is_array(value) {
        return Err(invalid(InputError::new(
            "",
            format!("expected an object of options, found {}", type_name(value)),
        )));
    }
    for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let key = entry.get(0).as_string().unwrap_or_default();
        let field = entry.get(1);
        let slot = match key.as_str() {
            "sellerName" => &mut options.seller_name,
            "sellerKind" => &mut options.seller_kind,
            "fulfilledBy" => &mut options.fulfilled_by,
            "paymentMethod" => &mut options.payment_method,
            "assumeZone" => &mut options.assume_zone,
            "shipmentId" => &mut options.shipment_id,
            _ => {
                return Err(invalid(InputError::new(
                    key.clone(),
                    "expected one of sellerName, sellerKind, fulfilledBy, paymentMethod, assumeZone, shipmentId, found an unknown option",
                )))
            }
        };
        if field.is_undefined() || field.is_null() {
            continue;
        }
        *slot = Some(field.as_string().ok_or_else(|| {
            invalid(InputError::new(
                key.clone(),
                format!("expected a string, found {}", type_name(&field)),
            ))
        })?);
    }
    Ok(options)
}

/// The `order-help` command (node/npm/cli.js): `args` as the command line gives them after
/// the command's name; `io` gives `size(path)` (bytes) and `read(path)` (UTF-8 text), each
/// throwing an `Error` whose message says why the file cannot be read. Returns `{stdout,
/// stderr, status}`. Not part of the package's typed interface.
#[wasm_bindgen(js_name = runCommand, skip_typescript)]
pub fn run_command(args: Vec<String>, io: JsValue) -> Result<JsValue, JsValue> {
    let printed = command::main(&args, &NodeIo(io));
    let out = js_sys::Object::new();
    js_sys::Reflect::set(&out, &"stdout".into(), &printed.stdout.into())?;
    js_sys::Reflect::set(&out, &"stderr".into(), &printed.stderr.into())?;
    js_sys::Reflect::set(&out, &"status".into(), &printed.status.into())?;
    Ok(out.into())
}

/// The host's files and clock for [`command`]: `size` and `read` of a JS object.
struct NodeIo(JsValue);

impl NodeIo {
    fn call(&self, method: &str, path: &str) -> Result<JsValue, String> {
        let function = js_sys::Reflect::get(&self.0, &method.into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .ok_or_else(|| format!("the host gives no {method}()"))?;
        function.call1(&self.0, &path.into()).map_err(|thrown| {
            thrown
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| thrown.as_string())
                .unwrap_or_else(|| "unknown error".to_owned())
        })
    }
}

impl command::Io for NodeIo {
    fn size(&self, path: &str) -> Result<u64, String> {
        let size = self.call("size", path)?.as_f64().unwrap_or(f64::MAX);
        // A file's size in bytes is a whole number well within f64's exact range.
        Ok(if size.is_finite() && size >= 0.0 {
            size as u64
        } else {
            u64::MAX
        })
    }

    fn read(&self, path: &str) -> Result<String, String> {
        self.call("read", path)?
            .as_string()
            .ok_or_else(|| "stream did not contain valid UTF-8".to_owned())
    }

    fn now(&self) -> Instant {
        // Whole seconds, as the native tool reads its clock.
        Instant::from_unix_seconds((js_sys::Date::now() / 1000.0).floor() as i64)
    }
}

/// A document's JSON text: a string as it is, an object written by `JSON.stringify`.
fn text_of(value: &JsValue, what: &'static str) -> Result<String, JsValue> {
    let code = format!("{what}_invalid");
    let invalid = |error: InputError| coded_error(&code, what, std::slice::from_ref(&error));
    match value.as_string() {
        Some(text) => Ok(text),
        None if value.is_object() && !value.is_function() => js_sys::JSON::stringify(value)
            .ok()
            .and_then(|text| text.as_string())
            .ok_or_else(|| {
                invalid(InputError::new(
                    "",
                    "expected a JSON document, found an object JSON.stringify cannot write (a BigInt or a cycle)",
                ))
            }),
        None => Err(invalid(InputError::new(
            "",
            format!(
                "expected the {what} as an object or its JSON text, found {}",
                type_name(value)
            ),
        ))),
    }
}

/// A document (`what`: `order`, `policy`, `proposal`, `request`) from an object or its JSON text: one
/// string crosses into the wasm and is read by the engine's own JSON reader, checked against
/// the engine's limits before any field is read. (`JSON.stringify` writes a `Date` as its ISO
/// string and leaves out `undefined` fields, as it would when the object is sent over HTTP.)
pub fn document<T: engine::Readable>(value: &JsValue, what: &'static str) -> Result<T, JsValue> {
    read_tree(value, what, engine::read_document_reporting_all)
}

/// What `read` makes of the JSON tree of a document (`what`), as [`document`] reads it; each
/// problem of the tree or of `read` is one of the `{what}_invalid` error's.
fn read_tree<R>(
    value: &JsValue,
    what: &'static str,
    read: impl FnOnce(&json::Json<'_>) -> Result<R, Vec<InputError>>,
) -> Result<R, JsValue> {
    let code = format!("{what}_invalid");
    let invalid = |error: InputError| coded_error(&code, what, std::slice::from_ref(&error));
    let text = text_of(value, what)?;
    engine::limits::check_document_size(text.len()).map_err(invalid)?;
    let tree = json::parse_text(&text).ok_or_else(|| {
        invalid(InputError::new(
            "",
            "expected JSON text, found a string that is not JSON",
        ))
    })?;
    read(&tree).map_err(|problems| coded_error(&code, what, &problems))
}

/// The order and the policy every function reads; the default policy when `policy` is absent.
fn order_and_policy(order: &JsValue, policy: &JsValue) -> Result<(Order, Policy), JsValue> {
    let order = document::<Order>(order, "order")?;
    if policy.is_undefined() || policy.is_null() {
        Ok((order, Policy::default()))
    } else {
        Ok((order, document::<Policy>(policy, "policy")?))
    }
}

/// The instant `now` stands for; reading the clock here keeps the engine pure.
fn instant(now: &JsValue) -> Result<Instant, JsValue> {
    let invalid =
        |error: InputError| coded_error("now_invalid", "now", std::slice::from_ref(&error));
    if now.is_undefined() || now.is_null() {
        return Ok(Instant::from_unix_millis(js_sys::Date::now()));
    }
    let millis = if let Some(date) = now.dyn_ref::<js_sys::Date>() {
        date.get_time()
    } else if let Some(millis) = now.as_f64() {
        millis
    } else if let Some(text) = now.as_string() {
        return Instant::parse_rfc3339(&text).map_err(invalid);
    } else {
        return Err(invalid(InputError::new(
            "",
            format!(
                "expected a Date, milliseconds since the Unix epoch or an RFC 3339 string, found {}",
                type_name(now)
            ),
        )));
    };
    if !millis.is_finite() {
        return Err(invalid(InputError::new(
            "",
            format!(
                "expected a finite instant (milliseconds since the Unix epoch), found {}",
                json::number_text(millis)
            ),
        )));
    }
    Ok(Instant::from_unix_millis(millis))
}

/// An engine result as plain JS objects: the engine writes its JSON text (the tool's output),
/// one string crosses out and `JSON.parse` reads it.
pub fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = json::to_text(value).map_err(|e| js_sys::Error::new(&e.to_string()))?;
    js_sys::JSON::parse(&text)
}

/// An `Error` with `code`, and the `path` of the first problem; its message is every problem,
/// one a line, `document: path: what was expected, found`; `problems` has each `{path,
/// message}` in the document's order (at most `limits::MAX_PROBLEMS`).
fn coded_error(code: &str, document: &str, problems: &[InputError]) -> JsValue {
    let lines: Vec<String> = problems
        .iter()
        .map(|problem| format!("{document}: {problem}"))
        .collect();
    let js = js_sys::Error::new(&lines.join("\n"));
    set(&js, "code", &code.into());
    let first = problems.first().map_or("", |p| p.path.as_str());
    set(&js, "path", &first.into());
    let list = js_sys::Array::new();
    for problem in problems {
        let entry = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&entry, &"path".into(), &problem.path.as_str().into());
        let _ = js_sys::Reflect::set(&entry, &"message".into(), &problem.message.as_str().into());
        list.push(&entry);
    }
    set(&js, "problems", &list);
    js.into()
}

/// A proposal that does not fit the order: its problem's code, its path and its values.
fn proposal_error(error: &ReturnProposalError) -> JsValue {
    let js = js_sys::Error::new(&format!("proposal: {error}"));
    set(&js, "code", &error.problem.code().into());
    set(&js, "path", &error.path.as_str().into());
    if let Ok(problem) = to_js(&error.problem) {
        set(&js, "problem", &problem);
    }
    js.into()
}

fn set(target: &js_sys::Error, key: &str, value: &JsValue) {
    // Setting a field of a fresh Error cannot fail.
    let _ = js_sys::Reflect::set(target, &key.into(), value);
}

/// What a value is, for an error message (`undefined`, `a number`, …).
fn type_name(value: &JsValue) -> String {
    if value.is_undefined() {
        "undefined".to_owned()
    } else if value.is_null() {
        "null".to_owned()
    } else {
        format!("a {}", value.js_typeof().as_string().unwrap_or_default())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::collections::BTreeSet;

    /// The declarations of `TYPES` (the macro consumes the constant, so the test reads them
    /// from this file).
    fn types() -> String {
        let source = include_str!("lib.rs");
        let start = source.find("const TYPES: &str = r#\"").unwrap();
        let body = &source[start..];
        body[..body.find("\"#;").unwrap()].to_owned()
    }

    /// The field names of `interface name { … }` in the hand-declared types.
    fn declared(name: &str) -> BTreeSet<String> {
        let types = types();
        let start = types
            .find(&format!("export interface {name} {{"))
            .unwrap_or_else(|| panic!("TYPES declares no {name}"));
        let body = &types[start..];
        let body = &body[body.find('{').unwrap() + 1..body.find("\n}").unwrap()];
        body.lines()
            .map(str::trim)
            .filter(|line| !line.starts_with("/**") && !line.starts_with('*'))
            .filter_map(|line| line.split_once(':').map(|(field, _)| field.to_owned()))
            .collect()
    }

    fn written(value: &serde_json::Value) -> BTreeSet<String> {
        value.as_object().unwrap().keys().cloned().collect()
    }

    #[test]
    fn the_hand_declared_decisions_match_the_json() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let order = std::fs::read_to_string(root.join("static/orders/example.json")).unwrap();
        let order = order_help_engine::Order::from_json_str(&order).unwrap();
        let policy =
            order_help_engine::Policy::from_json_str(r#"{"withdrawal": {"enabled": true}}"#)
                .unwrap();
        let at = order_help_engine::Instant::parse_rfc3339("2025-11-25T12:00:00-08:00").unwrap();
        let assessment =
            serde_json::to_value(order_help_engine::assess(&order, &policy, at)).unwrap();
        let item = &assessment["items"][0];
        for (name, value) in [
            ("CancelDecision", &item["cancel"]),
            ("RefuseDecision", &item["refuse"]),
            ("ReturnDecision", &item["return"]),
            ("WithdrawalDecision", &assessment["withdrawal"]),
        ] {
            assert_eq!(declared(name), written(value), "{name}");
        }
    }
}
