// The npm tarball, as `npm run pack` makes it: exactly the files a user needs, the fields bundlers
// and registries read, a README without links into the repository, and no development scripts.
// Packing the repository root instead fails loudly (it is the development workspace).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

let work, unpacked;
before(() => {
  work = mkdtempSync(join(tmpdir(), 'tessera-pack-'));
  const out = execFileSync('bash', [join(ROOT, 'scripts', 'pack.sh')], {
    env: { ...process.env, TESSERA_NO_BUILD: '1', PACK_DESTINATION: work }, encoding: 'utf8',
  });
  const tarball = out.trim().split('\n').pop();
  execFileSync('tar', ['-xzf', tarball, '-C', work]);
  unpacked = join(work, 'package');
});
after(() => { if (work) rmSync(work, { recursive: true, force: true }); });

test('the tarball holds both builds of the loader, its types, the README and both licences, nothing else', () => {
  const files = execFileSync('find', ['.', '-type', 'f'], { cwd: unpacked, encoding: 'utf8' })
    .trim().split('\n').map((f) => f.slice(2)).sort();
  assert.deepEqual(files, [
    'LICENSE-APACHE', 'LICENSE-MIT', 'README.md',
    'dev/tessera_loader.js', 'dev/tessera_loader_bg.wasm', 'dev/tessera_slot.js',
    'package.json', 'tessera_loader.d.ts', 'tessera_loader.js', 'tessera_loader_bg.wasm',
    'tessera_preload.d.ts', 'tessera_preload.js', 'tessera_slot.d.ts', 'tessera_slot.js',
  ]);
});

test('package.json: exports with types and import, sideEffects, repository, keywords, engines, no scripts', () => {
  const pkg = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  assert.equal(pkg.name, 'tessera-loader');
  assert.equal(pkg.version, cargo.match(/^version = "([^"]+)"/m)[1], 'the Cargo workspace version');
  assert.equal(pkg.version, root.version);
  assert.equal(pkg.license, 'MIT OR Apache-2.0');
  assert.equal(pkg.type, 'module');
  // Key order matters: resolvers take the first condition that matches, so `development` must
  // come before `import` (docs/builds.md).
  assert.deepEqual(Object.entries(pkg.exports['.']), [
    ['types', './tessera_loader.d.ts'], ['development', './dev/tessera_loader.js'],
    ['import', './tessera_loader.js'], ['default', './tessera_loader.js'],
  ]);
  assert.equal(pkg.exports['./tessera_loader_bg.wasm'], './tessera_loader_bg.wasm');
  assert.equal(pkg.exports['./dev/tessera_loader_bg.wasm'], './dev/tessera_loader_bg.wasm');
  assert.deepEqual(Object.entries(pkg.exports['./slot']), [
    ['types', './tessera_slot.d.ts'], ['development', './dev/tessera_slot.js'],
    ['import', './tessera_slot.js'], ['default', './tessera_slot.js'],
  ]);
  assert.deepEqual(pkg.exports['./preload'], {
    types: './tessera_preload.d.ts', import: './tessera_preload.js', default: './tessera_preload.js',
  });
  assert.deepEqual(pkg.sideEffects, ['./tessera_slot.js', './dev/tessera_slot.js'],
    'only the element modules run code on import');
  assert.equal(pkg.repository.type, 'git');
  assert.equal(pkg.repository.url, cargo.match(/^repository = "([^"]+)"/m)[1]);
  assert.ok(pkg.keywords.includes('webassembly') && pkg.keywords.includes('micro-frontends'));
  assert.ok(pkg.engines.node);
  for (const field of ['scripts', 'devDependencies', 'dependencies', 'private']) {
    assert.equal(pkg[field], undefined, `no ${field}`);
  }
});

test('the README is the user guide: install, a manifest, mounting, the API; no repository-relative links', () => {
  const readme = readFileSync(join(unpacked, 'README.md'), 'utf8');
  for (const heading of ['## Install', '## A manifest', '## Mount it in a page', '## API']) {
    assert.ok(readme.includes(`\n${heading}`), heading);
  }
  assert.ok(readme.indexOf('## Install') < readme.indexOf('## A manifest'));
  assert.ok(readme.indexOf('## Mount it in a page') < readme.indexOf('## API'));
  const relative = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]).filter((href) => !/^(https?:|#)/.test(href));
  assert.deepEqual(relative, []);
  assert.match(readFileSync(join(unpacked, 'LICENSE-MIT'), 'utf8'), /^MIT License/);
  assert.match(readFileSync(join(unpacked, 'LICENSE-APACHE'), 'utf8'), /Apache License\s+Version 2\.0/);
});

test('npm pack at the repository root fails loudly and says what to run', () => {
  const run = spawnSync('npm', ['pack', '--dry-run'], { cwd: ROOT, encoding: 'utf8' });
  assert.notEqual(run.status, 0);
  assert.match(run.stderr, /the repository root is the development workspace, not the npm package/);
  assert.match(run.stderr, /npm run pack/);
});
