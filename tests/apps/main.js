// The app every bundler test builds (tests/e2e/bundlers.test.mjs): it imports the installed
// tessera-loader package by name, as a user's app does, mounts an isolated component and a
// bindgen one, and writes what happened into #out for the test to read, with which of the
// loader's two builds the bundler picked (docs/builds.md).
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

/** `development` or `production`: only the development build says what is wrong at a path. */
function build() {
  try {
    Tessera.fromObject({ manifestVersion: 1 });
  } catch (e) {
    return e.message.includes('components: missing required field') ? 'development' : 'production';
  }
  return 'accepted an invalid manifest';
}

async function main() {
  await init();
  const tessera = Tessera.fromObject(MANIFEST);
  const summary = await tessera.start();
  return { summary, states: tessera.states(), build: build() };
}

main().then(
  (result) => { document.getElementById('out').textContent = JSON.stringify(result); },
  (e) => { document.getElementById('out').textContent = `failed: ${e && e.stack || e}`; },
);
