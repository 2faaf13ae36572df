//! Splitting a URL reference into its RFC 3986 parts, refusing what the manifest does not accept.

use super::UrlError;
use crate::limits::MAX_STRING_BYTES;
use crate::scan::{cut, find, is_space, split_once};

/// The five parts of a URI reference (RFC 3986, appendix B). Absent and empty differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Parts<'a> {
    pub scheme: Option<&'a str>,
    pub authority: Option<&'a str>,
    pub path: &'a str,
    pub query: Option<&'a str>,
    pub fragment: Option<&'a str>,
}

/// Checks that `url` is a reference the manifest accepts: relative, `//host/...`, or absolute
/// `http:`/`https:` with a host.
pub(crate) fn check_url(url: &str) -> Result<(), UrlError> {
    parse(url).map(|_| ())
}

/// Splits and checks `url`.
pub(crate) fn parse(url: &str) -> Result<Parts<'_>, UrlError> {
    check_characters(url)?;
    // A scheme is what comes before a ':' that precedes every '/', '?' and '#'.
    let delimiter = url
        .bytes()
        .position(|b| matches!(b, b':' | b'/' | b'?' | b'#'));
    let (scheme, rest) = match delimiter.filter(|&i| url.as_bytes().get(i) == Some(&b':')) {
        Some(colon) => {
            let (scheme, rest) = cut(url, colon);
            (Some(check_scheme(scheme)?), rest)
        }
        None => (None, url),
    };
    let (rest, fragment) = split_opt(rest, b'#');
    let (rest, query) = split_opt(rest, b'?');
    let (authority, path) = match rest.strip_prefix("//") {
        Some(after) => match find(after, b'/').and_then(|end| after.split_at_checked(end)) {
            Some((authority, path)) => (Some(authority), path),
            None => (Some(after), ""),
        },
        None => (None, rest),
    };
    match authority {
        Some(authority) => check_authority(authority)?,
        None if scheme.is_some() => return Err(UrlError::MissingHost),
        None => {}
    }
    Ok(Parts {
        scheme,
        authority,
        path,
        query,
        fragment,
    })
}

/// `s` before its first `byte`, and what follows it when there is one.
fn split_opt(s: &str, byte: u8) -> (&str, Option<&str>) {
    match split_once(s, byte) {
        Some((before, after)) => (before, Some(after)),
        None => (s, None),
    }
}

fn check_characters(url: &str) -> Result<(), UrlError> {
    if url.is_empty() {
        return Err(UrlError::Empty);
    }
    if url.len() > MAX_STRING_BYTES {
        return Err(UrlError::TooLong(url.len()));
    }
    let bytes = url.as_bytes();
    for (i, c) in url.char_indices() {
        // Allowed ASCII is neither whitespace nor a control character: one test for most URLs.
        if !allowed(c) {
            return Err(if is_space(c) {
                UrlError::Whitespace
            } else if c.is_control() {
                UrlError::ControlCharacter
            } else {
                UrlError::Character(c)
            });
        }
        if c == '%' {
            let hex = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_hexdigit);
            if !hex(i + 1) || !hex(i + 2) {
                return Err(UrlError::BadPercentEncoding);
            }
        }
    }
    Ok(())
}

/// The ASCII characters RFC 3986 allows unencoded: letters, digits, `-._~:/?#[]@!$&'()*+,;=`
/// and `%` (checked apart). Bit `c % 8` of byte `c / 8` is set for each; a byte table is
/// smaller code in wasm than a `match` or a `u128` mask.
const ALLOWED_ASCII: [u8; 16] = {
    let mut set = [0u8; 16];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        let mut allowed = b.is_ascii_alphanumeric();
        let punctuation = b"-._~:/?#[]@!$&'()*+,;=%";
        let mut i = 0;
        while i < punctuation.len() {
            allowed |= punctuation[i] == b;
            i += 1;
        }
        if allowed {
            set[c / 8] |= 1 << (c % 8);
        }
        c += 1;
    }
    set
};

/// Allowed ASCII (see [`ALLOWED_ASCII`]), and non-ASCII characters that are neither whitespace
/// nor control characters.
fn allowed(c: char) -> bool {
    match u8::try_from(c) {
        Ok(b) if b.is_ascii() => ALLOWED_ASCII[usize::from(b >> 3)] >> (b & 7) & 1 == 1,
        _ => !is_space(c) && !c.is_control(),
    }
}

/// Returns the scheme when it is `http` or `https` (any case).
fn check_scheme(scheme: &str) -> Result<&str, UrlError> {
    let valid = scheme
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic())
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    if !valid {
        return Err(UrlError::InvalidScheme(scheme.into()));
    }
    let lower = scheme.to_ascii_lowercase();
    match lower.as_str() {
        "http" | "https" => Ok(scheme),
        "javascript" | "vbscript" | "data" => Err(UrlError::ForbiddenScheme(lower)),
        _ => Err(UrlError::UnsupportedScheme(lower)),
    }
}

fn check_authority(authority: &str) -> Result<(), UrlError> {
    if find(authority, b'@').is_some() {
        return Err(UrlError::Credentials);
    }
    let (host, port) = if let Some(ipv6) = authority.strip_prefix('[') {
        let Some((inside, after)) = split_once(ipv6, b']') else {
            return Err(UrlError::MissingHost);
        };
        if inside.is_empty()
            || !inside
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        {
            return Err(UrlError::MissingHost);
        }
        match after {
            "" => (inside, None),
            after => match after.strip_prefix(':') {
                Some(port) => (inside, Some(port)),
                None => return Err(UrlError::BadPort(after.into())),
            },
        }
    } else {
        split_opt(authority, b':')
    };
    if host.is_empty() || host.bytes().any(|b| b == b'[' || b == b']') {
        return Err(UrlError::MissingHost);
    }
    match port {
        Some(port) if !valid_port(port) => Err(UrlError::BadPort(port.into())),
        _ => Ok(()),
    }
}

/// An empty port (allowed by RFC 3986) or a number from 0 to 65535.
fn valid_port(port: &str) -> bool {
    port.len() <= 5
        && port.bytes().all(|b| b.is_ascii_digit())
        && port.bytes().fold(0u32, |n, b| n * 10 + u32::from(b - b'0')) <= 65535
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One character as a URL: the first problem the rules name, in their order (whitespace,
    /// control character, a character RFC 3986 does not allow unencoded).
    fn first_problem(c: char) -> Option<UrlError> {
        let punctuation = "-._~:/?#[]@!$&'()*+,;=%";
        if is_space(c) {
            Some(UrlError::Whitespace)
        } else if c.is_control() {
            Some(UrlError::ControlCharacter)
        } else if c.is_ascii() && !c.is_ascii_alphanumeric() && !punctuation.contains(c) {
            Some(UrlError::Character(c))
        } else {
            None
        }
    }

    #[test]
    fn every_character_is_classified_as_the_rules_say() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let mut url = String::from("a");
            url.push(c);
            url.push_str("00");
            assert_eq!(check_characters(&url).err(), first_problem(c), "{c:?}");
        }
    }
}
