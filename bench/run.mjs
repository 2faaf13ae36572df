// `npm run bench`: the Tessera loader against a hand-written JavaScript loader (bench/baseline.js),
// in the same headless Chromium run, on the demo's components. Writes bench/results.json and
// bench/RESULTS.md, which the README and docs quote. Run through scripts/bench.sh (it builds first).
import { brotliCompressSync, constants } from 'node:zlib';
import { cpSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, DIST, open } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const ROWS = Number(process.env.BENCH_ROWS ?? 1000);
const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

// The bench pages and manifests live beside the demo in www/dist/bench.
const dir = join(DIST, 'bench');
mkdirSync(dir, { recursive: true });
for (const f of ['page.html', 'page.js', 'baseline.js']) cpSync(join(ROOT, 'bench', f), join(dir, f));
const demo = JSON.parse(readFileSync(join(DIST, 'tessera.json'), 'utf8'));
const all = { manifestVersion: 1, components: demo.components.map((c) => ({
  name: c.name, module: `../${c.module}`, slot: c.slot, props: c.props, capabilities: c.capabilities,
})) };
writeFileSync(join(dir, 'all.json'), JSON.stringify(all));
const todo = all.components.find((c) => c.name === 'todo');
const rows = { manifestVersion: 1, components: [{ ...todo, props: { items: Array.from({ length: ROWS }, (_, i) => `item ${i}`) } }] };
writeFileSync(join(dir, 'rows.json'), JSON.stringify(rows));

// The same server and headless Chromium as the end-to-end tests.
const env = await open();
const { url, browser } = env;

// Cold runs use a fresh context each (nothing cached or compiled); warm runs reload one page per
// loader in a context that has run it before (the browser's HTTP and code caches are warm).
const warmPages = {};
async function once(impl, manifest, warm = false) {
  const key = `${impl} ${manifest}`;
  const context = warm ? null : await browser.newContext();
  const page = warm ? (warmPages[key] ??= await (await browser.newContext()).newPage()) : await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}bench/page.html?impl=${impl}&manifest=${manifest}`);
  await page.waitForFunction(() => window.__bench || null, null, { timeout: 20_000 });
  const result = await page.evaluate(() => window.__bench);
  page.removeAllListeners('pageerror');
  await context?.close();
  if (errors.length) throw new Error(`${impl}: ${errors.join('; ')}`);
  return result;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const scenarios = [
  ['mount the 5 demo components, cold', 'all.json', false],
  ['mount the 5 demo components, warm', 'all.json', true],
  [`mount a todo list of ${ROWS} items, cold`, 'rows.json', false],
];
const results = [];
for (const [title, manifest, warm] of scenarios) {
  const runs = { tessera: [], baseline: [] };
  await once('tessera', manifest, warm); await once('baseline', manifest, warm); // warm the browser process
  for (let i = 0; i < RUNS; i++) {
    // Alternate the order so drift on a busy machine hits both alike.
    for (const impl of i % 2 ? ['baseline', 'tessera'] : ['tessera', 'baseline']) runs[impl].push(await once(impl, manifest, warm));
  }
  const summary = (impl, key) => +median(runs[impl].map((r) => r[key])).toFixed(2);
  results.push({
    scenario: title, runs: RUNS,
    tessera: { init: summary('tessera', 'init'), mount: summary('tessera', 'mount'), total: summary('tessera', 'total') },
    baseline: { init: summary('baseline', 'init'), mount: summary('baseline', 'mount'), total: summary('baseline', 'total') },
  });
  console.log(title, JSON.stringify(results.at(-1)));
}
await env.close();

// Sizes: what each loader ships, brotli quality 11 (the baseline minified by esbuild like the loader's glue).
const loaderWasm = readFileSync(join(ROOT, 'pkg', 'tessera_loader_bg.wasm'));
const loaderJs = readFileSync(join(ROOT, 'pkg', 'tessera_loader.js'));
const baselineMin = execFileSync(join(ROOT, 'node_modules', '.bin', 'esbuild'), ['--minify', '--format=esm', join(ROOT, 'bench', 'baseline.js')]);
const sizes = {
  tessera: { wasm: loaderWasm.length, js: loaderJs.length, brotli: br(loaderWasm) + br(loaderJs) },
  baseline: { js: baselineMin.length, brotli: br(baselineMin) },
};
const chromiumVersion = execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version']).toString().trim();
const out = { date: new Date().toISOString().slice(0, 10), browser: chromiumVersion, runs: RUNS, results, sizes };
writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(out, null, 2)}\n`);

const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KB`;
const md = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\` on ${out.date}: ${chromiumVersion}, headless, localhost; "cold" runs use a fresh browser`,
  'context each, "warm" runs reload a page that ran the same loader before (HTTP and code caches warm);',
  `median of ${RUNS} runs per loader, the two loaders alternating. "init" is fetching and instantiating the loader itself`,
  '(nothing for the baseline, which is plain JavaScript already on the page); "mount" is from a ready loader to every',
  'component mounted and laid out.',
  '',
  '| scenario | Tessera init | Tessera mount | Tessera total | JS baseline total |',
  '|---|---|---|---|---|',
  ...results.map((r) => `| ${r.scenario} | ${ms(r.tessera.init)} | ${ms(r.tessera.mount)} | ${ms(r.tessera.total)} | ${ms(r.baseline.total)} |`),
  '',
  '| what ships | raw | brotli |',
  '|---|---|---|',
  `| Tessera loader (wasm + JS glue) | ${kb(sizes.tessera.wasm)} + ${kb(sizes.tessera.js)} | ${kb(sizes.tessera.brotli)} |`,
  `| JS baseline (bench/baseline.js, minified; no gate, checks, lifecycle or sandbox) | ${kb(sizes.baseline.js)} | ${kb(sizes.baseline.brotli)} |`,
  '',
];
writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), md.join('\n'));
console.log(md.join('\n'));
