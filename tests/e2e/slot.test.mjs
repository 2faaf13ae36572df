// End-to-end: `<tessera-slot>` (tessera-loader/slot, crates/loader/src/js/slot.js) in headless
// Chromium on the demo's manifest and components: elements mount their components from the page's
// manifest link, share one loader (and its bus), show their state in data-tessera-state, unmount
// when removed and mount again when put back, follow a name change, and report a manifest that
// cannot be read or a name it does not hold with tessera:error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inComponent, open, page } from './harness.mjs';

let env;
before(async () => { env = await open(); });
after(async () => { await env?.close(); });

const state = (p, selector) => p.evaluate((s) => document.querySelector(s)?.getAttribute('data-tessera-state') ?? null, selector);
const until = (p, selector, want) => p.waitForFunction(
  ([s, w]) => document.querySelector(s)?.getAttribute('data-tessera-state') === w, [selector, want], { timeout: 10_000 });

test('<tessera-slot>: mount from the page manifest, a shared bus, removal, return, rename and errors', async () => {
  // A blank HTML page of the demo's origin (custom elements do not upgrade in a text document).
  const { p, errors } = await page(env, '/style.css', { expected: ['favicon.ico', 'missing.json'] });
  await p.route('**/blank.html', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>slots</title>' }));
  await p.goto(new URL('/blank.html', env.url).href);
  await p.evaluate(async () => {
    window.failures = [];
    document.addEventListener('tessera:error', (e) => window.failures.push([e.target.getAttribute('name'), e.detail.code]));
    document.head.insertAdjacentHTML('beforeend', '<link rel="tessera-manifest" href="/tessera.json">');
    document.body.innerHTML = `
      <tessera-slot name="counter">Loading the counter…</tessera-slot>
      <tessera-slot name="products"></tessera-slot>
      <tessera-slot name="cart"></tessera-slot>
      <tessera-slot name="clock"></tessera-slot>
      <tessera-slot name="counter" manifest="/missing.json"></tessera-slot>
      <tessera-slot name="nope"></tessera-slot>`;
    await import('/loader/tessera_slot.js');
  });
  for (const name of ['counter', 'products', 'cart', 'clock']) await until(p, `tessera-slot[name=${name}]`, 'mounted');
  assert.equal(await (await inComponent(p, 'tessera-slot[name=counter]', 'output')).first().text(), '3');

  // One loader for the manifest: products and cart talk over its bus.
  await (await inComponent(p, 'tessera-slot[name=products]', 'button.add')).first().click();
  await p.waitForFunction(async () => {
    const { tesseraFor } = await import('/loader/tessera_slot.js');
    return (await tesseraFor('/tessera.json')).stats().instances === 4;
  });
  const count = async () => (await inComponent(p, 'tessera-slot[name=cart]', '.count')).first().text();
  for (let i = 0; i < 50 && (await count()) !== '1'; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(await count(), '1');

  // Removed: unmounted, its own children back; put back: mounted again from the kept module.
  const removed = await p.evaluate(async () => {
    const el = document.querySelector('tessera-slot[name=counter]');
    el.remove();
    await new Promise((r) => setTimeout(r, 100));
    const { tesseraFor } = await import('/loader/tessera_slot.js');
    const t = await tesseraFor('/tessera.json');
    const after = { state: t.state('counter'), text: el.textContent };
    document.body.prepend(el);
    return after;
  });
  assert.deepEqual(removed, { state: 'compiled', text: 'Loading the counter…' });
  await until(p, 'tessera-slot[name=counter]', 'mounted');

  // A new name: the clock goes, the todo list comes.
  await p.evaluate(() => document.querySelector('tessera-slot[name=clock]').setAttribute('name', 'todo'));
  await until(p, 'tessera-slot[name=todo]', 'mounted');
  const clock = await p.evaluate(async () => {
    const { tesseraFor } = await import('/loader/tessera_slot.js');
    return (await tesseraFor('/tessera.json')).state('clock');
  });
  assert.equal(clock, 'compiled');

  // A manifest that cannot be read, and a name the manifest does not hold.
  assert.equal(await state(p, 'tessera-slot[manifest]'), 'error');
  await until(p, 'tessera-slot[name=nope]', 'error');
  const failures = await p.evaluate(() => window.failures);
  assert.deepEqual(failures.sort(), [['counter', 'http-status'], ['nope', 'unknown-component']]);
  assert.deepEqual(errors, []);
  await p.close();
});
