// Shared set-up for the end-to-end tests: serve www/dist on 127.0.0.1 and drive Debian's
// Chromium through playwright-core (no browser download), collecting console errors.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'www', 'dist');
/** Where screenshots go (inside the cargo target folder, which git ignores). */
export const ARTIFACTS = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'e2e');
mkdirSync(ARTIFACTS, { recursive: true });

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

/** Starts the static server and a headless Chromium. Call `close()` when done. */
export async function open() {
  const { server, url } = await serve(DIST);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true,
  });
  return {
    url,
    browser,
    async close() { await browser.close(); server.close(); },
  };
}

/**
 * `url` with `?isolation=worker` when the tests run with TESSERA_ISOLATION=worker: the demo page
 * then passes `{ isolation: "worker" }` to the loader, so every component runs in a worker
 * (scripts/test.sh runs the demo's tests in both modes).
 */
export function demoUrl(url) {
  const isolation = process.env.TESSERA_ISOLATION;
  if (isolation) url.searchParams.set('isolation', isolation);
  return url;
}

/**
 * Opens `path` in a fresh page and records console errors and uncaught exceptions in `errors`.
 * `expected` lists substrings of console errors a test provokes on purpose (e.g. a 404). `csp`, if
 * given, is sent as the document's Content-Security-Policy header, and its nonce, if any, in a
 * `<meta property="csp-nonce">` (Chromium reports every violation on the console, so it lands in
 * `errors`).
 */
export async function page(env, path, { expected = [], csp } = {}) {
  const p = await env.browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors = [];
  p.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location()?.url ?? '';
    const text = `${m.text()} ${where}`;
    if (!expected.some((e) => text.includes(e))) errors.push(text);
  });
  p.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  const href = demoUrl(new URL(path, env.url)).href;
  if (csp) {
    // As a server that makes a nonce per response: the header, and the nonce in the page's
    // <meta property="csp-nonce"> (docs/using-tessera.md, "Content Security Policy").
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    await p.route(href, async (route) => {
      const response = await route.fetch();
      let body = await response.text();
      if (nonce) body = body.replace('<head>', `<head><meta property="csp-nonce" nonce="${nonce}">`);
      await route.fulfill({ response, body, headers: { ...response.headers(), 'content-security-policy': csp } });
    });
  }
  await p.goto(href);
  return { p, errors };
}

/** Waits until the component's slot reports `state` (the loader's data-tessera-state attribute). */
export async function waitForState(p, name, state, timeout = 10_000) {
  await p.waitForFunction(
    ([n, s]) => document.querySelector(`[data-component="${n}"]`)?.dataset.state === s,
    [name, state], { timeout },
  );
}

/**
 * A handle on the element matching `selector` inside the component's shadow root, found through the
 * DevTools protocol, which sees closed shadow roots (page scripts cannot). `click()` is a real
 * mouse click at the element's centre; `text()` reads its textContent.
 */
export async function inComponent(p, slotSelector, selector) {
  const cdp = await p.context().newCDPSession(p);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const host = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `${slotSelector} [data-tessera]` });
  if (!host.nodeId) throw new Error(`no component host element in ${slotSelector}`);
  const { node } = await cdp.send('DOM.describeNode', { nodeId: host.nodeId, depth: 1, pierce: true });
  const shadow = node.shadowRoots?.[0];
  if (!shadow) throw new Error(`no shadow root in ${slotSelector}`);
  const pushed = await cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [shadow.backendNodeId] });
  const found = await cdp.send('DOM.querySelectorAll', { nodeId: pushed.nodeIds[0], selector });
  const call = async (nodeId, fn) => {
    const { object } = await cdp.send('DOM.resolveNode', { nodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: fn, returnByValue: true });
    return result.value;
  };
  const handle = (nodeId) => ({
    async click() {
      const { model } = await cdp.send('DOM.getBoxModel', { nodeId });
      const [x1, y1, , , x3, y3] = model.border;
      await p.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
    },
    text: () => call(nodeId, 'function () { return this.textContent; }'),
    eval: (fn) => call(nodeId, fn),
  });
  return { mode: shadow.shadowRootType, count: found.nodeIds.length, first: () => handle(found.nodeIds[0]), all: found.nodeIds.map(handle) };
}
