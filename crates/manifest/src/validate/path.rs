//! JSON paths as problems name them: `components[2].budget.maxBytes`, `props["a key"]`.
//!
//! A [`Path`] is a chain of borrowed segments on the stack; it becomes a `String` only when a
//! problem is reported, so valid manifests cost no path allocations.

use alloc::string::String;

use crate::text::{push_escaped, push_int};

/// Where a value sits in the document.
#[derive(Clone, Copy)]
pub(crate) enum Path<'a> {
    /// The document itself.
    Root,
    /// Field `key` of the object at the parent path.
    Key(&'a Path<'a>, &'a str),
    /// Item `index` of the array at the parent path.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The path of field `key` below this one.
    pub(crate) fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    /// The path of item `index` below this one.
    pub(crate) fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    /// The path as text. Keys that are not plain identifiers are written as quoted brackets
    /// (escaped like JSON, never truncated), so a path is always one line and never ambiguous.
    pub(crate) fn render(&self) -> String {
        let mut out = String::new();
        self.render_into(&mut out);
        out
    }

    fn render_into(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.render_into(out);
                if is_identifier(key) {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                } else {
                    out.push('[');
                    push_escaped(out, key, usize::MAX);
                    out.push(']');
                }
            }
            Path::Index(parent, index) => {
                parent.render_into(out);
                out.push('[');
                push_int(out, *index as i64);
                out.push(']');
            }
        }
    }
}

fn is_identifier(key: &str) -> bool {
    key.len() <= 40
        && key.bytes().next().is_some_and(|b| !b.is_ascii_digit())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$')
}
