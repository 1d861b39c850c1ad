//! `order-help`: the policy authors' command-line tool.
//!
//! ```text
//! order-help assess --order FILE [--policy FILE] [--at RFC3339]
//! order-help preview-return --order FILE [--policy FILE] --proposal FILE [--at RFC3339]
//! order-help verify --order FILE [--policy FILE] --request FILE [--at RFC3339]
//! order-help policy [FILE]
//! order-help import --from shopify|woocommerce|easypost|aftership FILE [OPTIONS]
//! ```
//!
//! Prints the engine's assessment of a real order under a policy as pretty JSON, so a policy
//! can be checked before it is published; or the refund preview of a proposed return; or the
//! verification of a customer's request against the store's order of record (exit status 1
//! when any part of it is rejected); or the effective policy (what a policy file means, every
//! field, as a policy file) with where each field comes from on stderr; or a platform's
//! document converted to the contract (`import`: a Shopify or WooCommerce order gives an
//! order, an EasyPost or AfterShip tracker one shipment), with what it assumed on stderr. Bad
//! usage or input
//! exits with status 2 and every problem of the document (each naming the file and the field
//! path, in the document's order, at most `limits::MAX_PROBLEMS`) on stderr.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match cli::run(&args) {
        Ok(cli::Printed {
            stdout,
            stderr,
            status,
        }) => {
            eprint!("{stderr}");
            print!("{stdout}");
            std::process::exit(status);
        }
        Err(message) => {
            eprintln!("order-help: {message}");
            std::process::exit(2);
        }
    }
}

// Workspace builds for wasm32 (Trunk, clippy) compile the tool too; there it is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::time::{SystemTime, UNIX_EPOCH};

    use order_help_engine::import::{import, Options, Produces, Source};
    use order_help_engine::json;
    use order_help_engine::{
        assess, limits, preview_return, read_text_reporting_all, verify, Instant, Order, Policy,
        Readable, Request, ReturnProposal,
    };

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
        /// A platform's document (`file`) converted to the contract.
        Import {
            from: Source,
            file: String,
            options: Options,
        },
    }

    /// What a command prints, and its exit status.
    pub struct Printed {
        pub stdout: String,
        pub stderr: String,
        pub status: i32,
    }

    impl Printed {
        fn out(stdout: String, status: i32) -> Printed {
            Printed {
                stdout,
                stderr: String::new(),
                status,
            }
        }
    }

    /// What every command reads: the order's file, the policy's (absent: the default policy)
    /// and the instant as given (absent: now).
    #[derive(Debug, PartialEq)]
    struct Inputs {
        order: String,
        policy: Option<String>,
        at: Option<String>,
    }

    /// Runs the command line; `Ok` is what to print and the exit status, `Err` the message for
    /// stderr (exit 2).
    pub fn run(args: &[String]) -> Result<Printed, String> {
        match parse_args(args)? {
            Command::Help => Ok(Printed::out(USAGE.to_owned(), 0)),
            Command::Assess(inputs) => {
                let (order, policy, at) = read_inputs(&inputs)?;
                Ok(Printed::out(pretty(&assess(&order, &policy, at))?, 0))
            }
            Command::Policy(file) => {
                let (policy, given) = match &file {
                    Some(path) => {
                        let text = read(path)?;
                        let policy = document_text::<Policy>(path, &text)?;
                        // It read, so it is JSON.
                        let given = serde_json::from_str(&text).map_err(|e| e.to_string())?;
                        (policy, Some(given))
                    }
                    None => (Policy::default(), None),
                };
                Ok(Printed {
                    stdout: pretty(&policy)?,
                    stderr: provenance(&policy, given.as_ref())?,
                    status: 0,
                })
            }
            Command::Verify { inputs, request } => {
                let (order, policy, at) = read_inputs(&inputs)?;
                let request_value = document::<Request>(&request)?;
                let verification = verify(&order, &policy, &request_value, at);
                // A rejection is an answer, not an error: printed, with its own status.
                let status = if verification.accepted { 0 } else { 1 };
                Ok(Printed::out(pretty(&verification)?, status))
            }
            Command::Import {
                from,
                file,
                options,
            } => run_import(from, &file, &options),
            Command::PreviewReturn { inputs, proposal } => {
                let (order, policy, at) = read_inputs(&inputs)?;
                let proposal_value = document::<ReturnProposal>(&proposal)?;
                // A proposal that does not fit the order is bad input too, with its path.
                let preview = preview_return(&order, &policy, &proposal_value, at)
                    .map_err(|e| format!("{proposal}: {e}"))?;
                Ok(Printed::out(pretty(&preview)?, 0))
            }
        }
    }

    /// `import`: the converted document on stdout, its notes on stderr (one a line, naming
    /// the file and the source's field); bad input is an error naming the file and the field.
    fn run_import(from: Source, file: &str, options: &Options) -> Result<Printed, String> {
        let text = read(file)?;
        // The engine's own reader (numbers keep their text), as for the other documents; what
        // it refuses, serde_json says where.
        let Some(tree) = json::parse_text(&text) else {
            return Err(match serde_json::from_str::<serde::de::IgnoredAny>(&text) {
                Err(e) => format!("{file}: malformed JSON: {e}"),
                Ok(_) => format!(
                    "{file}: expected a document nested at most {} levels deep, found one \
                     nested deeper",
                    json::MAX_DEPTH
                ),
            });
        };
        let imported = import(from, &tree, options).map_err(|e| {
            let what = match from.produces() {
                Produces::Order => "order",
                Produces::Shipment => "shipment",
            };
            format!("{file}: {e} (reading it as {} for one {what})", from.name())
        })?;
        let mut stderr = String::new();
        for note in &imported.notes {
            let at = if note.path.is_empty() {
                String::new()
            } else {
                format!("{}: ", note.path)
            };
            stderr.push_str(&format!("order-help: {file}: note: {at}{}\n", note.message));
        }
        Ok(Printed {
            stdout: pretty(&imported.document)?,
            stderr,
            status: 0,
        })
    }

    /// `import --from SOURCE FILE [OPTIONS]`.
    fn parse_import(args: &mut std::slice::Iter<'_, String>) -> Result<Command, String> {
        let usage_error = |what: String| format!("{what}\n\n{USAGE}");
        let (mut from, mut file) = (None, None);
        let mut options = Options::default();
        while let Some(arg) = args.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
                _ => (arg.as_str(), None),
            };
            if !flag.starts_with('-') {
                if let Some(first) = file.replace(arg.clone()) {
                    return Err(usage_error(format!(
                        "expected one file to import, found {first:?} and {arg:?}"
                    )));
                }
                continue;
            }
            let slot = match flag {
                "-h" | "--help" => return Ok(Command::Help),
                "--from" => &mut from,
                "--seller-name" => &mut options.seller_name,
                "--seller-kind" => &mut options.seller_kind,
                "--fulfilled-by" => &mut options.fulfilled_by,
                "--payment-method" => &mut options.payment_method,
                "--assume-zone" => &mut options.assume_zone,
                "--shipment-id" => &mut options.shipment_id,
                other => return Err(usage_error(format!("unknown option {other:?}"))),
            };
            let Some(value) = inline.or_else(|| args.next().cloned()) else {
                return Err(usage_error(format!("expected a value after {flag}")));
            };
            if slot.replace(value).is_some() {
                return Err(usage_error(format!("{flag} is given twice")));
            }
        }
        let names = || {
            Source::ALL
                .iter()
                .map(|s| s.name())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let Some(from) = from else {
            return Err(usage_error(format!("expected --from ({})", names())));
        };
        let Some(source) = Source::parse(&from) else {
            return Err(usage_error(format!(
                "expected --from {}, found {from:?}",
                names()
            )));
        };
        let Some(file) = file else {
            return Err(usage_error("expected the file to import".to_owned()));
        };
        // An option the source's converter does not read is a mistake, not a no-op.
        let order_only = [
            ("--seller-name", &options.seller_name),
            ("--seller-kind", &options.seller_kind),
            ("--fulfilled-by", &options.fulfilled_by),
            ("--payment-method", &options.payment_method),
        ];
        let misplaced = match source.produces() {
            Produces::Shipment => order_only
                .iter()
                .find(|(_, value)| value.is_some())
                .map(|(flag, _)| format!("{flag} is for orders (shopify, woocommerce)")),
            Produces::Order => options
                .shipment_id
                .is_some()
                .then(|| "--shipment-id is for trackers (easypost, aftership)".to_owned()),
        };
        if let Some(what) = misplaced {
            return Err(usage_error(format!("{what}, not for {}", source.name())));
        }
        Ok(Command::Import {
            from: source,
            file,
            options,
        })
    }

    /// Pretty JSON and a final newline.
    fn pretty(value: &impl serde::Serialize) -> Result<String, String> {
        let json = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
        Ok(format!("{json}\n"))
    }

    /// Where each field of the effective policy comes from, as a table for stderr: its path,
    /// `file` (the file gives it), `file+default` (the file edits the default list:
    /// `{"add", "remove"}`) or `default`, and its value (long ones cut).
    fn provenance(policy: &Policy, given: Option<&serde_json::Value>) -> Result<String, String> {
        let effective = serde_json::to_value(policy).map_err(|e| e.to_string())?;
        let at = |value: &serde_json::Value, path: &str| {
            path.split('.')
                .try_fold(value, |v, name| v.get(name))
                .cloned()
        };
        let mut rows = vec![("field".to_owned(), "from", "value".to_owned())];
        for path in Policy::field_paths() {
            let from = match given.and_then(|g| at(g, &path)) {
                Some(serde_json::Value::Object(_))
                    if at(&effective, &path).is_some_and(|v| v.is_array()) =>
                {
                    "file+default"
                }
                Some(_) => "file",
                None => "default",
            };
            let value = at(&effective, &path).unwrap_or_default().to_string();
            let value = match value.char_indices().nth(72) {
                Some((cut, _)) => format!("{}…", &value[..cut]),
                None => value,
            };
            rows.push((path, from, value));
        }
        let width = rows.iter().map(|(p, _, _)| p.len()).max().unwrap_or(0);
        let mut table = String::new();
        for (path, from, value) in rows {
            table.push_str(&format!("{path:width$}  {from:12}  {value}\n"));
        }
        Ok(table)
    }

    /// The order, the policy (default when absent) and the instant (now when absent).
    fn read_inputs(inputs: &Inputs) -> Result<(Order, Policy, Instant), String> {
        let order = document::<Order>(&inputs.order)?;
        let policy = match &inputs.policy {
            Some(path) => document::<Policy>(path)?,
            None => Policy::default(),
        };
        let at = match &inputs.at {
            Some(text) => Instant::parse_rfc3339(text).map_err(|e| format!("--at: {e}"))?,
            None => now(),
        };
        Ok((order, policy, at))
    }

    /// The document in the file at `path`; an error names the file.
    fn document<T: Readable>(path: &str) -> Result<T, String> {
        document_text(path, &read(path)?)
    }

    /// The document in `text` (of the file at `path`): every problem of it, one a line, each
    /// naming the file and the field, in the document's order (at most
    /// [`limits::MAX_PROBLEMS`], and then a line saying the list stops there).
    fn document_text<T: Readable>(path: &str, text: &str) -> Result<T, String> {
        read_text_reporting_all(text).map_err(|problems| {
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

    fn parse_args(args: &[String]) -> Result<Command, String> {
        let mut args = args.iter();
        let usage_error = |what: String| format!("{what}\n\n{USAGE}");
        let command = match args.next().map(String::as_str) {
            None => {
                return Err(usage_error(
                    "expected a command (assess, preview-return, verify, policy, import)"
                        .to_owned(),
                ))
            }
            Some("-h" | "--help" | "help") => return Ok(Command::Help),
            Some("import") => return parse_import(&mut args),
            Some(name @ ("assess" | "preview-return" | "verify")) => name,
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
        let (mut order, mut policy, mut at, mut proposal, mut request) =
            (None, None, None, None, None);
        while let Some(arg) = args.next() {
            // Both `--order FILE` and `--order=FILE`.
            let (flag, inline) = match arg.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
                _ => (arg.as_str(), None),
            };
            let slot = match flag {
                "-h" | "--help" => return Ok(Command::Help),
                "--order" => &mut order,
                "--policy" => &mut policy,
                "--at" => &mut at,
                "--proposal" if command == "preview-return" => &mut proposal,
                "--request" if command == "verify" => &mut request,
                other => return Err(usage_error(format!("unknown option {other:?}"))),
            };
            let value = match inline.or_else(|| args.next().cloned()) {
                Some(value) => value,
                None => return Err(usage_error(format!("expected a value after {flag}"))),
            };
            if slot.replace(value).is_some() {
                return Err(usage_error(format!("{flag} is given twice")));
            }
        }
        let Some(order) = order else {
            return Err(usage_error("expected --order FILE".to_owned()));
        };
        let inputs = Inputs { order, policy, at };
        match command {
            "assess" => return Ok(Command::Assess(inputs)),
            "verify" => {
                let Some(request) = request else {
                    return Err(usage_error("expected --request FILE".to_owned()));
                };
                return Ok(Command::Verify { inputs, request });
            }
            _ => {}
        }
        let Some(proposal) = proposal else {
            return Err(usage_error("expected --proposal FILE".to_owned()));
        };
        Ok(Command::PreviewReturn { inputs, proposal })
    }

    /// The file's text: its size is checked before it is read (`engine::limits`), and a UTF-8
    /// byte-order mark at its start (as some Windows editors save JSON) is dropped.
    fn read(path: &str) -> Result<String, String> {
        let cannot = |e: std::io::Error| format!("{path}: cannot read it: {e}");
        let size = std::fs::metadata(path).map_err(cannot)?.len();
        limits::check_document_size(usize::try_from(size).unwrap_or(usize::MAX))
            .map_err(|e| format!("{path}: {e}"))?;
        let text = std::fs::read_to_string(path).map_err(cannot)?;
        Ok(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        })
    }

    /// The system clock (the engine never reads it).
    fn now() -> Instant {
        match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(since) => {
                Instant::from_unix_seconds(i64::try_from(since.as_secs()).unwrap_or(i64::MAX))
            }
            Err(before) => {
                let secs = i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX);
                Instant::from_unix_seconds(-secs)
            }
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
            ];
            for (list, expected) in table {
                assert_eq!(parse_args(&args(&list)), expected, "{list:?}");
            }
        }

        #[test]
        fn parses_import_with_every_option_of_its_source() {
            let parsed = parse_args(&args(&[
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
            ]));
            let some = |s: &str| Some(s.to_owned());
            assert_eq!(
                parsed,
                Ok(Command::Import {
                    from: Source::WooCommerce,
                    file: "o.json".to_owned(),
                    options: Options {
                        seller_kind: some("marketplace"),
                        fulfilled_by: some("seller"),
                        seller_name: some("Shop"),
                        payment_method: some("paypal"),
                        assume_zone: some("Europe/Amsterdam"),
                        shipment_id: None,
                    },
                })
            );
            let tracker = parse_args(&args(&[
                "import",
                "--from",
                "easypost",
                "t.json",
                "--shipment-id=S1",
            ]));
            let Ok(Command::Import { options, .. }) = tracker else {
                panic!("{tracker:?}")
            };
            assert_eq!(options.shipment_id, some("S1"));
            let err = parse_args(&args(&["import", "--from", "x", "--from", "y"])).unwrap_err();
            assert!(err.starts_with("--from is given twice"), "{err}");
            let err = parse_args(&args(&[
                "import",
                "--from",
                "easypost",
                "t.json",
                "--seller-kind=retailer",
            ]))
            .unwrap_err();
            assert!(
                err.starts_with(
                    "--seller-kind is for orders (shopify, woocommerce), not for easypost"
                ),
                "{err}"
            );
            let err = parse_args(&args(&[
                "import",
                "--from",
                "shopify",
                "o.json",
                "--shipment-id",
                "S",
            ]))
            .unwrap_err();
            assert!(
                err.starts_with(
                    "--shipment-id is for trackers (easypost, aftership), not for shopify"
                ),
                "{err}"
            );
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
}
