// Scenario (d): DOM throughput through the ABI against vanilla JavaScript in the same page, the
// js-framework-benchmark operations: create 1,000 rows, update every 10th, swap rows 1 and 998,
// clear. Tessera drives the rows component (bench/synth.mjs: precomputed batches applied on
// `setProps({ op })`, so the host's ABI path is what is timed); vanilla JavaScript does the same DOM
// edits on a table in an open shadow root of #vanilla. Each operation is timed up to a laid-out page
// and its rows are checked afterwards. Iterations alternate in a shuffled order.
import { openPage, load, rowTexts } from '../browser.mjs';
import { rowsAfter, ROW_OPS, ROWS } from '../synth.mjs';
import { shuffle } from '../stats.mjs';

function installVanilla(rows) {
  const root = document.querySelector('#vanilla').attachShadow({ mode: 'open' });
  const table = document.createElement('table');
  const tbody = document.createElement('tbody');
  table.append(tbody); root.append(table);
  let trs = [];
  const ops = {
    create() {
      for (let i = 0; i < rows; i++) {
        const tr = document.createElement('tr'); const td = document.createElement('td');
        td.appendChild(document.createTextNode(`row ${i}`)); tr.appendChild(td); tbody.appendChild(tr); trs.push(tr);
      }
    },
    update() { for (let i = 0; i < rows; i += 10) trs[i].firstChild.firstChild.nodeValue = `row ${i} !!!`; },
    swap() {
      const a = trs[1], b = trs[rows - 2];
      tbody.insertBefore(b, a); tbody.insertBefore(a, trs[rows - 1]); trs[1] = b; trs[rows - 2] = a;
    },
    clear() { tbody.textContent = ''; trs = []; },
  };
  window.__vanilla = ops;
}

export async function domOps(env, { iterations, warmups, rand }) {
  const tab = await openPage(env.browser);
  try {
    await load(tab, `${env.url}dom.html?impl=tessera&manifest=dom.json`);
    await tab.page.evaluate(installVanilla, ROWS);
    const out = { tessera: {}, vanilla: {} };
    for (const impl of ['tessera', 'vanilla']) for (const op of ROW_OPS) out[impl][op] = [];
    for (let i = 0; i < warmups + iterations; i++) {
      for (const impl of shuffle(['tessera', 'vanilla'], rand)) {
        for (const [k, op] of ROW_OPS.entries()) {
          const ms = await tab.page.evaluate(async ([impl, op, k]) => {
            const t0 = performance.now();
            if (impl === 'tessera') await window.__tessera.setProps('rows', { op: k }); else window.__vanilla[op]();
            document.body.getBoundingClientRect();
            return performance.now() - t0;
          }, [impl, op, k]);
          const got = await rowTexts(tab.cdp, impl === 'tessera' ? '#rows' : '#vanilla');
          const want = rowsAfter(op);
          if (got.length !== want.length || got.some((t, j) => t !== want[j])) {
            throw new Error(`dom ${impl} ${op}: ${got.length} rows, expected ${want.length} (first difference at ${got.findIndex((t, j) => t !== want[j])})`);
          }
          if (i >= warmups) out[impl][op].push(ms);
        }
      }
    }
    return out;
  } finally { await tab.close(); }
}
