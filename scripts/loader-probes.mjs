#!/usr/bin/env node
// What each part of the loader costs: builds the committed loader (HEAD) as it is, then once per
// probe with that part stubbed out, and once with every probe at once, and prints brotli bytes
// (quality 11, window 22, as tessera-budget measures) of wasm + JS for each, with the difference.
// A probe is a set of text edits that make a part unreachable so that the optimizer drops it;
// an edit whose text is not found fails the run (the code moved: update the probe).
// Usage: node scripts/loader-probes.mjs [--only NAME]   (about a minute per build)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { PROBES } from "./loader-probes/probes.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const only = process.argv.indexOf("--only") > 0 ? process.argv[process.argv.indexOf("--only") + 1] : null;
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: ["ignore", "ignore", "inherit"], ...opts });

const tree = fs.mkdtempSync(path.join(os.tmpdir(), "tessera-probes-"));
run("git", ["-C", root, "worktree", "add", "--detach", tree, "HEAD"]);
fs.symlinkSync(path.join(root, "node_modules"), path.join(tree, "node_modules"));
const env = { ...process.env, CARGO_TARGET_DIR: path.join(root, "target", "probes") };

function brotli(file) {
  const bytes = fs.readFileSync(file);
  const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 22 };
  return zlib.brotliCompressSync(bytes, { params }).length;
}

function apply(probe) {
  for (const { file, find, replace } of probe.edits) {
    const full = path.join(tree, file);
    const text = fs.readFileSync(full, "utf8");
    if (!text.includes(find)) throw new Error(`probe '${probe.name}': text not found in ${file}:\n${find}`);
    fs.writeFileSync(full, text.replace(find, replace));
  }
}

function measure(label, probes) {
  run("git", ["-C", tree, "checkout", "--", "crates"]);
  probes.forEach(apply);
  const out = path.join(tree, "pkg-probe");
  run("bash", ["scripts/build-loader.sh", out], { cwd: tree, env });
  const wasm = brotli(path.join(out, "tessera_loader_bg.wasm"));
  const js = brotli(path.join(out, "tessera_loader.js"));
  process.stderr.write(`${label}: ${wasm + js} B\n`);
  return { label, wasm, js, total: wasm + js };
}

try {
  const chosen = PROBES.filter((p) => !only || p.name === only);
  const base = measure("the loader as built", []);
  const rows = chosen.map((p) => ({ ...measure(p.name, [p]), what: p.what }));
  if (!only) rows.push({ ...measure("all of the above", chosen), what: "every part above stubbed at once" });
  console.log("| without | what it removes | wasm + JS brotli | saves |");
  console.log("|---|---|---|---|");
  console.log(`| nothing | the loader as built | ${base.total} B (${base.wasm} + ${base.js}) | |`);
  for (const r of rows) {
    console.log(`| ${r.label} | ${r.what} | ${r.total} B (${r.wasm} + ${r.js}) | ${base.total - r.total} B |`);
  }
} finally {
  run("git", ["-C", root, "worktree", "remove", "--force", tree]);
}
