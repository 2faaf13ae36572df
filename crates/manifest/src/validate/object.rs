//! Objects: their type, duplicate keys, unknown keys (with a "did you mean"), field lookup.

use super::path::field;
use super::Ctx;
use crate::text::{cat, got, quoted};
use crate::value::Value;

/// An object's entries, in source order.
pub(crate) type Entries = [(String, Value)];

/// The object's entries, or a problem at `path` when `value` is not an object.
pub(crate) fn entries<'v>(ctx: &mut Ctx, path: &str, value: &'v Value) -> Option<&'v Entries> {
    match value {
        Value::Object(entries) => Some(entries),
        other => {
            ctx.report(path, got("must be an object", other));
            None
        }
    }
}

/// Reports, in source order, every key that repeats an earlier key and every key not in `allowed`.
pub(crate) fn check_keys(ctx: &mut Ctx, path: &str, entries: &Entries, allowed: &[&str]) {
    let repeated = duplicates(entries);
    for (i, (key, _)) in entries.iter().enumerate() {
        if repeated.get(i).copied().unwrap_or(false) {
            ctx.report(&field(path, key), cat(&["duplicate key ", &quoted(key)]));
        } else if !allowed.contains(&key.as_str()) {
            ctx.report(&field(path, key), unknown_field(key, allowed));
        }
    }
}

/// Reports every key that repeats an earlier key (for objects whose keys are free, like props).
pub(crate) fn check_duplicates(ctx: &mut Ctx, path: &str, entries: &Entries) {
    let repeated = duplicates(entries);
    for (i, (key, _)) in entries.iter().enumerate() {
        if repeated.get(i).copied().unwrap_or(false) {
            ctx.report(&field(path, key), cat(&["duplicate key ", &quoted(key)]));
        }
    }
}

/// The value of the first entry named `key`.
pub(crate) fn get<'v>(entries: &'v Entries, key: &str) -> Option<&'v Value> {
    entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// For each entry, whether an earlier entry has the same key. Sorting keeps it `n log n` for
/// large objects.
fn duplicates(entries: &Entries) -> Vec<bool> {
    let mut repeated = vec![false; entries.len()];
    if entries.len() < 2 {
        return repeated;
    }
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_unstable_by(|&a, &b| entries[a].0.cmp(&entries[b].0).then(a.cmp(&b)));
    for pair in order.windows(2) {
        if entries[pair[0]].0 == entries[pair[1]].0 {
            repeated[pair[1]] = true;
        }
    }
    repeated
}

fn unknown_field(key: &str, allowed: &[&str]) -> String {
    if let Some(near) = allowed.iter().find(|known| is_near(key, known)) {
        return cat(&["unknown field, did you mean ", &quoted(near), "?"]);
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
    // Levenshtein distance, one row at a time.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(!ca.eq_ignore_ascii_case(&cb));
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()] <= 2
}
