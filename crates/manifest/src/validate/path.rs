//! JSON paths as problems name them: `components[2].budget.maxBytes`, `props["a key"]`.

use crate::text::{push_escaped, push_int};

/// The path of field `key` in the object at `parent`. Keys that are not plain identifiers are
/// written as quoted brackets (escaped like JSON, never truncated), so a path is always one line
/// and never ambiguous.
pub(crate) fn field(parent: &str, key: &str) -> String {
    let mut out = String::with_capacity(parent.len() + key.len() + 1);
    out.push_str(parent);
    if is_identifier(key) {
        if !parent.is_empty() {
            out.push('.');
        }
        out.push_str(key);
    } else {
        out.push('[');
        push_escaped(&mut out, key, usize::MAX);
        out.push(']');
    }
    out
}

/// The path of item `index` in the array at `parent`.
pub(crate) fn index(parent: &str, index: usize) -> String {
    let mut out = String::with_capacity(parent.len() + 6);
    out.push_str(parent);
    out.push('[');
    push_int(&mut out, index as i64);
    out.push(']');
    out
}

fn is_identifier(key: &str) -> bool {
    key.len() <= 40
        && key.bytes().next().is_some_and(|b| !b.is_ascii_digit())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$')
}
