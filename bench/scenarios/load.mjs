// Scenarios (a) and (b): load a manifest's components, Tessera against the floor (bench/baseline.js),
// cold (a fresh browser context per sample) or warm (reloading in a context that loaded it before),
// optionally under network emulation. Pairs of samples run in a shuffled order; warm-ups are
// discarded; every sample's slots are checked before its times count.
import { openPage, load, checkSlots } from '../browser.mjs';
import { shuffle } from '../stats.mjs';

export const IMPLS = ['tessera', 'baseline'];

/** Returns { tessera: [sample], baseline: [sample] }, each sample { nav, mounted, firstFetch, handover, afterHandover, created } (bench/page.js; created: fromObject's time, Tessera only). */
export async function loadCell(env, { manifest, warm, network, samples, warmups, rand }) {
  const expected = { ...env.site.manifests[manifest].slots };
  // Tessera's page carries the `<link>` hints for its loader's files (bench/site.mjs).
  const url = (impl) => `${env.url}${manifest}${impl === 'tessera' ? '.tessera' : ''}.html?impl=${impl}&manifest=${manifest}.json`;
  const out = { tessera: [], baseline: [] };
  const tabs = {};
  try {
    if (warm) for (const impl of IMPLS) { tabs[impl] = await openPage(env.browser, network); await load(tabs[impl], url(impl)); }
    for (let i = 0; i < warmups + samples; i++) {
      for (const impl of shuffle(IMPLS, rand)) {
        const tab = warm ? tabs[impl] : await openPage(env.browser, network);
        try {
          const r = await load(tab, url(impl));
          await checkSlots(tab.cdp, expected, `${manifest} ${impl}`);
          if (i >= warmups) {
            out[impl].push({ nav: r.nav, mounted: r.mounted, firstFetch: r.firstFetch, handover: r.handover, afterHandover: r.afterHandover, created: r.created });
          }
        } finally { if (!warm) await tab.close(); }
      }
    }
  } finally { for (const t of Object.values(tabs)) await t.close(); }
  return out;
}
