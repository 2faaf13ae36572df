#!/usr/bin/env node
// Writes the npm package's own files into OUT (default pkg/), beside the loader that
// scripts/build-loader.sh built there: package.json, README.md and the two licence files. The
// package is pkg/, not the repository root, whose package.json is the development workspace
// (its scripts would point at files the package does not hold).
//
//   node scripts/package.mjs [OUT]
//
// One source for each field: name, description, licence, keywords and engines come from the root
// package.json, the version from the Cargo workspace (the two must agree, or this fails), the
// repository from the Cargo workspace, the README from crates/loader/README.md (the user guide
// and API reference).
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = process.argv[2] ?? join(ROOT, 'pkg');
const fail = (why) => {
  console.error(`package: ${why}`);
  process.exit(1);
};

/** What the package ships besides package.json; tests/e2e/package.test.mjs checks the tarball. */
const FILES = [
  'tessera_loader.js',
  'tessera_loader_bg.wasm',
  'tessera_loader.d.ts',
  'tessera_slot.js',
  'tessera_slot.d.ts',
  'tessera_preload.js',
  'tessera_preload.d.ts',
  // The development build (docs/builds.md): the `development` condition of each export.
  'dev/tessera_loader.js',
  'dev/tessera_loader_bg.wasm',
  'dev/tessera_slot.js',
  'README.md',
  'LICENSE-MIT',
  'LICENSE-APACHE',
];

const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
const workspace = (key) => cargo.match(new RegExp(`^${key} = "([^"]+)"`, 'm'))?.[1];
const version = workspace('version');
if (version !== root.version) fail(`package.json has version ${root.version}, the Cargo workspace ${version}`);

copyFileSync(join(ROOT, 'crates/loader/README.md'), join(OUT, 'README.md'));
// `tessera-loader/slot`, the <tessera-slot> element (build-loader.sh minifies its JS).
copyFileSync(join(ROOT, 'crates/loader/src/js/slot.d.ts'), join(OUT, 'tessera_slot.d.ts'));
// `tessera-loader/preload`, the run-time preload hints (build-loader.sh minifies its JS).
copyFileSync(join(ROOT, 'crates/loader/src/js/preload.d.ts'), join(OUT, 'tessera_preload.d.ts'));
copyFileSync(join(ROOT, 'LICENSE-MIT'), join(OUT, 'LICENSE-MIT'));
copyFileSync(join(ROOT, 'LICENSE-APACHE'), join(OUT, 'LICENSE-APACHE'));
for (const file of FILES) if (!existsSync(join(OUT, file))) fail(`${OUT}/${file} is missing: build the loader first`);

const manifest = {
  name: root.name,
  version,
  description: root.description,
  keywords: root.keywords,
  license: root.license,
  repository: { type: 'git', url: workspace('repository') },
  type: 'module',
  main: './tessera_loader.js',
  types: './tessera_loader.d.ts',
  exports: {
    // `development` first: Vite's dev server and webpack's development mode set it, and they
    // take the first condition that matches. Both builds have the same API and types.
    '.': {
      types: './tessera_loader.d.ts',
      development: './dev/tessera_loader.js',
      import: './tessera_loader.js',
      default: './tessera_loader.js',
    },
    './slot': {
      types: './tessera_slot.d.ts',
      development: './dev/tessera_slot.js',
      import: './tessera_slot.js',
      default: './tessera_slot.js',
    },
    // One build: it is plain JS that needs nothing of the loader.
    './preload': { types: './tessera_preload.d.ts', import: './tessera_preload.js', default: './tessera_preload.js' },
    './tessera_loader_bg.wasm': './tessera_loader_bg.wasm',
    './dev/tessera_loader_bg.wasm': './dev/tessera_loader_bg.wasm',
    './package.json': './package.json',
  },
  // Importing the loader only defines things; nothing runs until `init()`. Importing
  // `tessera-loader/slot` defines the <tessera-slot> element, which must not be shaken out.
  sideEffects: ['./tessera_slot.js', './dev/tessera_slot.js'],
  engines: root.engines,
  files: FILES,
};
writeFileSync(join(OUT, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
