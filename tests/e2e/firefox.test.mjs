// End-to-end in headless Firefox (geckodriver): the demo mounts, fails alone, and keeps
// components out of reach of page scripts. Interactive checks live in demo.test.mjs (Chromium),
// which can look inside closed shadow roots through the DevTools protocol.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIST } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';
import { firefox } from './webdriver.mjs';

let server, url, ff;
before(async () => {
  ({ server, url } = await serve(DIST));
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

test('Firefox: page scripts cannot reach a component\'s shadow root', async () => {
  await ff.goto(url);
  await ff.waitFor(`return document.querySelector('.tile[data-component="counter"]')?.dataset.state === 'mounted';`);
  assert.equal(await ff.run("return document.querySelector('#counter > [data-tessera]').shadowRoot;"), null);
  assert.equal(await ff.run("return document.querySelectorAll('script').length;"), 1);
});
