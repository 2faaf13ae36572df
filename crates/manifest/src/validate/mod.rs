//! `from_value`: checks a [`Value`] against every rule of the manifest and builds a [`Manifest`].
//!
//! Validation never stops at the first problem: each check reports into a [`Ctx`] and carries on
//! with what it can, so one run names everything that is wrong.

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
use crate::value::Value;

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
    /// Records a problem at `path` in the current component.
    pub(crate) fn report(&mut self, path: &str, message: String) {
        self.problems.push(Problem {
            path: path.into(),
            component: self.component.clone(),
            message,
        });
    }

    /// Records a problem at `path` naming `component` explicitly.
    pub(crate) fn report_in(&mut self, path: &str, component: Option<&str>, message: String) {
        self.problems.push(Problem {
            path: path.into(),
            component: component.map(Into::into),
            message,
        });
    }
}
