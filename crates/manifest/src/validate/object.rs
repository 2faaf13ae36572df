//! Objects: their type, duplicate keys, unknown keys (with a "did you mean"), field lookup.

use alloc::string::String;
use alloc::vec::Vec;
use alloc::vec;

use super::path::Path;
use super::Ctx;
use crate::text::quoted;
use crate::value::Value;

/// An object's entries, in source order.
pub(crate) type Entries = [(String, Value)];

/// The object's entries, or a problem at `path` when `value` is not an object.
pub(crate) fn entries<'v>(ctx: &mut Ctx, path: &Path<'_>, value: &'v Value) -> Option<&'v Entries> {
    match value {
        Value::Object(entries) => Some(entries),
        other => {
            ctx.report_got(path, &["must be an object"], other);
            None
        }
    }
}

/// Reports, in source order, every key that repeats an earlier key and every key not in
/// `allowed` (`None` allows every key, for objects whose keys are free, like props).
pub(crate) fn check_keys(
    ctx: &mut Ctx,
    path: &Path<'_>,
    entries: &Entries,
    allowed: Option<&[&str]>,
) {
    let repeated = duplicates(entries);
    for ((key, _), repeated) in entries.iter().zip(repeated) {
        let at = path.key(key);
        if repeated {
            ctx.report(&at, &["duplicate key ", &quoted(key)]);
        } else if let Some(allowed) = allowed.filter(|allowed| !allowed.contains(&key.as_str())) {
            ctx.report(&at, &[&unknown_field(key, allowed)]);
        }
    }
}

/// The value of the first entry named `key`.
pub(crate) fn get<'v>(entries: &'v Entries, key: &str) -> Option<&'v Value> {
    entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// For each entry, whether an earlier entry has the same key: a small open-addressing hash set
/// of first occurrences, so large objects (props) stay linear, with no sorting code to ship.
fn duplicates(entries: &Entries) -> Vec<bool> {
    let mut repeated = vec![false; entries.len()];
    let mask = (entries.len() * 2).next_power_of_two() - 1;
    let mut table = vec![usize::MAX; mask + 1];
    for (i, (key, _)) in entries.iter().enumerate() {
        let mut slot = fnv1a(key) & mask;
        while let Some(cell) = table.get_mut(slot) {
            if *cell == usize::MAX {
                *cell = i;
                break;
            }
            let first = *cell;
            if entries.get(first).is_some_and(|(k, _)| k == key) {
                if let Some(r) = repeated.get_mut(i) {
                    *r = true;
                }
                break;
            }
            slot = (slot + 1) & mask;
        }
    }
    repeated
}

fn fnv1a(key: &str) -> usize {
    key.bytes().fold(0x811c_9dc5_u32, |hash, b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    }) as usize
}

fn unknown_field(key: &str, allowed: &[&str]) -> String {
    if let Some(near) = allowed.iter().find(|known| is_near(key, known)) {
        let mut message = String::from("unknown field, did you mean ");
        message.push_str(&quoted(near));
        message.push('?');
        return message;
    }
    let mut message = String::from("unknown field, expected one of: ");
    for (i, known) in allowed.iter().enumerate() {
        if i > 0 {
            message.push_str(", ");
        }
        message.push_str(known);
    }
    message
}

/// A likely typo: equal ignoring case, or at most two single-byte edits away.
fn is_near(key: &str, known: &str) -> bool {
    if key.eq_ignore_ascii_case(known) {
        return true;
    }
    let (a, b) = (key.as_bytes(), known.as_bytes());
    if a.len() > 64 || a.len().abs_diff(b.len()) > 2 || b.len() < 4 {
        return false;
    }
    // Levenshtein distance, one row at a time (iterators only: no bounds checks to panic).
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut current = Vec::with_capacity(previous.len());
        current.push(i + 1);
        for ((&cb, &diagonal), &up) in b.iter().zip(&previous).zip(previous.iter().skip(1)) {
            let left = current.last().copied().unwrap_or(0);
            let substitute = diagonal + usize::from(!ca.eq_ignore_ascii_case(&cb));
            current.push(substitute.min(up + 1).min(left + 1));
        }
        previous = current;
    }
    previous.last().is_some_and(|&distance| distance <= 2)
}
