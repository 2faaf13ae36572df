//! `from_value`: checks a [`Value`] against every rule of the manifest and builds a [`Manifest`].
//!
//! Validation never stops at the first problem: each check reports into a [`Ctx`] and carries on
//! with what it can, so one run names everything that is wrong. The checks follow the tables in
//! [`rules`]; only a document without problems is then assembled into a [`Manifest`].

mod assemble;
mod component;
mod load;
mod object;
mod path;
mod patterns;
mod props;
mod rules;
mod scalar;
mod unique;
mod version;

use crate::limits::MAX_PROBLEMS;
use crate::manifest::Manifest;
use crate::problem::{Problem, Problems};
use crate::text::Msg;
use crate::value::Value;
use alloc::string::String;
use alloc::vec::Vec;
pub(crate) use component::valid_name;
pub(crate) use object::earlier_equal;
pub(crate) use path::Path;

/// Validates a parsed manifest and returns it, or every problem found.
///
/// Problems come in a stable order: within each object, unknown and duplicate keys in source
/// order first, then each field in the order of [`crate::fields`]; duplicate names and slots
/// across components last. At most [`MAX_PROBLEMS`] are listed, then one more line with the
/// empty path says how many were left out (`and 12 more problems`).
pub fn from_value(value: &Value) -> Result<Manifest, Problems> {
    check(value)?;
    Ok(assemble::manifest(&mut value.clone()))
}

/// [`from_value`] for a value the caller no longer needs: the same checks and result, but each
/// component's `props` move into the [`Manifest`] instead of being copied (the loader's way).
pub fn from_owned_value(mut value: Value) -> Result<Manifest, Problems> {
    check(&value)?;
    Ok(assemble::manifest(&mut value))
}

/// Every problem of `value`, when it has any.
fn check(value: &Value) -> Result<(), Problems> {
    let mut ctx = Ctx {
        problems: Vec::new(),
        more: 0,
        component: None,
    };
    rules::check_object(&mut ctx, &Path::Root, value, &rules::MANIFEST);
    Problems::found(ctx.problems, ctx.more)
}

/// Collects problems while validation walks the document `'v`.
pub(crate) struct Ctx<'v> {
    /// The first [`MAX_PROBLEMS`] problems.
    problems: Vec<Problem>,
    /// How many more were found.
    more: usize,
    /// The name of the component being validated, when it has a valid one.
    component: Option<&'v str>,
}

impl Ctx<'_> {
    /// Records a problem at `path` in the current component.
    pub(crate) fn report(&mut self, path: &Path<'_>, message: Msg) {
        if self.problems.len() >= MAX_PROBLEMS {
            self.more += 1;
            return;
        }
        self.problems.push(Problem {
            path: path.render(),
            component: self.component.map(String::from),
            message: message.0,
        });
    }

    /// Records the fixed `message` at `path`.
    #[cfg_attr(not(feature = "diagnostics"), inline(always))] // the text is then dead
    pub(crate) fn say(&mut self, path: &Path<'_>, message: &str) {
        self.report(path, Msg::new(message));
    }

    /// Records `message`, then `, got ` and the bad value.
    #[cfg_attr(not(feature = "diagnostics"), inline(always))] // the text is then dead
    pub(crate) fn report_got(&mut self, path: &Path<'_>, message: Msg, value: &Value) {
        let mut message = message;
        message.got(value);
        self.report(path, message);
    }

    /// Records the fixed `message`, then `, got ` and the bad value.
    #[cfg_attr(not(feature = "diagnostics"), inline(always))] // the text is then dead
    pub(crate) fn say_got(&mut self, path: &Path<'_>, message: &str, value: &Value) {
        self.report_got(path, Msg::new(message), value);
    }
}

#[cfg(all(test, feature = "serde"))]
mod tests {
    use super::{from_owned_value, from_value};
    use crate::parse_json;

    /// Moving the value in gives what checking a borrowed one gives, valid or not.
    #[test]
    fn owned_and_borrowed_values_give_the_same_result() {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        for file in [
            "valid/full.json",
            "valid/at-the-limits.json",
            "invalid/bad-urls.json",
        ] {
            let text = std::fs::read_to_string(std::format!("{fixtures}/{file}")).unwrap();
            let value = parse_json(&text).unwrap();
            assert_eq!(
                from_owned_value(value.clone()),
                from_value(&value),
                "{file}"
            );
        }
    }
}
