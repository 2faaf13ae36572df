//! Subresource Integrity strings: `sha256-|sha384-|sha512-` followed by the digest in base64.

use alloc::string::String;

use crate::text::{cat, int, quoted};

/// The hash algorithms SRI defines, with the base64 length of their digest (padding included)
/// and how many of those characters are `=` padding.
const ALGORITHMS: [(&str, usize, usize); 3] =
    [("sha256", 44, 1), ("sha384", 64, 0), ("sha512", 88, 2)];

/// Checks an `integrity` value: one or more hash expressions separated by spaces, each
/// `<algorithm>-<base64 digest>` with the exact length the algorithm's digest has.
/// Returns the message of the first problem.
pub(crate) fn check_integrity(integrity: &str) -> Result<(), String> {
    if integrity
        .chars()
        .any(|c| c != ' ' && (c.is_whitespace() || c.is_control()))
    {
        return Err(cat(&[
            "must separate hashes with spaces only, got ",
            &quoted(integrity),
        ]));
    }
    let mut hashes = 0;
    for hash in integrity.split(' ').filter(|h| !h.is_empty()) {
        check_hash(hash)?;
        hashes += 1;
    }
    if hashes == 0 {
        return Err(cat(&[
            "must name at least one hash, got ",
            &quoted(integrity),
        ]));
    }
    Ok(())
}

fn check_hash(hash: &str) -> Result<(), String> {
    let (algorithm, digest) = hash.split_once('-').unwrap_or((hash, ""));
    let Some(&(_, len, pad)) = ALGORITHMS.iter().find(|(name, _, _)| *name == algorithm) else {
        return Err(cat(&[
            "unsupported hash algorithm in ",
            &quoted(hash),
            ", expected sha256-, sha384- or sha512-",
        ]));
    };
    if digest.contains('?') {
        return Err(cat(&[
            "options after '?' are not supported, got ",
            &quoted(hash),
        ]));
    }
    let data = digest.trim_end_matches('=');
    let padding = digest.len() - data.len();
    let base64 = |b: u8| b.is_ascii_alphanumeric() || b == b'+' || b == b'/';
    if !data.bytes().all(base64) || padding > 2 {
        return Err(cat(&["digest is not base64 in ", &quoted(hash)]));
    }
    if digest.len() != len || padding != pad {
        let mut message = cat(&[
            algorithm,
            " digest must be ",
            &int((len - pad) as i64),
            " base64 characters",
        ]);
        message.push_str(match pad {
            1 => " followed by \"=\"",
            2 => " followed by \"==\"",
            _ => " without padding",
        });
        message.push_str(", got ");
        message.push_str(&int(data.len() as i64));
        message.push_str(" characters and ");
        message.push_str(&int(padding as i64));
        message.push_str(" '=' in ");
        message.push_str(&quoted(hash));
        return Err(message);
    }
    Ok(())
}
