// `npm run bench`: Tessera against a hand-written floor (bench/baseline.js) and vanilla JavaScript,
// in headless Chromium, on the demo and on synthetic components generated at bench time
// (bench/synth.mjs). Scenarios: bench/scenarios/*.mjs; statistics: bench/stats.mjs; the report:
// bench/report.mjs. Writes bench/results.json and docs/benchmarks.md.
//
// BENCH_QUICK=1: a smoke run for `npm test` (2 samples per cell, 1 and 8 components only), written
// to a temporary folder (or BENCH_OUT), never to bench/ or docs/; it fails only if the bench breaks
// (an exception, a slot showing the wrong content), never on a timing.
//
// BENCH_ONLY=name[,name]: only these scenarios, e.g. BENCH_ONLY=isolation while developing one
// (load, network, remount, dom, memory, isolation; the sizes are always measured). Such a partial
// run writes to a temporary folder (or BENCH_OUT), as quick mode does, and prints its path; it
// never overwrites bench/results.json or docs/benchmarks.md. It combines with BENCH_QUICK=1.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, serveSite, ROOT } from './site.mjs';
import { launch, chromiumVersion } from './browser.mjs';
import { loadCell } from './scenarios/load.mjs';
import { remount } from './scenarios/remount.mjs';
import { domOps } from './scenarios/dom.mjs';
import { memory } from './scenarios/memory.mjs';
import { isolation } from './scenarios/isolation.mjs';
import { sizes } from './scenarios/size.mjs';
import { prng } from './synth.mjs';
import { summarize, markdown } from './report.mjs';

const QUICK = process.env.BENCH_QUICK === '1';
const SCENARIOS = ['load', 'network', 'remount', 'dom', 'memory', 'isolation'];
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((s) => s.trim()).filter(Boolean) : null;
const unknown = (ONLY ?? []).filter((s) => !SCENARIOS.includes(s));
if (unknown.length) throw new Error(`BENCH_ONLY: unknown scenario ${unknown.join(', ')} (known: ${SCENARIOS.join(', ')})`);
const runs = (name) => !ONLY || ONLY.includes(name);
const started = Date.now();
const loadAtStart = loadavg()[0];
const K10 = 10 * 1024, K100 = 100 * 1024;
// Chromium DevTools' presets (front_end/core/sdk/NetworkManager.ts); throughput in bytes/s.
// DevTools' "Slow 4G" is what it called "Fast 3G" before Chromium 121, so the two are one profile.
const NETWORKS = {
  'slow 4G (= fast 3G)': { latency: 150 * 3.75, downloadThroughput: (1.6 * 1000 * 1000 / 8) * 0.9, uploadThroughput: (750 * 1000 / 8) * 0.9 },
  'fast 4G': { latency: 60 * 2.75, downloadThroughput: (9 * 1000 * 1000 / 8) * 0.9, uploadThroughput: (1.5 * 1000 * 1000 / 8) * 0.9 },
};
const config = QUICK ? {
  sets: [{ name: 's1', count: 1, bytes: K10 }, { name: 's8', count: 8, bytes: K10 }],
  local: ['s1', 's8'], samples: 2, warmups: 1,
  networked: 's8', netSamples: 1, netWarmups: 0, netWarm: false,
  remount: { manifest: 's1', iterations: 10, warmups: 2 }, remountBig: null,
  dom: { iterations: 2, warmups: 0 }, memory: { manifest: 's8', repeats: 1 },
  isolation: { manifests: ['s1', 's8'], mount: { samples: 2, warmups: 1 }, click: { iterations: 3, warmups: 1 }, memory: { repeats: 1, settleMs: 100, pauseMs: 50 } },
} : {
  sets: [{ name: 's1', count: 1, bytes: K10 }, { name: 's8', count: 8, bytes: K10 }, { name: 's32', count: 32, bytes: K10 },
    { name: 's32x100', count: 32, bytes: K100 }, { name: 's1x100', count: 1, bytes: K100 }],
  local: ['demo', 's1', 's8', 's32', 's32x100'], samples: Number(process.env.BENCH_RUNS ?? 15), warmups: 2,
  networked: 's8', netSamples: 7, netWarmups: 1, netWarm: true,
  remount: { manifest: 's1', iterations: 200, warmups: 20 }, remountBig: { manifest: 's1x100', iterations: 200, warmups: 20 },
  dom: { iterations: 15, warmups: 3 }, memory: { manifest: 's32', repeats: 5 },
  isolation: { manifests: ['s1', 's8', 's32'], mount: { samples: Number(process.env.BENCH_RUNS ?? 15), warmups: 2 }, click: { iterations: 40, warmups: 5 }, memory: { repeats: 3, settleMs: 1000, pauseMs: 300 } },
};

const site = buildSite(config.sets);
const server = await serveSite(site.dir);
const browser = await launch();
const env = { site, url: server.url, browser };
const rand = prng(13);
const raw = { config, load: [], remount: {}, dom: null, memory: null, isolation: null };
const log = (...a) => console.log(`[${((Date.now() - started) / 1000).toFixed(0)} s]`, ...a);
try {
  for (const manifest of runs('load') ? config.local : []) {
    for (const warm of [false, true]) {
      const cell = await loadCell(env, { manifest, warm, samples: config.samples, warmups: config.warmups, rand });
      raw.load.push({ manifest, warm, network: null, ...cell });
      log(manifest, warm ? 'warm' : 'cold', 'done');
    }
  }
  for (const [network, conditions] of runs('network') ? Object.entries(NETWORKS) : []) {
    for (const warm of config.netWarm ? [false, true] : [false]) {
      const cell = await loadCell(env, { manifest: config.networked, warm, network: conditions, samples: config.netSamples, warmups: config.netWarmups, rand });
      raw.load.push({ manifest: config.networked, warm, network, conditions, ...cell });
      log(config.networked, network, warm ? 'warm' : 'cold', 'done');
    }
  }
  if (runs('remount')) {
    raw.remount.small = await remount(env, config.remount);
    if (config.remountBig) raw.remount.big = await remount(env, config.remountBig);
    log('remount done');
  }
  if (runs('dom')) { raw.dom = await domOps(env, { ...config.dom, rand }); log('dom done'); }
  if (runs('memory')) { raw.memory = await memory(env, config.memory); log('memory done'); }
  if (runs('isolation')) raw.isolation = await isolation(env, { ...config.isolation, rand, log });
} finally {
  await browser.close();
  server.close();
  rmSync(site.dir, { recursive: true, force: true });
}

const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? 'unknown';
const meta = {
  date: new Date().toISOString(), quick: QUICK, only: ONLY, chromium: chromiumVersion(), cpu: { model: cpu, cores: cpus().length },
  durationS: Math.round((Date.now() - started) / 1000), loadAverage: [loadAtStart, loadavg()[0]].map((x) => Math.round(x * 100) / 100), synthSizes: Object.fromEntries(config.sets.map((s) => [s.name, s.bytes])),
};
const results = summarize(meta, raw, sizes(site.loader), site.manifests);
const out = QUICK || ONLY ? (process.env.BENCH_OUT ?? mkdtempSync(join(tmpdir(), `tessera-bench-${QUICK ? 'quick' : 'only'}-`))) : null;
if (out) mkdirSync(out, { recursive: true });
const jsonPath = out ? join(out, 'results.json') : join(ROOT, 'bench', 'results.json');
const mdPath = out ? join(out, 'benchmarks.md') : join(ROOT, 'docs', 'benchmarks.md');
writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(mdPath, markdown(results));
log(`wrote ${jsonPath} and ${mdPath}`);
