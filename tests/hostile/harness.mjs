// The hostile suite's harness: two servers on 127.0.0.1 (the page, and a logger that no fixture
// may reach unless granted), one browser session per browser (Chromium through playwright-core,
// Firefox through tests/e2e/webdriver.mjs), and the checks every fixture goes through. The
// fixtures and what each must do are in fixtures.mjs; README.md says what each class proves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { firefox } from '../e2e/webdriver.mjs';
import { residentMemory } from '../../scripts/resident-memory.mjs';
import { build, selected, specFor } from './fixtures.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
/** The built demo site (loader and components); TESSERA_DIST points elsewhere. */
const DIST = process.env.TESSERA_DIST ?? join(ROOT, 'www', 'dist');
/** Generated fixtures and the results of a run (inside the cargo target folder, which git ignores). */
export const OUT = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'hostile');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.json': 'application/json', '.css': 'text/css' };
const FALLBACK = 'hostile fallback';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const listen = (server) => new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${server.address().port}`)));

/**
 * The page server (www/dist, the suite's page at /hostile/, the fixtures at /fixtures/; with `coi`
 * in the query the page is cross-origin isolated) and the logger (204 to everything, CORS open,
 * every request recorded).
 */
async function servers() {
  const hits = [];
  const logger = createServer((req, res) => {
    hits.push({ method: req.method, url: req.url, referer: req.headers.referer ?? null });
    res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*',
      'cross-origin-resource-policy': 'cross-origin', 'cache-control': 'no-store' });
    res.end();
  });
  const loggerOrigin = await listen(logger);
  const wasm = build(join(OUT, 'wasm'), loggerOrigin);
  const page = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = decodeURIComponent(url.pathname);
    let file;
    if (path === '/hostile/page.html' || path === '/hostile/page.js') file = join(HERE, path.slice('/hostile/'.length));
    else if (/^\/fixtures\/[a-z0-9_]+\.wasm$/.test(path)) file = join(wasm, path.slice('/fixtures/'.length));
    else if (/^\/(loader|components)\/[A-Za-z0-9_.-]+$/.test(path)) file = join(DIST, path);
    const headers = { 'cache-control': 'no-store' };
    if (url.searchParams.has('coi')) {
      headers['cross-origin-opener-policy'] = 'same-origin';
      headers['cross-origin-embedder-policy'] = 'require-corp';
    }
    try {
      if (!file) throw new Error('not served');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': body.length });
      res.end(body);
    } catch {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  const pageOrigin = await listen(page);
  return { pageOrigin, loggerOrigin, hits, close() { page.close(); logger.close(); } };
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
  '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--enable-blink-features=ForceEagerMeasureMemory'];

/** One browser session behind the few operations the checks need. `run(expr)` evaluates a JS expression. */
async function driver(name) {
  if (name === 'chromium') {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const extra = { popups: 0, dialogs: 0 };
    let p;
    let opening = false;
    const fresh = async () => {
      opening = true;
      p = await context.newPage();
      opening = false;
      p.on('dialog', (d) => { extra.dialogs++; d.dismiss().catch(() => {}); });
    };
    context.on('page', (np) => { if (!opening && np !== p) { extra.popups++; np.close().catch(() => {}); } });
    await fresh();
    return {
      name,
      extra,
      goto: (url) => p.goto(url, { waitUntil: 'load', timeout: 20_000 }),
      run: (expr) => p.evaluate(expr),
      click: (x, y) => p.mouse.click(x, y),
      key: (k) => p.keyboard.press(k),
      async restart() { await p.close().catch(() => {}); await fresh(); },
      close: () => browser.close(),
    };
  }
  let ff = await firefox();
  const extra = { popups: null, dialogs: null };
  return {
    name,
    extra,
    goto: (url) => ff.goto(url),
    run: (expr) => ff.run(`return ${expr};`),
    click: (x, y) => ff.clickAt(x, y),
    key: (k) => ff.press(k),
    async restart() { await within(ff.close(), 10_000, 'firefox close').catch(() => {}); ff = await firefox(); },
    close: () => ff.close(),
  };
}

function within(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, fail) => { timer = setTimeout(() => fail(new Error(`${what}: no answer in ${ms} ms`)), ms); })])
    .finally(() => clearTimeout(timer));
}

/** Polls `expr` until `ok(value)`; returns the last value (the caller decides whether it is a failure). */
async function until(d, expr, ok, timeout) {
  const end = Date.now() + timeout;
  let value;
  for (;;) {
    value = await within(d.run(expr), 30_000, expr);
    if (ok(value) || Date.now() > end) return value;
    await sleep(50);
  }
}

/** The checks of docs and README.md for one fixture; the reasons it failed, and notes. */
async function check(d, fx, env) {
  const reasons = [];
  const notes = [];
  const fail = (r) => reasons.push(r);
  const run = (expr) => within(d.run(expr), 30_000, expr);
  env.hits.length = 0;
  const popups0 = d.extra.popups;
  const dialogs0 = d.extra.dialogs;
  const query = new URLSearchParams({ fixture: fx.name, spec: JSON.stringify(specFor(fx, env.loggerOrigin)) });
  for (const [k, v] of Object.entries(fx.page ?? {})) query.set(k, String(v));
  const coi = fx.measureMemory && d.name === 'chromium';
  const rss = fx.measureRss ? { baseline: residentMemory().bytes } : null;
  if (coi) query.set('coi', '1');
  await within(d.goto(`${env.pageOrigin}/hostile/page.html?${query}`), 25_000, 'navigation');
  const started = await until(d, '__rec.started', Boolean, 15_000);
  if (!started) return { reasons: ['the page never finished starting the loader'], notes };
  const status = await run('__h.status()');
  if (status.fatal) return { reasons: [`the manifest was refused: ${status.fatal.code}: ${status.fatal.message}`], notes };
  const state = () => run("__h.state('hostile')");
  const hostileEvents = async (type) => (await run('__rec.events')).filter((e) => e.name === 'hostile' && (!type || e.type === type));

  // 1. Refused, contained, violation, unloaded: as the table says.
  let clickedHostile = false;
  const act = async () => {
    if (!fx.action) return;
    const t = await run(`__h.target(${JSON.stringify(fx.action.click)})`);
    if (!t.found) fail(`no <${fx.action.click}> rendered in the hostile root to act on`);
    await d.click(t.x, t.y);
    clickedHostile = true;
    if (fx.action.key) { await sleep(100); await d.key(fx.action.key); }
    await sleep(300);
  };
  const final = ['mounted', 'error', 'not-loaded', 'compiled'];
  if (fx.outcome === 'refused') {
    // Refused at mount: the first state it settles in is error (a short grace for a late check).
    let s = await until(d, "__h.state('hostile')", (s) => final.includes(s), 8_000);
    if (s !== 'error') s = await until(d, "__h.state('hostile')", (s) => s === 'error', 300);
    if (s !== 'error') fail(`state ${s}, expected error (${fx.code})`);
    else {
      const errors = await hostileEvents('error');
      const code = errors.at(-1)?.code;
      if (code !== fx.code) fail(`error code ${code}, expected ${fx.code} (${errors.at(-1)?.message ?? ''})`);
      const shown = (await run('__h.snapshot()')).fallback;
      if (!shown?.includes(FALLBACK)) fail(`the slot does not show the fallback (shows ${JSON.stringify(shown?.slice(0, 60))})`);
    }
  } else if (fx.outcome === 'contained') {
    let s = await until(d, "__h.state('hostile')", (s) => final.includes(s), 8_000);
    if (rss) rss.held = residentMemory().bytes;
    await act();
    await sleep(200);
    s = await state();
    const e = (await hostileEvents('error')).at(-1);
    if (!fx.states.includes(s)) {
      fail(`state ${s}, expected ${fx.states.join(' or ')}${e ? ` (${e.code}: ${e.message})` : ''}`);
    } else if (fx.code && e?.code !== fx.code) fail(`error code ${e?.code}, expected ${fx.code} (${e?.message ?? ''})`);
  } else if (fx.outcome === 'violation') {
    const s = await until(d, "__h.state('hostile')", (s) => final.includes(s), 8_000);
    if (s !== 'mounted') fail(`state ${s} before the attack, expected mounted`);
    await act();
    const seen = await until(d, '__rec.events', (ev) => ev.some((e) => e.name === 'hostile' && e.type === 'violation' && e.code === fx.abi), 3_000);
    const got = seen.filter((e) => e.name === 'hostile' && e.type === 'violation');
    if (!got.some((e) => e.code === fx.abi)) fail(`no tessera:violation with code ${fx.abi} (got ${got.length ? [...new Set(got.map((e) => e.code))].join(',') : 'none'})`);
    const after = await state();
    if (after !== 'mounted') {
      const e = (await hostileEvents('error')).at(-1);
      fail(`state ${after} after the violation, expected mounted${e ? ` (${e.code}: ${e.message})` : ''}`);
    }
  } else if (fx.outcome === 'unloaded') {
    const s = await until(d, "__h.state('hostile')", (s) => s === 'not-loaded' || s === 'error', 8_000);
    await sleep(300);
    const snap = await run('__h.snapshot()');
    const ev = snap.events.filter((e) => e.name === 'hostile' && e.type !== 'violation');
    const mountedAt = ev.findIndex((e) => e.type === 'mounted');
    if (mountedAt < 0) fail('never mounted');
    if (!snap.unloads.length) fail('the page never saw a violation to unload it from');
    for (const u of snap.unloads) if (!u.ok) fail(`unload() from the violation listener threw ${u.error}`);
    if (s !== 'not-loaded' || snap.states.hostile !== 'not-loaded') fail(`state ${snap.states.hostile}, expected not-loaded`);
    if (ev.some((e) => e.type === 'error')) fail(`the lifecycle went through error: ${ev.find((e) => e.type === 'error').message}`);
    if (ev.at(-1)?.type !== 'not-loaded') fail(`the lifecycle ended with ${ev.at(-1)?.type}, not not-loaded`);
    if (snap.hostileHost) fail('the host element is still in the slot after unload');
    notes.push(`lifecycle ${ev.map((e) => e.type).join('>')}; ${snap.unloads.length} unload call(s)`);
  }
  if (fx.grant) {
    await until(d, 'true', () => env.hits.some((h) => h.url === fx.grant), 3_000);
  }

  // 2. Nothing outside the box: paint, pointer, top layer, focus.
  const probe = await run('__h.probe()');
  if (probe.bad) fail(`${probe.bad}/${probe.probed} points outside the slot hit the hostile component (first ${JSON.stringify(probe.first)})`);
  const top = await run('__h.topLayer()');
  if (top.document || top.hostile) fail(`top layer not empty (document ${top.document}, hostile root ${top.hostile})`);
  const snap0 = await run('__h.snapshot()');
  if (!clickedHostile && snap0.active === 'hostile') fail('document.activeElement is the hostile component, which nobody clicked');

  // 5 (first half). The neighbours are mounted and count real clicks.
  for (const side of ['left', 'right']) {
    const s = await until(d, `__h.state('${side}')`, (s) => s === 'mounted', 3_000);
    if (s !== 'mounted') { fail(`${side} is ${s}, not mounted`); continue; }
    const c = await run(`__h.counter('${side}')`);
    if (!c || c.missing) { fail(`cannot read ${side}'s counter (${c ? 'no button' : 'no shadow root captured'})`); continue; }
    if (c.at !== side || !c.inner) fail(`at the centre of ${side}'s + button the page hits ${c.at}${c.inner ? '' : ' (not the button)'}`);
    const clicks0 = (await run('__rec.input')).filter((e) => e.type === 'click').length;
    await d.click(c.x, c.y);
    const want = String(Number(c.value) + 1);
    const v = await until(d, `__h.value('${side}')`, (v) => v === want, 1_000);
    if (v !== want) fail(`a real click on ${side}'s + did not count (${c.value} -> ${v})`);
    const clicks = (await run('__rec.input')).filter((e) => e.type === 'click').slice(clicks0);
    const stray = clicks.filter((e) => e.target !== side);
    if (stray.length) fail(`the click on ${side}'s + reached ${stray.map((e) => e.target).join(', ')}`);
  }

  // 5 (second half). The page kept its pace: its 10 ms interval over 600 ms against the baseline.
  let ticks;
  if (fx.assertRate) {
    // Over the 600 ms after the hostile mounted, while a flood is at its worst (or after it
    // began mounting, for one whose mount never returns).
    const mounted = (await hostileEvents('mounted'))[0] ?? (await hostileEvents('mounting'))[0];
    if (!mounted) ticks = 0;
    else {
      await until(d, 'performance.now()', (now) => now > mounted.t + 650, 5_000);
      ticks = await run(`__rec.ticks.filter((t) => t >= ${mounted.t} && t < ${mounted.t + 600}).length`);
    }
  } else {
    await sleep(600);
    ticks = await run('__h.ticks(600)');
  }
  const ratio = env.baseline ? ticks / env.baseline : null;
  if (fx.assertRate && !(ratio >= 0.5)) fail(`the page's 10 ms interval fell to ${ticks} ticks in 600 ms (baseline ${env.baseline})`);

  if (fx.measureMemory) {
    if (d.name !== 'chromium') notes.push('memory measure: Chromium only');
    else {
      await run('__h.memoryStart()');
      const m = await until(d, '__h.memoryDone()', Boolean, 20_000);
      if (!m || m.unavailable || m.error) {
        const why = !m ? 'no answer in 20 s' : m.error ?? `unavailable (crossOriginIsolated ${m.isolated})`;
        console.log(`note: ${fx.name}: performance.measureUserAgentSpecificMemory skipped: ${why}`);
        notes.push(`memory measure skipped: ${why}`);
      } else {
        notes.push(`page memory ${(m.bytes / 2 ** 20).toFixed(1)} MiB`);
        if (m.bytes > 256 * 2 ** 20) fail(`the page holds ${(m.bytes / 2 ** 20).toFixed(0)} MiB after the grow`);
      }
    }
  }

  if (rss) {
    // The browser's resident memory (every process it runs): it must have held the fill, and be
    // back near the baseline once the component's worker is ended (the engine frees lazily: poll).
    const mib = (b) => (b / 2 ** 20).toFixed(0);
    const grew = rss.held - rss.baseline;
    const end = Date.now() + 10_000;
    do { await sleep(250); rss.after = residentMemory().bytes; } while (rss.after - rss.baseline > 64 * 2 ** 20 && Date.now() < end);
    const line = `resident memory: baseline ${mib(rss.baseline)} MiB, filled ${mib(rss.held)} MiB, after the worker ended ${mib(rss.after)} MiB`;
    console.log(`${d.name} ${fx.name}: ${line}`);
    notes.push(line);
    if (grew < fx.measureRss * 0.75 * 2 ** 20) fail(`the fill did not show in resident memory (+${mib(grew)} MiB): the measure cannot see it`);
    if (rss.after - rss.baseline > 64 * 2 ** 20) fail(`resident memory is ${mib(rss.after - rss.baseline)} MiB above the baseline after the worker ended`);
  }

  // 3. Nothing reached the logger (unless this fixture was granted exactly that).
  await sleep(100);
  const logged = env.hits.map((h) => `${h.method} ${h.url}`);
  if (fx.grant) {
    if (!logged.includes(`GET ${fx.grant}`)) fail(`the granted request GET ${fx.grant} never reached the logger`);
    const other = logged.filter((l) => l !== `GET ${fx.grant}`);
    if (other.length) fail(`the logger saw ${other.join(', ')}`);
  } else if (logged.length) fail(`the logger saw ${[...new Set(logged)].join(', ')}`);

  // 4. No page code ran with guest code on the stack; and the page was not navigated or broken.
  const snap = await run('__h.snapshot()');
  if (snap.hits.length) {
    const where = [...new Set(snap.hits.map((h) => h.where))];
    fail(`page code ran with guest code on the stack: ${where.join(', ')}`);
    env.stacks.push(`== ${d.name} ${fx.name}: ${where.join(', ')}\n${snap.hits[0].stack}\n`);
  }
  if (snap.href !== snap.href0) fail(`the page navigated to ${snap.href}`);
  if (snap.scroll[0] || snap.scroll[1]) fail(`the page scrolled to ${snap.scroll}`);
  if (d.extra.popups !== popups0) fail(`${d.extra.popups - popups0} window(s) opened`);
  if (d.extra.dialogs !== dialogs0) fail(`${d.extra.dialogs - dialogs0} dialog(s) opened`);
  for (const e of snap.errors) fail(e);
  for (const l of snap.logs.filter((l) => l.level === 'error')) fail(`console.error: ${l.text.slice(0, 160)}`);
  const violations = snap.events.filter((e) => e.name === 'hostile' && e.type === 'violation');
  if (violations.length) notes.push(`violations ${[...new Set(violations.map((v) => v.code))].join(',')}: ${violations[0].detail}`);
  return { reasons, notes, ticks, ratio };
}

/** The suite in one browser: the stack-marker probe, the baseline, then every selected fixture. */
export function suite(browser) {
  const env = { results: [], stacks: [], baseline: null };
  let d;
  before(async () => {
    Object.assign(env, await servers());
    d = await driver(browser);
  });
  after(async () => {
    await d?.close().catch(() => {});
    env.close?.();
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, `results-${browser}.json`), JSON.stringify(env.results, null, 1));
    writeFileSync(join(OUT, `stacks-${browser}.txt`), env.stacks.join('\n'));
    const width = Math.max(...env.results.map((r) => r.fixture.length));
    console.log(`\n${browser}: ${env.results.filter((r) => r.pass).length}/${env.results.length} passed (details: ${join(OUT, `results-${browser}.json`)})`);
    for (const r of env.results) {
      console.log(`  ${r.fixture.padEnd(width)}  ${r.pass ? 'pass' : 'FAIL'}  ${r.ratio == null ? '' : `rate ${r.ratio.toFixed(2)}  `}${r.reasons.join('; ')}`);
    }
  });

  test(`${browser}: stack traces name the guest's frames (guest_frame_*)`, async () => {
    await d.goto(`${env.pageOrigin}/hostile/page.html?probe=log_during_mount`);
    const probe = await until(d, '__rec.probe', Boolean, 10_000);
    env.stacks.push(`== ${browser} stack-marker probe\n${probe.map((p) => `-- ${p.how} (marker ${p.marker}, seen as ${p.seen}, ${p.frames} lines)\n${p.stack ?? p.error}`).join('\n')}\n`);
    // Shallow stacks must name the guest's frames; the deep one (150 frames below the import) must
    // at least be seen, by the marker or as a truncated stack.
    const bad = probe.filter((p) => (p.how === 'deep' ? !p.seen : !p.marker));
    env.results.push({ fixture: 'stack_marker_probe', browser, pass: !bad.length, reasons: bad.map((p) => `${p.how}: guest frames not seen`),
      notes: probe.map((p) => `${p.how}: ${p.seen}`) });
    assert.deepEqual(bad.map((p) => `${p.how}: ${p.stack ?? p.error}`), []);
  });

  test(`${browser}: baseline (the two counters alone) counts clicks and sets the interval's pace`, async () => {
    await d.goto(`${env.pageOrigin}/hostile/page.html`);
    assert.ok(await until(d, '__rec.started', Boolean, 15_000));
    const status = await d.run('__h.status()');
    assert.equal(status.fatal, null);
    for (const side of ['left', 'right']) {
      assert.equal(await until(d, `__h.state('${side}')`, (s) => s === 'mounted', 5_000), 'mounted');
      const c = await d.run(`__h.counter('${side}')`);
      assert.ok(c && !c.missing, `${side}'s counter is readable through the captured shadow root`);
      assert.equal(c.at, side);
      await d.click(c.x, c.y);
      assert.equal(await until(d, `__h.value('${side}')`, (v) => v === '1', 2_000), '1');
    }
    await sleep(700);
    env.baseline = await d.run('__h.ticks(600)');
    const snap = await d.run('__h.snapshot()');
    assert.deepEqual(snap.hits, []);
    assert.deepEqual(env.hits, []);
    assert.ok(env.baseline > 20, `baseline ${env.baseline} ticks in 600 ms`);
  });

  for (const fx of selected()) {
    test(`${browser}: ${fx.name} (${fx.outcome}): ${fx.what}`, async () => {
      let result;
      try {
        result = await check(d, fx, env);
      } catch (e) {
        result = { reasons: [`harness: ${e.message.split('\n')[0]}`], notes: [] };
        await d.restart().catch(() => {});
      }
      env.results.push({ fixture: fx.name, browser, class: fx.class, pass: !result.reasons.length, ...result });
      assert.deepEqual(result.reasons, [], `${fx.name} in ${browser}`);
    });
  }
}
