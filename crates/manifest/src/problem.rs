//! What validation reports: every problem found, each naming its JSON path and component.

use alloc::string::String;
use alloc::vec::Vec;

use core::fmt;

/// One thing wrong with a manifest.
///
/// Displays as `components[2].budget.maxBytes: must be a positive integer, got -5`, or, when the
/// component's name is known, `components[2].budget.maxBytes (component 'cart'): ...`. A problem
/// with the whole document (for example a JSON syntax error) has the empty path and displays as
/// `(root): ...`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The JSON path of the offending value: `components[2].budget.maxBytes`; `""` for the root.
    pub path: String,
    /// The name of the component the problem is in, when it has a valid name.
    pub component: Option<String>,
    /// What is wrong, lowercase, naming the bad value.
    pub message: String,
}

impl Problem {
    /// The problem as one line of text, without going through `core::fmt` (keeps wasm small).
    pub fn to_line(&self) -> String {
        let mut line = String::with_capacity(self.path.len() + self.message.len() + 24);
        line.push_str(if self.path.is_empty() {
            "(root)"
        } else {
            &self.path
        });
        if let Some(name) = &self.component {
            line.push_str(" (component '");
            line.push_str(name);
            line.push_str("')");
        }
        // Without `diagnostics` messages are empty: the line is the path and component alone.
        if cfg!(feature = "diagnostics") {
            line.push_str(": ");
            line.push_str(&self.message);
        }
        line
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_line())
    }
}

/// Every problem validation found, in a stable order. Never empty when returned as an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// `Ok` when `problems` is empty; otherwise them, and when `more` were left out, one more
    /// line with the empty path: `and 12 more problems`.
    pub(crate) fn found(mut problems: Vec<Problem>, more: usize) -> Result<(), Problems> {
        if more > 0 {
            let mut message = crate::text::Msg::new("and ");
            message.int(more as i64).s(" more problems");
            problems.push(Problem {
                path: String::new(),
                component: None,
                message: message.0,
            });
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Problems(problems))
        }
    }

    /// All problems, one per line (no trailing newline).
    pub fn to_lines(&self) -> String {
        self.joined("\n")
    }

    /// Every problem's line, with `separator` between them (the loader uses `"; "`).
    pub fn joined(&self, separator: &str) -> String {
        let mut text = String::new();
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                text.push_str(separator);
            }
            text.push_str(&problem.to_line());
        }
        text
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_lines())
    }
}

#[cfg(feature = "std")]
impl std::error::Error for Problems {}
