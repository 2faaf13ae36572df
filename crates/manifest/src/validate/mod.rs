//! `from_value`: checks a [`Value`] against every rule of the manifest and builds a [`Manifest`].
//!
//! Validation never stops at the first problem: each check reports into a [`Ctx`] and carries on
//! with what it can, so one run names everything that is wrong.

use alloc::string::String;
use alloc::vec::Vec;

mod capabilities;
mod component;
mod load;
mod object;
mod path;
mod props;
mod root;
mod scalar;
mod unique;

use crate::manifest::Manifest;
use crate::problem::{Problem, Problems};
use crate::text::{cat, push_value};
use crate::value::Value;
use path::Path;

/// Validates a parsed manifest and returns it, or every problem found.
///
/// Problems come in a stable order: within each object, unknown and duplicate keys in source
/// order first, then each field in the order of [`crate::fields`]; duplicate names and slots
/// across components last.
pub fn from_value(value: &Value) -> Result<Manifest, Problems> {
    let mut ctx = Ctx::default();
    let manifest = root::manifest(&mut ctx, value);
    match manifest {
        Some(manifest) if ctx.problems.is_empty() => Ok(manifest),
        _ => Err(Problems(ctx.problems)),
    }
}

/// Collects problems while validation walks the document.
#[derive(Default)]
pub(crate) struct Ctx {
    problems: Vec<Problem>,
    /// The name of the component being validated, when it has a valid one.
    component: Option<String>,
}

impl Ctx {
    /// Records a problem at `path` in the current component; the message is `parts` joined.
    pub(crate) fn report(&mut self, path: &Path<'_>, parts: &[&str]) {
        let component = self.component.clone();
        self.push(path, component, cat(parts));
    }

    /// Records a problem whose message is `parts` joined, then `, got ` and the bad value.
    pub(crate) fn report_got(&mut self, path: &Path<'_>, parts: &[&str], value: &Value) {
        let mut message = cat(parts);
        message.push_str(", got ");
        push_value(&mut message, value);
        let component = self.component.clone();
        self.push(path, component, message);
    }

    /// Records a problem at `path` naming `component` explicitly.
    pub(crate) fn report_in(&mut self, path: &Path<'_>, component: Option<&str>, parts: &[&str]) {
        self.push(path, component.map(Into::into), cat(parts));
    }

    fn push(&mut self, path: &Path<'_>, component: Option<String>, message: String) {
        self.problems.push(Problem {
            path: path.render(),
            component,
            message,
        });
    }
}
