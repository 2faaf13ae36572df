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
 * Opens `path` in a fresh page and records console errors and uncaught exceptions in `errors`.
 * `expected` lists substrings of console errors a test provokes on purpose (e.g. a 404).
 */
export async function page(env, path, { expected = [] } = {}) {
  const p = await env.browser.newPage({ viewport: { width: 1200, height: 900 } });
  const errors = [];
  p.on('console', (m) => {
    if (m.type() !== 'error') return;
    const where = m.location()?.url ?? '';
    const text = `${m.text()} ${where}`;
    if (!expected.some((e) => text.includes(e))) errors.push(text);
  });
  p.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  await p.goto(new URL(path, env.url).href);
  return { p, errors };
}

/** Waits until the component's slot reports `state` (the loader's data-tessera-state attribute). */
export async function waitForState(p, name, state, timeout = 10_000) {
  await p.waitForFunction(
    ([n, s]) => document.querySelector(`[data-component="${n}"]`)?.dataset.state === s,
    [name, state], { timeout },
  );
}
