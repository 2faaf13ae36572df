// Generates the benchmark's WebAssembly components at bench time, as binaries assembled here byte
// by byte (no toolchain). They speak the Tessera ABI v1 (docs/abi.md): they export `memory` (with a
// maximum), `tessera_abi_version`, `tessera_alloc` and `tessera_mount`, and import only
// `tessera/v1` `apply`.
//
// `synthComponent(index, bytes)`: about `bytes` of wasm whose mount runs ALL of its code: a chain
// of distinct functions, each a straight run of multiply/xor/rotate steps on a running value with
// its own constants. The mount calls every one, writes the final value as 8 hex digits into its DOM
// batch and applies it, so the slot shows `synth <index>: <hex>`; the expected text is computed here
// in JavaScript, so a slot that shows it proves every function ran (V8 compiles lazily: code that
// never runs would measure nothing). The tile also listens for `click` (its mount batch has a
// LISTEN and an empty text node after the checksum): `tessera_event` counts the clicks and sets that
// text to ` clicks: <count, 8 hex digits>` with one SET_TEXT, through the same hex writer the mount
// runs, so only its own few bytes stay unrun at mount (see `clickedText`).
//
// `rowsComponent()`: the DOM-throughput component. Its mount builds `<table><tbody>`; `tessera_props`
// with `{"op":N}` applies the Nth of four batches the generator precomputed into its data segment
// (create 1,000 rows, update every 10th, swap rows 1 and 998, clear). The guest does no rendering
// work of its own, so what is timed is the host's ABI path (decode, check, apply to the DOM).

const enc = new TextEncoder();
const uleb = (n) => { const o = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; o.push(b); } while (n); return o; };
const sleb = (n) => {
  n |= 0; const o = [];
  for (;;) { const b = n & 0x7f; n >>= 7; if ((n === 0 && !(b & 0x40)) || (n === -1 && (b & 0x40))) { o.push(b); return o; } o.push(b | 0x80); }
};
const str = (s) => { const b = enc.encode(s); return [...uleb(b.length), ...b]; };
const vec = (items) => [...uleb(items.length), ...items.flat()];
const section = (id, body) => [id, ...uleb(body.length), ...body];
const I32 = 0x7f, F64 = 0x7c;
const op = { get: 0x20, set: 0x21, const: 0x41, mul: 0x6c, add: 0x6a, xor: 0x73, rotl: 0x77, shr: 0x76, and: 0x71,
  sub: 0x6b, gtu: 0x4b, call: 0x10, drop: 0x1a, load: 0x28, load8: 0x2d, store: 0x36, store8: 0x3a, end: 0x0b };

/** Seeded PRNG (mulberry32), so that the same index always gives the same module. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0); };
}

/**
 * Assembles a module: `funcs` are { params, results, locals, body, export? } (function index 0 is
 * the import `apply`), `data` is [offset, bytes] pairs, `pages` the memory's min = max.
 */
function assemble({ funcs, data, pages }) {
  const types = [];
  const typeOf = (p, r) => {
    const key = `${p}|${r}`; let i = types.findIndex((t) => t.key === key);
    if (i < 0) { i = types.length; types.push({ key, bytes: [0x60, ...vec(p.map((x) => [x])), ...vec(r.map((x) => [x]))] }); }
    return i;
  };
  const applyType = typeOf([I32, I32], [I32]);
  const ftypes = funcs.map((f) => typeOf(f.params, f.results));
  const exports = [[...str('memory'), 0x02, 0]];
  funcs.forEach((f, i) => { if (f.export) exports.push([...str(f.export), 0x00, ...uleb(i + 1)]); });
  const bodies = funcs.map((f) => {
    const locals = f.locals ? vec([[...uleb(f.locals), I32]]) : [0];
    const b = [...locals, ...f.body, op.end];
    return [...uleb(b.length), ...b];
  });
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types.map((t) => t.bytes))),
    ...section(2, vec([[...str('tessera/v1'), ...str('apply'), 0x00, ...uleb(applyType)]])),
    ...section(3, vec(ftypes.map((t) => uleb(t)))),
    ...section(5, vec([[0x01, ...uleb(pages), ...uleb(pages)]])),
    ...section(7, vec(exports)),
    ...section(10, vec(bodies)),
    ...section(11, vec(data.map(([off, bytes]) => [0x00, op.const, ...sleb(off), op.end, ...uleb(bytes.length), ...bytes]))),
  ]);
}

// DOM-edit batches (docs/abi.md, "DOM edits").
const u32 = (n) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];
const wstr = (s) => { const b = enc.encode(s); return [...u32(b.length), ...b]; };
const dom = {
  element: (id, tag) => [1, ...u32(id), ...wstr(tag)],
  text: (id, t) => [2, ...u32(id), ...wstr(t)],
  attr: (id, k, v) => [3, ...u32(id), ...wstr(k), ...wstr(v)],
  setText: (id, t) => [5, ...u32(id), ...wstr(t)],
  append: (p, c) => [6, ...u32(p), ...u32(c)],
  insertBefore: (p, c, b) => [7, ...u32(p), ...u32(c), ...u32(b)],
  listen: (id, l, type) => [9, ...u32(id), ...u32(l), ...wstr(type)],
};

const abiVersion = { params: [], results: [I32], body: [op.const, 1], export: 'tessera_abi_version' };
// Every host buffer goes to one fixed area (the host copies props in just before each call).
const alloc = (at, size) => ({
  params: [I32], results: [I32], export: 'tessera_alloc',
  body: [op.get, 0, op.const, ...sleb(size), op.gtu, 0x04, I32, op.const, 0, 0x05, op.const, ...sleb(at), op.end],
});

const STEPS = 32; // multiply/xor/rotate steps per generated function (about 20 bytes each)
const CLICKS_AT = 16; // the click counter, an i32 in the guest's memory
const CLICK_LABEL = ' clicks: ';
const hex8 = (n) => (n >>> 0).toString(16).padStart(8, '0');

/** What a synthetic tile that showed `text` at mount shows after `clicks` clicks. */
export const clickedText = (text, clicks) => (clicks ? `${text}${CLICK_LABEL}${hex8(clicks)}` : text);

/** `hex(value, at)`: writes `value` as 8 lowercase hex digits at `at` ('0' + n, plus 39 for a..f). */
function hexWriter() {
  const body = [];
  for (let j = 0; j < 8; j++) {
    body.push(op.get, 1, op.get, 0, op.const, 28 - 4 * j, op.shr, op.const, 15, op.and, op.set, 2,
      op.get, 2, op.const, 48, op.add, op.get, 2, op.const, 9, op.gtu, op.const, 39, op.mul, op.add, op.store8, 0, j);
  }
  return { params: [I32, I32], results: [], locals: 1, body };
}

/** A synthetic component of about `bytes` bytes of wasm; { bytes, text } with the text its slot shows. */
export function synthComponent(index, bytes) {
  const rand = prng(0x7e55e7a ^ Math.imul(index + 1, 0x9e3779b1) ^ bytes);
  const label = `synth ${index}: `;
  const batch = [...dom.element(1, 'div'), ...dom.attr(1, 'class', 'synth'), ...dom.append(0, 1),
    ...dom.text(2, label), ...dom.append(1, 2), ...dom.element(3, 'b'), ...dom.append(1, 3)];
  const hexAt = 1024 + batch.length + 9; // the text of node 4: after its opcode, id and length
  batch.push(...dom.text(4, '00000000'), ...dom.append(3, 4), ...dom.text(5, ''), ...dom.append(1, 5), ...dom.listen(1, 1, 'click'));
  // The click's batch, after the mount's: SET_TEXT of node 5, its last 8 bytes the count in hex.
  const clickAt = 1024 + batch.length;
  const click = dom.setText(5, `${CLICK_LABEL}00000000`);
  const clickHexAt = clickAt + click.length - 8;
  const seed = rand() | 0;
  let acc = seed;
  const work = [];
  const overhead = 400 + batch.length + click.length;
  let size = overhead;
  while (size < bytes) {
    const body = [];
    for (let s = 0; s < STEPS; s++) {
      const a = (rand() | 1) | 0, b = rand() | 0, r = 1 + (rand() % 31);
      body.push(op.get, 0, op.const, ...sleb(a), op.mul, op.const, ...sleb(b), op.xor, op.const, r, op.rotl, op.set, 0);
      acc = Math.imul(acc, a) ^ b; acc = ((acc << r) | (acc >>> (32 - r))) | 0;
    }
    body.push(op.get, 0);
    work.push({ params: [I32], results: [I32], body });
    size += body.length + 8;
  }
  // Function indices: 0 apply (import), 1 abi_version, 2 alloc, 3.. work, then mount, event, hex.
  const first = 3, hex = first + work.length + 2;
  const mount = [op.const, ...sleb(seed)];
  work.forEach((_, i) => mount.push(op.call, ...uleb(first + i)));
  mount.push(op.const, ...sleb(hexAt), op.call, ...uleb(hex));
  mount.push(op.const, ...sleb(1024), op.const, ...sleb(batch.length), op.call, 0, op.drop);
  const event = [ // clicks += 1; hex(clicks, clickHexAt); apply(click)
    op.const, CLICKS_AT, op.const, CLICKS_AT, op.load, 2, 0, op.const, 1, op.add, op.store, 2, 0,
    op.const, CLICKS_AT, op.load, 2, 0, op.const, ...sleb(clickHexAt), op.call, ...uleb(hex),
    op.const, ...sleb(clickAt), op.const, ...sleb(click.length), op.call, 0, op.drop];
  const funcs = [abiVersion, alloc(32768, 32768), ...work,
    { params: [I32, I32], results: [], body: mount, export: 'tessera_mount' },
    { params: [I32, I32, I32], results: [], body: event, export: 'tessera_event' }, hexWriter()];
  const wasm = assemble({ funcs, data: [[1024, batch], [clickAt, click]], pages: 1 });
  return { bytes: wasm, text: label + hex8(acc) };
}

export const ROWS = 1000;
const rowIds = (i) => ({ tr: 10 + 3 * i, td: 11 + 3 * i, text: 12 + 3 * i });
export const rowText = (i, updated) => `row ${i}${updated ? ' !!!' : ''}`;
/** The four operations, in the order the props `{"op":N}` name them. */
export const ROW_OPS = ['create', 'update', 'swap', 'clear'];

/** The DOM-throughput component (see the top of this file). */
export function rowsComponent() {
  const TBODY = 2;
  const mountBatch = [...dom.element(1, 'table'), ...dom.append(0, 1), ...dom.element(TBODY, 'tbody'), ...dom.append(1, TBODY)];
  const create = [];
  for (let i = 0; i < ROWS; i++) {
    const { tr, td, text } = rowIds(i);
    create.push(...dom.element(tr, 'tr'), ...dom.append(TBODY, tr), ...dom.element(td, 'td'), ...dom.append(tr, td),
      ...dom.text(text, rowText(i)), ...dom.append(td, text));
  }
  const update = [];
  for (let i = 0; i < ROWS; i += 10) update.push(...dom.setText(rowIds(i).text, rowText(i, true)));
  const a = rowIds(1).tr, b = rowIds(ROWS - 2).tr, afterB = rowIds(ROWS - 1).tr;
  const swap = [...dom.insertBefore(TBODY, b, a), ...dom.insertBefore(TBODY, a, afterB)];
  const clear = dom.setText(TBODY, '');
  // Layout: a table of (offset, length) pairs at 16, then the batches from 64.
  const batches = [create, update, swap, clear];
  let at = 64;
  const table = [];
  const data = [];
  for (const bt of batches) { table.push(...u32(at), ...u32(bt.length)); data.push([at, bt]); at += bt.length; }
  const mountAt = at; data.push([mountAt, mountBatch]); at += mountBatch.length;
  data.push([16, table]);
  const props = Math.ceil(at / 65536) * 65536;
  const pages = props / 65536 + 1;
  const applyNth = [ // k = props[6] - '0'; apply(table[k].offset, table[k].length)
    op.get, 0, op.load8, 0, 6, op.const, 48, op.sub, op.const, 3, 0x74 /* i32.shl */, op.set, 2,
    op.get, 2, op.load, 2, 16, op.get, 2, op.load, 2, 20, op.call, 0, op.drop];
  const funcs = [abiVersion, alloc(props, 65536),
    { params: [I32, I32], results: [], body: [op.const, ...sleb(mountAt), op.const, ...sleb(mountBatch.length), op.call, 0, op.drop], export: 'tessera_mount' },
    { params: [I32, I32], results: [], locals: 1, body: applyNth, export: 'tessera_props' }];
  return assemble({ funcs, data, pages });
}

/** What the rows component's tbody holds after `op` (for checking each sample): the row texts. */
export function rowsAfter(opName) {
  if (opName === 'clear') return [];
  const rows = Array.from({ length: ROWS }, (_, i) => rowText(i, opName !== 'create' && i % 10 === 0));
  if (opName === 'swap') [rows[1], rows[ROWS - 2]] = [rows[ROWS - 2], rows[1]];
  return rows;
}
