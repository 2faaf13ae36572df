//! The validated manifest: what a host page, its components and the size-budget CLI agree on.
//!
//! Values of these types come out of [`crate::from_value`] (or [`crate::from_json_str`]), which
//! checks every rule in `docs/manifest.md`; code that holds a [`Manifest`] can rely on them.

use alloc::string::String;
use alloc::vec::Vec;

use crate::value::Value;

/// A validated manifest, version [`crate::MANIFEST_VERSION`].
#[derive(Debug, Clone, PartialEq)]
pub struct Manifest {
    /// `manifestVersion`: always [`crate::MANIFEST_VERSION`].
    pub manifest_version: u32,
    /// `budget`: size budgets for all components together.
    pub budget: TotalBudget,
    /// `components`, in manifest order; names and slots are unique.
    pub components: Vec<Component>,
}

impl Manifest {
    /// The component named `name`.
    pub fn component(&self, name: &str) -> Option<&Component> {
        self.components.iter().find(|c| c.name == name)
    }
}

/// `budget` at the top level: limits on the sum over all components, in bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TotalBudget {
    /// `totalBytes`: raw bytes of every module together.
    pub total_bytes: Option<u64>,
    /// `totalGzipBytes`: gzip-compressed bytes of every module together.
    pub total_gzip_bytes: Option<u64>,
    /// `totalBrotliBytes`: brotli-compressed bytes of every module together.
    pub total_brotli_bytes: Option<u64>,
}

/// One entry of `components`: a module, where it mounts, and what it may do.
#[derive(Debug, Clone, PartialEq)]
pub struct Component {
    /// `name`: unique, `[a-z0-9][a-z0-9_-]{0,63}`.
    pub name: String,
    /// `module`: the module URL as written, relative to the manifest's URL or absolute http(s).
    pub module: String,
    /// `slot`: CSS selector of the element the component mounts into; unique across components.
    pub slot: String,
    /// `integrity`: a Subresource Integrity string for the module, checked by the browser.
    pub integrity: Option<String>,
    /// `kind` (and `glue` for bindgen components).
    pub kind: Kind,
    /// `budget`: this component's size and memory limits.
    pub budget: Budget,
    /// `load`: when the loader fetches and mounts the component.
    pub load: Load,
    /// `props`: any JSON, handed to the component at mount; an empty object when absent.
    pub props: Value,
    /// `capabilities`: the message-bus topics the component may use.
    pub capabilities: Capabilities,
    /// `fallback`: plain text shown in the slot when the component fails.
    pub fallback: Option<String>,
    /// `timeoutMs`: this component's fetch timeout, overriding the loader's default.
    pub timeout_ms: Option<u32>,
    /// `isolation`: where the component's code runs; `None` means the loader's default.
    pub isolation: Option<Isolation>,
}

/// Where an isolated component's code runs (`isolation`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Isolation {
    /// `"main"`: on the page's thread; calls are synchronous.
    Main,
    /// `"worker"`: in a dedicated worker of its own; a component that stops answering is ended
    /// (`budget.maxCallMs`) and cannot freeze the page.
    Worker,
}

impl Isolation {
    /// The value as the manifest writes it: one of [`crate::fields::ISOLATIONS`].
    pub fn as_str(self) -> &'static str {
        match self {
            Isolation::Main => "main",
            Isolation::Worker => "worker",
        }
    }
}

/// How a component is built and mounted (`kind`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// `"isolated"` (the default): a core module speaking the Tessera ABI, sandboxed to its slot.
    Isolated,
    /// `"bindgen"`: a trusted wasm-bindgen build that exports `mount(element)`; no sandbox.
    Bindgen {
        /// `glue`: the URL of its wasm-bindgen JS glue, resolved like `module`.
        glue: String,
    },
}

/// A component's `budget`. Byte limits apply to the module file; `maxMemoryPages` to its memory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Budget {
    /// `maxBytes`: raw module size; the loader stops the download past it.
    pub max_bytes: Option<u64>,
    /// `maxGzipBytes`: gzip-compressed module size (checked by the CLI).
    pub max_gzip_bytes: Option<u64>,
    /// `maxBrotliBytes`: brotli-compressed module size (checked by the CLI).
    pub max_brotli_bytes: Option<u64>,
    /// `maxMemoryPages`: the most 64 KiB pages the component's memory may grow to; the module
    /// must declare a memory maximum no larger (the engine's default cap when absent).
    pub max_memory_pages: Option<u32>,
    /// `maxDomBytes`: the most bytes of text, attribute values and `value` properties the
    /// component may keep in its DOM (the engine's default when absent).
    pub max_dom_bytes: Option<u32>,
    /// `maxCallMs`: how long a component in a worker may take to answer one call before it is
    /// ended as unresponsive (the loader's default when absent).
    pub max_call_ms: Option<u32>,
}

/// When a component is loaded (`load`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Load {
    /// `"eager"` (the default): as soon as the manifest is read.
    #[default]
    Eager,
    /// `"idle"`: when the browser is idle (`requestIdleCallback`).
    Idle,
    /// `"visible"`: when its slot scrolls into view.
    Visible,
    /// `"manual"`: only when the page asks for it.
    Manual,
    /// `{"route": "/cart/*"}`: while the page's path matches the pattern (see [`crate::route_matches`]).
    Route(String),
}

/// A component's `capabilities`: topic patterns it may publish to and subscribe to, and the
/// origins its URLs may reach.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Capabilities {
    /// `publish`: a publish on a topic is allowed when one of these patterns matches it.
    pub publish: Vec<String>,
    /// `subscribe`: a subscription is allowed when one of these patterns covers it.
    pub subscribe: Vec<String>,
    /// `origins`: the origins (`https://cdn.example.com`, `http://127.0.0.1:8081`) the
    /// component's URLs may reach besides the origin its module was served from; distinct,
    /// lowercase, as the browser serializes an origin (no default port).
    pub origins: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::Isolation;
    use crate::fields::ISOLATIONS;

    #[test]
    fn isolation_values_are_the_field_list() {
        let values = [Isolation::Main, Isolation::Worker].map(Isolation::as_str);
        assert_eq!(values, ISOLATIONS);
    }
}
