// Scenario (e): what the loader ships, raw, gzip (level 9) and brotli (quality 11): the loader's
// wasm and JS glue together, the slot module separately, and the floor (bench/baseline.js minified
// by esbuild) for scale. Measured on the bytes the run served (read once from pkg/).
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../site.mjs';

const measure = (buf) => ({
  raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });

export function sizes(loader) {
  const wasm = measure(loader['tessera_loader_bg.wasm']);
  const js = measure(loader['tessera_loader.js']);
  const floor = execFileSync(join(ROOT, 'node_modules', '.bin', 'esbuild'), ['--minify', '--format=esm', join(ROOT, 'bench', 'baseline.js')]);
  return { loader: { wasm, js, total: add(wasm, js) }, slot: measure(loader['tessera_slot.js']), floor: measure(floor) };
}
