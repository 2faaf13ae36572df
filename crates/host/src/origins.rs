//! The network policy in the browser: a URL a component writes (in an attribute or its CSS) may
//! reach only the origins its policy lists: the origin its module came from and the manifest's
//! `capabilities.origins`. `tessera_abi` finds every URL and checks its scheme; this resolves
//! it with the browser's own URL parser against the page, so no second parser can disagree.

use super::js::{self, Table};
use alloc::string::String;
use tessera_abi::policy::UrlPolicy;

/// The allowed origins of one guest (`scheme://host[:port]`, as `URL.origin` writes them).
pub(super) struct Origins<'a> {
    /// The guest's table (its document resolves relative URLs).
    pub table: &'a Table,
    /// The origins the guest may reach.
    pub allowed: &'a [String],
}

impl UrlPolicy for Origins<'_> {
    fn allows(&self, url: &str) -> bool {
        let origin = js::origin(self.table, url);
        !origin.is_empty() && self.allowed.contains(&origin)
    }
}
