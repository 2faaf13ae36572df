//! The network policy's interface: which URLs a component may request or navigate to. The rules
//! in [`crate::rules`] and [`crate::css`] find every URL a component writes and check its scheme;
//! a [`UrlPolicy`] then decides by origin. The browser host resolves URLs with the browser's own
//! URL parser (no parser differential); native code (tests, the SDK's fake) uses [`StaticOrigins`].

/// Decides whether a URL a component wrote may be requested or navigated to: the network policy.
pub trait UrlPolicy {
    /// `url` exactly as the browser will see it (CSS escapes already decoded), whose scheme is
    /// absent (relative) or `http`/`https`. `true` when its origin is allowed.
    fn allows(&self, url: &str) -> bool;
}

/// A policy for native code (tests, the SDK's fake): relative URLs resolve against
/// `base_origin` (`"https://app.example"`); `allowed` lists the permitted origins
/// (`scheme://host[:port]`, lowercase, no default port).
pub struct StaticOrigins<'a> {
    /// The origin relative URLs resolve against (the page's).
    pub base_origin: &'a str,
    /// The origins a component may reach.
    pub allowed: &'a [&'a str],
}

impl UrlPolicy for StaticOrigins<'_> {
    fn allows(&self, url: &str) -> bool {
        let origin = origin_of(url, self.base_origin);
        self.allowed.iter().any(|a| a.eq_ignore_ascii_case(&origin))
    }
}

/// A policy that allows every URL (for callers that check nothing).
pub struct AnyOrigin;

impl UrlPolicy for AnyOrigin {
    fn allows(&self, _: &str) -> bool {
        true
    }
}

/// The origin of `url` (after tab and newline removal, as the URL parser does), or of `base`
/// for a path-relative URL. A simplified parser for native use: a backslash counts as a slash,
/// as it does for http(s) URLs; userinfo is dropped; the default port is removed.
fn origin_of(url: &str, base: &str) -> alloc::string::String {
    use alloc::string::String;
    let clean: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|&c| c != '\t' && c != '\n' && c != '\r')
        .map(|c| if c == '\\' { '/' } else { c })
        .collect();
    let lower = clean.to_ascii_lowercase();
    let (scheme, rest) = if let Some(rest) = lower.strip_prefix("https:") {
        ("https", rest)
    } else if let Some(rest) = lower.strip_prefix("http:") {
        ("http", rest)
    } else if lower.starts_with("//") {
        (base.split(':').next().unwrap_or("https"), lower.as_str())
    } else {
        return base.into();
    };
    let rest = rest.trim_start_matches('/');
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    let default = if scheme == "https" { ":443" } else { ":80" };
    let host = host.strip_suffix(default).unwrap_or(host);
    let mut out = String::from(scheme);
    out.push_str("://");
    out.push_str(host);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_resolve_like_a_browser_for_the_common_forms() {
        let p = StaticOrigins {
            base_origin: "https://app.example",
            allowed: &["https://app.example", "https://cdn.example:8443"],
        };
        for ok in [
            "a.png",
            "/a.png",
            "?q",
            "#x",
            "https://app.example/x",
            "HTTPS://APP.EXAMPLE:443/x",
            "//app.example/x",
            "https://cdn.example:8443/f.woff2",
            "https://user@app.example/",
        ] {
            assert!(p.allows(ok), "{ok}");
        }
        for refused in [
            "https://evil.example/x",
            "//evil.example/x",
            "/\\evil.example/x",
            "\\\\evil.example",
            "http://app.example/x",
            "https://cdn.example/x",
            "https://app.example@evil.example/",
            "ht\ttps://evil.example/",
        ] {
            assert!(!p.allows(refused), "{refused}");
        }
        assert!(AnyOrigin.allows("https://evil.example/"));
    }
}
