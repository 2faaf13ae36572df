//! The DOM-edit wire format, byte for byte, against docs/abi.md.

use tessera_guest::ops::{op, Ops};
use tessera_guest::testing::{decode, Op};

const ABI_MD: &str = include_str!("../../../docs/abi.md");

fn hex(s: &str) -> Vec<u8> {
    s.split_whitespace()
        .flat_map(|t| {
            (0..t.len())
                .step_by(2)
                .map(move |i| u8::from_str_radix(&t[i..i + 2], 16).expect("hex"))
        })
        .collect()
}

/// Encodes one operation.
type Encode = fn(&mut Ops);

#[test]
fn every_operation_encodes_as_documented() {
    let cases: Vec<(Encode, &str)> = vec![
        (|o| o.create_element(1, "p"), "01 01000000 01000000 70"),
        (|o| o.create_text(2, "hé"), "02 02000000 03000000 68c3a9"),
        (
            |o| o.set_attr(3, "id", "x"),
            "03 03000000 02000000 6964 01000000 78",
        ),
        (|o| o.remove_attr(3, "id"), "04 03000000 02000000 6964"),
        (|o| o.set_text(4, ""), "05 04000000 00000000"),
        (|o| o.append(0, 1), "06 00000000 01000000"),
        (
            |o| o.insert_before(5, 6, 7),
            "07 05000000 06000000 07000000",
        ),
        (|o| o.remove(258), "08 02010000"),
        (
            |o| o.listen(1, 9, "click"),
            "09 01000000 09000000 05000000 636c69636b",
        ),
        (|o| o.unlisten(9), "0a 09000000"),
        (|o| o.set_value(8, "ab"), "0b 08000000 02000000 6162"),
        (|o| o.set_checked(8, true), "0c 08000000 01000000"),
        (|o| o.set_checked(8, false), "0c 08000000 00000000"),
    ];
    for (encode, expected) in cases {
        let mut ops = Ops::new();
        encode(&mut ops);
        assert_eq!(ops.bytes(), hex(expected), "expected {expected}");
    }
}

#[test]
fn a_batch_decodes_back_to_its_operations() {
    let mut ops = Ops::new();
    ops.create_element(1, "ul");
    ops.create_element(2, "li");
    ops.set_attr(2, "class", "done");
    ops.create_text(3, "milk");
    ops.append(2, 3);
    ops.append(1, 2);
    ops.listen(2, 1, "click");
    ops.insert_before(1, 4, 2);
    ops.set_value(5, "v");
    ops.unlisten(1);
    ops.remove(2);
    let decoded = decode(ops.bytes()).expect("well formed");
    assert_eq!(
        decoded,
        vec![
            Op::CreateElement {
                id: 1,
                tag: "ul".into()
            },
            Op::CreateElement {
                id: 2,
                tag: "li".into()
            },
            Op::SetAttr {
                id: 2,
                name: "class".into(),
                value: "done".into()
            },
            Op::CreateText {
                id: 3,
                text: "milk".into()
            },
            Op::Append {
                parent: 2,
                child: 3
            },
            Op::Append {
                parent: 1,
                child: 2
            },
            Op::Listen {
                id: 2,
                listener: 1,
                event: "click".into()
            },
            Op::InsertBefore {
                parent: 1,
                child: 4,
                before: 2
            },
            Op::SetValue {
                id: 5,
                value: "v".into()
            },
            Op::Unlisten { listener: 1 },
            Op::Remove { id: 2 },
        ]
    );
}

#[test]
fn truncated_or_unknown_operations_are_malformed() {
    let mut ops = Ops::new();
    ops.create_element(1, "div");
    let good = ops.bytes().to_vec();
    for cut in 1..good.len() {
        let (done, code) = decode(&good[..cut]).expect_err("truncated");
        assert!(done.is_empty());
        assert_eq!(code, -2);
    }
    let mut unknown = good.clone();
    unknown.push(13);
    let (done, code) = decode(&unknown).expect_err("opcode 13");
    assert_eq!(done.len(), 1);
    assert_eq!(code, -2);
    let (_, code) = decode(&hex("02 01000000 01000000 ff")).expect_err("not UTF-8");
    assert_eq!(code, -2);
}

/// The rows of the markdown table that follows `heading` in docs/abi.md.
fn table_after(heading: &str) -> Vec<Vec<String>> {
    let start = ABI_MD
        .find(heading)
        .unwrap_or_else(|| panic!("docs/abi.md lost `{heading}`"));
    ABI_MD[start..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().replace('`', ""))
                .collect()
        })
        .collect()
}

#[test]
fn opcodes_match_the_table_in_docs_abi_md() {
    let ours = [
        (op::CREATE_ELEMENT, "CREATE_ELEMENT", "id: u32, tag: str"),
        (op::CREATE_TEXT, "CREATE_TEXT", "id: u32, text: str"),
        (op::SET_ATTR, "SET_ATTR", "id: u32, name: str, value: str"),
        (op::REMOVE_ATTR, "REMOVE_ATTR", "id: u32, name: str"),
        (op::SET_TEXT, "SET_TEXT", "id: u32, text: str"),
        (op::APPEND, "APPEND", "parent: u32, child: u32"),
        (
            op::INSERT_BEFORE,
            "INSERT_BEFORE",
            "parent: u32, child: u32, before: u32",
        ),
        (op::REMOVE, "REMOVE", "id: u32"),
        (op::LISTEN, "LISTEN", "id: u32, listener: u32, event: str"),
        (op::UNLISTEN, "UNLISTEN", "listener: u32"),
        (op::SET_VALUE, "SET_VALUE", "id: u32, value: str"),
        (op::SET_CHECKED, "SET_CHECKED", "id: u32, checked: u32"),
    ];
    let rows = table_after("## DOM edits (wire)");
    assert_eq!(rows.len(), ours.len(), "{rows:?}");
    for (row, (code, name, fields)) in rows.iter().zip(ours) {
        assert_eq!(row[0], code.to_string());
        assert_eq!(row[1], name);
        assert_eq!(row[2], fields);
    }
}

#[test]
fn error_codes_match_the_table_in_docs_abi_md() {
    let rows = table_after("### Error codes");
    for row in rows.iter().filter(|r| r[0] != "0") {
        let code: i32 = row[0].parse().expect("a code");
        let e = tessera_guest::Error::check(code).expect_err("negative");
        assert_eq!(e.code(), code);
        assert_eq!(e.name(), row[1], "code {code}");
    }
    assert_eq!(rows.len(), 10);
}

#[test]
fn imports_and_exports_match_the_tables_in_docs_abi_md() {
    // The names both sides of the ABI use (tessera_abi::names, which the loader's host checks
    // modules against), in the docs' order; the SDK imports (src/abi.rs) and exports
    // (component!) each of them.
    let imports = tessera_abi::names::IMPORTS;
    let exports = tessera_abi::names::EXPORTS.map(|(name, _, _)| name);
    let names = |h| {
        table_after(h)
            .into_iter()
            .map(|r| r[0].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names("## Host imports, module `tessera/v1`"), imports);
    assert_eq!(names("## Guest exports"), exports);
    let abi_rs = include_str!("../src/abi.rs");
    for name in imports {
        assert!(
            abi_rs.contains(&format!("pub fn {name}(")),
            "src/abi.rs lacks {name}"
        );
    }
    let export_rs = include_str!("../src/export.rs");
    for name in &exports[1..] {
        assert!(
            export_rs.contains(&format!("extern \"C\" fn {name}(")),
            "component! lacks {name}"
        );
    }
}

/// The example component of docs/abi.md ("A worked example").
mod example {
    use tessera_guest::prelude::*;

    pub struct Hello {
        pub name: String,
        pub waved: bool,
    }

    #[derive(Clone)]
    pub enum Msg {
        Wave,
    }

    impl Component for Hello {
        type Msg = Msg;
        fn mount(props: Json, _: &mut Cx) -> Self {
            let name = props
                .get("name")
                .as_str()
                .map_or("world".into(), |s| s.into_owned());
            Hello { name, waved: false }
        }
        fn update(&mut self, _: Msg, _: &mut Cx) {
            self.waved = true;
        }
        fn view(&self) -> Node<Msg> {
            let mut greeting = String::from("Hello, ");
            greeting.push_str(&self.name);
            if self.waved {
                greeting.push('!');
            }
            p().class("hi").text(greeting).on_click(Msg::Wave)
        }
    }
}

/// The bytes of the block after `<!-- example: NAME -->` in docs/abi.md: on each line, the hex
/// tokens before the first other token.
fn example_bytes(name: &str) -> Vec<u8> {
    let marker = format!("<!-- example: {name} -->");
    let start = ABI_MD
        .find(&marker)
        .unwrap_or_else(|| panic!("docs/abi.md lost {marker}"));
    let block = ABI_MD[start..].split("```").nth(1).expect("a fenced block");
    let mut bytes = Vec::new();
    for line in block.lines().skip(1) {
        for token in line.split_whitespace() {
            if token.len() % 2 != 0 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
                break;
            }
            bytes.extend(hex(token));
        }
    }
    bytes
}

#[test]
fn the_worked_example_in_docs_abi_md_is_what_the_sdk_sends() {
    use tessera_guest::testing::{with_host, Harness};
    let mut h = Harness::<example::Hello>::mount(r#"{"name":"Ada"}"#);
    let encode = |ops: &[Op]| {
        let mut o = Ops::new();
        for op in ops {
            match op {
                Op::CreateElement { id, tag } => o.create_element(*id, tag),
                Op::CreateText { id, text } => o.create_text(*id, text),
                Op::SetAttr { id, name, value } => o.set_attr(*id, name, value),
                Op::SetText { id, text } => o.set_text(*id, text),
                Op::Append { parent, child } => o.append(*parent, *child),
                Op::Listen {
                    id,
                    listener,
                    event,
                } => o.listen(*id, *listener, event),
                other => panic!("not in the example: {other:?}"),
            }
        }
        o.bytes().to_vec()
    };
    let mount = h.take_batches();
    assert_eq!(mount.len(), 1);
    assert_eq!(
        encode(&mount[0].0),
        example_bytes("mount"),
        "the mount batch"
    );
    h.click("p");
    let click = h.take_batches();
    assert_eq!(click.len(), 1);
    assert_eq!(
        encode(&click[0].0),
        example_bytes("click"),
        "the click batch"
    );
    with_host(|x| assert_eq!(x.dom.html(), r#"<p class="hi">Hello, Ada!</p>"#));
}
