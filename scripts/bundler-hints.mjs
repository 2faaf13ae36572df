#!/usr/bin/env node
// Makes the minified loader bundle (FILE, rewritten in place) read well to the page's bundler:
// - the wasm's URL is `new URL("./tessera_loader_bg.wasm", import.meta.url)`, the relative form
//   that Vite and webpack 5 turn into an asset of the build (wasm-bindgen writes it without
//   `./`, which webpack resolves as a package name);
// - the one dynamic `import(url)` (bindgen glue, src/js/page.js) carries
//   `/* webpackIgnore: true */ /* @vite-ignore */`, so that webpack leaves it to the browser
//   instead of looking the URL up among its own modules (and warning "Critical dependency"), and
//   Vite does not warn. esbuild's minifier drops comments, so they go in after it.
// Each rewrite must match exactly once, or the build fails.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
let js = readFileSync(file, 'utf8');
const once = (what, pattern, replacement) => {
  const found = js.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
  if (found !== 1) {
    console.error(`bundler-hints: ${what}: expected one match in ${file}, found ${found}`);
    process.exit(1);
  }
  js = js.replace(pattern, replacement);
};
once('the wasm URL', /new URL\("tessera_loader_bg\.wasm",import\.meta\.url\)/,
  'new URL("./tessera_loader_bg.wasm",import.meta.url)');
once('the dynamic import', /\bimport\((\w+)\)/, 'import(/* webpackIgnore: true */ /* @vite-ignore */ $1)');
writeFileSync(file, js);
