// A minimal W3C WebDriver client for Firefox (geckodriver): enough to open the demo, find elements
// inside open shadow roots, click and type with real input events (also at coordinates and through
// the keyboard, which reach into closed shadow roots), and run scripts.
// (playwright-core drives Chromium; its Firefox support needs a patched Firefox build.)
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** WebDriver's codes for the keys the tests press. */
export const KEYS = { tab: '\uE004', enter: '\uE007' };

const ELEMENT = 'element-6066-11e4-a52f-4a5cb5ac6f0d';
const SHADOW = 'shadow-6066-11e4-a52f-4a5cb5ac6f0d';

function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

/** Starts geckodriver and a headless Firefox session. */
export async function firefox() {
  const port = await freePort();
  const driver = spawn('geckodriver', ['--port', String(port), '--host', '127.0.0.1'], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`${base}/status`)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  const call = async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`webdriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  };
  const binary = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
  const { sessionId } = await call('POST', '/session', {
    capabilities: { alwaysMatch: { browserName: 'firefox', 'moz:firefoxOptions': { binary, args: ['-headless'] } } },
  });
  const s = (path) => `/session/${sessionId}${path}`;
  const el = (value) => ({
    id: value[ELEMENT],
    click: () => call('POST', s(`/element/${value[ELEMENT]}/click`), {}),
    type: (text) => call('POST', s(`/element/${value[ELEMENT]}/value`), { text }),
    text: () => call('GET', s(`/element/${value[ELEMENT]}/text`)),
  });
  return {
    goto: (url) => call('POST', s('/url'), { url }),
    /** Runs `script` (a function body) with `args`; returns its value. */
    run: (script, ...args) => call('POST', s('/execute/sync'), { script, args }),
    /** Runs `script` (a function body) that calls its last argument with the result. */
    runAsync: (script, ...args) => call('POST', s('/execute/async'), { script, args }),
    /** Finds `selector` inside the open shadow root of the host element `host`. */
    async inShadow(host, selector) {
      const h = await call('POST', s('/element'), { using: 'css selector', value: host });
      const root = await call('GET', s(`/element/${h[ELEMENT]}/shadow`));
      return el(await call('POST', s(`/shadow/${root[SHADOW]}/element`), { using: 'css selector', value: selector }));
    },
    /** A real mouse click at page coordinates `(x, y)` (CSS pixels of the viewport). */
    clickAt: (x, y) => call('POST', s('/actions'), { actions: [{
      type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
        { type: 'pointerMove', origin: 'viewport', x: Math.round(x), y: Math.round(y) },
        { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }],
    }] }),
    /** Real key presses, one after another: WebDriver key values (`KEYS.tab`, `'a'`, ...). */
    press: (...keys) => call('POST', s('/actions'), { actions: [{
      type: 'key', id: 'keyboard', actions: keys.flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]),
    }] }),
    async waitFor(script, timeout = 10_000) {
      const end = Date.now() + timeout;
      for (;;) {
        if (await call('POST', s('/execute/sync'), { script, args: [] })) return;
        if (Date.now() > end) throw new Error(`timed out waiting for: ${script}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      try { await call('DELETE', s('')); } finally { driver.kill(); }
    },
  };
}
