// End-to-end: module responses as they really fail, from a server that misbehaves on purpose, in
// headless Chromium and Firefox. One manifest holds a good component and one component per
// failure; each failure ends in its own typed error (code, message) for that component alone, with
// the retry behaviour docs/architecture.md states (network errors and 408/429/5xx retried, nothing
// else), and the good component mounts. A second server on another port is the "other origin".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { DIST } from './harness.mjs';
import { firefox } from './webdriver.mjs';

const WASM = readFileSync(join(DIST, 'components', 'counter.wasm'));
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };

/** Requests per path, on both servers. */
const hits = new Map();
const hit = (path) => hits.set(path, (hits.get(path) ?? 0) + 1);

let main, other, browser, mainUrl, otherUrl;
/** Sockets of responses that never end, destroyed at the end. */
const hanging = new Set();

/** What each misbehaving path does. `res` is Node's response; `other` is the other origin's URL. */
const ROUTES = {
  '/r/slow-headers.wasm': (res) => { hanging.add(res.socket); },
  '/r/stall.wasm': (res) => {
    res.writeHead(200, { 'content-type': 'application/wasm', 'content-length': WASM.length });
    res.write(WASM.subarray(0, 100));
    hanging.add(res.socket);
  },
  '/r/truncated.wasm': (res) => {
    res.writeHead(200, { 'content-type': 'application/wasm', 'content-length': WASM.length });
    res.write(WASM.subarray(0, WASM.length >> 1), () => res.socket.destroy());
  },
  '/r/redirect-same.wasm': (res) => { res.writeHead(302, { location: '/components/clock.wasm' }); res.end(); },
  '/r/redirect-other.wasm': (res) => { res.writeHead(302, { location: `${otherUrl}plain/redirected.wasm` }); res.end(); },
  '/r/html.wasm': (res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><h1>Something went wrong</h1>');
  },
  '/r/no-type.wasm': (res) => { res.removeHeader('content-type'); res.writeHead(200); res.end(WASM); },
  '/r/octet.wasm': (res) => { res.writeHead(200, { 'content-type': 'application/octet-stream' }); res.end(WASM); },
  '/r/not-modified.wasm': (res) => { res.writeHead(304); res.end(); },
  '/r/flaky.wasm': (res) => {
    if (hits.get('/r/flaky.wasm') === 1) { res.writeHead(503); res.end('busy'); return; }
    res.writeHead(200, { 'content-type': 'application/wasm' });
    res.end(WASM);
  },
};

function listen(handler) {
  const server = createServer(handler);
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok([server, `http://127.0.0.1:${server.address().port}/`])));
}

before(async () => {
  [main, mainUrl] = await listen((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    hit(path);
    res.setHeader('cache-control', 'no-store');
    if (ROUTES[path]) return ROUTES[path](res);
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<!doctype html><title>responses</title><body></body>');
    }
    try {
      const body = readFileSync(join(DIST, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  // The other origin: /plain/ without CORS headers, /cors/ allowing every page.
  [other, otherUrl] = await listen((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    hit(`other:${path}`);
    const headers = { 'content-type': 'application/wasm', 'cache-control': 'no-store' };
    if (path.startsWith('/cors/')) headers['access-control-allow-origin'] = '*';
    res.writeHead(200, headers);
    res.end(WASM);
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    headless: true,
  });
});

after(async () => {
  for (const socket of hanging) socket.destroy();
  await browser?.close();
  main?.close();
  other?.close();
});

/** Every case: the module URL, what the component must end with, and how often it is asked for. */
const CASES = () => [
  ['good', '/components/counter.wasm', 'mounted', null, 1],
  ['slow-headers', '/r/slow-headers.wasm', 'error', 'timeout', 1],
  ['stall', '/r/stall.wasm', 'error', 'timeout', 1],
  ['truncated', '/r/truncated.wasm', 'error', 'fetch-failed', 1],
  ['redirect-same', '/r/redirect-same.wasm', 'mounted', null, 1],
  ['redirect-other', '/r/redirect-other.wasm', 'error', 'fetch-failed', 3],
  ['html', '/r/html.wasm', 'error', 'content-type', 1],
  ['no-type', '/r/no-type.wasm', 'error', 'content-type', 1],
  ['octet', '/r/octet.wasm', 'error', 'content-type', 1],
  ['not-modified', '/r/not-modified.wasm', 'error', 'http-status', 1],
  ['flaky', '/r/flaky.wasm', 'mounted', null, 2],
  ['other-origin', `${otherUrl}plain/counter.wasm`, 'error', 'fetch-failed', 3],
  ['other-origin-cors', `${otherUrl}cors/counter.wasm`, 'mounted', null, 1],
];

/**
 * Runs in the page (its text is sent to both browsers): one component per case, each in its own
 * slot; returns the states, the error events' codes and messages, and what each slot shows.
 */
async function inPage(cases) {
  // The development build: the messages below are its own (why a fetch failed, for one). The
  // production build takes the same paths with the same codes (crates/loader/tests runs both).
  const m = await import('/loader/dev/tessera_loader.js');
  await m.default();
  document.body.innerHTML = cases.map(([name]) => `<div id="${name}"></div>`).join('');
  const components = cases.map(([name, module]) => ({
    name, module, slot: `#${name}`, timeoutMs: name === 'good' ? 10000 : 1500, fallback: 'unavailable',
  }));
  const errors = {};
  document.addEventListener('tessera:error', (e) => { errors[e.detail.name] = [e.detail.code, e.detail.message]; });
  const t = m.Tessera.fromObject({ manifestVersion: 1, components }, location.href, { retries: 2, retryDelayMs: 10 });
  await t.start();
  await new Promise((done) => setTimeout(done, 50));
  const states = t.states();
  const texts = Object.fromEntries(cases.map(([name]) => [name, document.getElementById(name).textContent]));
  return { states, errors, texts };
}

/** The checks, the same in both browsers. */
function check(cases, outcome) {
  const problems = [];
  for (const [name, module, state, code, requests] of cases) {
    const path = module.startsWith('http') ? `other:${new URL(module).pathname}` : module;
    const seen = outcome.states[name];
    if (seen !== state) problems.push(`${name}: ${seen}, expected ${state} ${JSON.stringify(outcome.errors[name])}`);
    const [gotCode, message] = outcome.errors[name] ?? [null, ''];
    if (gotCode !== code) problems.push(`${name}: code ${gotCode}, expected ${code}: ${message}`);
    if (code && !message.startsWith(`component '${name}' failed while Loading: `)) problems.push(`${name}: ${message}`);
    if (code && outcome.texts[name] !== 'unavailable') problems.push(`${name}: slot shows ${outcome.texts[name]}`);
    if ((hits.get(path) ?? 0) !== requests) problems.push(`${name}: ${hits.get(path) ?? 0} requests, expected ${requests}`);
  }
  assert.deepEqual(problems, []);
  // The messages say what happened.
  assert.match(outcome.errors['slow-headers'][1], /not loaded after 1500 ms/);
  assert.match(outcome.errors.truncated[1], /the response body broke off/);
  assert.match(outcome.errors['other-origin'][1], /\(3 attempts\): no response: .*CORS refused it \(another origin must send Access-Control-Allow-Origin\)/);
  assert.match(outcome.errors.html[1], /text\/html/);
  assert.match(outcome.errors['not-modified'][1], /304/);
  assert.equal(hits.get('/components/clock.wasm'), 1, 'the same-origin redirect was followed');
  assert.equal(hits.get('other:/plain/redirected.wasm'), 3, 'the cross-origin redirect was followed');
}

test('Chromium: each failing response ends its own component in a typed error; the rest mount', async () => {
  hits.clear();
  const page = await browser.newPage();
  const uncaught = [];
  page.on('pageerror', (e) => uncaught.push(e.message));
  await page.goto(mainUrl);
  const cases = CASES();
  const outcome = await page.evaluate(inPage, cases);
  await page.close();
  check(cases, outcome);
  assert.deepEqual(uncaught, []);
});

test('Firefox: each failing response ends its own component in a typed error; the rest mount', async () => {
  hits.clear();
  const ff = await firefox();
  try {
    await ff.goto(mainUrl);
    await ff.run('window.uncaught = []; addEventListener("error", (e) => uncaught.push(e.message));');
    const cases = CASES();
    const outcome = await ff.runAsync(`(${inPage})(arguments[0]).then(arguments[1], (e) => arguments[1]({ failed: String(e) }));`, cases);
    check(cases, outcome);
    assert.deepEqual(await ff.run('return window.uncaught;'), []);
  } finally {
    await ff.close();
  }
});
