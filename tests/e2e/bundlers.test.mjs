// End-to-end: the packed npm tarball in a user's app, without configuration. For each way in (Vite
// dev, build and preview; webpack 5 in development and production mode; a plain
// `<script type="module">` page with an import map) this builds a separate minimal app from
// tests/apps/ in a temporary folder, installs the tarball that `npm run pack` makes (not a path
// into the source tree), serves the result and checks in headless Chromium that an isolated and
// a bindgen component mount, with no console error, and that the bundler picked the loader's
// development build for its development mode and the production build otherwise (the package's
// `development` export condition). Builds must print no warning.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, ROOT, inComponent, open, page } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';

const BIN = join(ROOT, 'node_modules', '.bin');
const FIXTURES = join(ROOT, 'crates', 'loader', 'tests', 'fixtures', 'pipeline');
let env, work, tarball;
/** Servers and processes to stop at the end. */
const stops = [];

before(async () => {
  for (const file of ['bindgen.wasm', 'bindgen_glue.js']) {
    if (!existsSync(join(FIXTURES, file))) {
      throw new Error(`${file} is missing: run cargo run -p tessera-fixtures -- crates/loader/tests/fixtures`);
    }
  }
  work = mkdtempSync(join(tmpdir(), 'tessera-apps-'));
  const out = execFileSync('bash', [join(ROOT, 'scripts', 'pack.sh')], {
    env: { ...process.env, TESSERA_NO_BUILD: '1', PACK_DESTINATION: work }, encoding: 'utf8',
  });
  tarball = out.trim().split('\n').pop();
  assert.ok(existsSync(tarball), `no tarball at ${tarball}`);
  env = await open();
});

after(async () => {
  for (const stop of stops.reverse()) await stop();
  await env?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * A new app in `work/<name>`: package.json, the tarball installed, the page (`script` in its
 * head), the app's code at `entry`, and the components under `components/` of `publicDir`.
 */
function app(name, { script, entry, publicDir = '.' }) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `app-${name}`, private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--offline', tarball], { cwd: dir, stdio: 'pipe' });
  const html = readFileSync(join(ROOT, 'tests', 'apps', 'index.html'), 'utf8').replace('<!-- SCRIPT -->', script);
  writeFileSync(join(dir, 'index.html'), html);
  mkdirSync(join(dir, entry, '..'), { recursive: true });
  cpSync(join(ROOT, 'tests', 'apps', 'main.js'), join(dir, entry));
  const components = join(dir, publicDir, 'components');
  mkdirSync(components, { recursive: true });
  cpSync(join(DIST, 'components', 'counter.wasm'), join(components, 'counter.wasm'));
  cpSync(join(FIXTURES, 'bindgen.wasm'), join(components, 'bindgen.wasm'));
  cpSync(join(FIXTURES, 'bindgen_glue.js'), join(components, 'bindgen_glue.js'));
  return dir;
}

/** Runs a bundler's command to its end; fails on a non-zero exit or a warning in its output. */
function build(dir, command, args, extraEnv = {}) {
  const output = execFileSync(join(BIN, command), args, {
    cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...extraEnv }, stdio: 'pipe',
  });
  assert.doesNotMatch(output, /warn/i, `${command} ${args.join(' ')} warned:\n${output}`);
  return output;
}

/** Starts a long-running server command and resolves with its URL once it answers. */
async function server(dir, command, args) {
  const child = spawn(join(BIN, command), args, { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, detached: true });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  stops.push(() => { try { process.kill(-child.pid); } catch { /* gone */ } });
  const url = `http://127.0.0.1:${args[args.indexOf('--port') + 1]}/`;
  for (let i = 0; i < 200; i++) {
    try { if ((await fetch(url)).ok) return { url, output: () => output }; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${command} did not start:\n${output}`);
}

async function serveStatic(dir) {
  const { server: s, url } = await serve(dir);
  stops.push(() => s.close());
  return url;
}

let nextPort = 43100 + Math.floor(Math.random() * 500);

/**
 * The Content-Security-Policy that docs/using-tessera.md ("Content-Security-Policy") says a page
 * needs: the test reads it from the guide, so the two cannot drift apart.
 */
const CSP = (() => {
  const guide = readFileSync(join(ROOT, 'docs', 'using-tessera.md'), 'utf8');
  const found = guide.match(/^Content-Security-Policy: (.+)$/m);
  assert.ok(found, 'docs/using-tessera.md states no Content-Security-Policy line');
  // A fresh value stands in for the per-response nonce; page() puts it in the page's meta.
  return found[1].trim().replaceAll('{NONCE}', randomBytes(16).toString('base64'));
})();

/**
 * Opens the app at `url` and checks that both components mounted, with no console error, on the
 * loader's `build`; with `csp`, the page is served under that Content-Security-Policy and any
 * violation fails the check.
 */
async function check(url, { csp, build = 'production' } = {}) {
  // The app page's own `<link rel="icon" href="data:,">` (no favicon request) is an image the
  // policy refuses; that is the page's, not the loader's.
  const { p, errors } = await page(env, url, { csp, expected: csp ? ["Loading the image 'data:,'"] : [] });
  await p.waitForFunction(() => document.getElementById('out').textContent !== '', null, { timeout: 20_000 });
  const out = await p.evaluate(() => document.getElementById('out').textContent);
  assert.ok(out.startsWith('{'), out);
  const { summary, states, build: picked } = JSON.parse(out);
  assert.equal(picked, build, 'the build of the loader the app runs');
  assert.deepEqual(summary, { mounted: ['counter', 'answer'], failed: [], waiting: [] });
  assert.deepEqual(states, { counter: 'mounted', answer: 'mounted' });
  assert.equal(await (await inComponent(p, '#counter', 'output')).first().text(), '3');
  assert.equal(await p.evaluate(() => document.getElementById('answer').textContent), 'answer 42 {"x":1}');
  assert.deepEqual(errors, []);
  await p.close();
}

test('a plain module script with an import map', async () => {
  const importmap = '{ "imports": { "tessera-loader": "./node_modules/tessera-loader/tessera_loader.js" } }';
  const dir = app('importmap', {
    entry: 'main.js',
    script: `<script type="importmap">${importmap}</script>
  <script type="module" src="./main.js"></script>`,
  });
  const url = await serveStatic(dir);
  await check(url);
  // Under the guide's CSP, the inline import map is allowed by its hash, as the guide says.
  const hash = createHash('sha256').update(importmap).digest('base64');
  await check(url, { csp: CSP.replace("script-src 'self'", `script-src 'self' 'sha256-${hash}'`) });
});

test('webpack 5, development and production builds: no warning, both kinds mount', async () => {
  const dir = app('webpack', { entry: 'src/index.js', script: '<script src="main.js" defer></script>', publicDir: 'dist' });
  for (const mode of ['development', 'production']) {
    build(dir, 'webpack', ['--mode', mode]);
    cpSync(join(dir, 'index.html'), join(dir, 'dist', 'index.html'));
    const url = await serveStatic(join(dir, 'dist'));
    await check(url, { build: mode });
    // The guide's CSP holds for the built app: nothing is refused, both kinds still mount.
    if (mode === 'production') await check(url, { csp: CSP });
  }
});

test('Vite: dev server, production build and preview', async () => {
  const dir = app('vite', { entry: 'main.js', script: '<script type="module" src="/main.js"></script>', publicDir: 'public' });
  const dev = await server(dir, 'vite', ['--host', '127.0.0.1', '--port', String(nextPort++), '--strictPort']);
  await check(dev.url, { build: 'development' });
  assert.doesNotMatch(dev.output(), /warn|error/i, dev.output());
  build(dir, 'vite', ['build']);
  const preview = await server(dir, 'vite', ['preview', '--host', '127.0.0.1', '--port', String(nextPort++), '--strictPort']);
  await check(preview.url);
  await check(preview.url, { csp: CSP });
});
