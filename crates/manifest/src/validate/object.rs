//! Objects: their type, duplicate keys, unknown keys (with a "did you mean"), field lookup.

use super::path::Path;
use super::Ctx;
use crate::text::Msg;
use crate::value::Value;
use alloc::string::String;
use alloc::vec;

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
/// `allowed`. Earlier keys are found through a small open-addressing hash set of first
/// occurrences, so large objects (props) stay linear, with no sorting code to ship.
pub(crate) fn check_keys(
    ctx: &mut Ctx<'_>,
    path: &Path<'_>,
    entries: &Entries,
    allowed: Option<&[&str]>,
) {
    // Cells hold 1 + the index of the first entry with a key, 0 when empty.
    let mask = (entries.len() * 2).next_power_of_two() - 1;
    let mut table = vec![0usize; mask + 1];
    for (i, (key, _)) in entries.iter().enumerate() {
        let mut slot = fnv1a(key) & mask;
        let repeated = loop {
            let Some(cell) = table.get_mut(slot) else {
                break false;
            };
            let Some(first) = cell.checked_sub(1) else {
                *cell = i + 1;
                break false;
            };
            if entries.get(first).is_some_and(|(k, _)| k == key) {
                break true;
            }
            slot = (slot + 1) & mask;
        };
        let at = path.key(key);
        if repeated {
            ctx.report(&at, Msg::new("duplicate key ").quoted(key).take());
        } else if let Some(allowed) = allowed.filter(|allowed| !allowed.contains(&key.as_str())) {
            ctx.report(&at, unknown_field(key, allowed));
        }
    }
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
/// distance, one row at a time in a fixed array: no allocation). Every known field has at least
/// four bytes, so a key equal to one ignoring case always qualifies.
fn is_near(key: &str, known: &str) -> bool {
    let (a, b) = (key.as_bytes(), known.as_bytes());
    let mut row = [0u8; 32];
    if a.len() > 64 || a.len().abs_diff(b.len()) > 2 || b.len() < 4 || b.len() >= row.len() {
        return false;
    }
    for (j, cell) in row.iter_mut().enumerate() {
        *cell = j as u8;
    }
    for (i, &ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        let mut left = i as u8 + 1;
        row[0] = left;
        for (cell, &cb) in row.iter_mut().skip(1).zip(b) {
            let substitute = diagonal + u8::from(!ca.eq_ignore_ascii_case(&cb));
            diagonal = *cell;
            left = substitute.min(*cell + 1).min(left + 1);
            *cell = left;
        }
    }
    row.get(b.len()).is_some_and(|&distance| distance <= 2)
}

#[cfg(test)]
mod tests {
    use super::is_near;
    use crate::fields;

    /// `is_near` skips an exact case-insensitive comparison because every known field has at
    /// least four bytes, where the edit distance already accepts such a key.
    #[test]
    fn every_field_is_near_itself_in_any_case() {
        let lists = [
            fields::MANIFEST,
            fields::TOTAL_BUDGET,
            fields::COMPONENT,
            fields::BUDGET,
            fields::ROUTE_LOAD,
            fields::CAPABILITIES,
        ];
        for field in lists.concat() {
            assert!(field.len() >= 4, "{field}");
            assert!(is_near(&field.to_ascii_uppercase(), field), "{field}");
            assert!(is_near(&field.to_ascii_lowercase(), field), "{field}");
        }
        assert!(is_near("maxBytez", "maxBytes"));
        assert!(is_near("max_memory_pages", "maxMemoryPages"));
        assert!(!is_near("total", "totalBytes"));
    }
}
