//! Subresource Integrity strings: `sha256-|sha384-|sha512-` followed by the digest in base64.

use crate::scan::{any_char, is_space, split_once};
use crate::text::Msg;

/// The hash algorithms SRI defines, with the base64 length of their digest (padding included)
/// and how many of those characters are `=` padding.
const ALGORITHMS: [(&str, usize, usize); 3] =
    [("sha256", 44, 1), ("sha384", 64, 0), ("sha512", 88, 2)];

/// Checks an `integrity` value: one or more hash expressions separated by spaces, each
/// `<algorithm>-<base64 digest>` with the exact length the algorithm's digest has.
/// Returns the message of the first problem.
pub(crate) fn check_integrity(integrity: &str) -> Result<(), Msg> {
    if any_char(integrity, |c| c != ' ' && (is_space(c) || c.is_control())) {
        return Err(problem(
            "must separate hashes with spaces only, got ",
            integrity,
            "",
        ));
    }
    let mut hashes = 0;
    let mut rest = Some(integrity);
    while let Some(text) = rest {
        let (hash, after) = match split_once(text, b' ') {
            Some((hash, after)) => (hash, Some(after)),
            None => (text, None),
        };
        rest = after;
        if !hash.is_empty() {
            check_hash(hash)?;
            hashes += 1;
        }
    }
    if hashes == 0 {
        return Err(problem("must name at least one hash, got ", integrity, ""));
    }
    Ok(())
}

/// `before`, `text` quoted, `after`.
fn problem(before: &str, text: &str, after: &str) -> Msg {
    Msg::new(before).quoted(text).s(after).take()
}

fn check_hash(hash: &str) -> Result<(), Msg> {
    let (algorithm, digest) = split_once(hash, b'-').unwrap_or((hash, ""));
    let Some(&(_, len, pad)) = ALGORITHMS.iter().find(|(name, _, _)| *name == algorithm) else {
        let expected = ", expected sha256-, sha384- or sha512-";
        return Err(problem("unsupported hash algorithm in ", hash, expected));
    };
    // One pass: '=' may only end the digest, everything before it must be base64.
    let (mut padding, mut question, mut base64) = (0, false, true);
    for b in digest.bytes() {
        question |= b == b'?';
        if b == b'=' {
            padding += 1;
        } else {
            base64 &= padding == 0 && (b.is_ascii_alphanumeric() || b == b'+' || b == b'/');
        }
    }
    if question {
        let options = "options after '?' are not supported, got ";
        return Err(problem(options, hash, ""));
    }
    if !base64 || padding > 2 {
        return Err(problem("digest is not base64 in ", hash, ""));
    }
    let data = digest.len() - padding;
    if digest.len() == len && padding == pad {
        return Ok(());
    }
    let expected_padding = match pad {
        1 => " followed by \"=\"",
        2 => " followed by \"==\"",
        _ => " without padding",
    };
    let mut message = Msg::new(algorithm);
    message
        .s(" digest must be ")
        .int((len - pad) as i64)
        .s(" base64 characters")
        .s(expected_padding)
        .s(", got ")
        .int(data as i64)
        .s(" characters and ")
        .int(padding as i64)
        .s(" '=' in ")
        .quoted(hash);
    Err(message)
}
