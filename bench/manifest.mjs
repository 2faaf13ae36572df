// `npm run bench`, second part: how long reading a manifest takes as it grows, in the CLI
// (`tessera-budget check`, release build) and in the browser (the loader's `fromUrl` and
// `fromObject` in headless Chromium), against `JSON.parse` of the same text in the same page (the
// floor any loader pays) and the CLI's own start-up (`tessera-budget --version`). Writes
// bench/manifest.json and bench/MANIFEST.md, which docs/manifest.md quotes.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync, execFileSync } from 'node:child_process';
import { ROOT, DIST, open } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const component = (i, props) => ({
  name: `c${i}`, module: 'components/missing.wasm', slot: `#c${i}`, ...(props ? { props } : {}),
});
const CASES = [
  ['256 components', { manifestVersion: 1, components: Array.from({ length: 256 }, (_, i) => component(i, { n: i })) }],
  ['10,000 components', { manifestVersion: 1, components: Array.from({ length: 10_000 }, (_, i) => component(i, { n: i })) }],
  ['100,000 components', { manifestVersion: 1, components: Array.from({ length: 100_000 }, (_, i) => component(i, { n: i })) }],
  ['5 MB of props', {
    manifestVersion: 1,
    components: [component(0, { rows: Array.from({ length: 80_000 }, (_, i) => ({ id: i, name: `row ${i}`, price: i * 1.5, tags: ['a', 'b'] })) })],
  }],
];

const dir = join(DIST, 'bench', 'manifests');
mkdirSync(dir, { recursive: true });
const texts = CASES.map(([label, m], i) => {
  const text = JSON.stringify(m);
  writeFileSync(join(dir, `${i}.json`), text);
  return { label, file: join(dir, `${i}.json`), bytes: Buffer.byteLength(text) };
});

// The CLI, release build: how long `check` takes to answer (every case ends at validation or at
// the first missing module file, so the time is reading and validating).
execFileSync('cargo', ['build', '--quiet', '--release', '-p', 'tessera-budget'], { cwd: ROOT, stdio: 'inherit' });
const cli = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'release', 'tessera-budget');
const timed = (args) => {
  const start = process.hrtime.bigint();
  const run = spawnSync(cli, args, { encoding: 'utf8' });
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, out: (run.stdout + run.stderr).split('\n').find((l) => l.trim()) ?? '' };
};
const startup = median(Array.from({ length: RUNS }, () => timed(['--version']).ms));
for (const t of texts) {
  const runs = Array.from({ length: RUNS }, () => timed(['check', t.file]));
  t.cli = median(runs.map((r) => r.ms));
  t.cliSays = runs[0].out.slice(0, 100);
}

// The browser: the built loader in a blank page; the text comes from `options.fetch`, so no
// network is timed.
const env = await open();
const page = await env.browser.newPage();
await page.goto(`${env.url}style.css`);
const browser = await page.evaluate(async ({ files, runs }) => {
  const m = await import('/loader/tessera_loader.js');
  await m.default();
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  const out = [];
  for (const file of files) {
    const text = await (await fetch(file)).text();
    const parse = [], url = [], object = [];
    let says = '';
    for (let i = 0; i < runs; i++) {
      let t0 = performance.now();
      const parsed = JSON.parse(text);
      parse.push(performance.now() - t0);
      t0 = performance.now();
      try {
        (await m.Tessera.fromUrl('/m.json', { fetch: async () => new Response(text) })).free();
        says = 'ok';
      } catch (e) { says = `${e.code}: ${e.message}`; }
      url.push(performance.now() - t0);
      t0 = performance.now();
      try { m.Tessera.fromObject(parsed).free(); } catch {}
      object.push(performance.now() - t0);
    }
    out.push({ parse: median(parse), url: median(url), object: median(object), says: says.slice(0, 100) });
  }
  return out;
}, { files: texts.map((_, i) => `/bench/manifests/${i}.json`), runs: RUNS });
await env.close();

const results = texts.map((t, i) => ({ ...t, file: undefined, ...browser[i] }));
writeFileSync(join(ROOT, 'bench', 'manifest.json'), JSON.stringify({ date: new Date().toISOString(), startup, results }, null, 2) + '\n');
const ms = (x) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;
const lines = [
  '# Reading a manifest: time against its size',
  '',
  `Written by \`bench/manifest.mjs\` (\`npm run bench\`) on ${new Date().toISOString().slice(0, 10)}; medians of ${RUNS} runs.`,
  `CLI: \`tessera-budget check\` (release build), whole process; its start-up alone (\`--version\`) takes ${ms(startup)}.`,
  'Browser: headless Chromium, the built loader; the text comes from `options.fetch` (no network).',
  '`JSON.parse` of the same text in the same page is the floor.',
  '',
  '| manifest | bytes | CLI | `JSON.parse` | `fromUrl` | `fromObject` | outcome |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...results.map((r) => `| ${r.label} | ${r.bytes.toLocaleString('en')} | ${ms(r.cli)} | ${ms(r.parse)} | ${ms(r.url)} | ${ms(r.object)} | ${r.says.replace(/\|/g, '\\|')} |`),
  '',
];
writeFileSync(join(ROOT, 'bench', 'MANIFEST.md'), lines.join('\n'));
console.log(lines.join('\n'));
