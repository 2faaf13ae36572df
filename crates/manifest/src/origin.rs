//! `capabilities.origins`: each origin written as the browser serializes one, so the host can
//! compare it with a URL's origin as text: `http://` or `https://`, a lowercase ASCII host (a
//! name, an IPv4 address or a bracketed IPv6 address), and a port only when it is not the
//! scheme's default; no path, query, fragment, user name or trailing `/`.

use crate::limits::MAX_STRING_BYTES;
use crate::scan::{cut, find};
use crate::text::{too_long, Msg};

/// Checks one origin; returns the message of its problem (without the value).
pub(crate) fn check_origin(origin: &str) -> Result<(), Msg> {
    let bytes = origin.as_bytes();
    if bytes.len() > MAX_STRING_BYTES {
        return Err(too_long(MAX_STRING_BYTES, " bytes", bytes.len()));
    }
    let fixed = if bytes.iter().any(u8::is_ascii_uppercase) {
        "must be lowercase"
    } else if let Some((rest, default_port)) = scheme(origin) {
        let (host, port) = split_port(rest);
        if rest.bytes().any(|b| matches!(b, b'/' | b'?' | b'#')) {
            "must not have a path, query, fragment or trailing '/'"
        } else if find(rest, b'@').is_some() {
            "must not contain a user name or password"
        } else if host.is_empty() {
            "must name a host"
        } else if !valid_host(host) {
            "has an invalid host: use ascii letters, digits, '-', '_' and '.' (punycode for other names) or [ipv6]"
        } else {
            match port {
                Some(port) if !valid_port(port) => {
                    "has an invalid port: use 1 to 65535, without leading zeros"
                }
                Some(port) if port == default_port => {
                    let message = Msg::new("must leave out the default port ").s(port).take();
                    return Err(message);
                }
                _ => return Ok(()),
            }
        }
    } else {
        "must start with \"http://\" or \"https://\""
    };
    Err(Msg::new(fixed))
}

/// What follows `http://` or `https://`, and that scheme's default port.
fn scheme(origin: &str) -> Option<(&str, &'static str)> {
    let bytes = origin.as_bytes();
    if bytes.starts_with(b"https://") {
        Some((origin.get(8..)?, "443"))
    } else if bytes.starts_with(b"http://") {
        Some((origin.get(7..)?, "80"))
    } else {
        None
    }
}

/// `host[:port]` split at the port's `:` (after the `]` of an IPv6 address).
fn split_port(rest: &str) -> (&str, Option<&str>) {
    let from = if rest.as_bytes().first() == Some(&b'[') {
        find(rest, b']').unwrap_or(0)
    } else {
        0
    };
    let after = rest.get(from..).unwrap_or("");
    match find(after, b':') {
        Some(i) => {
            let (host, port) = cut(rest, from + i);
            (host, Some(port))
        }
        None => (rest, None),
    }
}

/// A lowercase name or IPv4 address (labels of `[a-z0-9_-]` between single dots), or an IPv6
/// address in brackets (`[` hex digits, `:` and `.` `]`, with at least one `:`).
fn valid_host(host: &str) -> bool {
    let bytes = host.as_bytes();
    if let Some(inner) = bytes.strip_prefix(b"[").and_then(|b| b.strip_suffix(b"]")) {
        return inner.contains(&b':')
            && inner.iter().all(|&b| {
                b.is_ascii_digit() || (b'a'..=b'f').contains(&b) || b == b':' || b == b'.'
            });
    }
    !bytes.is_empty()
        && bytes.split(|&b| b == b'.').all(|label| {
            !label.is_empty()
                && label.iter().all(|&b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_'
                })
        })
}

/// 1 to 65535 in decimal, without leading zeros.
fn valid_port(port: &str) -> bool {
    let bytes = port.as_bytes();
    let value = bytes.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    });
    (1..=5).contains(&bytes.len())
        && bytes.first() != Some(&b'0')
        && value.is_some_and(|n| (1..=65535).contains(&n))
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::check_origin;
    use alloc::string::String;

    fn problem(origin: &str) -> Option<String> {
        check_origin(origin).err().map(|m| m.0)
    }

    #[test]
    fn accepts_serialized_origins() {
        for origin in [
            "https://cdn.example.com",
            "http://127.0.0.1:8081",
            "http://localhost",
            "https://xn--caf-dma.example",
            "https://a_b-c.d0",
            "https://[::1]",
            "http://[2001:db8::7]:8080",
            "https://[::ffff:192.0.2.1]:1",
            "https://x:65535",
            "http://x:443",
            "https://x:80",
        ] {
            assert_eq!(problem(origin), None, "{origin}");
        }
    }

    #[test]
    fn refuses_anything_else_saying_why() {
        let path = "must not have a path, query, fragment or trailing '/'";
        let host = "has an invalid host: use ascii letters, digits, '-', '_' and '.' (punycode for other names) or [ipv6]";
        let port = "has an invalid port: use 1 to 65535, without leading zeros";
        let scheme = "must start with \"http://\" or \"https://\"";
        for (origin, expected) in [
            ("", scheme),
            ("cdn.example.com", scheme),
            ("ftp://cdn.example.com", scheme),
            ("//cdn.example.com", scheme),
            ("https:/cdn.example.com", scheme),
            ("https:cdn", scheme),
            ("HTTPS://cdn.example.com", "must be lowercase"),
            ("https://CDN.example.com", "must be lowercase"),
            ("https://cdn.example.com/", path),
            ("https://cdn.example.com/x", path),
            ("https://cdn.example.com?x", path),
            ("https://cdn.example.com#x", path),
            ("https:///x", path),
            (
                "https://user@cdn.example.com",
                "must not contain a user name or password",
            ),
            (
                "https://u:p@cdn.example.com",
                "must not contain a user name or password",
            ),
            ("https://", "must name a host"),
            ("https://:8080", "must name a host"),
            ("https://cdn..example", host),
            ("https://.cdn", host),
            ("https://cdn.", host),
            ("https://caf\u{e9}.example", host),
            ("https://cdn example", host),
            ("https://cdn%41", host),
            ("https://[::1", host),
            ("https://[1.2.3.4]", host),
            ("https://[]", host),
            ("https://[::g]", host),
            ("https://x:", port),
            ("https://x:0", port),
            ("https://x:08081", port),
            ("https://x:65536", port),
            ("https://x:123456", port),
            ("https://x:8o", port),
            ("https://x:1:2", port),
            ("https://[::1]x", host),
            ("https://x:443", "must leave out the default port 443"),
            ("http://x:80", "must leave out the default port 80"),
            ("http://[::1]:80", "must leave out the default port 80"),
        ] {
            assert_eq!(problem(origin).as_deref(), Some(expected), "{origin}");
        }
        assert_eq!(
            problem(&alloc::format!("https://{}", "a".repeat(2041))).as_deref(),
            Some("must be at most 2048 bytes long (is 2049)")
        );
    }
}
