// Builds the folder the benchmark serves, in a temporary directory: the loader package (pkg/, read
// once here, so a rebuild during the run cannot mix versions), the demo's components and manifest,
// the synthetic components (bench/synth.mjs) with their manifests, and two HTML pages per
// manifest with its slots in the markup (Tessera's has the hints for the loader's own files).
// Also serves it: like scripts/serve.mjs, but cacheable (`max-age`), so that warm samples reload from the browser's HTTP and code caches as a real
// revisit would; cold samples use a fresh browser context, whose caches are empty. Pages are
// cross-origin isolated (COOP/COEP) for precise timers.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { synthComponent, rowsComponent } from './synth.mjs';

const HERE = new URL('.', import.meta.url).pathname;
export const ROOT = join(HERE, '..');
const DIST = join(ROOT, 'www', 'dist');
export const LOADER_FILES = ['tessera_loader.js', 'tessera_loader_bg.wasm', 'tessera_slot.js', 'tessera_preload.js'];

/**
 * The `<link>` hints for the loader's JS and wasm, as `tessera-budget preload --loader-url loader/`
 * writes them (the lines for the loader's files; the components get theirs from `preload()` in
 * page.js, and the floor's page gets none: it has no loader to fetch).
 */
function loaderHints(dir) {
  const manifest = join(dir, 'hints.json');
  writeFileSync(manifest, JSON.stringify({ manifestVersion: 1, components: [] }));
  const out = execFileSync('cargo', ['run', '--quiet', '-p', 'tessera-budget', '--', 'preload', manifest, '--loader-url', 'loader/'],
    { cwd: ROOT, encoding: 'utf8' });
  const lines = out.split('\n').filter((l) => l.includes('href="loader/'));
  if (lines.length !== 2) throw new Error(`expected two loader hints from tessera-budget preload, got:\n${out}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Writes the site; `sets` are { name, count, bytes } of synthetic manifests. Returns { dir,
 * loader: { file: bytes }, manifests: { name: { slots: { selector: text|null } } } } (the text each
 * slot must show; null where it is taken from a reference run, as for the demo).
 */
export function buildSite(sets) {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
  const loader = {};
  mkdirSync(join(dir, 'loader'));
  for (const f of LOADER_FILES) { loader[f] = readFileSync(join(ROOT, 'pkg', f)); writeFileSync(join(dir, 'loader', f), loader[f]); }
  for (const f of ['page.js', 'baseline.js']) cpSync(join(HERE, f), join(dir, f));
  cpSync(join(DIST, 'components'), join(dir, 'components'), { recursive: true });
  mkdirSync(join(dir, 'synth'));
  const manifests = {};
  const hints = loaderHints(dir);
  // `<name>.html` for the floor (and the scenarios that do not time loading); `<name>.tessera.html`
  // for Tessera, with the hints for the loader's own two files that the guide recommends.
  const page = (name, slots) => {
    for (const [file, head] of [[`${name}.html`, ''], [`${name}.tessera.html`, hints]]) {
      writeFileSync(join(dir, file), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tessera benchmark: ${name}</title><link rel="icon" href="data:,">
${head}<script type="module" src="page.js"></script></head>
<body>${slots.map((s) => `<div id="${s.slice(1)}"></div>`).join('')}</body></html>\n`);
    }
  };
  const write = (name, components, texts) => {
    writeFileSync(join(dir, `${name}.json`), JSON.stringify({ manifestVersion: 1, components }));
    page(name, components.map((c) => c.slot));
    manifests[name] = { slots: Object.fromEntries(components.map((c, i) => [c.slot, texts[i]])) };
  };

  const demo = JSON.parse(readFileSync(join(DIST, 'tessera.json'), 'utf8'));
  // Every demo component eager (the floor has no load policies), so both mount all five; the
  // demo's frozen tile, which loops forever in a worker on purpose, is left out.
  const eager = demo.components.filter((c) => c.isolation !== 'worker').map(({ load, ...c }) => c);
  write('demo', eager, eager.map(() => null));
  const made = new Map();
  for (const { name, count, bytes } of sets) {
    const components = [], texts = [];
    for (let i = 0; i < count; i++) {
      const file = `synth/${bytes}-${i}.wasm`;
      if (!made.has(file)) { const c = synthComponent(i, bytes); writeFileSync(join(dir, file), c.bytes); made.set(file, c); }
      components.push({ name: `c${i}`, module: file, slot: `#c${i}` });
      texts.push(made.get(file).text);
    }
    write(name, components, texts);
  }
  writeFileSync(join(dir, 'synth', 'rows.wasm'), rowsComponent());
  writeFileSync(join(dir, 'dom.json'), JSON.stringify({ manifestVersion: 1, components: [{ name: 'rows', module: 'synth/rows.wasm', slot: '#rows' }] }));
  page('dom', ['#rows', '#vanilla']);
  return { dir, loader, manifests, synthFiles: [...made.keys()], componentsDir: readdirSync(join(dir, 'components')) };
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm' };

/** Serves `dir` on 127.0.0.1; resolves to { url, close }. */
export function serveSite(dir) {
  const server = createServer(async (req, res) => {
    const file = normalize(join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!file.startsWith(dir + sep)) { res.writeHead(403); res.end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': body.length,
        'cache-control': extname(file) === '.html' ? 'no-cache' : 'public, max-age=3600',
        // Cross-origin isolated, so that performance.now() is precise to microseconds, not 100 µs.
        'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp',
      });
      res.end(body);
    } catch { res.writeHead(404); res.end(); }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({
    url: `http://127.0.0.1:${server.address().port}/`, close: () => { server.closeAllConnections(); server.close(); },
  })));
}
