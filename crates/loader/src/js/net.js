// Network plumbing for src/fetch.rs, src/stop.rs and src/gate.rs: the abort switch and its
// timeout, retries with backoff, the integrity probe, the byte gate's stream and the streaming
// compile. Every decision (status, content type, budget, error and message) is made in Rust:
// this file only reports what happened.

/** One load's abort switch: an `AbortController` that aborts itself after `ms` (0: never). */
export function switchFor(ms) {
  const c = new AbortController();
  if (ms > 0) c.timer = setTimeout(() => c.abort(), ms);
  return c;
}

export const abort = (c) => c.abort();
export const aborted = (c) => c.signal.aborted;
export const finish = (c) => clearTimeout(c.timer);

/** Stops downloading a body nobody will read. */
export const cancel = (r) => r.body && r.body.cancel().catch(() => {});

/**
 * Fetches `url` on switch `c`, retrying network errors and status 408, 429 and 5xx up to
 * `o.retries` times (`o.retryDelayMs`, doubling). Resolves with the last response, which may
 * have an error status. Rejects with `{ attempts, cause }` after the last network error, with
 * `{ integrity: 1 }` when the body did not match `integrity` (src/fetch.rs tells how), and with
 * anything once `c` is aborted.
 */
export async function fetchRetry(url, integrity, o, c) {
  for (let attempt = 1; ; attempt++) {
    let r, cause;
    try {
      r = await send(url, integrity, o, c);
    } catch (e) {
      cause = e;
      if (integrity && !c.signal.aborted) {
        r = await send(url, "", o, c).catch(() => null);
        if (r && r.ok) {
          cancel(r);
          throw { integrity: 1 };
        }
      }
    }
    const s = r ? r.status : 0;
    if (c.signal.aborted || attempt > o.retries || (r && s != 408 && s != 429 && (s < 500 || s > 599))) {
      if (r) return r;
      throw { attempts: attempt, cause };
    }
    if (r) cancel(r);
    await new Promise((done) => setTimeout(done, o.retryDelayMs * 2 ** (attempt - 1)));
    if (c.signal.aborted) throw c.signal.reason;
  }
}

async function send(url, integrity, o, c) {
  const init = { signal: c.signal };
  if (integrity) init.integrity = integrity;
  const r = await (o.fetch || fetch)(url, init);
  if (!(r instanceof Response)) throw new TypeError("fetch gave " + String(r) + ", not a Response");
  return r;
}

/** How many attempts a rejected `fetchRetry` made: 0 for `{ integrity: 1 }`. */
export const attempts = (e) => (e && e.attempts) || 0;

/** The response's status. */
export const status = (r) => r.status;

/** A response header, or `null`. */
export const header = (r, name) => r.headers.get(name);

/** The parsed JSON body. */
/** The body as text; rejects when it is not UTF-8 (a leading BOM is dropped, as the CLI does). */
export const text = (r) => r.arrayBuffer().then((b) => new TextDecoder("utf-8", { fatal: true }).decode(b));

/**
 * Compiles `r`'s body while it streams through the byte gate: `chunk(bytes, true)` runs for
 * every chunk, and when it returns true the gate errors the stream, so the compile rejects.
 */
export function compile(r, chunk) {
  if (!r.body) return Promise.reject(new WebAssembly.CompileError("the response has no body"));
  const gate = new TransformStream({
    transform(bytes, out) {
      if (chunk(bytes, true)) out.error("refused by the byte gate");
      else out.enqueue(bytes);
    },
  });
  const gated = new Response(r.body.pipeThrough(gate), { headers: { "content-type": "application/wasm" } });
  return WebAssembly.compileStreaming(gated);
}
