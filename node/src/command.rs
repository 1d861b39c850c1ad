//! The `order-help` command of the npm package (`npx order-help …`, node/npm/cli.js): the
//! native tool's commands (`cli/src/main.rs`) with the same options, output, exit statuses and
//! error wording, and `import`, so a policy author needs no Rust toolchain.
//!
//! Free of wasm-bindgen and of the file system: the two things it needs from its host, a
//! file's size and text and the current instant, come through [`Io`] (the package's
//! `runCommand` gives it Node's `fs` and clock), so the same code can serve the native tool.
//! Output is written by serde_json, as the native tool writes it, and text that is not JSON is
//! reported by serde_json with its line and column, as the native tool reports it.

use std::borrow::Cow;

use order_help_engine::import::{self, Options, Produces, Source};
use order_help_engine::json::{self, Json};
use order_help_engine::{
    assess, limits, preview_return, read_document_reporting_all, verify, InputError, Instant,
    Order, Policy, Readable, Request, ReturnProposal,
};

/// What the command needs from its host.
pub trait Io {
    /// The size in bytes of the file at `path`; `Err`: why it cannot be read (`No such file
    /// or directory (os error 2)`, the wording of Rust's `std::io::Error`).
    fn size(&self, path: &str) -> Result<u64, String>;
    /// The file's text (UTF-8); `Err` as for [`Io::size`] (`stream did not contain valid
    /// UTF-8` for other bytes).
    fn read(&self, path: &str) -> Result<String, String>;
    /// The current instant (the engine never reads a clock).
    fn now(&self) -> Instant;
}

pub const USAGE: &str = "\
Usage: order-help assess --order FILE [--policy FILE] [--at RFC3339]
       order-help preview-return --order FILE [--policy FILE] --proposal FILE [--at RFC3339]
       order-help verify --order FILE [--policy FILE] --request FILE [--at RFC3339]
       order-help policy [FILE]
       order-help import --from shopify|woocommerce|easypost|aftership FILE [OPTIONS]

assess: prints the assessment of an order (JSON, the widget's order contract) under a store
policy (JSON; absent: the default policy) at an instant (absent: now), as pretty JSON: for
every item whether it can still be cancelled, refused or returned, why, and until when;
and, when the policy enables it, whether the consumer can still withdraw from the contract (EU).

preview-return: prints the refund preview of a proposed return (JSON: {\"lines\": [{\"item_id\",
\"quantity\", \"opened\"?}], \"reason_id\"}) at that instant, as pretty JSON: each line's value,
deductions, refund and return-by deadline, and the total in the currency's minor units.

verify: checks a customer's request (JSON, as the widget sends it: {\"kind\": \"cancel\" |
\"return\" | \"withdrawal\", \"order_id\", \"items\": [{\"item_id\", \"quantity\"}], \"assessed_at\",
...}) against the store's order of record, as received at that instant, and prints the
verification as pretty JSON: \"accepted\", a \"code\" and \"message\", and per item \"accepted\",
\"code\", \"message\" and \"changed_since_assessed\".

policy: prints the effective policy of a policy file (absent: the default policy) as pretty
JSON in the shape of a policy file (every field, defaults filled in, lists edited), which can
be saved and used as the policy; and on stderr, where each field comes from: the file, the
file editing the default list, or the default.

import: converts a platform's document to the widget's contract and prints it as pretty JSON:
a Shopify (Admin REST `order`) or WooCommerce (REST v3 `order`) order gives an order; an
EasyPost `Tracker` or an AfterShip `tracking` (or the webhook that carries one) gives one
shipment (for an order's \"shipments\"). What the source does not say takes a documented
default (docs/import.md) that these options override; each default taken, status kept as
\"unknown\", http: link dropped and zone assumed is a note on stderr.
  --from SOURCE          shopify, woocommerce, easypost or aftership (required)
  --seller-name NAME     seller.name (orders; default: the shop's host where the source
                         gives one)
  --seller-kind KIND     seller.kind (orders): retailer (default) or marketplace
  --fulfilled-by WHO     seller.fulfilled_by (orders): retailer (default) or seller
  --payment-method M     the payment method for a gateway the converter does not know
                         (orders; default: other)
  --assume-zone ZONE     the zone of local times without an offset, where the source has no
                         UTC field (an IANA name; default: UTC)
  --shipment-id ID       the shipment's id (trackers; default: the tracking number)

Options:
  --order FILE     the order (required)
  --policy FILE    the policy; fields it leaves out take their defaults
  --proposal FILE  the proposed return (preview-return only; required there)
  --request FILE   the request to verify (verify only; required there)
  --at RFC3339     the instant (verify: when the server received the request), with an
                   offset, e.g. 2025-03-31T23:59:59-07:00
  -h, --help       this text

Exit status: 0 on success (verify: the whole request is accepted), 1 when verify rejects any
part of the request, 2 for bad usage or bad input (every problem of the document, up to 100,
each naming the file and field).
";

/// What the command line asks for.
#[derive(Debug, PartialEq)]
enum Command {
    Help,
    Assess(Inputs),
    /// `proposal`: the file of the proposed return.
    PreviewReturn {
        inputs: Inputs,
        proposal: String,
    },
    /// `request`: the file of the request to verify.
    Verify {
        inputs: Inputs,
        request: String,
    },
    /// The effective policy of a file (absent: the default policy).
    Policy(Option<String>),
    /// A platform's document in `file`, converted.
    Import {
        source: Source,
        file: String,
        options: Options,
    },
}

/// What a command prints, and its exit status.
#[derive(Debug, PartialEq)]
pub struct Printed {
    pub stdout: String,
    pub stderr: String,
    pub status: i32,
}

/// What every rule command reads: the order's file, the policy's (absent: the default policy)
/// and the instant as given (absent: now).
#[derive(Debug, PartialEq)]
struct Inputs {
    order: String,
    policy: Option<String>,
    at: Option<String>,
}

/// Runs the command line: what to print on stdout and stderr, and the exit status (2, with
/// `order-help: ` and the message on stderr, for bad usage or input).
pub fn main(args: &[String], io: &dyn Io) -> Printed {
    run(args, io).unwrap_or_else(|message| Printed {
        stdout: String::new(),
        stderr: format!("order-help: {message}\n"),
        status: 2,
    })
}

fn printed(stdout: String, status: i32) -> Printed {
    Printed {
        stdout,
        stderr: String::new(),
        status,
    }
}

/// `Ok` is what to print and the exit status, `Err` the message for stderr (exit 2).
fn run(args: &[String], io: &dyn Io) -> Result<Printed, String> {
    match parse_args(args)? {
        Command::Help => Ok(printed(USAGE.to_owned(), 0)),
        Command::Assess(inputs) => {
            let (order, policy, at) = read_inputs(&inputs, io)?;
            Ok(printed(pretty(&assess(&order, &policy, at))?, 0))
        }
        Command::Policy(file) => {
            let (policy, given) = match &file {
                Some(path) => {
                    let text = read(path, io)?;
                    (document_text::<Policy>(path, &text)?, Some(text))
                }
                None => (Policy::default(), None),
            };
            // It read, so it is JSON.
            let given = given.as_deref().and_then(json::parse_text);
            Ok(Printed {
                stdout: pretty(&policy)?,
                stderr: provenance_table(&provenance(&policy, given.as_ref())?)?,
                status: 0,
            })
        }
        Command::Verify { inputs, request } => {
            let (order, policy, at) = read_inputs(&inputs, io)?;
            let request_value = document::<Request>(&request, io)?;
            let verification = verify(&order, &policy, &request_value, at);
            // A rejection is an answer, not an error: printed, with its own status.
            let status = if verification.accepted { 0 } else { 1 };
            Ok(printed(pretty(&verification)?, status))
        }
        Command::PreviewReturn { inputs, proposal } => {
            let (order, policy, at) = read_inputs(&inputs, io)?;
            let proposal_value = document::<ReturnProposal>(&proposal, io)?;
            // A proposal that does not fit the order is bad input too, with its path.
            let preview = preview_return(&order, &policy, &proposal_value, at)
                .map_err(|e| format!("{proposal}: {e}"))?;
            Ok(printed(pretty(&preview)?, 0))
        }
        Command::Import {
            source,
            file,
            options,
        } => run_import(source, &file, &options, io),
    }
}

/// `import`: the converted document on stdout, its notes on stderr (one a line, naming the
/// file and the source's field); bad input is an error naming the file and the field.
fn run_import(
    source: Source,
    file: &str,
    options: &Options,
    io: &dyn Io,
) -> Result<Printed, String> {
    let text = read(file, io)?;
    let tree = json_text(&text).map_err(|e| format!("{file}: {e}"))?;
    let imported = import::import(source, &tree, options).map_err(|e| {
        let what = match source.produces() {
            Produces::Order => "order",
            Produces::Shipment => "shipment",
        };
        format!(
            "{file}: {e} (reading it as {} for one {what})",
            source.name()
        )
    })?;
    let stderr = imported
        .notes
        .iter()
        .map(|note| {
            let at = InputError::new(note.path.clone(), note.message.clone());
            format!("order-help: {file}: note: {at}\n")
        })
        .collect();
    Ok(Printed {
        stdout: pretty_tree(&imported.document)?,
        stderr,
        status: 0,
    })
}

/// Pretty JSON and a final newline, as the native tool prints a value.
fn pretty(value: &impl serde::Serialize) -> Result<String, String> {
    pretty_tree(&tree(&value.serialize_to_text()?))
}

/// An engine value's JSON text, written by the engine's own writer (the package's functions
/// write theirs so), which serde_json then lays out: one writer for every type keeps the
/// package small.
trait ToText {
    fn serialize_to_text(&self) -> Result<String, String>;
}

impl<T: serde::Serialize + ?Sized> ToText for T {
    fn serialize_to_text(&self) -> Result<String, String> {
        json::to_text(self).map_err(|e| e.to_string())
    }
}

/// The tree of JSON text the engine wrote (so JSON).
fn tree(text: &str) -> Json<'_> {
    json::parse_text(text).unwrap_or(Json::Null)
}

/// A tree as pretty JSON and a final newline.
fn pretty_tree(tree: &Json<'_>) -> Result<String, String> {
    let json = serde_json::to_string_pretty(tree).map_err(|e| e.to_string())?;
    Ok(format!("{json}\n"))
}

/// A tree that borrows nothing.
fn owned(tree: &Json<'_>) -> Json<'static> {
    let text = |t: &Cow<'_, str>| Cow::Owned(t.to_string());
    match tree {
        Json::Null => Json::Null,
        Json::Bool(b) => Json::Bool(*b),
        Json::Int(n) => Json::Int(*n),
        Json::UInt(n) => Json::UInt(*n),
        Json::Float(v, t) => Json::Float(*v, text(t)),
        Json::Str(t) => Json::Str(text(t)),
        Json::Array(values) => Json::Array(values.iter().map(owned).collect()),
        Json::Object(entries) => {
            Json::Object(entries.iter().map(|(k, v)| (text(k), owned(v))).collect())
        }
    }
}

/// A tree with the keys of every object in order.
fn sort_keys(tree: &mut Json<'_>) {
    match tree {
        Json::Array(values) => values.iter_mut().for_each(sort_keys),
        Json::Object(entries) => {
            entries.sort_by(|(a, _), (b, _)| a.cmp(b));
            entries.iter_mut().for_each(|(_, v)| sort_keys(v));
        }
        _ => {}
    }
}

/// The value at a dotted `path` (`withdrawal.days`) of a tree, if there is one.
fn at<'t>(tree: &'t Json<'t>, path: &str) -> Option<&'t Json<'t>> {
    path.split('.').try_fold(tree, |value, name| match value {
        Json::Object(entries) => entries.iter().find(|(k, _)| k == name).map(|(_, v)| v),
        _ => None,
    })
}

/// Where a field of the effective policy comes from.
#[derive(Debug, serde::Serialize)]
pub struct Provenance {
    /// The field's path (`withdrawal.days`), as [`Policy::field_paths`] lists it.
    pub path: String,
    /// `file` (the file gives it), `file+default` (the file edits the default list: `{"add",
    /// "remove"}`) or `default`.
    pub from: &'static str,
    /// Its effective value.
    pub value: Json<'static>,
}

/// Where each field of the effective `policy` comes from, given the policy document as written
/// (`given`; `None`: no document, the default policy).
pub fn provenance(policy: &Policy, given: Option<&Json<'_>>) -> Result<Vec<Provenance>, String> {
    let text = policy.serialize_to_text()?;
    let effective = tree(&text);
    Ok(Policy::field_paths()
        .into_iter()
        .map(|path| {
            let value = at(&effective, &path).map_or(Json::Null, owned);
            let from = match given.and_then(|g| at(g, &path)) {
                Some(Json::Object(_)) if matches!(value, Json::Array(_)) => "file+default",
                Some(_) => "file",
                None => "default",
            };
            Provenance { path, from, value }
        })
        .collect())
}

/// The provenance as a table for stderr: path, where from, and the value (long ones cut).
fn provenance_table(fields: &[Provenance]) -> Result<String, String> {
    let mut rows = vec![("field", "from", "value".to_owned())];
    for field in fields {
        // Keys sorted, as the native tool's `serde_json::Value` writes them.
        let mut value = field.value.clone();
        sort_keys(&mut value);
        let value = serde_json::to_string(&value).map_err(|e| e.to_string())?;
        let value = match value.char_indices().nth(72) {
            Some((cut, _)) => format!("{}…", &value[..cut]),
            None => value,
        };
        rows.push((&field.path, field.from, value));
    }
    let width = rows.iter().map(|(p, _, _)| p.len()).max().unwrap_or(0);
    let mut table = String::new();
    for (path, from, value) in rows {
        table.push_str(&format!("{path:width$}  {from:12}  {value}\n"));
    }
    Ok(table)
}

/// The order, the policy (default when absent) and the instant (now when absent).
fn read_inputs(inputs: &Inputs, io: &dyn Io) -> Result<(Order, Policy, Instant), String> {
    let order = document::<Order>(&inputs.order, io)?;
    let policy = match &inputs.policy {
        Some(path) => document::<Policy>(path, io)?,
        None => Policy::default(),
    };
    let at = match &inputs.at {
        Some(text) => Instant::parse_rfc3339(text).map_err(|e| format!("--at: {e}"))?,
        None => io.now(),
    };
    Ok((order, policy, at))
}

/// The document in the file at `path`; an error names the file.
fn document<T: Readable>(path: &str, io: &dyn Io) -> Result<T, String> {
    document_text(path, &read(path, io)?)
}

/// The document in `text` (of the file at `path`): every problem of it, one a line, each
/// naming the file and the field, in the document's order (at most [`limits::MAX_PROBLEMS`],
/// and then a line saying the list stops there).
fn document_text<T: Readable>(path: &str, text: &str) -> Result<T, String> {
    json_text(text)
        .map_err(|problem| vec![problem])
        .and_then(|tree| read_document_reporting_all(&tree))
        .map_err(|problems| {
            let mut lines: Vec<String> = problems.iter().map(|p| format!("{path}: {p}")).collect();
            if problems.len() >= limits::MAX_PROBLEMS {
                lines.push(format!(
                    "{path}: the first {} problems; there may be more",
                    limits::MAX_PROBLEMS
                ));
            }
            // `main` writes "order-help: " before the first line.
            lines.join("\norder-help: ")
        })
}

/// JSON text as a tree, after checking its size, as the engine reads a file natively: by the
/// engine's own reader, and text it refuses described by serde_json (line and column).
fn json_text(text: &str) -> Result<Json<'_>, InputError> {
    limits::check_document_size(text.len())?;
    if let Some(tree) = json::parse_text(text) {
        return Ok(tree);
    }
    match serde_json::from_str::<serde::de::IgnoredAny>(text) {
        Err(e) => Err(InputError::new("", format!("malformed JSON: {e}"))),
        // The only JSON the engine's reader refuses.
        Ok(_) => Err(InputError::new(
            "",
            format!(
                "expected a document nested at most {} levels deep, found one nested deeper",
                json::MAX_DEPTH
            ),
        )),
    }
}

/// The file's text: its size is checked before it is read (`engine::limits`), and a UTF-8
/// byte-order mark at its start (as some Windows editors save JSON) is dropped.
fn read(path: &str, io: &dyn Io) -> Result<String, String> {
    let cannot = |e: String| format!("{path}: cannot read it: {e}");
    let size = io.size(path).map_err(cannot)?;
    limits::check_document_size(usize::try_from(size).unwrap_or(usize::MAX))
        .map_err(|e| format!("{path}: {e}"))?;
    let text = io.read(path).map_err(cannot)?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// The first option given (by its field's name, `seller_name`) that `source`'s converter does
/// not read: `seller_name`, `seller_kind`, `fulfilled_by`, `payment_method` are for orders,
/// `shipment_id` for trackers, `assume_zone` for both.
pub fn misplaced_option(source: Source, options: &Options) -> Option<&'static str> {
    let given: &[(&'static str, &Option<String>)] = match source.produces() {
        Produces::Shipment => &[
            ("seller_name", &options.seller_name),
            ("seller_kind", &options.seller_kind),
            ("fulfilled_by", &options.fulfilled_by),
            ("payment_method", &options.payment_method),
        ],
        Produces::Order => &[("shipment_id", &options.shipment_id)],
    };
    given
        .iter()
        .find(|(_, value)| value.is_some())
        .map(|(name, _)| *name)
}

fn usage_error(what: String) -> String {
    format!("{what}\n\n{USAGE}")
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    let mut args = args.iter();
    let command = match args.next().map(String::as_str) {
        None => {
            return Err(usage_error(
                "expected a command (assess, preview-return, verify, policy, import)".to_owned(),
            ))
        }
        Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some(name @ ("assess" | "preview-return" | "verify" | "import")) => name,
        Some("policy") => {
            let file = match args.next().map(String::as_str) {
                Some("-h" | "--help") => return Ok(Command::Help),
                Some(flag) if flag.starts_with("--") => {
                    return Err(usage_error(format!("unknown option {flag:?}")))
                }
                file => file.map(str::to_owned),
            };
            if let Some(extra) = args.next() {
                return Err(usage_error(format!(
                    "expected at most one policy file, found {extra:?} too"
                )));
            }
            return Ok(Command::Policy(file));
        }
        Some(other) => {
            return Err(usage_error(format!(
                "expected the command assess, preview-return, verify, policy or import, found {other:?}"
            )))
        }
    };
    let mut flags = Flags::default();
    let mut file = None;
    while let Some(arg) = args.next() {
        // Both `--order FILE` and `--order=FILE`.
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        if flag == "-h" || flag == "--help" {
            return Ok(Command::Help);
        }
        if command == "import" && !flag.starts_with('-') {
            if let Some(first) = file.replace(arg.clone()) {
                return Err(usage_error(format!(
                    "expected one file to import, found {first:?} and {arg:?}"
                )));
            }
            continue;
        }
        let Some(slot) = flags.slot(command, flag) else {
            return Err(usage_error(format!("unknown option {flag:?}")));
        };
        let Some(value) = inline.or_else(|| args.next().cloned()) else {
            return Err(usage_error(format!("expected a value after {flag}")));
        };
        if slot.replace(value).is_some() {
            return Err(usage_error(format!("{flag} is given twice")));
        }
    }
    if command == "import" {
        return flags.import(file);
    }
    let Some(order) = flags.order else {
        return Err(usage_error("expected --order FILE".to_owned()));
    };
    let inputs = Inputs {
        order,
        policy: flags.policy,
        at: flags.at,
    };
    match (command, flags.request, flags.proposal) {
        ("assess", _, _) => Ok(Command::Assess(inputs)),
        ("verify", Some(request), _) => Ok(Command::Verify { inputs, request }),
        ("verify", None, _) => Err(usage_error("expected --request FILE".to_owned())),
        (_, _, Some(proposal)) => Ok(Command::PreviewReturn { inputs, proposal }),
        (_, _, None) => Err(usage_error("expected --proposal FILE".to_owned())),
    }
}

/// The values of the options given, by option.
#[derive(Default)]
struct Flags {
    order: Option<String>,
    policy: Option<String>,
    at: Option<String>,
    proposal: Option<String>,
    request: Option<String>,
    from: Option<String>,
    options: Options,
}

impl Flags {
    /// Where the value of `flag` goes for `command`; `None`: not one of its options.
    fn slot(&mut self, command: &str, flag: &str) -> Option<&mut Option<String>> {
        let options = &mut self.options;
        Some(match (command, flag) {
            ("import", "--from") => &mut self.from,
            ("import", "--seller-name") => &mut options.seller_name,
            ("import", "--seller-kind") => &mut options.seller_kind,
            ("import", "--fulfilled-by") => &mut options.fulfilled_by,
            ("import", "--payment-method") => &mut options.payment_method,
            ("import", "--assume-zone") => &mut options.assume_zone,
            ("import", "--shipment-id") => &mut options.shipment_id,
            ("import", _) => return None,
            (_, "--order") => &mut self.order,
            (_, "--policy") => &mut self.policy,
            (_, "--at") => &mut self.at,
            ("preview-return", "--proposal") => &mut self.proposal,
            ("verify", "--request") => &mut self.request,
            _ => return None,
        })
    }

    /// `import --from SOURCE FILE`, with its options.
    fn import(self, file: Option<String>) -> Result<Command, String> {
        let names = Source::ALL.map(Source::name).join(", ");
        let Some(from) = self.from else {
            return Err(usage_error(format!("expected --from ({names})")));
        };
        let Some(source) = Source::parse(&from) else {
            return Err(usage_error(format!(
                "expected --from {names}, found {from:?}"
            )));
        };
        let Some(file) = file else {
            return Err(usage_error("expected the file to import".to_owned()));
        };
        // An option the source's converter does not read is a mistake, not a no-op.
        if let Some(what) = misplaced_option(source, &self.options) {
            let flag = format!("--{}", what.replace('_', "-"));
            let wanted = match source.produces() {
                Produces::Order => "trackers (easypost, aftership)",
                Produces::Shipment => "orders (shopify, woocommerce)",
            };
            return Err(usage_error(format!(
                "{flag} is for {wanted}, not for {}",
                source.name()
            )));
        }
        Ok(Command::Import {
            source,
            file,
            options: self.options,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn parses_the_documented_forms() {
        let options = Options {
            seller_name: Some("Shop".to_owned()),
            assume_zone: Some("Europe/Amsterdam".to_owned()),
            ..Options::default()
        };
        let inputs = |order: &str, policy: Option<&str>, at: Option<&str>| Inputs {
            order: order.to_owned(),
            policy: policy.map(str::to_owned),
            at: at.map(str::to_owned),
        };
        let assess = |order, policy, at| Command::Assess(inputs(order, policy, at));
        let table = [
            (
                vec!["assess", "--order", "o.json"],
                Ok(assess("o.json", None, None)),
            ),
            (
                vec![
                    "assess",
                    "--order=o.json",
                    "--policy",
                    "p.json",
                    "--at",
                    "2025-03-01T00:00:00Z",
                ],
                Ok(assess(
                    "o.json",
                    Some("p.json"),
                    Some("2025-03-01T00:00:00Z"),
                )),
            ),
            (
                vec![
                    "preview-return",
                    "--proposal",
                    "r.json",
                    "--order",
                    "o.json",
                ],
                Ok(Command::PreviewReturn {
                    inputs: inputs("o.json", None, None),
                    proposal: "r.json".to_owned(),
                }),
            ),
            (
                vec![
                    "verify",
                    "--order",
                    "o.json",
                    "--request=q.json",
                    "--at",
                    "2025-03-01T00:00:00Z",
                ],
                Ok(Command::Verify {
                    inputs: inputs("o.json", None, Some("2025-03-01T00:00:00Z")),
                    request: "q.json".to_owned(),
                }),
            ),
            (vec!["--help"], Ok(Command::Help)),
            (vec!["policy"], Ok(Command::Policy(None))),
            (
                vec!["policy", "p.json"],
                Ok(Command::Policy(Some("p.json".to_owned()))),
            ),
            (vec!["assess", "-h"], Ok(Command::Help)),
            (
                vec!["import", "--from", "easypost", "t.json"],
                Ok(Command::Import {
                    source: Source::EasyPost,
                    file: "t.json".to_owned(),
                    options: Options::default(),
                }),
            ),
            (
                vec![
                    "import",
                    "o.json",
                    "--from=shopify",
                    "--seller-name",
                    "Shop",
                    "--assume-zone=Europe/Amsterdam",
                ],
                Ok(Command::Import {
                    source: Source::Shopify,
                    file: "o.json".to_owned(),
                    options: options.clone(),
                }),
            ),
            (vec!["import", "--help"], Ok(Command::Help)),
            (
                vec![
                    "import",
                    "--from",
                    "woocommerce",
                    "o.json",
                    "--seller-name=Shop",
                    "--seller-kind",
                    "marketplace",
                    "--fulfilled-by",
                    "seller",
                    "--payment-method",
                    "paypal",
                    "--assume-zone",
                    "Europe/Amsterdam",
                ],
                Ok(Command::Import {
                    source: Source::WooCommerce,
                    file: "o.json".to_owned(),
                    options: Options {
                        seller_kind: Some("marketplace".to_owned()),
                        fulfilled_by: Some("seller".to_owned()),
                        payment_method: Some("paypal".to_owned()),
                        ..options
                    },
                }),
            ),
            (
                vec!["import", "--from", "easypost", "t.json", "--shipment-id=S1"],
                Ok(Command::Import {
                    source: Source::EasyPost,
                    file: "t.json".to_owned(),
                    options: Options {
                        shipment_id: Some("S1".to_owned()),
                        ..Options::default()
                    },
                }),
            ),
        ];
        for (list, expected) in table {
            assert_eq!(parse_args(&args(&list)), expected, "{list:?}");
        }
    }

    #[test]
    fn rejects_bad_usage_with_the_reason() {
        let table = [
            (vec![], "expected a command"),
            (
                vec!["check"],
                "expected the command assess, preview-return, verify, policy or import, found \"check\"",
            ),
            (
                vec!["policy", "a.json", "b.json"],
                "expected at most one policy file, found \"b.json\" too",
            ),
            (vec!["policy", "--at", "x"], "unknown option \"--at\""),
            (
                vec!["verify", "--order", "o.json"],
                "expected --request FILE",
            ),
            (
                vec!["assess", "--order", "o.json", "--request", "q.json"],
                "unknown option \"--request\"",
            ),
            (
                vec!["verify", "--order", "o.json", "--proposal", "r.json"],
                "unknown option \"--proposal\"",
            ),
            (vec!["assess"], "expected --order FILE"),
            (
                vec!["preview-return", "--order", "o.json"],
                "expected --proposal FILE",
            ),
            (
                vec!["assess", "--order", "o.json", "--proposal", "r.json"],
                "unknown option \"--proposal\"",
            ),
            (vec!["assess", "--order"], "expected a value after --order"),
            (
                vec!["assess", "--order", "a", "--order", "b"],
                "--order is given twice",
            ),
            (
                vec!["assess", "--order", "a", "--verbose"],
                "unknown option \"--verbose\"",
            ),
            (
                vec!["import", "o.json"],
                "expected --from (shopify, woocommerce, easypost, aftership)\n",
            ),
            (
                vec!["import", "--from", "etsy", "o.json"],
                "expected --from shopify, woocommerce, easypost, aftership, found \"etsy\"",
            ),
            (
                vec!["import", "--from", "shopify"],
                "expected the file to import",
            ),
            (
                vec!["import", "--from", "shopify", "a.json", "b.json"],
                "expected one file to import, found \"a.json\" and \"b.json\"",
            ),
            (
                vec!["import", "--from", "shopify", "a.json", "--order", "o.json"],
                "unknown option \"--order\"",
            ),
            (
                vec!["assess", "--order", "o.json", "--seller-name", "Shop"],
                "unknown option \"--seller-name\"",
            ),
            (
                vec!["import", "--from", "shopify", "a.json", "--seller-kind"],
                "expected a value after --seller-kind",
            ),
            (
                vec!["import", "--from", "shopify", "--from", "easypost"],
                "--from is given twice",
            ),
            (
                vec![
                    "import",
                    "--from",
                    "aftership",
                    "t.json",
                    "--payment-method",
                    "other",
                ],
                "--payment-method is for orders (shopify, woocommerce), not for aftership",
            ),
            (
                vec![
                    "import",
                    "--from",
                    "woocommerce",
                    "o.json",
                    "--shipment-id=S1",
                ],
                "--shipment-id is for trackers (easypost, aftership), not for woocommerce",
            ),
        ];
        for (list, phrase) in table {
            let err = parse_args(&args(&list)).unwrap_err();
            assert!(
                err.starts_with(phrase) && err.contains("Usage:"),
                "{list:?}: {err}"
            );
        }
    }
}
