// Scenario (c): remounting from the kept module. In one page Tessera mounts one synthetic
// component; each iteration times `tessera.unmount(name)` then `await tessera.remount(name)` up to a
// laid-out page, and checks the slot's text afterwards. Keep-alive switching (`suspend`/`resume`) is
// measured the same way when `Tessera.prototype.suspend` exists at run time, else reported as absent.
import { openPage, load, checkSlots } from '../browser.mjs';

export async function remount(env, { manifest, iterations, warmups }) {
  const expected = { ...env.site.manifests[manifest].slots };
  const tab = await openPage(env.browser);
  try {
    await load(tab, `${env.url}${manifest}.html?impl=tessera&manifest=${manifest}.json`);
    await checkSlots(tab.cdp, expected, `${manifest} mount`);
    const suspendable = await tab.page.evaluate(() => typeof Object.getPrototypeOf(window.__tessera).suspend === 'function');
    const time = (kind) => tab.page.evaluate(async (k) => {
      const t = window.__tessera;
      const t0 = performance.now();
      if (k === 'remount') { t.unmount('c0'); await t.remount('c0'); } else { await t.suspend('c0'); await t.resume('c0'); }
      document.body.getBoundingClientRect();
      return performance.now() - t0;
    }, kind);
    const out = { remount: [], suspend: suspendable ? [] : null };
    for (const kind of suspendable ? ['remount', 'suspend'] : ['remount']) {
      for (let i = 0; i < warmups + iterations; i++) {
        const ms = await time(kind);
        await checkSlots(tab.cdp, expected, `${manifest} ${kind} ${i}`);
        if (i >= warmups) out[kind].push(ms);
      }
    }
    return out;
  } finally { await tab.close(); }
}
