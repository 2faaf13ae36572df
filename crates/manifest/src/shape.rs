//! The loader's production text gate (docs/builds.md): only the limits that keep every later
//! reader safe, the size ([`MAX_MANIFEST_BYTES`]) and the nesting depth ([`MAX_DEPTH`]), with
//! the same problems as [`crate::check_text`] gives for them.
//!
//! Syntax is left to `JSON.parse`. Repeated keys and lone surrogates, which `JSON.parse` keeps
//! or merges without a word, are not refused: the production loader reads them as `fromObject`
//! always has (the last repeated key wins). `check_text`, in the CLI and in the loader's
//! development build, refuses them; docs/builds.md says to run the CLI in the build.

use crate::limits::{MAX_DEPTH, MAX_MANIFEST_BYTES};
use crate::problem::Problems;
use crate::source::{fatal, too_big, too_deep};

/// `Ok` when `text` is at most [`MAX_MANIFEST_BYTES`] long and nests arrays and objects at
/// most [`MAX_DEPTH`] levels deep (brackets inside strings do not count), whatever else it
/// holds; otherwise the one problem [`crate::check_text`] gives for it. One pass, no recursion.
pub fn check_shape(text: &str) -> Result<(), Problems> {
    if text.len() > MAX_MANIFEST_BYTES {
        return Err(fatal(too_big(text.len())));
    }
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &byte in text.as_bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' if depth == MAX_DEPTH => return Err(fatal(too_deep())),
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(all(test, feature = "serde"))]
mod tests {
    extern crate std;

    use super::check_shape;
    use crate::check_text;
    use crate::limits::{MAX_DEPTH, MAX_MANIFEST_BYTES};
    use alloc::string::String;

    /// Text that `check_text` accepts passes; for size and depth both give the same problem.
    #[test]
    fn it_is_check_text_for_size_and_depth_and_weaker_otherwise() {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        for dir in ["valid", "invalid"] {
            for entry in std::fs::read_dir(fixtures.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "json") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    if check_text(&text).is_ok() {
                        assert_eq!(check_shape(&text), Ok(()), "{}", path.display());
                    }
                }
            }
        }
        let deep = |n: usize| ["{\"a\":", &"[".repeat(n), &"]".repeat(n), "}"].concat();
        assert_eq!(check_shape(&deep(MAX_DEPTH - 1)), Ok(()));
        assert_eq!(check_shape(&deep(MAX_DEPTH)), check_text(&deep(MAX_DEPTH)));
        assert!(check_shape(&deep(MAX_DEPTH)).is_err());
        assert_eq!(check_shape(&deep(1_000_000)), check_text(&deep(1_000_000)));
        let huge: String = ["\"", &"x".repeat(MAX_MANIFEST_BYTES), "\""].concat();
        assert_eq!(check_shape(&huge), check_text(&huge));
        assert!(check_shape(&huge).is_err());
    }

    /// Brackets in strings, escaped quotes and backslashes do not count.
    #[test]
    fn strings_are_skipped() {
        let brackets = "[".repeat(MAX_DEPTH + 1);
        let text = ["{\"a\":\"", &brackets, "\\\"", &brackets, "\\\\\"}"].concat();
        assert_eq!(check_shape(&text), Ok(()));
        let after = ["{\"a\":\"\\\\\",\"b\":", &"[".repeat(MAX_DEPTH + 1), "}"].concat();
        assert!(
            check_shape(&after).is_err(),
            "an escaped backslash ends the escape"
        );
    }
}
