//! Locks the manifest's wire format, as wasm-bindgen's `schema_hash_approval.rs` locks its
//! schema: the JSON Schema file and the field lists hash to an approved value. A change to
//! either fails here until someone decides, on purpose, what kind of change it is.

use tessera_manifest::{fields, MANIFEST_VERSION};

/// The manifest version and the hash of its wire format that were last approved.
const APPROVED: (u32, &str) = (1, "c7ef6845ab29e696");

/// FNV-1a, 64 bits: stable across Rust versions and platforms, no dependency.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn wire_format() -> String {
    let schema = include_str!("../schema/tessera-manifest.v1.schema.json").replace("\r\n", "\n");
    let mut text = String::from("schema\n");
    text.push_str(&schema);
    for (object, names) in [
        ("manifest", fields::MANIFEST),
        ("totalBudget", fields::TOTAL_BUDGET),
        ("component", fields::COMPONENT),
        ("budget", fields::BUDGET),
        ("routeLoad", fields::ROUTE_LOAD),
        ("capabilities", fields::CAPABILITIES),
        ("kinds", fields::KINDS),
        ("loadPolicies", fields::LOAD_POLICIES),
        ("isolations", fields::ISOLATIONS),
    ] {
        text.push_str(&format!("\nfields {object}: {}", names.join(",")));
    }
    text
}

#[test]
fn wire_format_is_approved() {
    let hash = format!("{:016x}", fnv1a(wire_format().as_bytes()));
    assert!(
        APPROVED == (MANIFEST_VERSION, hash.as_str()),
        r#"
The manifest wire format changed: schema/tessera-manifest.v1.schema.json or
tessera_manifest::fields no longer hash to the approved value.

Decide what kind of change this is before updating the test:
- Manifests that were valid stay valid and mean the same (a new optional field, a looser
  limit, a better description): set APPROVED in tests/schema_hash_approval.rs to
  ({MANIFEST_VERSION}, "{hash}") and note the change in CHANGELOG.md.
- Anything else (a field renamed or removed, a default or meaning changed, a limit
  tightened): bump MANIFEST_VERSION, add a new schema file for the new version, keep
  reading the old one, update docs/manifest.md, then approve the new hash.

approved: {APPROVED:?}
current:  ({MANIFEST_VERSION}, {hash:?})
"#
    );
}

#[test]
fn the_hash_sees_every_byte() {
    let text = wire_format();
    let mut changed = text.clone().into_bytes();
    changed[text.len() / 2] ^= 1;
    assert_ne!(fnv1a(text.as_bytes()), fnv1a(&changed));
}
