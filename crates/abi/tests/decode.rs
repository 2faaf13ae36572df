//! The decoder against docs/abi.md's "DOM edits (wire)": every opcode, and every way a batch is
//! malformed (`-2`).

use tessera_abi::{code, op, DecodeError, Decoder, Malformed, Op};

fn u(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn s(out: &mut Vec<u8>, text: &[u8]) {
    u(out, text.len() as u32);
    out.extend_from_slice(text);
}

type Decoded<'a> = Vec<Result<(u8, Op<&'a str>), DecodeError>>;

fn all(bytes: &[u8]) -> Decoded<'_> {
    Decoder::new(bytes).collect()
}

#[test]
fn decodes_every_opcode() {
    let mut b = Vec::new();
    b.push(op::CREATE_ELEMENT);
    u(&mut b, 1);
    s(&mut b, b"p");
    b.push(op::CREATE_TEXT);
    u(&mut b, 2);
    s(&mut b, "héllo".as_bytes());
    b.push(op::SET_ATTR);
    u(&mut b, 1);
    s(&mut b, b"class");
    s(&mut b, b"");
    b.push(op::REMOVE_ATTR);
    u(&mut b, 1);
    s(&mut b, b"id");
    b.push(op::SET_TEXT);
    u(&mut b, 2);
    s(&mut b, b"x");
    b.push(op::APPEND);
    u(&mut b, 0);
    u(&mut b, 1);
    b.push(op::INSERT_BEFORE);
    u(&mut b, 1);
    u(&mut b, 3);
    u(&mut b, 2);
    b.push(op::REMOVE);
    u(&mut b, u32::MAX);
    b.push(op::LISTEN);
    u(&mut b, 1);
    u(&mut b, 7);
    s(&mut b, b"click");
    b.push(op::UNLISTEN);
    u(&mut b, 7);
    b.push(op::SET_VALUE);
    u(&mut b, 4);
    s(&mut b, b"v");
    b.push(op::SET_CHECKED);
    u(&mut b, 4);
    u(&mut b, 2);
    b.push(op::SET_CHECKED);
    u(&mut b, 4);
    u(&mut b, 0);

    let ops: Vec<_> = all(&b).into_iter().map(Result::unwrap).collect();
    let expected = [
        (1, Op::CreateElement { id: 1, tag: "p" }),
        (
            2,
            Op::CreateText {
                id: 2,
                text: "héllo",
            },
        ),
        (
            3,
            Op::SetAttr {
                id: 1,
                name: "class",
                value: "",
            },
        ),
        (4, Op::RemoveAttr { id: 1, name: "id" }),
        (5, Op::SetText { id: 2, text: "x" }),
        (
            6,
            Op::Append {
                parent: 0,
                child: 1,
            },
        ),
        (
            7,
            Op::InsertBefore {
                parent: 1,
                child: 3,
                before: 2,
            },
        ),
        (8, Op::Remove { id: u32::MAX }),
        (
            9,
            Op::Listen {
                id: 1,
                listener: 7,
                event: "click",
            },
        ),
        (10, Op::Unlisten { listener: 7 }),
        (11, Op::SetValue { id: 4, value: "v" }),
        (
            12,
            Op::SetChecked {
                id: 4,
                checked: true,
            },
        ),
        (
            12,
            Op::SetChecked {
                id: 4,
                checked: false,
            },
        ),
    ];
    assert_eq!(ops, expected);
    for (opcode, _) in &expected {
        assert!(op::name(*opcode).is_some(), "{opcode}");
    }
}

#[test]
fn an_empty_batch_has_no_operations() {
    assert!(all(&[]).is_empty());
}

#[test]
fn truncation_anywhere_is_malformed() {
    let mut b = vec![op::LISTEN];
    u(&mut b, 1);
    u(&mut b, 2);
    s(&mut b, b"click");
    assert!(all(&b)[0].is_ok());
    for cut in 1..b.len() {
        let ops = all(&b[..cut]);
        assert_eq!(ops.len(), 1, "cut at {cut}");
        let err = ops[0].clone().unwrap_err();
        assert_eq!((err.opcode, err.at, err.why), (9, 0, Malformed::TRUNCATED));
        assert_eq!(err.code(), code::MALFORMED);
    }
    // A length that would overflow the position is truncated, not a panic.
    let huge = all(&[2, 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]);
    assert_eq!(huge[0].clone().unwrap_err().why, Malformed::TRUNCATED);
}

#[test]
fn an_unknown_opcode_stops_after_the_good_ones() {
    for bad in [0, 13, 99, 255] {
        let batch = [8, 1, 0, 0, 0, bad, 1, 2, 3];
        let ops = all(&batch);
        assert_eq!(ops.len(), 2, "nothing after the bad one");
        assert_eq!(ops[0], Ok((8, Op::Remove { id: 1 })));
        let err = ops[1].clone().unwrap_err();
        assert_eq!(
            (err.opcode, err.at, err.why),
            (bad, 5, Malformed::UNKNOWN_OPCODE)
        );
        assert_eq!(op::name(bad), None);
    }
}

#[test]
fn text_that_is_not_utf8_is_malformed() {
    for (opcode, text) in [
        (2u8, &[0xff, 0xfe][..]),
        (5, &[0xc0, 0x80]),
        (2, &[0xed, 0xa0, 0x80]),
    ] {
        let mut b = vec![opcode];
        u(&mut b, 1);
        s(&mut b, text);
        let err = all(&b)[0].clone().unwrap_err();
        assert_eq!(err.why, Malformed::NOT_UTF8);
        assert_eq!(err.why.as_str(), "text is not utf-8");
    }
}

#[test]
fn map_keeps_the_edit() {
    let op = Op::SetAttr {
        id: 3,
        name: "a",
        value: "b",
    };
    let owned: Op<String> = op.clone().map(String::from);
    assert_eq!(
        owned.map(|s| s.len()),
        Op::SetAttr {
            id: 3,
            name: 1,
            value: 1
        }
    );
    assert_eq!(
        Op::<&str>::Remove { id: 4 }.map(|s| s.len()),
        Op::Remove { id: 4 }
    );
}

#[test]
fn opcode_names_follow_the_table() {
    assert_eq!(op::name(op::CREATE_ELEMENT), Some("create-element"));
    assert_eq!(op::name(op::INSERT_BEFORE), Some("insert-before"));
    assert_eq!(op::name(op::SET_CHECKED), Some("set-checked"));
    assert_eq!(op::NAMES.len(), op::SET_CHECKED as usize + 1);
}
