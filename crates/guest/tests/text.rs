//! Building text in a component: `cat!` (no `core::fmt`) and `format!`, both from the prelude.
//! This file is `no_std` like a component, so only the prelude brings them.
#![no_std]

extern crate std;

use tessera_guest::prelude::*;
use tessera_guest::testing::Harness;

struct Greeter {
    names: Vec<String>,
}

#[derive(Clone)]
enum Msg {
    Add(String),
}

impl Component for Greeter {
    type Msg = Msg;
    fn mount(props: Json, _: &mut Cx) -> Self {
        let name = props.get("name").as_str().map(|s| s.into_owned());
        Greeter {
            names: name.into_iter().collect(),
        }
    }
    fn update(&mut self, Msg::Add(name): Msg, _: &mut Cx) {
        self.names.push(name);
    }
    fn view(&self) -> Node<Msg> {
        let count = self.names.len();
        div()
            .child(h2().text(cat!(count, " guest", if count == 1 { "" } else { "s" })))
            .child(ul().children(self.names.iter().enumerate().map(|(i, n)| {
                li().attr("data-n", cat!(i + 1))
                    .text(cat!("Hello, ", n, '!'))
            })))
            .child(p().text(format!("{count} in total, last: {:?}", self.names.last())))
            .child(input().on_input(Msg::Add))
    }
}

#[test]
fn cat_joins_strings_chars_and_integers() {
    let name = String::from("Ada");
    let borrowed: &str = "Grace";
    let boxed: Box<str> = "Box".into();
    let cow: std::borrow::Cow<'_, str> = "Cow".into();
    assert_eq!(cat!(), "");
    assert_eq!(cat!("plain"), "plain");
    assert_eq!(
        cat!(name, ", ", borrowed, ", ", &name, '.'),
        "Ada, Grace, Ada."
    );
    assert_eq!(cat!(boxed, cow, trailing_comma()), "BoxCowok");
    assert_eq!(
        cat!(0u8, ' ', -1i8, ' ', i16::MIN, ' ', u16::MAX),
        "0 -1 -32768 65535"
    );
    assert_eq!(cat!(i32::MIN, ' ', u32::MAX), "-2147483648 4294967295");
    assert_eq!(
        cat!(i64::MIN, ' ', u64::MAX),
        "-9223372036854775808 18446744073709551615"
    );
    assert_eq!(cat!(-3isize, ' ', 7usize), "-3 7");
    assert_eq!(
        cat!(int(-42), "|", fixed(1299, 2), "|", padded(7, 3)),
        "-42|12.99|007"
    );
}

fn trailing_comma() -> String {
    cat!("o", "k",)
}

#[test]
fn format_is_in_the_prelude() {
    let n = 3;
    assert_eq!(format!("{n} of {}", 4), "3 of 4");
    assert_eq!(format!("{:>5}|{:.2}", "ab", 1.5f64), "   ab|1.50");
}

#[test]
fn a_component_uses_both_in_its_view() {
    let mut h = Harness::<Greeter>::mount(r#"{"name": "Ada"}"#);
    assert_eq!(h.text("h2"), "1 guest");
    assert_eq!(h.text("li[data-n=1]"), "Hello, Ada!");
    assert_eq!(h.text("p"), "1 in total, last: Some(\"Ada\")");
    h.input("input", "Grace");
    assert_eq!(h.text("h2"), "2 guests");
    assert_eq!(h.text("ul > li[data-n=2]"), "Hello, Grace!");
    assert_eq!(h.text("p"), "2 in total, last: Some(\"Grace\")");
}
