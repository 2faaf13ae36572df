//! The `integrity` command: writes SRI values in place keeping everything else, and `--check`.

mod support;

use support::{Site, COUNTER_WAT};

#[test]
fn writes_values_after_module_and_keeps_everything_else() {
    let site = Site::new();
    let run = site.run(&["integrity", "tessera.json"]);
    assert_eq!(run.status, 0, "{run:?}");
    assert!(
        run.stderr.contains("wrote 3 integrity value(s)"),
        "{}",
        run.stderr
    );
    let written = site.read("tessera.json");
    assert!(written.ends_with("}\n") && !written.ends_with("\n\n"));
    let json: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(json["$schema"], "../schema.json");
    let keys: Vec<&String> = json["components"][2].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "name",
            "kind",
            "module",
            "integrity",
            "glue",
            "slot",
            "budget"
        ]
    );
    let counter = std::fs::read(site.path().join("components/counter.wasm")).unwrap();
    let expected =
        tessera_budget::integrity::sri(tessera_budget::integrity::Algorithm::Sha256, &counter);
    assert_eq!(json["components"][0]["integrity"], expected.as_str());

    // A second run finds nothing to do and leaves the file alone.
    let again = site.run(&["integrity", "tessera.json"]);
    assert_eq!(again.status, 0);
    assert!(
        again
            .stdout
            .contains("counter  components/counter.wasm  ok"),
        "{}",
        again.stdout
    );
    assert_eq!(site.read("tessera.json"), written);
}

#[test]
fn replaces_an_existing_value_in_place_with_the_chosen_algorithm() {
    let site = Site::new();
    assert_eq!(site.run(&["integrity", "fits.json"]).status, 0);
    let run = site.run(&["integrity", "fits.json", "--algorithm", "sha384"]);
    assert_eq!(run.status, 0, "{run:?}");
    let json: serde_json::Value = serde_json::from_str(&site.read("fits.json")).unwrap();
    let value = json["components"][0]["integrity"].as_str().unwrap();
    assert!(
        value.starts_with("sha384-") && value.len() == 7 + 64,
        "{value}"
    );
    let keys: Vec<&String> = json["components"][0].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["name", "module", "integrity", "slot", "budget"]);
}

#[test]
fn check_mode_never_writes_and_exits_1_when_stale_or_missing() {
    let site = Site::new();
    let before = site.read("fits.json");
    let run = site.run(&["integrity", "fits.json", "--check"]);
    assert_eq!(run.status, 1, "no value yet: missing");
    assert!(run.stdout.contains("missing"), "{}", run.stdout);
    assert_eq!(site.read("fits.json"), before, "--check never writes");

    assert_eq!(site.run(&["integrity", "fits.json"]).status, 0);
    let run = site.run(&["integrity", "fits.json", "--check"]);
    assert_eq!(run.status, 0, "{run:?}");

    let rebuilt = wat::parse_str(COUNTER_WAT.replace("i32.const 1)", "i32.const 2)")).unwrap();
    site.write("components/counter.wasm", &rebuilt);
    let run = site.run(&["integrity", "fits.json", "--check"]);
    assert_eq!(run.status, 1, "{run:?}");
    assert!(run.stdout.contains("stale"), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("fits.json: 1 integrity value(s) stale or missing"),
        "{}",
        run.stderr
    );
}

#[test]
fn unusable_input_exits_2() {
    let site = Site::new();
    assert_eq!(site.run(&["integrity", "nope.json"]).status, 2);
    std::fs::remove_file(site.path().join("components/counter.wasm")).unwrap();
    let run = site.run(&["integrity", "fits.json"]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("error[file-missing]: component 'counter'"),
        "{}",
        run.stderr
    );
    assert!(
        !site.read("fits.json").contains("integrity"),
        "nothing written on error"
    );
}
