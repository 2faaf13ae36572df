// The demo host page: load the manifest, mount its components, and show what the loader does.
import init, { Tessera, version } from './loader/tessera_loader.js';

const status = document.getElementById('loader-status');
const log = document.getElementById('events');

function tile(name) {
  return document.querySelector(`.tile[data-component="${name}"]`);
}

function note(text) {
  const li = document.createElement('li');
  li.textContent = `${(performance.now() / 1000).toFixed(3)} s  ${text}`;
  log.append(li);
  log.scrollTop = log.scrollHeight;
}

// Every lifecycle transition is a DOM CustomEvent; one listener on document sees them all.
const STATES = ['not-loaded', 'loading', 'compiled', 'mounting', 'mounted', 'unmounting', 'error'];
for (const state of STATES) {
  document.addEventListener(`tessera:${state}`, (event) => {
    const { name, code, message } = event.detail;
    const t = tile(name);
    if (t) {
      t.dataset.state = state;
      t.querySelector('.state').textContent = state;
    }
    note(state === 'error' ? `${name}: error ${code}: ${message}` : `${name}: ${state}`);
  });
}
document.addEventListener('tessera:progress', (event) => {
  const { name, loaded, total } = event.detail;
  const bar = tile(name)?.querySelector('progress');
  if (bar && total) { bar.max = total; bar.value = loaded; }
});

try {
  const started = performance.now();
  await init();
  const tessera = await Tessera.fromUrl('tessera.json');
  // A second, independent loader whose only component is over its byte budget on purpose: the
  // gate stops the download, the tile shows the fallback from its <template data-tessera-fallback>,
  // and nothing else on the page notices.
  const broken = await Tessera.fromObject({
    manifestVersion: 1,
    components: [{ name: 'oversized', module: 'components/todo.wasm', slot: '#oversized', budget: { maxBytes: 4096 } }],
  }, location.href);
  // The ABI's clock is the page's performance.now(); the clock component takes wall time from props.
  await tessera.setProps('clock', { epochMs: Date.now(), utcOffsetMinutes: -new Date().getTimezoneOffset() });
  await Promise.all([tessera.start(), broken.start()]);
  status.textContent = `loader ${version()} ready in ${(performance.now() - started).toFixed(1)} ms`;
  window.tessera = tessera; // for the console: tessera.unmount('counter'), tessera.states() ...
} catch (error) {
  status.textContent = `the loader failed: ${error.message ?? error}`;
  console.error(error);
}
