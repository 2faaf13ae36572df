// Scenario (c): switching a component off and on in one page. Tessera mounts one synthetic
// component; each iteration times one of:
// - remount: `tessera.unmount(name)` then `await tessera.remount(name)` (a fresh instance of the
//   kept module: instantiate and mount, no fetch, no compile);
// - keep-alive: `tessera.suspend(name)` then `tessera.resume(name)` (the same instance and DOM);
// - vanilla: the floor of keep-alive, written by hand: the slot's nodes taken out and put back
//   with `replaceChildren`, as any page would switch a tab.
// Each is timed twice in the same iteration: the call itself (`call`), and up to a laid-out page
// (`laidOut`, after `getBoundingClientRect()`), which adds the browser's style and layout of the
// component's subtree. The slot's text is checked after every iteration.
import { openPage, load, checkSlots } from '../browser.mjs';

/** What each kind does in the page; `t` is the loader, `slot` the component's slot element. */
const KINDS = {
  remount: 'async (t) => { t.unmount("c0"); await t.remount("c0"); }',
  suspend: 'async (t) => { t.suspend("c0"); t.resume("c0"); }',
  vanilla: 'async (t, slot) => { const kept = [...slot.childNodes]; slot.replaceChildren(); slot.replaceChildren(...kept); }',
};

export async function remount(env, { manifest, iterations, warmups }) {
  const expected = { ...env.site.manifests[manifest].slots };
  const slotSelector = '#c0'; // bench/site.mjs: component c<i> in slot #c<i>
  const tab = await openPage(env.browser);
  try {
    await load(tab, `${env.url}${manifest}.html?impl=tessera&manifest=${manifest}.json`);
    await checkSlots(tab.cdp, expected, `${manifest} mount`);
    const time = (kind) => tab.page.evaluate(async ({ source, selector }) => {
      const step = (0, eval)(`(${source})`);
      const t0 = performance.now();
      await step(window.__tessera, document.querySelector(selector));
      const t1 = performance.now();
      document.body.getBoundingClientRect();
      return { call: t1 - t0, laidOut: performance.now() - t0 };
    }, { source: KINDS[kind], selector: slotSelector });
    const out = {};
    for (const kind of Object.keys(KINDS)) {
      out[kind] = { call: [], laidOut: [] };
      for (let i = 0; i < warmups + iterations; i++) {
        const ms = await time(kind);
        await checkSlots(tab.cdp, expected, `${manifest} ${kind} ${i}`);
        if (i >= warmups) { out[kind].call.push(ms.call); out[kind].laidOut.push(ms.laidOut); }
      }
    }
    return out;
  } finally { await tab.close(); }
}
