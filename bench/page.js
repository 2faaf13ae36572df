// One benchmark run in the page: load and mount every component of ?manifest= with the loader
// named by ?impl= (tessera | baseline), then publish the timings on window.__bench.
import { loadBaseline } from './baseline.js';

const params = new URLSearchParams(location.search);
const manifestUrl = new URL(params.get('manifest'), location.href).href;
const t0 = performance.now();
let ready;
if (params.get('impl') === 'tessera') {
  const { default: init, Tessera } = await import('../loader/tessera_loader.js');
  await init();
  ready = performance.now();
  const tessera = await Tessera.fromUrl(manifestUrl);
  const summary = await tessera.start();
  if (summary.failed.length) throw new Error(`failed: ${JSON.stringify(summary.failed)}`);
} else {
  ready = performance.now();
  await loadBaseline(manifestUrl);
}
// Let the DOM edits reach layout so both loaders are timed up to a rendered page.
document.body.getBoundingClientRect();
const done = performance.now();
window.__bench = { init: ready - t0, mount: done - ready, total: done - t0 };
