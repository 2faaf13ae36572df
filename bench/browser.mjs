// The benchmark's browser: Debian's Chromium through playwright-core (the same flags as the
// end-to-end tests), one sample per page load, and the checks that a sample shows what it must
// before its time counts (read through the DevTools protocol, which sees closed shadow roots).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';

const EXE = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

export const launch = () => chromium.launch({ executablePath: EXE, args: ARGS, headless: true });
export const chromiumVersion = () => execFileSync(EXE, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();

/** A fresh context, page and CDP session; `network` (CDP Network.emulateNetworkConditions) if given. */
export async function openPage(browser, network) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
  }
  return { context, page, cdp, errors, close: () => context.close() };
}

/** Loads `url` in `tab` (from openPage) and returns the page's window.__bench, throwing on errors. */
export async function load(tab, url, timeout = 60_000) {
  tab.errors.length = 0;
  await tab.page.goto(url, { timeout });
  await tab.page.waitForFunction(() => window.__bench || null, null, { timeout });
  const result = await tab.page.evaluate(() => window.__bench);
  if (result.error || tab.errors.length) throw new Error(`${url}: ${result.error ?? ''} ${tab.errors.join('; ')}`);
  return result;
}

const attr = (n, name) => { const a = n.attributes ?? []; for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1]; return null; };
const kids = (n) => [...(n.shadowRoots ?? []), ...(n.children ?? [])];
const textOf = (n) => (n.nodeType === 3 ? n.nodeValue : n.nodeName === 'STYLE' ? '' : kids(n).map(textOf).join(''));
function find(n, id) {
  if (n.nodeType === 1 && attr(n, 'id') === id) return n;
  for (const c of kids(n)) { const f = find(c, id); if (f) return f; }
  return null;
}
const getDocument = async (cdp) => (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })).root;

/** The text (without <style> text) inside each slot, e.g. { '#c0': 'synth 0: 12ab34cd' }. */
export async function slotTexts(cdp, selectors) {
  const root = await getDocument(cdp);
  return Object.fromEntries(selectors.map((s) => { const n = find(root, s.slice(1)); return [s, n ? textOf(n) : null]; }));
}

/** The texts of the <tr> rows inside the slot `selector`, in document order. */
export async function rowTexts(cdp, selector) {
  const root = await getDocument(cdp);
  const rows = [];
  const walk = (n) => { if (n.nodeName === 'TR') rows.push(textOf(n)); else kids(n).forEach(walk); };
  const slot = find(root, selector.slice(1));
  if (slot) walk(slot);
  return rows;
}

/**
 * Checks the slots against `expected` ({ selector: text }; a null text is learnt from the first
 * sample, with digits masked, e.g. the demo's clock). Throws on a mismatch.
 */
export async function checkSlots(cdp, expected, what) {
  const got = await slotTexts(cdp, Object.keys(expected));
  for (const [slot, want] of Object.entries(expected)) {
    const text = got[slot];
    if (!text) throw new Error(`${what}: slot ${slot} is empty`);
    const masked = text.replace(/\d/g, '0');
    if (want === null) expected[slot] = { masked };
    else if (typeof want === 'object' ? masked !== want.masked : text !== want) {
      throw new Error(`${what}: slot ${slot} shows ${JSON.stringify(text.slice(0, 120))}, expected ${JSON.stringify(want.masked ?? want)}`);
    }
  }
}
