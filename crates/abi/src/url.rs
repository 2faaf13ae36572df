//! URL schemes as the browser's URL parser finds them, and the URLs of a `srcset` value: shared by
//! the attribute rules ([`crate::rules`]) and the CSS checker ([`crate::css`]). No allocation.

use crate::code::REFUSED_URL;
use crate::policy::UrlPolicy;

/// The scheme of a URL a component wrote, as far as the rules care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// No scheme: the URL resolves against the page's URL.
    Relative,
    /// `http:`.
    Http,
    /// `https:`.
    Https,
    /// `mailto:`.
    Mailto,
    /// `tel:`.
    Tel,
    /// Any other scheme (`javascript:`, `data:`, `blob:`, `foo:` ...).
    Other,
}

/// The scheme of `url` as the WHATWG URL parser finds it: leading C0 controls and spaces are
/// skipped, ASCII tab, LF and CR are ignored anywhere, and a scheme is an ASCII letter followed by
/// letters, digits, `+`, `-` or `.`, then `:`; compared ASCII case-insensitively. Anything else
/// is [`Scheme::Relative`], as the parser then resolves it against the base URL.
pub fn scheme(url: &str) -> Scheme {
    let mut bytes = url
        .bytes()
        .skip_while(|&b| b <= b' ')
        .filter(|&b| !matches!(b, b'\t' | b'\n' | b'\r'));
    let mut head = [0u8; 6];
    let mut n = 0;
    for b in bytes.by_ref() {
        if b == b':' && n > 0 {
            return match head.get(..n) {
                Some(b"http") => Scheme::Http,
                Some(b"https") => Scheme::Https,
                Some(b"mailto") => Scheme::Mailto,
                Some(b"tel") => Scheme::Tel,
                _ => Scheme::Other,
            };
        }
        let ok = if n == 0 {
            b.is_ascii_alphabetic()
        } else {
            b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')
        };
        if !ok {
            break;
        }
        if let Some(slot) = head.get_mut(n) {
            *slot = b.to_ascii_lowercase();
        }
        n = n.saturating_add(1);
    }
    Scheme::Relative
}

/// Checks one URL a component wrote: the empty value and a fragment-only URL (`#x`) pass;
/// relative, `http:` and `https:` URLs pass when `urls` allows them; `mailto:` and `tel:` pass
/// (without asking `urls`) only when `links` is set (`href`); every other scheme is refused.
/// The error is `refused-url`.
pub fn check(url: &str, links: bool, urls: &impl UrlPolicy) -> Result<(), i32> {
    if url.is_empty() || url.starts_with('#') {
        return Ok(());
    }
    let ok = match scheme(url) {
        Scheme::Relative | Scheme::Http | Scheme::Https => urls.allows(url),
        Scheme::Mailto | Scheme::Tel => links,
        Scheme::Other => false,
    };
    if ok {
        Ok(())
    } else {
        Err(REFUSED_URL)
    }
}

/// HTML's ASCII whitespace.
fn html_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

/// The candidate URLs of a `srcset` value, as the HTML parser of `srcset` extracts them: skip
/// whitespace and commas; the URL runs to the next whitespace, without its trailing commas (which
/// end the candidate); otherwise its descriptors run to a comma outside parentheses.
pub fn srcset_urls(value: &str) -> impl Iterator<Item = &str> {
    let mut rest = value;
    core::iter::from_fn(move || {
        let s = rest.trim_start_matches(|c: char| c == ',' || (c.is_ascii() && html_ws(c as u8)));
        let len = s.bytes().position(html_ws).unwrap_or(s.len());
        let url = s.get(..len)?;
        let mut tail = s.get(len..).unwrap_or("");
        let trimmed = url.trim_end_matches(',');
        if trimmed.len() == url.len() {
            tail = after_descriptors(tail);
        }
        rest = tail;
        (!trimmed.is_empty()).then_some(trimmed)
    })
}

/// What follows a candidate's descriptors: after the first comma outside parentheses (the
/// parser's "in parens" state ends at the first `)`, it does not nest), or the empty string.
fn after_descriptors(s: &str) -> &str {
    let mut parens = false;
    for (i, b) in s.bytes().enumerate() {
        match b {
            b'(' => parens = true,
            b')' => parens = false,
            b',' if !parens => return s.get(i + 1..).unwrap_or(""),
            _ => {}
        }
    }
    ""
}
