#!/usr/bin/env node
// Renames the loader's wasm imports and exports to one- or two-letter names, in the wasm and in
// its wasm-bindgen JS glue, so that the hashed binding names (`__wbg_fetch_9212800a218cd215`)
// are not shipped twice. Called by scripts/build.sh; the public JS API (`Tessera`, `init`) keeps
// its names, only the names between the glue and the wasm change.
//
//   node scripts/shrink-loader.mjs MAP.json MINIFIED.wasm GLUE.js > OUT.js
//
// MAP.json is what `wasm-opt --minify-imports-and-exports-and-modules` prints (binaryen 132):
// `{ "imports": [[module, old, new], ...], "exports": [[old, new], ...] }`. That pass also puts
// every import in one module, read back from MINIFIED.wasm. GLUE.js is wasm-bindgen's
// `--target web` output: its `__wbg_get_imports()` builds one object of functions for the
// module "./tessera_loader_bg.js" and passes snippet modules (`src/js/*.js`) as namespaces; the
// glue reads exports as `wasm.<name>`. Every rename is checked: the script fails rather than
// write glue that does not match the wasm. It also drops three runtime fallbacks of the glue that
// no browser able to run the loader uses (each removal fails the build when its text is absent),
// and puts the fault guard around the glue (at the end of this file).
import { readFileSync } from "node:fs";

const [mapFile, wasmFile, glueFile] = process.argv.slice(2);
if (!glueFile) {
  console.error("usage: node scripts/shrink-loader.mjs MAP.json MINIFIED.wasm GLUE.js > OUT.js");
  process.exit(2);
}
const fail = (why) => {
  console.error(`shrink-loader: ${why}`);
  process.exit(1);
};

// wasm-opt may print other lines around the JSON.
const mapText = readFileSync(mapFile, "utf8");
const map = JSON.parse(mapText.slice(mapText.indexOf("{"), mapText.lastIndexOf("}") + 1));
const wasmImports = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasmFile)));
const modules = [...new Set(wasmImports.map((i) => i.module))];
if (modules.length !== 1) fail(`expected one import module in the wasm, found ${modules.join(", ")}`);
if (wasmImports.length !== map.imports.length) {
  fail(`the wasm has ${wasmImports.length} imports, the mapping ${map.imports.length}`);
}

let glue = readFileSync(glueFile, "utf8");
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Snippet modules: one namespace variable per module path.
const namespaces = new Map();
for (const [, name, path] of glue.matchAll(/^import \* as (\w+) from "([^"]+)"/gm)) {
  if (!namespaces.has(path)) namespaces.set(path, name);
}

// Imports of the glue module are keys of `import0`; snippet imports are added to it.
const added = [];
for (const [module, old, renamed] of map.imports) {
  if (module === "./tessera_loader_bg.js") {
    const key = new RegExp(`^(\\s+)${escape(old)}:`, "gm");
    const found = glue.match(key)?.length ?? 0;
    if (found !== 1) fail(`import ${old} is defined ${found} times in the glue`);
    glue = glue.replace(key, `$1${JSON.stringify(renamed)}:`);
  } else if (namespaces.has(module)) {
    added.push(`${JSON.stringify(renamed)}: ${namespaces.get(module)}.${old}`);
  } else {
    fail(`import ${old} comes from ${module}, which the glue does not import`);
  }
}

// The import object: every import in the one module of the minified wasm.
const imports = /return \{\s*__proto__: null,\s*"\.\/tessera_loader_bg\.js": import0,[^}]*\};/;
if (!imports.test(glue)) fail("no import object found in the glue");
glue = glue.replace(
  imports,
  () => `return { ${JSON.stringify(modules[0])}: Object.assign(import0, { ${added.join(", ")} }) };`,
);

// Runtime branches that no browser able to run the loader takes: the wasm needs reference types
// (externref), and every browser with them has `FinalizationRegistry` and
// `TextEncoder.prototype.encodeInto`. Each rewrite must match exactly as often as said.
const drop = (what, text, replacement, times) => {
  const found = glue.split(text).length - 1;
  if (found !== times) fail(`${what}: expected ${times} match(es) in the glue, found ${found}`);
  glue = glue.replaceAll(text, replacement);
};
drop(
  "FinalizationRegistry fallback",
  "(typeof FinalizationRegistry === 'undefined')\n    ? { register: () => {}, unregister: () => {} }\n    : new FinalizationRegistry(",
  "new FinalizationRegistry(",
  2,
);
drop(
  "encodeInto polyfill",
  `if (!('encodeInto' in cachedTextEncoder)) {
    cachedTextEncoder.encodeInto = function (arg, view) {
        const buf = cachedTextEncoder.encode(arg);
        view.set(buf);
        return {
            read: arg.length,
            written: buf.length
        };
    };
}
`,
  "",
  1,
);
// passStringToWasm0's branch for a call without `realloc`: the glue never makes one.
const stringCalls = glue.match(/passStringToWasm0\([^)]*\)/g) ?? [];
const withoutRealloc = stringCalls.filter(
  (c) => !c.endsWith(", wasm.__wbindgen_malloc, wasm.__wbindgen_realloc)") && c !== "passStringToWasm0(arg, malloc, realloc)",
);
if (withoutRealloc.length) fail(`passStringToWasm0 called without realloc: ${withoutRealloc.join(", ")}`);
drop(
  "passStringToWasm0 without realloc",
  `    if (realloc === undefined) {
        const buf = cachedTextEncoder.encode(arg);
        const ptr = malloc(buf.length, 1) >>> 0;
        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
        WASM_VECTOR_LEN = buf.length;
        return ptr;
    }

`,
  "",
  1,
);

// An import that returns a string or bytes writes pointer and length to a return slot (`arg0`)
// in four lines; one helper does it for all, in the same order (the length is read after the
// copy that sets it).
const slot =
  /^( +)(const|var) ptr1 = ([^;\n]+);\n\1\2 len1 = WASM_VECTOR_LEN;\n\1getDataViewMemory0\(\)\.setInt32\(\(arg0 >>> 0\) \+ 4 \* 1, len1, true\);\n\1getDataViewMemory0\(\)\.setInt32\(\(arg0 >>> 0\) \+ 4 \* 0, ptr1, true\);$/gm;
const slots = glue.match(slot)?.length ?? 0;
if (!slots) fail("no return slot written in the glue");
glue = glue.replace(slot, "$1putSlice(arg0, $3);");
if (/len1|ptr1/.test(glue)) fail("a return slot the script does not rewrite is left in the glue");
glue += `
function putSlice(at, ptr) {
    const view = getDataViewMemory0();
    view.setInt32((at >>> 0) + 4, WASM_VECTOR_LEN, true);
    view.setInt32(at >>> 0, ptr, true);
}
`;

// Exports, read as `wasm.<name>`.
for (const [old, renamed] of map.exports) {
  const use = new RegExp(`\\bwasm\\.${escape(old)}\\b`, "g");
  glue = glue.replace(use, `wasm[${JSON.stringify(renamed)}]`);
}
const left = glue.match(/\bwasm\.\w+/g);
if (left) fail(`exports read in the glue but not in the mapping: ${[...new Set(left)].join(", ")}`);

// The fault guard (crates/loader/src/js/guard.js): the glue becomes `function glue(guard)`, one
// copy of it per wasm instance, with every export of the instance wrapped by `guard`; the module
// exports what `guarded()` builds over it under the glue's own names. The imports stay at the top.
const importLines = glue.match(/^import [^\n]*\n/gm) ?? [];
for (const line of importLines) glue = glue.replace(line, "");
if (!importLines.some((l) => /^import \{[^}]*\btesseraError\b[^}]*\} from/.test(l))) {
  fail("the glue does not import tesseraError by name, which the fault guard needs");
}
const classes = [...glue.matchAll(/^export class (\w+)/gm)].map((m) => m[1]);
const functions = [...glue.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
if (classes.join() !== "Tessera") fail(`expected the one exported class Tessera, found ${classes.join(", ")}`);
glue = glue.replace(/^export (class|function) /gm, "$1 ");
drop("the instance's exports", "wasm = instance.exports;", "wasm = guard(instance.exports);", 1);
drop(
  "the glue's export list",
  "export { initSync, __wbg_init as default };",
  `return { Tessera, init: __wbg_init, initSync, module: () => wasmModule, functions: { ${functions.join(", ")} } };`,
  1,
);
if (/^export /m.test(glue)) fail("an export the fault guard does not handle is left in the glue");
const guardPath = new URL("../crates/loader/src/js/guard.js", import.meta.url).pathname;
// The error class and its guard, from the same copy of src/js/page.js the glue imports.
const pagePath = [...namespaces.keys()].find((p) => /\/tessera-loader-[^/]+\/src\/js\/page\.js$/.test(p));
if (!pagePath) fail("the glue does not import src/js/page.js");
glue = `${importLines.join("")}import { guarded } from ${JSON.stringify(guardPath)};

function glue(guard) {
${glue}
}

const api = guarded(glue, tesseraError);
export const { ${["Tessera", "initSync", ...functions].join(", ")} } = api;
export default api.init;
export { TesseraError, isTesseraError } from ${JSON.stringify(pagePath)};
`;

process.stdout.write(glue);
