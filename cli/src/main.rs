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
//! document converted to the contract (`import`), with what it assumed on stderr. Bad usage or
//! input exits with status 2 and every problem of the document (each naming the file and the
//! field path, in the document's order, at most `limits::MAX_PROBLEMS`) on stderr.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let printed = command::main(&args, &Native);
    eprint!("{}", printed.stderr);
    print!("{}", printed.stdout);
    std::process::exit(printed.status);
}

// Workspace builds for wasm32 (Trunk, clippy) compile the tool too; there it is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}

/// The command itself, one source for this tool and the Node package's `npx order-help`
/// (node/src/command.rs): options, output, messages and exit statuses cannot differ.
#[cfg(not(target_arch = "wasm32"))]
#[path = "../../node/src/command.rs"]
mod command;

/// The file system and the system clock (the engine never reads either).
#[cfg(not(target_arch = "wasm32"))]
struct Native;

#[cfg(not(target_arch = "wasm32"))]
impl command::Io for Native {
    fn size(&self, path: &str) -> Result<u64, String> {
        Ok(std::fs::metadata(path).map_err(|e| e.to_string())?.len())
    }

    fn read(&self, path: &str) -> Result<String, String> {
        std::fs::read_to_string(path).map_err(|e| e.to_string())
    }

    fn now(&self) -> order_help_engine::Instant {
        use order_help_engine::Instant;
        use std::time::{SystemTime, UNIX_EPOCH};
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
}
