// Type-checks the shipped declarations (tessera_loader.d.ts) the way an app uses them: every
// method, event and error code. tests/e2e/types.test.mjs runs `tsc --noEmit` over this file in an
// app that installed the packed tarball, under `strict` and `skipLibCheck: false`, with a current
// lib and with ES2023.
import init, {
  Tessera, TesseraError, isTesseraError, version,
  type TesseraErrorCode, type TesseraLifecycleDetail, type TesseraManifest, type TesseraOptions,
  type TesseraState, type TesseraStats, type TesseraSummary,
} from 'tessera-loader';
import { tesseraFor, TesseraSlot } from 'tessera-loader/slot';
import { preload } from 'tessera-loader/preload';

/** Every code, once: a missing or an unknown one fails to compile. */
const CODES: Record<TesseraErrorCode, string> = {
  'manifest-invalid': 'fix the manifest',
  'slot-missing': 'add the slot',
  'fetch-failed': 'check the network',
  'http-status': 'check the server',
  timeout: 'try again',
  'content-type': 'serve application/wasm',
  'over-budget': 'shrink the module',
  integrity: 'rebuild the integrity values',
  'compile-failed': 'check the module',
  'abi-mismatch': 'rebuild against tessera/v1',
  'instantiate-failed': 'check the imports',
  trap: 'fix the component',
  'memory-limit': 'raise maxMemoryPages',
  'abi-violation': 'fix the component',
  'invalid-state': 'wait for the state',
  'unknown-component': 'check the name',
  cancelled: 'nothing to do',
  unresponsive: 'raise maxCallMs or fix the loop',
  internal: 'report it',
};

function explain(e: unknown): string {
  if (isTesseraError(e)) return `${e.component ?? 'manifest'}: ${CODES[e.code]} (${e.state ?? 'before it began'})`;
  if (e instanceof TesseraError) return e.message;
  return String(e);
}

const manifest: TesseraManifest = {
  manifestVersion: 1,
  budget: { totalBrotliBytes: 49152 },
  components: [
    { name: 'cart', module: 'components/cart.wasm', slot: '#cart', load: 'idle', props: { currency: '€' } },
    { name: 'about', module: 'components/about.wasm', slot: '#about', load: { route: '/about' }, timeoutMs: 5000 },
    { name: 'search', module: 'components/search.wasm', slot: '#search', isolation: 'worker', budget: { maxCallMs: 250 } },
    {
      name: 'app', kind: 'bindgen', module: 'components/app.wasm', glue: 'components/app.js', slot: '#app',
      budget: { maxBytes: 65536, maxMemoryPages: 16 }, fallback: 'unavailable',
      capabilities: { publish: ['cart:add'], subscribe: ['cart:*'], origins: ['https://img.example'] },
    },
  ],
};
const hinted: string[] = preload(manifest, 'https://example.com/tessera.json');
console.log(hinted.length, preload(manifest).length);

const options: TesseraOptions = {
  retries: 1, retryDelayMs: 100, timeoutMs: 10000, root: document, keepAlive: true,
  isolation: 'worker', maxCallMs: 2000,
  fetch: (url, init) => fetch(url, init), import: (url) => import(/* @vite-ignore */ url),
};

export async function run(): Promise<void> {
  await init();
  const v: string = version();
  const fromObject: Tessera = Tessera.fromObject(manifest);
  const withBase: Tessera = Tessera.fromObject(manifest, '/assets/', options);
  const t: Tessera = await Tessera.fromUrl('/tessera.json', options);
  const summary: TesseraSummary = await t.start();
  const failed: TesseraErrorCode[] = summary.failed.map((f) => f.code);
  await t.mount('cart');
  t.suspend('cart');
  t.resume('cart');
  t.unmount('cart');
  await t.remount('cart');
  await t.reload('cart');
  t.unload('cart');
  await t.setProps('cart', { currency: '$' });
  const state: TesseraState = t.state('cart');
  const states: Record<string, TesseraState> = t.states();
  const stats: TesseraStats = t.stats();
  const id: number = t.subscribe('cart:*', (topic: string, payload: Uint8Array) => console.log(topic, payload.length));
  t.publish('cart:add', { id: 'tile' });
  t.publish('cart:add', 'text');
  t.publish('cart:add', new Uint8Array([1]));
  t.unsubscribe(id);
  t.navigate('/about');
  t.dispose();
  t.free();
  withBase.free();
  console.log(v, fromObject, failed, state, states, stats.instances + stats.nodes + stats.listeners + stats.timers + stats.subscriptions);
  try {
    await t.mount('nope');
  } catch (e) {
    console.log(explain(e));
  }
}

// Every event, typed on document and on elements.
const slot = document.querySelector<HTMLElement>('#cart')!;
for (const state of ['not-loaded', 'loading', 'compiled', 'mounting', 'mounted', 'suspended', 'unmounting'] as const) {
  document.addEventListener(`tessera:${state}`, (e) => {
    const d: TesseraLifecycleDetail = e.detail;
    console.log(d.name, d.from, d.state);
  });
}
document.addEventListener('tessera:error', (e) => console.log(e.detail.code satisfies TesseraErrorCode | undefined, e.detail.message));
slot.addEventListener('tessera:progress', (e) => console.log(e.detail.loaded, e.detail.total));
slot.addEventListener('tessera:violation', (e) => console.log(e.detail.code, e.detail.detail));

// The <tessera-slot> element and its shared loader.
export async function slots(): Promise<void> {
  const element: TesseraSlot | null = document.querySelector('tessera-slot');
  const made: TesseraSlot = document.createElement('tessera-slot');
  made.setAttribute('name', 'cart');
  document.body.append(made);
  const shared: Tessera = await tesseraFor('/tessera.json');
  shared.publish('cart:cleared', '');
  console.log(element?.dataset.tesseraState);
}
