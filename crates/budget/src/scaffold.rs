//! `tessera-budget new NAME`: a component crate that builds on its own, outside any workspace.
//!
//! It writes the files of `crates/budget/template/` with the name filled in: `Cargo.toml` (a
//! `cdylib`, the size-first release profile, its own empty `[workspace]`, `tessera-guest` by
//! path), `build.rs` (stack size and memory maximum), `src/lib.rs` (a working component with a
//! native test on the SDK's harness), `tessera.json` (its manifest entry with a budget),
//! `README.md` (the build commands) and `.gitignore`. `docs/writing-components.md` walks through
//! them.

use std::fmt;
use std::path::{Path, PathBuf};

use clap::Args;

use crate::cli::{EXIT_OK, EXIT_UNUSABLE};

/// Arguments of `new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The component's name, also its crate's: lowercase letters, digits, `-` and `_`, starting
    /// with a letter (e.g. `greeter`).
    pub name: String,
    /// The folder to create (default: NAME in the working directory); it must not exist or be empty.
    #[arg(long, value_name = "DIR")]
    pub path: Option<PathBuf>,
    /// The tessera-guest SDK folder (crates/guest of a Tessera checkout) the crate depends on by
    /// path. Default: the SDK next to this tessera-budget's source.
    #[arg(long, value_name = "PATH")]
    pub sdk: Option<PathBuf>,
}

/// The SDK next to this CLI's own source: `crates/guest` beside `crates/budget`.
pub fn default_sdk() -> PathBuf {
    let budget = Path::new(env!("CARGO_MANIFEST_DIR"));
    budget.parent().unwrap_or(budget).join("guest")
}

/// Why `new` wrote nothing (or stopped while writing).
#[derive(Debug)]
pub enum ScaffoldError {
    /// The name cannot be a component's and a crate's name.
    InvalidName {
        /// The name as given.
        name: String,
        /// What is wrong with it.
        why: &'static str,
    },
    /// The folder exists and holds files.
    NotEmpty {
        /// The folder.
        path: PathBuf,
    },
    /// No `tessera-guest` crate at the SDK path.
    SdkNotFound {
        /// The path that was looked at.
        path: PathBuf,
        /// Whether it is the default (no `--sdk`).
        default: bool,
    },
    /// The SDK path is not UTF-8, so it cannot be written into `Cargo.toml`.
    PathNotUtf8 {
        /// The path.
        path: PathBuf,
    },
    /// A file or folder could not be written.
    WriteFailed {
        /// The file or folder.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
}

impl ScaffoldError {
    /// A stable, kebab-case code for this kind of error.
    pub fn code(&self) -> &'static str {
        match self {
            ScaffoldError::InvalidName { .. } => "invalid-name",
            ScaffoldError::NotEmpty { .. } => "folder-not-empty",
            ScaffoldError::SdkNotFound { .. } => "sdk-not-found",
            ScaffoldError::PathNotUtf8 { .. } => "path-not-utf8",
            ScaffoldError::WriteFailed { .. } => "write-failed",
        }
    }
}

impl fmt::Display for ScaffoldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScaffoldError::InvalidName { name, why } => {
                write!(f, "'{name}' cannot name a component crate: {why}")
            }
            ScaffoldError::NotEmpty { path } => write!(
                f,
                "{}: the folder exists and is not empty; choose another with --path DIR",
                path.display()
            ),
            ScaffoldError::SdkNotFound { path, default } => {
                write!(f, "{}: no tessera-guest crate there", path.display())?;
                if *default {
                    f.write_str(" (the SDK next to this tessera-budget's source)")?;
                }
                f.write_str("; pass --sdk PATH to crates/guest of a Tessera checkout")
            }
            ScaffoldError::PathNotUtf8 { path } => {
                write!(f, "{}: the SDK path is not UTF-8", path.display())
            }
            ScaffoldError::WriteFailed { path, source } => {
                write!(f, "{}: cannot write: {source}", path.display())
            }
        }
    }
}

impl std::error::Error for ScaffoldError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ScaffoldError::WriteFailed { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The template: each file's path in the new crate and its text with `{{...}}` placeholders.
pub const TEMPLATE: &[(&str, &str)] = &[
    ("Cargo.toml", include_str!("../template/Cargo.toml.tmpl")),
    ("build.rs", include_str!("../template/build.rs.tmpl")),
    ("src/lib.rs", include_str!("../template/src/lib.rs.tmpl")),
    (
        "tessera.json",
        include_str!("../template/tessera.json.tmpl"),
    ),
    ("README.md", include_str!("../template/README.md.tmpl")),
    (".gitignore", include_str!("../template/gitignore.tmpl")),
];

/// Names a crate cannot take, separated by spaces: Rust keywords (its library is named after
/// it), the standard crates, and the SDK's own crates (a dependency cycle).
const RESERVED: &str = "\
    abstract alloc as async await become box break const continue core crate do dyn else \
    enum extern false final fn for gen if impl in let loop macro match mod move mut override \
    priv proc_macro pub ref return self static std struct super tessera_abi tessera_guest \
    test trait true try type typeof unsafe unsized use virtual where while yield";

/// Type names the prelude or the template already use, separated by spaces: the component's
/// type must differ.
const TAKEN_TYPES: &str =
    "Box Component Cx Error Json Kind Msg Node Object Piece Str String Timer ToOwned Vec";

/// Checks `name`: `[a-z][a-z0-9_-]{0,63}`, not reserved.
pub fn check_name(name: &str) -> Result<(), ScaffoldError> {
    let bad = |why| {
        Err(ScaffoldError::InvalidName {
            name: name.to_string(),
            why,
        })
    };
    let bytes = name.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_lowercase) {
        return bad("it must start with a lowercase letter");
    }
    if bytes.len() > 64 {
        return bad("it must be at most 64 characters");
    }
    if !bytes
        .iter()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-' || *b == b'_')
    {
        return bad("it may hold only lowercase letters, digits, '-' and '_'");
    }
    let lib = name.replace('-', "_");
    if RESERVED.split_whitespace().any(|r| r == lib) {
        return bad("it is a Rust keyword or a reserved crate name");
    }
    Ok(())
}

/// The component's type name: `my-widget` → `MyWidget` (`NodeApp` where the plain one is taken).
pub fn type_name(name: &str) -> String {
    let mut out = String::new();
    for part in name.split(['-', '_']) {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars);
        }
    }
    if TAKEN_TYPES.split_whitespace().any(|t| t == out) {
        out.push_str("App");
    }
    out
}

/// `path` as a TOML basic string's contents (`\` and `"` escaped).
fn toml_escape(path: &str) -> String {
    path.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The template's files for component `name` depending on the SDK at `sdk` (written as given).
pub fn render(name: &str, sdk: &str) -> Vec<(&'static str, String)> {
    let values = [
        ("{{name}}", name.to_string()),
        ("{{lib}}", name.replace('-', "_")),
        ("{{Type}}", type_name(name)),
        ("{{slot}}", format!("#{name}")),
        ("{{sdk}}", toml_escape(sdk)),
    ];
    TEMPLATE
        .iter()
        .map(|(path, text)| {
            let filled = values
                .iter()
                .fold(text.to_string(), |t, (key, value)| t.replace(key, value));
            (*path, filled)
        })
        .collect()
}

/// Where the new crate's files went.
#[derive(Debug)]
pub struct Created {
    /// The crate's folder.
    pub dir: PathBuf,
    /// The SDK folder written into its `Cargo.toml`.
    pub sdk: PathBuf,
    /// The files written, relative to `dir`.
    pub files: Vec<&'static str>,
}

/// Writes the crate of `args`; nothing is written when the name, folder or SDK is unusable.
pub fn scaffold(args: &NewArgs) -> Result<Created, ScaffoldError> {
    check_name(&args.name)?;
    let dir = args
        .path
        .clone()
        .unwrap_or_else(|| PathBuf::from(&args.name));
    if std::fs::read_dir(&dir).is_ok_and(|mut entries| entries.next().is_some()) {
        return Err(ScaffoldError::NotEmpty { path: dir });
    }
    let given = args.sdk.clone();
    let sdk = given.clone().unwrap_or_else(default_sdk);
    let sdk = std::path::absolute(&sdk).unwrap_or(sdk);
    let is_sdk = std::fs::read_to_string(sdk.join("Cargo.toml"))
        .is_ok_and(|toml| toml.contains("name = \"tessera-guest\""));
    if !is_sdk {
        return Err(ScaffoldError::SdkNotFound {
            path: sdk,
            default: given.is_none(),
        });
    }
    let Some(sdk_text) = sdk.to_str() else {
        return Err(ScaffoldError::PathNotUtf8 { path: sdk });
    };
    let files = render(&args.name, sdk_text);
    for (path, text) in &files {
        let full = dir.join(path);
        let folder = full.parent().unwrap_or(&dir);
        std::fs::create_dir_all(folder)
            .and_then(|()| std::fs::write(&full, text))
            .map_err(|source| ScaffoldError::WriteFailed { path: full, source })?;
    }
    Ok(Created {
        dir,
        sdk,
        files: files.iter().map(|(path, _)| *path).collect(),
    })
}

/// Runs `new`: writes the crate and prints what to do next; 0 on success, 2 when unusable.
pub fn run_new(args: NewArgs) -> u8 {
    match scaffold(&args) {
        Ok(created) => {
            let dir = created.dir.display();
            println!(
                "created {dir}/ with tessera-guest from {}:",
                created.sdk.display()
            );
            for file in &created.files {
                println!("  {file}");
            }
            println!("next: cd {dir} && cargo test; {dir}/README.md has the build and size-check commands");
            EXIT_OK
        }
        Err(error) => {
            eprintln!("error[{}]: {error}", error.code());
            EXIT_UNUSABLE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        for ok in ["greeter", "my-widget", "w_2", "a"] {
            assert!(check_name(ok).is_ok(), "{ok}");
        }
        let why = |name: &str| match check_name(name) {
            Err(ScaffoldError::InvalidName { why, .. }) => why,
            other => panic!("{name}: {other:?}"),
        };
        assert_eq!(why(""), "it must start with a lowercase letter");
        assert_eq!(why("2d"), "it must start with a lowercase letter");
        assert_eq!(why("Greeter"), "it must start with a lowercase letter");
        assert_eq!(
            why("my widget"),
            "it may hold only lowercase letters, digits, '-' and '_'"
        );
        assert_eq!(why(&"a".repeat(65)), "it must be at most 64 characters");
        assert_eq!(why("fn"), "it is a Rust keyword or a reserved crate name");
        assert_eq!(
            why("tessera-guest"),
            "it is a Rust keyword or a reserved crate name"
        );
    }

    #[test]
    fn type_names() {
        assert_eq!(type_name("greeter"), "Greeter");
        assert_eq!(type_name("my-cart_2"), "MyCart2");
        assert_eq!(type_name("a--b"), "AB");
        assert_eq!(type_name("node"), "NodeApp");
        assert_eq!(type_name("component"), "ComponentApp");
    }

    #[test]
    fn every_placeholder_is_filled_and_the_manifest_is_valid() {
        let files = render("my-widget", "C:\\sdk \"x\"");
        for (path, text) in &files {
            assert!(!text.contains("{{"), "{path}: {text}");
        }
        let file = |name: &str| {
            files
                .iter()
                .find(|(p, _)| *p == name)
                .map(|(_, t)| t.as_str())
                .unwrap()
        };
        assert!(file("Cargo.toml").contains(r#"tessera-guest = { path = "C:\\sdk \"x\"" }"#));
        assert!(file("Cargo.toml").contains("\n[workspace]\n"));
        assert!(!file("Cargo.toml").contains(".workspace"));
        assert!(file("src/lib.rs").contains("impl Component for MyWidget {"));
        assert!(file("README.md").contains(
            "-o dist/my-widget.wasm target/wasm32-unknown-unknown/release/my_widget.wasm"
        ));
        let manifest =
            tessera_manifest::from_json_str(file("tessera.json")).unwrap_or_else(|p| panic!("{p}"));
        let entry = &manifest.components[0];
        assert_eq!(entry.name, "my-widget");
        assert_eq!(entry.budget.max_memory_pages, Some(4));
        assert!(file("build.rs").contains("const MAX_MEMORY: u32 = 4 * 65536;"));
    }
}
