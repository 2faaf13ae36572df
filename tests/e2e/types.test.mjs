// The TypeScript declarations the package ships, type-checked as an app sees them: `tsc --noEmit`
// over tests/types/usage.ts (every method, event and error code) and over the valid manifest
// fixtures as `TesseraManifest` values, in an app that installed the packed tarball, under
// `strict` and `skipLibCheck: false`, with lib ESNext and with lib ES2023. Also: the manifest
// types are what scripts/manifest-types.mjs generates from the JSON Schema, and the error codes
// are one list in the loader (src/errors.rs and the fault guard), types.d.ts and the README.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

const LOADER = join(ROOT, 'crates', 'loader');
let app;
before(() => {
  app = mkdtempSync(join(tmpdir(), 'tessera-types-'));
  const out = execFileSync('bash', [join(ROOT, 'scripts', 'pack.sh')], {
    env: { ...process.env, TESSERA_NO_BUILD: '1', PACK_DESTINATION: app }, encoding: 'utf8',
  });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app-types', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--offline', out.trim().split('\n').pop()], { cwd: app, stdio: 'pipe' });
  cpSync(join(ROOT, 'tests', 'types', 'usage.ts'), join(app, 'usage.ts'));
  const fixtures = join(ROOT, 'crates', 'manifest', 'tests', 'fixtures', 'valid');
  const values = readdirSync(fixtures).filter((f) => f.endsWith('.json')).map((f, i) =>
    `export const m${i}: TesseraManifest = ${readFileSync(join(fixtures, f), 'utf8').trim()};`);
  writeFileSync(join(app, 'fixtures.ts'), `import type { TesseraManifest } from 'tessera-loader';\n${values.join('\n')}\n`);
});
after(() => { if (app) rmSync(app, { recursive: true, force: true }); });

function tsc(lib) {
  const config = JSON.parse(readFileSync(join(ROOT, 'tests', 'types', 'tsconfig.json'), 'utf8'));
  config.compilerOptions.lib = [lib, 'DOM', 'DOM.Iterable'];
  config.files = ['usage.ts', 'fixtures.ts'];
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(config));
  const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', '.'], { cwd: app, encoding: 'utf8' });
  assert.equal(run.status, 0, `tsc with lib ${lib}:\n${run.stdout}${run.stderr}`);
}

test('tsc --noEmit, strict, skipLibCheck false, lib ESNext', () => tsc('ESNext'));
test('tsc --noEmit, strict, skipLibCheck false, lib ES2023', () => tsc('ES2023'));

test('a type error in an app is reported: the check can fail', () => {
  writeFileSync(join(app, 'wrong.ts'), `import { Tessera } from 'tessera-loader';
Tessera.fromObject({ manifestVersion: 2, components: [] });
`);
  const config = JSON.parse(readFileSync(join(ROOT, 'tests', 'types', 'tsconfig.json'), 'utf8'));
  config.files = ['wrong.ts'];
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(config));
  const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', '.'], { cwd: app, encoding: 'utf8' });
  assert.notEqual(run.status, 0);
  assert.match(run.stdout, /wrong\.ts\(2,[0-9]+\): error TS2322/);
});

test('crates/loader/src/manifest.d.ts is what scripts/manifest-types.mjs makes from the schema', () => {
  const generated = execFileSync('node', [join(ROOT, 'scripts', 'manifest-types.mjs')], { encoding: 'utf8' });
  assert.equal(readFileSync(join(LOADER, 'src', 'manifest.d.ts'), 'utf8'), generated,
    'run: node scripts/manifest-types.mjs > crates/loader/src/manifest.d.ts');
});

test('the error codes: one list in the loader, types.d.ts and the README', () => {
  const errors = readFileSync(join(LOADER, 'src', 'errors.rs'), 'utf8');
  const body = errors.slice(errors.indexOf('fn code(&self)'));
  const fromRust = [...body.slice(0, body.indexOf("\n    }\n")).matchAll(/"([a-z-]+)"/g)].map((m) => m[1]);
  const guard = readFileSync(join(LOADER, 'src', 'js', 'guard.js'), 'utf8');
  const fromGuard = [...guard.matchAll(/^\s+"([a-z-]+)",$/gm)].map((m) => m[1]);
  assert.deepEqual(fromGuard, ['internal']);
  const loader = [...new Set([...fromRust, ...fromGuard])].sort();
  const types = readFileSync(join(LOADER, 'src', 'types.d.ts'), 'utf8');
  const union = types.slice(types.indexOf('export type TesseraErrorCode'), types.indexOf(';', types.indexOf('export type TesseraErrorCode')));
  const fromTypes = [...union.matchAll(/"([a-z-]+)"/g)].map((m) => m[1]).sort();
  const readme = readFileSync(join(LOADER, 'README.md'), 'utf8');
  const list = readme.slice(readme.indexOf('with the codes'), readme.indexOf('Messages name the component'));
  const fromReadme = [...list.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]).sort();
  assert.ok(loader.length >= 18, `found ${loader.length} codes in the loader`);
  assert.deepEqual(fromTypes, loader, 'types.d.ts');
  assert.deepEqual(fromReadme, loader, 'crates/loader/README.md');
});
