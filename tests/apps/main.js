// The app every bundler test builds (tests/e2e/bundlers.test.mjs): it imports the installed
// tessera-loader package by name, as a user's app does, mounts an isolated component and a
// bindgen one, and writes what happened into #out for the test to read.
import init, { Tessera } from 'tessera-loader';

const MANIFEST = {
  manifestVersion: 1,
  components: [
    { name: 'counter', module: '/components/counter.wasm', slot: '#counter', props: { start: 3 } },
    {
      name: 'answer', kind: 'bindgen', module: '/components/bindgen.wasm', glue: '/components/bindgen_glue.js',
      slot: '#answer', props: { x: 1 },
    },
  ],
};

async function main() {
  await init();
  const tessera = Tessera.fromObject(MANIFEST);
  const summary = await tessera.start();
  return { summary, states: tessera.states() };
}

main().then(
  (result) => { document.getElementById('out').textContent = JSON.stringify(result); },
  (e) => { document.getElementById('out').textContent = `failed: ${e && e.stack || e}`; },
);
