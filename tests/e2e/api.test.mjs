// End-to-end: every method of the loader's JavaScript API, called as a page calls it, on the built
// package (www/dist/loader) in headless Chromium: results, thrown and rejected TesseraErrors, the bus,
// navigation, dispose and free. The loader's browser tests (crates/loader/tests) call the same
// operations from Rust; this file covers the JavaScript side of each method.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, page } from './harness.mjs';

let env;
before(async () => { env = await open(); });
after(async () => { await env?.close(); });

const MANIFEST = {
  manifestVersion: 1,
  components: [
    { name: 'counter', module: '/components/counter.wasm', slot: '#a', load: 'manual', props: { start: 3 } },
    { name: 'routed', module: '/components/counter.wasm', slot: '#b', load: { route: '/somewhere' } },
  ],
};

/**
 * Runs `body(m, rec, manifest)` in a blank page, with `m` the loader module (initialised) and
 * `rec(what, f)` recording `[what, 'ok' | 'resolved' | 'threw', value or error fields]`.
 */
async function inPage(body, { expected = [], loader = '/loader/tessera_loader.js' } = {}) {
  // Any same-origin document without the demo's own script will do: the stylesheet is one (the
  // browser asks for a favicon there, which the demo has not got).
  const { p, errors } = await page(env, '/style.css', { expected: ['favicon.ico', ...expected] });
  const log = await p.evaluate(async ({ source, manifest, loader }) => {
    const log = [];
    const rec = async (what, f) => {
      try {
        let value = f();
        const promised = value instanceof Promise;
        if (promised) value = await value;
        log.push([what, promised ? 'resolved' : 'ok', value === undefined ? 'undefined' : JSON.stringify(value)]);
        return value;
      } catch (e) {
        log.push([what, 'threw', e.name, e.code ?? null, e.component ?? null, e.state ?? null, e.message]);
      }
    };
    const m = await import(loader);
    await m.default();
    document.body.innerHTML = '<div id="a"></div><div id="b"></div>';
    await (0, eval)(`(${source})`)(m, rec, manifest);
    return log;
  }, { source: body.toString(), manifest: MANIFEST, loader });
  await p.close();
  return { log: new Map(log.map(([what, ...rest]) => [what, rest])), errors };
}

test('component operations by name: results, states and TesseraErrors', async () => {
  const { log, errors } = await inPage(async (m, rec, manifest) => {
    const t = await rec('fromObject', () => m.Tessera.fromObject(manifest, undefined, { timeoutMs: 5000 }));
    await rec('states', () => t.states());
    await rec('state', () => t.state('counter'));
    await rec('state unknown', () => t.state('nope'));
    await rec('unmount unknown', () => t.unmount('nope'));
    await rec('unmount not mounted', () => t.unmount('counter'));
    await rec('mount unknown', () => t.mount('nope'));
    await rec('remount nothing compiled', () => t.remount('counter'));
    await rec('setProps unknown', () => t.setProps('nope', {}));
    await rec('mount', () => t.mount('counter'));
    await rec('state mounted', () => t.state('counter'));
    await rec('host element', () => document.querySelector('#a [data-tessera]') !== null);
    await rec('setProps', () => t.setProps('counter', { start: 9 }));
    await rec('remount', () => t.remount('counter'));
    await rec('unmount', () => t.unmount('counter'));
    await rec('state unmounted', () => t.state('counter'));
    await rec('reload', () => t.reload('counter'));
    await rec('unload', () => t.unload('counter'));
    await rec('state unloaded', () => t.state('counter'));
    await rec('unload again', () => t.unload('counter'));
  });
  const error = (code, component, message) => ['threw', 'TesseraError', code, component, null, message];
  assert.deepEqual(log.get('states'), ['ok', JSON.stringify({ counter: 'not-loaded', routed: 'not-loaded' })]);
  assert.deepEqual(log.get('state'), ['ok', '"not-loaded"']);
  assert.deepEqual(log.get('state unknown'), error('unknown-component', null, "unknown component 'nope'"));
  assert.deepEqual(log.get('unmount unknown'), error('unknown-component', null, "unknown component 'nope'"));
  assert.deepEqual(log.get('unmount not mounted'),
    error('invalid-state', 'counter', "component 'counter': invalid transition from NotLoaded to Unmounting"));
  assert.deepEqual(log.get('mount unknown'), error('unknown-component', null, "unknown component 'nope'"));
  assert.deepEqual(log.get('remount nothing compiled'),
    error('invalid-state', 'counter', "component 'counter': invalid transition from NotLoaded to Mounting"));
  assert.deepEqual(log.get('setProps unknown'), error('unknown-component', null, "unknown component 'nope'"));
  for (const step of ['mount', 'setProps', 'remount', 'reload']) assert.deepEqual(log.get(step), ['resolved', 'undefined'], step);
  for (const step of ['unmount', 'unload', 'unload again']) assert.deepEqual(log.get(step), ['ok', 'undefined'], step);
  assert.deepEqual(log.get('state mounted'), ['ok', '"mounted"']);
  assert.deepEqual(log.get('host element'), ['ok', 'true']);
  assert.deepEqual(log.get('state unmounted'), ['ok', '"compiled"']);
  assert.deepEqual(log.get('state unloaded'), ['ok', '"not-loaded"']);
  assert.deepEqual(errors, []);
});

/** The two builds of the loader (docs/builds.md): what the demo ships, and the one that explains. */
const BUILDS = { production: '/loader/tessera_loader.js', development: '/loader/dev/tessera_loader.js' };

for (const [build, loader] of Object.entries(BUILDS)) {
  test(`manifests that cannot load (${build} build): fromObject throws and fromUrl rejects with TesseraErrors`, async () => {
    const { log, errors } = await inPage(async (m, rec) => {
      await rec('fromObject invalid', () => m.Tessera.fromObject({}, null));
      await rec('fromObject bad base', () => m.Tessera.fromObject({ manifestVersion: 1, components: [] }, 'http://[x'));
      await rec('fromUrl 404', () => m.Tessera.fromUrl('/nope.json'));
      await rec('version', () => m.version());
    }, { expected: ['404'], loader });
    // The same code, component and paths in both builds; what is wrong at each path only in the
    // development build, to which the production build points.
    assert.deepEqual(log.get('fromObject invalid'), ['threw', 'TesseraError', 'manifest-invalid', null, null,
      build === 'development'
        ? 'manifest invalid: manifestVersion: missing required field; components: missing required field'
        : 'manifest invalid: manifestVersion; components (the development build, or tessera-budget check, says what is wrong with each)']);
    assert.deepEqual(log.get('fromObject bad base').slice(0, 5), ['threw', 'TesseraError', 'manifest-invalid', null, null]);
    assert.match(log.get('fromObject bad base')[5], /^manifest invalid: cannot resolve 'http:\/\/\[x' against /);
    assert.deepEqual(log.get('fromUrl 404').slice(0, 5), ['threw', 'TesseraError', 'http-status', null, null]);
    assert.match(log.get('fromUrl 404')[5], /^http status 404 for http:\/\/127\.0\.0\.1:\d+\/nope\.json$/);
    assert.match(log.get('version')[1], /^"\d+\.\d+\.\d+"$/);
    assert.deepEqual(errors, []);
  });
}

test('start, the bus, navigation, dispose and free', async () => {
  const { log, errors } = await inPage(async (m, rec, manifest) => {
    const t = m.Tessera.fromObject(manifest);
    const other = m.Tessera.fromObject(manifest);
    await rec('start', () => t.start());
    await rec('start again', () => t.start());
    const got = [];
    const id = await rec('subscribe', () => t.subscribe('x:*', (topic, bytes) => got.push([topic, Array.from(bytes)])));
    await rec('subscribe second', () => t.subscribe('y', () => {}));
    await rec('publish text', () => t.publish('x:a', 'hi'));
    await rec('publish data', () => t.publish('x:b', { k: 1 }));
    await rec('publish bytes', () => t.publish('x:c', new Uint8Array([1, 2])));
    await rec('publish unmatched', () => t.publish('z', 'no'));
    await new Promise((r) => setTimeout(r, 50));
    await rec('received', () => got);
    await rec('unsubscribe', () => t.unsubscribe(id));
    await rec('publish after unsubscribe', () => t.publish('x:d', 'no'));
    await new Promise((r) => setTimeout(r, 50));
    await rec('received after', () => got.length);
    await rec('navigate', () => t.navigate('/somewhere?q=1'));
    await rec('pathname', () => location.pathname);
    const mounted = new Promise((resolve) => document.addEventListener('tessera:mounted', resolve, { once: true }));
    await Promise.race([mounted, new Promise((resolve) => setTimeout(resolve, 5000))]);
    await rec('routed mounted', () => t.state('routed'));
    await rec('navigate elsewhere', () => t.navigate('http://other.example/'));
    await rec('dispose', () => t.dispose());
    await rec('states after dispose', () => t.states());
    await rec('free', () => other.free());
    await rec('use after free', () => other.states());
  });
  const summary = { mounted: [], failed: [], waiting: ['counter', 'routed'] };
  assert.deepEqual(log.get('start'), ['resolved', JSON.stringify(summary)]);
  assert.deepEqual(log.get('start again'), ['resolved', JSON.stringify(summary)]);
  assert.deepEqual(log.get('subscribe'), ['ok', '1']);
  assert.deepEqual(log.get('subscribe second'), ['ok', '2']);
  for (const step of ['publish text', 'publish data', 'publish bytes', 'unsubscribe', 'navigate', 'dispose', 'free']) {
    assert.deepEqual(log.get(step), ['ok', 'undefined'], step);
  }
  assert.deepEqual(log.get('received'), ['ok', JSON.stringify([
    ['x:a', [104, 105]], ['x:b', [...new TextEncoder().encode('{"k":1}')]], ['x:c', [1, 2]]])]);
  assert.deepEqual(log.get('received after'), ['ok', '3']);
  assert.deepEqual(log.get('pathname'), ['ok', '"/somewhere"']);
  assert.deepEqual(log.get('routed mounted'), ['ok', '"mounted"']);
  assert.equal(log.get('navigate elsewhere')[1], 'SecurityError', 'pushState refuses another origin');
  assert.deepEqual(log.get('states after dispose'), ['ok', JSON.stringify({ counter: 'not-loaded', routed: 'not-loaded' })]);
  assert.deepEqual(log.get('use after free'), ['threw', 'TesseraError', 'invalid-state', null, null, 'states() on a Tessera that was freed']);
  assert.deepEqual(errors, []);
});

test('hostile arguments: a TesseraError or a result, never a fault of the loader', async () => {
  const { log, errors } = await inPage(async (m, rec, manifest) => {
    // Made first: it must still answer at the end, which it would not after a fault.
    const witness = m.Tessera.fromObject(manifest);
    const cyclic = { manifestVersion: 1, components: [] };
    cyclic.self = cyclic;
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const throwing = new Proxy({}, { get() { throw new Error('get'); }, ownKeys() { throw new Error('keys'); } });
    const noString = { toString() { throw new Error('toString'); } };
    const plain = () => m.Tessera.fromObject(manifest);
    const cases = {
      'manifest cyclic': () => m.Tessera.fromObject(cyclic),
      'manifest bigint': () => m.Tessera.fromObject({ ...manifest, n: 1n }),
      'manifest getter': () => m.Tessera.fromObject({ manifestVersion: 1, get components() { throw new Error('boom'); } }),
      'manifest toJSON': () => m.Tessera.fromObject({ toJSON() { throw new Error('toJSON'); } }),
      'manifest proxy': () => m.Tessera.fromObject(throwing),
      'manifest revoked': () => m.Tessera.fromObject(revoked.proxy),
      'baseUrl no string': () => m.Tessera.fromObject(manifest, noString).states(),
      'baseUrl symbol': () => m.Tessera.fromObject(manifest, Symbol('s')).states(),
      'options getter': () => m.Tessera.fromObject(manifest, undefined, { get retries() { throw new Error('o'); } }).states(),
      'options proxy': () => m.Tessera.fromObject(manifest, undefined, throwing).states(),
      'options revoked': () => m.Tessera.fromObject(manifest, undefined, revoked.proxy).states(),
      'fetch throws': () => m.Tessera.fromObject(manifest, undefined, { retries: 0, fetch() { throw new Error('f'); } }).mount('counter'),
      'import throws': () => m.Tessera.fromObject({ manifestVersion: 1, components: [{ name: 'g', kind: 'bindgen', module: '/components/counter.wasm', glue: '/nope.js', slot: '#a', load: 'manual' }] }, undefined, { import() { throw new Error('i'); } }).mount('g'),
      'root throws': () => m.Tessera.fromObject(manifest, undefined, { root: throwing }).mount('counter'),
      'fromUrl no string': () => m.Tessera.fromUrl(noString),
      'fromUrl options proxy': () => m.Tessera.fromUrl('/nope.json', throwing),
      'name no string': () => plain().mount(noString),
      'name symbol': () => plain().state(Symbol('s')),
      'topic no string': () => plain().publish(noString, 'x'),
      'data cyclic': () => plain().publish('x', cyclic),
      'data proxy': () => plain().publish('x', throwing),
      'props proxy': () => plain().setProps('counter', throwing),
      'subscriber not a function': () => { const t = plain(); t.subscribe('x', 5); return t.publish('x', 'y'); },
      'subscriber throws': () => { const t = plain(); t.subscribe('x', () => { throw new Error('s'); }); return t.publish('x', 'y'); },
    };
    for (const [what, f] of Object.entries(cases)) await rec(what, f);
    await new Promise((done) => setTimeout(done, 100));
    await rec('witness', () => witness.states());
  }, { expected: ['nope', '[object]', 'a bus subscriber threw'] });
  const faults = [...log].filter(([, [how, name, code]]) => how === 'threw' && (name !== 'TesseraError' || code === 'internal'));
  assert.deepEqual(faults, []);
  assert.deepEqual(log.get('witness'), ['ok', JSON.stringify({ counter: 'not-loaded', routed: 'not-loaded' })]);
  for (const what of ['manifest cyclic', 'manifest bigint', 'manifest getter', 'manifest toJSON', 'manifest proxy', 'manifest revoked']) {
    assert.equal(log.get(what)[2], 'manifest-invalid', what);
  }
  assert.equal(log.get('fetch throws')[2], 'fetch-failed');
  assert.equal(log.get('fromUrl no string')[2], 'http-status', 'read as "[object]", a 404');
  assert.deepEqual(log.get('name no string').slice(0, 3), ['threw', 'TesseraError', 'unknown-component']);
  assert.deepEqual(errors, []);
});
