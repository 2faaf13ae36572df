//! Exit statuses and messages of the real binary: 0 fits, 1 over budget, 2 unusable input, each
//! unusable input named with its file and problem on stderr.

mod support;

use support::{Site, COUNTER_WAT};

#[test]
fn fits_exits_0_and_check_is_the_default_command() {
    let site = Site::new();
    let run = site.run(&["fits.json", "--no-loader"]);
    assert_eq!(run.status, 0, "{run:?}");
    assert!(
        run.stdout.contains("result: ok, every budget fits"),
        "{}",
        run.stdout
    );
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}

#[test]
fn over_budget_exits_1() {
    let site = Site::new();
    let run = site.run(&["check", "tessera.json", "--no-loader"]);
    assert_eq!(run.status, 1, "{run:?}");
    assert!(
        run.stdout
            .contains("cart gzip: 3,281 B > 2,048 B (1,233 B over, 160.2% of budget)"),
        "{}",
        run.stdout
    );
    let run = site.run(&["check", "tessera.json", "--no-loader", "--format", "json"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr.contains("over budget (4 limits exceeded)"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_loader_budget_is_enforced_and_overridable() {
    let site = Site::new();
    let run = site.run(&["fits.json", "--loader", "pkg"]);
    assert_eq!(run.status, 0, "{run:?}");
    let run = site.run(&["fits.json", "--loader", "pkg", "--loader-budget", "100"]);
    assert_eq!(run.status, 1, "{run:?}");
    assert!(
        run.stdout.contains("loader brotli: 224 B > 100 B"),
        "{}",
        run.stdout
    );
    let run = site.run(&[
        "fits.json",
        "--loader",
        "pkg/tessera_loader_bg.wasm,pkg/tessera_loader.js",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        json["loader"]["size"]["brotli"], 224,
        "the same two files, named one by one"
    );
    assert_eq!(
        json["loader"]["files"].as_array().unwrap().len(),
        2,
        "the .d.ts is never counted"
    );
}

#[test]
fn the_default_loader_is_pkg_when_present() {
    let site = Site::new();
    let run = site.run(&["fits.json", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        json["loader"]["budget"]["brotli"],
        tessera_budget::report::LOADER_BROTLI_BUDGET,
        "the default is the budget the project enforces on its own loader"
    );
    std::fs::remove_dir_all(site.path().join("pkg")).unwrap();
    let run = site.run(&["fits.json"]);
    assert_eq!(run.status, 0, "{run:?}");
    assert!(
        run.stderr
            .contains("note: loader: no pkg/ folder here; not measured"),
        "{}",
        run.stderr
    );
    let run = site.run(&["fits.json", "--loader", "pkg"]);
    assert_eq!(run.status, 2, "an explicit loader must exist");
    assert!(
        run.stderr
            .contains("error[loader-missing]: pkg: no loader build found"),
        "{}",
        run.stderr
    );
}

#[test]
fn missing_manifest_exits_2() {
    let site = Site::new();
    let run = site.run(&["nope.json"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .starts_with("error[manifest-unreadable]: nope.json: cannot read manifest:"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn unparsable_manifest_exits_2() {
    let site = Site::new();
    site.write("broken.json", b"{ \"manifestVersion\": 1, ");
    let run = site.run(&["broken.json"]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(
        run.stderr.starts_with(
            "error[manifest-invalid]: broken.json: invalid manifest (1 problem)\n  (root): "
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn every_manifest_problem_is_printed() {
    let site = Site::new();
    site.write(
        "invalid.json",
        br##"{"manifestVersion": 1, "components": [
            {"name": "a", "module": "a.wasm", "slot": "#a", "budget": {"maxBytes": -5}},
            {"name": "a", "module": "javascript:alert(1)", "slot": "#b", "colour": "red"}
        ]}"##,
    );
    let run = site.run(&["invalid.json", "--no-loader"]);
    assert_eq!(run.status, 2, "{run:?}");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert!(
        lines[0].starts_with("error[manifest-invalid]: invalid.json: invalid manifest ("),
        "{}",
        run.stderr
    );
    assert!(lines.len() >= 4, "one line per problem: {}", run.stderr);
    for needle in [
        "components[0].budget.maxBytes",
        "-5",
        "javascript",
        "colour",
    ] {
        assert!(
            run.stderr.contains(needle),
            "{needle} missing from {}",
            run.stderr
        );
    }
}

#[test]
fn missing_module_exits_2_naming_every_try() {
    let site = Site::new();
    std::fs::remove_file(site.path().join("components/counter.wasm")).unwrap();
    std::fs::remove_file(site.path().join("components/cart.wasm")).unwrap();
    let run = site.run(&["tessera.json", "--no-loader"]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(
        run.stderr.contains("error[file-missing]: component 'counter': no file for 'components/counter.wasm'; tried components/counter.wasm"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("component 'cart'"),
        "every missing module is reported: {}",
        run.stderr
    );
    let run = site.run(&["tessera.json", "--no-loader", "--dist", "dist"]);
    assert!(
        run.stderr
            .contains("tried dist/components/counter.wasm, dist/counter.wasm"),
        "{}",
        run.stderr
    );
}

#[test]
fn dist_folder_falls_back_to_the_file_name() {
    let site = Site::new();
    site.write("dist/counter.wasm", &wat::parse_str(COUNTER_WAT).unwrap());
    let run = site.run(&[
        "fits.json",
        "--no-loader",
        "--dist",
        "dist",
        "--format",
        "json",
    ]);
    assert_eq!(run.status, 0, "{run:?}");
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        json["components"][0]["files"][0]["path"],
        "dist/counter.wasm"
    );
}

#[test]
fn truncated_wasm_exits_2() {
    let site = Site::new();
    let bytes = wat::parse_str(COUNTER_WAT).unwrap();
    site.write("components/counter.wasm", &bytes[..bytes.len() / 2]);
    let run = site.run(&["fits.json", "--no-loader"]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("error[invalid-wasm]: components/counter.wasm: not a valid wasm module: "),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("offset"), "{}", run.stderr);
}

#[test]
fn not_wasm_exits_2() {
    let site = Site::new();
    site.write(
        "components/counter.wasm",
        b"<!doctype html><title>404</title>",
    );
    let run = site.run(&["fits.json", "--no-loader"]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(
        run.stderr.contains(
            "components/counter.wasm: not a valid wasm module: magic header not detected"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn invalid_section_exits_2() {
    let site = Site::new();
    // A valid header, then a function section that names type 0 of an absent type section.
    site.write(
        "components/counter.wasm",
        b"\0asm\x01\0\0\0\x03\x02\x01\x00",
    );
    let run = site.run(&["fits.json", "--no-loader"]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("error[invalid-wasm]: components/counter.wasm"),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_arguments_and_baselines_exit_2() {
    let site = Site::new();
    assert_eq!(site.run(&["fits.json", "--format", "pdf"]).status, 2);
    assert_eq!(site.run(&[]).status, 2);
    let run = site.run(&["fits.json", "--no-loader", "--baseline", "missing.json"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("error[baseline-unreadable]: missing.json"),
        "{}",
        run.stderr
    );
    site.write("old.json", b"{\"reportVersion\": 7, \"components\": [], \"total\": {\"name\": \"total\", \"size\": {\"raw\": 0, \"gzip\": 0, \"brotli\": 0}}}");
    let run = site.run(&["fits.json", "--no-loader", "--baseline", "old.json"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains(
            "error[baseline-invalid]: old.json: not a tessera-budget JSON report: reportVersion 7"
        ),
        "{}",
        run.stderr
    );
    let help = site.run(&["--help"]);
    assert_eq!(help.status, 0);
    assert!(help.stdout.contains("integrity"));
}

#[test]
fn a_saved_json_report_is_a_baseline_and_output_goes_to_a_file() {
    let site = Site::new();
    let run = site.run(&[
        "tessera.json",
        "--loader",
        "pkg",
        "--format",
        "json",
        "--output",
        "old.json",
    ]);
    assert_eq!(run.status, 1);
    assert!(run.stdout.is_empty(), "the report went to the file");
    let run = site.run(&[
        "tessera.json",
        "--loader",
        "pkg",
        "--format",
        "json",
        "--baseline",
        "old.json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    for item in json["components"]
        .as_array()
        .unwrap()
        .iter()
        .chain([&json["total"], &json["loader"]])
    {
        assert_eq!(item["delta"]["brotli"]["bytes"], 0, "{item}");
        assert_eq!(item["delta"]["raw"]["percent"], 0.0, "{item}");
    }
    assert_eq!(json["baseline"]["added"], serde_json::json!([]));
    assert_eq!(json["baseline"]["removed"], serde_json::json!([]));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let site = Site::new();
    let plain = site.run(&["fits.json", "--no-loader"]);
    assert!(!plain.stdout.contains('\x1b'), "not a terminal: no colour");
    let coloured = site.run(&["fits.json", "--no-loader", "--color", "always"]);
    assert!(
        coloured.stdout.contains("\x1b[32mok\x1b[0m"),
        "{}",
        coloured.stdout
    );
    let stripped = coloured
        .stdout
        .replace("\x1b[32m", "")
        .replace("\x1b[1m", "")
        .replace("\x1b[2m", "")
        .replace("\x1b[0m", "");
    assert_eq!(stripped, plain.stdout, "colour never moves a column");
}
