// End-to-end in headless Firefox (geckodriver): the demo mounts, fails alone, keeps components out
// of reach of page scripts, and a real mouse and keyboard drive a component inside its closed
// shadow root (seen from outside through the message bus). The full interactive checks live in
// demo.test.mjs (Chromium), which can look inside closed shadow roots through the DevTools protocol.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, demoUrl } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';
import { firefox, KEYS } from './webdriver.mjs';

let server, url, ff;
before(async () => {
  ({ server, url } = await serve(DIST));
  url = demoUrl(new URL(url)).href;
  ff = await firefox();
});
after(async () => { await ff?.close(); server?.close(); });

const state = (name) => `return document.querySelector('.tile[data-component="${name}"]')?.dataset.state ?? null;`;

test('Firefox: the demo mounts every component and the broken tile shows its fallback', async () => {
  await ff.goto(url);
  for (const name of ['counter', 'products', 'cart', 'clock']) {
    await ff.waitFor(`return document.querySelector('.tile[data-component="${name}"]')?.dataset.state === 'mounted';`);
  }
  await ff.run("document.getElementById('todo').scrollIntoView();");
  await ff.waitFor(`return document.querySelector('.tile[data-component="todo"]')?.dataset.state === 'mounted';`);
  assert.equal(await ff.run(state('oversized')), 'error');
  assert.equal(await ff.run("return document.querySelector('#oversized .fallback')?.textContent;"),
    'This tile failed to load; the rest of the page is unaffected.');
  assert.match(await ff.run("return document.getElementById('loader-status').textContent;"), /^loader \d+\.\d+\.\d+ ready in/);
  // The only error in the lifecycle log is the one provoked on purpose.
  const errors = await ff.run("return [...document.querySelectorAll('#events li')].map(l => l.textContent).filter(t => t.includes(': error'));");
  assert.equal(errors.length, 1);
  assert.match(errors[0], /oversized: error over-budget/);
});

test('Firefox: the frozen tile loops in its worker until the watchdog ends it; the page keeps its pace', async () => {
  await ff.goto(url);
  await ff.run("document.getElementById('frozen').scrollIntoView();");
  await ff.waitFor(`return document.querySelector('.tile[data-component="frozen"]')?.dataset.state === 'mounted';`);
  await ff.run('window.ticks = []; setInterval(() => window.ticks.push(performance.now()), 10);');
  const mounted = await ff.run('return performance.now();');
  // Its countdown (5 s) ends in a loop that never returns; the watchdog ends it 1 s later.
  await ff.waitFor(`return document.querySelector('.tile[data-component="frozen"]')?.dataset.state === 'error';`, 15_000);
  const ended = await ff.run('return performance.now();');
  const ticks = await ff.run(`return window.ticks.filter((t) => t >= ${mounted} && t < ${ended}).length;`);
  assert.ok(ticks >= (ended - mounted) / 10 * 0.5, `the page's 10 ms interval ticked ${ticks} times in ${Math.round(ended - mounted)} ms`);
  assert.equal(await ff.run("return document.querySelector('.tile[data-component=\"frozen\"] .state').textContent;"), 'error: unresponsive');
  assert.equal(await ff.run("return document.querySelector('#frozen .fallback')?.textContent;"),
    'This tile stopped answering: its worker was ended, and the rest of the page kept working.');
  assert.equal(await ff.run(state('counter')), 'mounted');
});

test('Firefox: page scripts cannot reach a component\'s shadow root', async () => {
  await ff.goto(url);
  await ff.waitFor(`return document.querySelector('.tile[data-component="counter"]')?.dataset.state === 'mounted';`);
  assert.equal(await ff.run("return document.querySelector('#counter [data-tessera]').shadowRoot;"), null);
  assert.equal(await ff.run("return document.querySelectorAll('script').length;"), 1);
});

test('Firefox: real input reaches a component in its closed shadow root, and its message the page', async () => {
  await ff.goto(url);
  for (const name of ['products', 'cart']) {
    await ff.waitFor(`return document.querySelector('.tile[data-component="${name}"]')?.dataset.state === 'mounted';`);
  }
  await ff.run(`window.seen = [];
    window.tessera.subscribe('cart:*', (topic, bytes) => seen.push(topic + ' ' + new TextDecoder().decode(bytes)));`);
  // A click on the first product card's top-left corner (no control there) puts the focus
  // navigation start inside the component; Tab then reaches its first button, Enter presses it.
  const at = await ff.run(`const r = document.querySelector('#products [data-tessera]').getBoundingClientRect();
    return [r.x + 8, r.y + 8];`);
  await ff.clickAt(at[0], at[1]);
  await ff.press(KEYS.tab, KEYS.enter);
  await ff.waitFor('return window.seen.length > 0;');
  const [message] = await ff.run('return window.seen;');
  const space = message.indexOf(' ');
  assert.equal(message.slice(0, space), 'cart:add');
  assert.equal(JSON.parse(message.slice(space + 1)).name, 'Glass tile');
});
