//! Objects: their type, duplicate keys, unknown keys (with a "did you mean"), field lookup.

use super::path::Path;
use super::Ctx;
use crate::text::Msg;
use crate::value::Value;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

/// An object's entries, in source order.
pub(crate) type Entries = [(String, Value)];

/// The entries of the object at `path`, after reporting its duplicate keys and the keys not in
/// `allowed` (`None` allows every key, for objects whose keys are free, like props); a problem
/// when `value` is not an object.
pub(crate) fn object<'v>(
    ctx: &mut Ctx<'_>,
    path: &Path<'_>,
    value: &'v Value,
    allowed: Option<&[&str]>,
) -> Option<&'v Entries> {
    let Value::Object(entries) = value else {
        ctx.say_got(path, "must be an object", value);
        return None;
    };
    check_keys(ctx, path, entries, allowed);
    Some(entries)
}

/// Reports, in source order, every key that repeats an earlier key and every key not in
/// `allowed`.
pub(crate) fn check_keys(
    ctx: &mut Ctx<'_>,
    path: &Path<'_>,
    entries: &Entries,
    allowed: Option<&[&str]>,
) {
    let repeats = earlier_equal(entries.len(), &|i| entries.get(i).map(|(k, _)| k.as_str()));
    for ((key, _), first) in entries.iter().zip(repeats) {
        let at = path.key(key);
        if first.is_some() {
            ctx.report(&at, Msg::new("duplicate key ").quoted(key).take());
        } else if let Some(allowed) = allowed.filter(|allowed| !allowed.contains(&key.as_str())) {
            ctx.report(&at, unknown_field(key, allowed));
        }
    }
}

/// For each of the `len` keys `key(0)`, `key(1)`, ..., the index of the first earlier key equal
/// to it (`None` keys never match). First occurrences are found through a small open-addressing
/// hash set, so large objects (props) and long component lists stay linear, with no sorting
/// code to ship. (`key` is a function, not a slice, so no caller builds a list of keys.)
pub(crate) fn earlier_equal<'k>(
    len: usize,
    key: &dyn Fn(usize) -> Option<&'k str>,
) -> Vec<Option<usize>> {
    // Cells hold 1 + the index of the first key with a given value, 0 when empty.
    let mask = (len * 2).next_power_of_two() - 1;
    let mut table = vec![0usize; mask + 1];
    let mut found = Vec::with_capacity(len);
    for i in 0..len {
        let Some(this) = key(i) else {
            found.push(None);
            continue;
        };
        let mut slot = fnv1a(this) & mask;
        let first = loop {
            let Some(cell) = table.get_mut(slot) else {
                break None;
            };
            let Some(first) = cell.checked_sub(1) else {
                *cell = i + 1;
                break None;
            };
            if key(first) == Some(this) {
                break Some(first);
            }
            slot = (slot + 1) & mask;
        };
        found.push(first);
    }
    found
}

/// The value of the first entry named `key`.
pub(crate) fn get<'v>(entries: &'v Entries, key: &str) -> Option<&'v Value> {
    entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn fnv1a(key: &str) -> usize {
    key.bytes().fold(0x811c_9dc5_u32, |hash, b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    }) as usize
}

fn unknown_field(key: &str, allowed: &[&str]) -> Msg {
    if let Some(near) = allowed.iter().find(|known| is_near(key, known)) {
        return Msg::new("unknown field, did you mean ")
            .quoted(near)
            .s("?")
            .take();
    }
    let mut message = Msg::new("unknown field, expected one of: ");
    for (i, known) in allowed.iter().enumerate() {
        if i > 0 {
            message.s(", ");
        }
        message.s(known);
    }
    message
}

/// A likely typo: at most two single-byte edits away, ignoring ASCII case (Levenshtein
/// distance, searched without allocation). Every known field has at least four bytes, so a key
/// equal to one ignoring case always qualifies.
fn is_near(key: &str, known: &str) -> bool {
    let (a, b) = (key.as_bytes(), known.as_bytes());
    a.len() <= 64 && a.len().abs_diff(b.len()) <= 2 && (4..32).contains(&b.len()) && within(a, b, 2)
}

/// Is `a` at most `edits` single-byte insertions, deletions or substitutions away from `b`,
/// ignoring ASCII case? Equal first bytes always pair up in some shortest edit script, so only a
/// mismatch branches (three ways, at most `edits` deep).
fn within(a: &[u8], b: &[u8], edits: u8) -> bool {
    match (a.split_first(), b.split_first()) {
        (Some((x, ra)), Some((y, rb))) if x.eq_ignore_ascii_case(y) => within(ra, rb, edits),
        (Some((_, ra)), Some((_, rb))) => {
            edits > 0
                && (within(ra, rb, edits - 1)
                    || within(ra, b, edits - 1)
                    || within(a, rb, edits - 1))
        }
        _ => a.len().max(b.len()) <= usize::from(edits),
    }
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::is_near;
    use crate::fields;
    use alloc::string::String;
    use alloc::vec::Vec;

    /// The edit distance between `a` and `b` ignoring ASCII case, by the textbook table.
    fn distance(a: &[u8], b: &[u8]) -> usize {
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut diagonal = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let substitute = diagonal + usize::from(!ca.eq_ignore_ascii_case(cb));
                diagonal = row[j + 1];
                row[j + 1] = substitute.min(row[j + 1] + 1).min(row[j] + 1);
            }
        }
        row[b.len()]
    }

    /// Every object's field list.
    const LISTS: [&[&str]; 6] = [
        fields::MANIFEST,
        fields::TOTAL_BUDGET,
        fields::COMPONENT,
        fields::BUDGET,
        fields::ROUTE_LOAD,
        fields::CAPABILITIES,
    ];

    /// `is_near` agrees with the table on every field and keys one to three edits from it.
    #[test]
    fn is_near_is_distance_at_most_two() {
        let known = LISTS.concat();
        let mut keys: Vec<String> = Vec::new();
        for field in &known {
            let bytes = field.as_bytes();
            for i in 0..=bytes.len() {
                for c in [b'x', b'e', b'S', b'-'] {
                    let mut inserted = bytes.to_vec();
                    inserted.insert(i, c);
                    keys.push(String::from_utf8(inserted).unwrap());
                    if i < bytes.len() {
                        let mut replaced = bytes.to_vec();
                        replaced[i] = c;
                        keys.push(String::from_utf8(replaced).unwrap());
                    }
                }
                if i < bytes.len() {
                    let mut removed = bytes.to_vec();
                    removed.remove(i);
                    keys.push(String::from_utf8(removed).unwrap());
                }
            }
        }
        // Two and three edits: edit the one-edit keys again.
        let once = keys.clone();
        for key in once.iter().step_by(3) {
            let bytes = key.as_bytes();
            for i in (0..bytes.len()).step_by(2) {
                let mut removed = bytes.to_vec();
                removed.remove(i);
                let removed = String::from_utf8(removed).unwrap();
                let mut twice = removed.clone().into_bytes();
                twice.insert(i / 2, b'q');
                keys.push(removed);
                keys.push(String::from_utf8(twice).unwrap());
            }
        }
        keys.extend(["", "a", "abcd", "x".repeat(70).as_str()].map(String::from));
        for key in &keys {
            for field in &known {
                let (a, b) = (key.as_bytes(), field.as_bytes());
                let expected = a.len() <= 64
                    && a.len().abs_diff(b.len()) <= 2
                    && b.len() >= 4
                    && distance(a, b) <= 2;
                assert_eq!(is_near(key, field), expected, "{key} {field}");
            }
        }
    }

    /// `is_near` skips an exact case-insensitive comparison because every known field has at
    /// least four bytes, where the edit distance already accepts such a key.
    #[test]
    fn every_field_is_near_itself_in_any_case() {
        for field in LISTS.concat() {
            assert!(field.len() >= 4, "{field}");
            assert!(is_near(&field.to_ascii_uppercase(), field), "{field}");
            assert!(is_near(&field.to_ascii_lowercase(), field), "{field}");
        }
        assert!(is_near("maxBytez", "maxBytes"));
        assert!(is_near("max_memory_pages", "maxMemoryPages"));
        assert!(!is_near("total", "totalBytes"));
    }
}
