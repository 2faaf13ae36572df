//! Decodes the byte encoding described in the crate docs into a [`Value`].

use alloc::string::String;
use alloc::vec::Vec;
use tessera_manifest::value::Value;

/// Reads one value from the front of `input`.
pub(crate) fn value(input: &mut &[u8]) -> Option<Value> {
    let (&tag, rest) = input.split_first()?;
    *input = rest;
    Some(match tag {
        0 => Value::Null,
        1 => Value::Bool(false),
        2 => Value::Bool(true),
        3 => Value::Number(f64::from_le_bytes(take(input, 8)?.try_into().ok()?)),
        4 => Value::String(string(input)?),
        5 => {
            let n = count(input)?;
            let mut items = Vec::new();
            for _ in 0..n {
                items.push(value(input)?);
            }
            Value::Array(items)
        }
        6 => {
            let n = count(input)?;
            let mut entries = Vec::new();
            for _ in 0..n {
                let key = string(input)?;
                entries.push((key, value(input)?));
            }
            Value::Object(entries)
        }
        _ => return None,
    })
}

fn take<'a>(input: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if input.len() < n {
        return None;
    }
    let (head, rest) = input.split_at(n);
    *input = rest;
    Some(head)
}

fn count(input: &mut &[u8]) -> Option<u32> {
    Some(u32::from_le_bytes(take(input, 4)?.try_into().ok()?))
}

fn string(input: &mut &[u8]) -> Option<String> {
    let len = count(input)? as usize;
    String::from_utf8(take(input, len)?.into()).ok()
}
