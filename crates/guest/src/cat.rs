//! [`cat!`](crate::cat!): text from strings, characters and integers without `core::fmt`.
//!
//! `format!` works in a component too (it is in the prelude), but its first use links
//! `core::fmt`'s machinery, several KB of wasm (docs/writing-components.md, "Size notes").
//! `cat!` appends each piece with [`Piece::push_to`]: no format string, no padding, no
//! `Display`; floats are not pieces (use [`crate::num::fixed`]).

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::string::String;

use crate::num::{push_int, push_uint};

/// Something [`cat!`](crate::cat!) can append: `str`, `String`, `char`, the integer types, and
/// references to them.
pub trait Piece {
    /// Appends `self` as text: strings as they are, integers in decimal.
    fn push_to(&self, out: &mut String);
}

impl Piece for str {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for Box<str> {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for Cow<'_, str> {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for char {
    fn push_to(&self, out: &mut String) {
        out.push(*self);
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out);
    }
}

macro_rules! signed {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn push_to(&self, out: &mut String) {
                push_int(out, *self as i64);
            }
        }
    )*};
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn push_to(&self, out: &mut String) {
                push_uint(out, *self as u64);
            }
        }
    )*};
}

signed!(i8, i16, i32, i64, isize);
unsigned!(u8, u16, u32, u64, usize);

/// Concatenates its arguments into a new `String`: string slices, `String`s, `char`s and
/// integers (in decimal), anything that is a [`Piece`](crate::cat::Piece). The cheap
/// alternative to `format!`: it does not link `core::fmt`.
///
/// ```
/// use tessera_guest::prelude::*;
/// let name = String::from("Ada");
/// let n = 3;
/// assert_eq!(cat!("Hello, ", name, "! You have ", n, " new messages."), "Hello, Ada! You have 3 new messages.");
/// assert_eq!(cat!('#', -7i64, " ", 42u8), "#-7 42");
/// assert_eq!(cat!(), "");
/// ```
#[macro_export]
macro_rules! cat {
    ($($piece:expr),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut out = $crate::__rt::String::new();
        $( $crate::cat::Piece::push_to(&$piece, &mut out); )*
        out
    }};
}
