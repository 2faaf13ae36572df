//! The loader's one error type.
//!
//! Every [`Error`] has a stable [`Error::code`] a program can switch on; its message is lowercase
//! and names the bad value. A [`Failure`] adds the component and the state it failed in, and is
//! what JavaScript receives: an `Error` object with `code`, `component`, `state` and, when the
//! browser gave one, `cause`.

use crate::lifecycle::State;
use crate::text::{explained, js_message};
use alloc::string::String;
use tessera_abi::module::Refused;
use tessera_host::codes::dec;
use tessera_host::Fault;
use wasm_bindgen::JsValue;

/// Everything that can go wrong between a manifest URL and a mounted component.
#[derive(Clone, Debug)]
pub(crate) enum Error {
    /// `manifest-invalid`: the manifest is not JSON or breaks a rule; one line per problem.
    ManifestInvalid(String),
    /// `slot-missing`: the slot selector matches no element (or is not a valid selector).
    SlotMissing { selector: String, invalid: bool },
    /// `fetch-failed`: a network error on every attempt; `cause` is the browser's error.
    /// `no_response`: `fetch` itself failed, which to a page looks the same whether the server
    /// was unreachable or a CORS check refused the response (the browser gives both the same
    /// `TypeError`), so the message names both; otherwise the body broke off after the headers.
    FetchFailed {
        url: String,
        attempts: u32,
        cause: JsValue,
        no_response: bool,
    },
    /// `http-status`: the server answered with a status outside 200-299.
    HttpStatus { url: String, status: u16 },
    /// `timeout`: fetching and compiling took longer than the timeout.
    Timeout { url: String, ms: u32 },
    /// `content-type`: the module was not served as `application/wasm`.
    ContentType { url: String, found: String },
    /// `over-budget`: more bytes than `budget.maxBytes` came through the byte gate.
    OverBudget { bytes: u64, max: u64 },
    /// `over-budget` too: Content-Length announced more than `budget.maxBytes`. (A variant of its
    /// own rather than a flag: with one, every `Error` would take 32 bytes instead of 24.)
    OverBudgetAnnounced { bytes: u64, max: u64 },
    /// `integrity`: the body does not match the manifest's `integrity` (Subresource Integrity).
    Integrity { url: String },
    /// `compile-failed`: the bytes are not a valid WebAssembly module.
    CompileFailed(JsValue),
    /// `abi-mismatch`: the module's imports/exports do not fit ABI v1; every item is named.
    AbiMismatch(String),
    /// `instantiate-failed`: instantiation (or a bindgen glue's init) failed for another reason.
    InstantiateFailed(JsValue),
    /// `trap`: the component trapped (or its JS threw) while the host called it.
    Trap(String),
    /// `memory-limit`: the component's memory grew past `budget.maxMemoryPages`.
    MemoryLimit { pages: u32, max: u32 },
    /// `memory-limit` (a memory without a maximum, or one above the cap) or `abi-mismatch`
    /// (a start section, a shared, 64-bit or second memory): the byte gate read it in the
    /// module's sections as they streamed, and nothing was compiled.
    ModuleRefused(Refused),
    /// `abi-violation`: a live component broke the ABI (for example an out-of-bounds pointer).
    AbiViolation(String),
    /// `unresponsive`: a component in a worker did not answer a call within its time.
    Unresponsive { ms: u32 },
    /// `invalid-state`: the lifecycle does not allow this step now.
    InvalidState { from: State, to: State },
    /// `unknown-component`: no component of that name in the manifest.
    UnknownComponent(String),
    /// `cancelled`: the component was unloaded before this operation finished.
    Cancelled,
}

impl Error {
    /// The stable code JavaScript sees as `error.code` and `event.detail.code`.
    pub(crate) fn code(&self) -> &'static str {
        match self {
            Error::ManifestInvalid(_) => "manifest-invalid",
            Error::SlotMissing { .. } => "slot-missing",
            Error::FetchFailed { .. } => "fetch-failed",
            Error::HttpStatus { .. } => "http-status",
            Error::Timeout { .. } => "timeout",
            Error::ContentType { .. } => "content-type",
            Error::OverBudget { .. } | Error::OverBudgetAnnounced { .. } => "over-budget",
            Error::Integrity { .. } => "integrity",
            Error::CompileFailed(_) => "compile-failed",
            Error::AbiMismatch(_) => "abi-mismatch",
            Error::InstantiateFailed(_) => "instantiate-failed",
            Error::Trap(_) => "trap",
            Error::MemoryLimit { .. }
            | Error::ModuleRefused(Refused::NoMaximum { .. } | Refused::OverCap { .. }) => {
                "memory-limit"
            }
            Error::ModuleRefused(_) => "abi-mismatch",
            Error::AbiViolation(_) => "abi-violation",
            Error::Unresponsive { .. } => "unresponsive",
            Error::InvalidState { .. } => "invalid-state",
            Error::UnknownComponent(_) => "unknown-component",
            Error::Cancelled => "cancelled",
        }
    }

    /// The message, lowercase, naming the bad value.
    #[cfg(test)]
    pub(crate) fn message(&self) -> String {
        let mut text = String::new();
        self.write(&mut text);
        text
    }

    /// Appends [`Error::message`] to `text`, piece by piece: one `push_str` per piece is smaller
    /// in wasm than building a list of pieces, and nothing is built twice.
    fn write(&self, text: &mut String) {
        let mut put = |piece: &str| text.push_str(piece);
        match self {
            Error::ManifestInvalid(lines) => {
                put("manifest invalid: ");
                put(lines);
            }
            Error::SlotMissing { selector, invalid } => {
                if *invalid {
                    put("slot missing: '");
                    put(selector);
                    put("' is not a valid selector");
                } else {
                    put("slot missing: no element matches '");
                    put(selector);
                    put("'");
                }
            }
            Error::FetchFailed {
                url,
                attempts,
                cause,
                no_response,
            } => {
                put("fetch failed: ");
                put(url);
                put(": ");
                put(&js_message(cause));
                put(" (");
                put(&dec(*attempts));
                put(if *attempts == 1 {
                    " attempt)"
                } else {
                    " attempts)"
                });
                put(if *no_response {
                    explained(": no response: the server is unreachable, or CORS refused it (another origin must send Access-Control-Allow-Origin)")
                } else {
                    explained(": the response body broke off")
                });
            }
            Error::HttpStatus { url, status } => {
                put("http status ");
                put(&dec(*status));
                put(" for ");
                put(url);
            }
            Error::Timeout { url, ms } => {
                put("timeout: ");
                put(url);
                put(" not loaded after ");
                put(&dec(*ms));
                put(" ms");
            }
            Error::ContentType { url, found } => {
                put("content type '");
                put(found);
                put("' for ");
                put(url);
                put(explained(", expected 'application/wasm'"));
            }
            Error::OverBudget { bytes, max } | Error::OverBudgetAnnounced { bytes, max } => {
                put("over budget: ");
                put(&dec(*bytes));
                put(match self {
                    Error::OverBudgetAnnounced { .. } => " bytes announced by content-length",
                    _ => " bytes streamed",
                });
                put(", maxBytes is ");
                put(&dec(*max));
            }
            Error::Integrity { url } => {
                put("integrity: ");
                put(url);
                put(explained(" does not match the manifest's integrity hash"));
            }
            Error::CompileFailed(cause) => {
                put("compile failed: ");
                put(&js_message(cause));
            }
            Error::AbiMismatch(items) => {
                put("abi mismatch: ");
                put(items);
            }
            Error::InstantiateFailed(cause) => {
                put("instantiate failed: ");
                put(&js_message(cause));
            }
            Error::Trap(text) => {
                put("trap: ");
                put(text);
            }
            Error::MemoryLimit { pages, max } => {
                put("memory limit: ");
                put(&dec(*pages));
                put(" pages, maxMemoryPages is ");
                put(&dec(*max));
            }
            Error::ModuleRefused(refused) => match refused {
                Refused::NoMaximum { .. } => {
                    put("memory limit: the module's memory declares no maximum")
                }
                Refused::OverCap { max, cap } => {
                    put("memory limit: the module's memory may grow to ");
                    put(&dec(*max));
                    put(" pages, maxMemoryPages is ");
                    put(&dec(*cap));
                }
                Refused::StartSection => put("abi mismatch: the module has a start section"),
                Refused::Memory64 => put("abi mismatch: the module's memory is 64-bit"),
                Refused::SharedMemory => put("abi mismatch: the module's memory is shared"),
                Refused::ManyMemories(_) => {
                    put("abi mismatch: the module defines several memories")
                }
                _ => put("abi mismatch: the module's memory section is malformed"),
            },
            Error::AbiViolation(text) => {
                put("abi violation: ");
                put(text);
            }
            Error::Unresponsive { ms } => {
                put("unresponsive: no answer in ");
                put(&dec(*ms));
                put(" ms");
                put(explained(", its worker was ended (budget.maxCallMs)"));
            }
            Error::InvalidState { from, to } => {
                put("invalid transition from ");
                put(from.name());
                put(" to ");
                put(to.name());
            }
            Error::UnknownComponent(name) => {
                put("unknown component '");
                put(name);
                put("'");
            }
            Error::Cancelled => {
                put("cancelled");
                put(explained(": the component was unloaded"));
            }
        }
    }

    /// The browser's own error behind this one, when there is one.
    fn cause(&self) -> Option<&JsValue> {
        match self {
            Error::FetchFailed { cause, .. }
            | Error::CompileFailed(cause)
            | Error::InstantiateFailed(cause) => Some(cause),
            _ => None,
        }
    }

    /// A trap or rejection from a JavaScript call into a component.
    pub(crate) fn trap(error: &JsValue) -> Error {
        Error::Trap(js_message(error))
    }
}

impl From<Fault> for Error {
    fn from(fault: Fault) -> Error {
        match fault {
            Fault::Trap(text) => Error::Trap(text),
            Fault::AbiViolation(text) => Error::AbiViolation(text),
            Fault::MemoryLimit { pages, max } => Error::MemoryLimit { pages, max },
            Fault::Unresponsive { ms } => Error::Unresponsive { ms },
        }
    }
}

/// An [`Error`] with its context: which component, and in which state it happened.
#[derive(Clone, Debug)]
pub(crate) struct Failure {
    /// The component's name; `None` for the manifest itself.
    pub component: Option<String>,
    /// The state the component failed in; `None` when the step was refused before it began.
    pub during: Option<State>,
    /// What went wrong.
    pub error: Error,
}

impl Failure {
    /// A failure of the manifest (no component).
    pub(crate) fn manifest(error: Error) -> Failure {
        Failure {
            component: None,
            during: None,
            error,
        }
    }

    /// `component 'cart' failed while Loading: over budget: ...`, or `component 'cart': ...` for a
    /// refused step, or the bare message for the manifest.
    pub(crate) fn message(&self) -> String {
        let mut text = String::new();
        if let Some(name) = &self.component {
            text.push_str("component '");
            text.push_str(name);
            match self.during {
                Some(state) => {
                    text.push_str("' failed while ");
                    text.push_str(state.name());
                    text.push_str(": ");
                }
                None => text.push_str("': "),
            }
        }
        self.error.write(&mut text);
        text
    }

    /// The JavaScript `Error` a promise rejects with: `{ message, code, component, state, cause? }`.
    pub(crate) fn to_js(&self) -> JsValue {
        crate::sys::tessera_error(
            &self.message(),
            self.error.code(),
            self.component.as_deref(),
            self.during.map(State::id),
            self.error.cause().unwrap_or(&JsValue::UNDEFINED),
        )
    }
}

/// `target[key] = value`, ignoring failures (the targets are plain objects the loader made).
pub(crate) fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &key.into(), value);
}
