// The loader's fault guard: what happens if the loader's own wasm ever traps. No input should
// make it (docs/architecture.md, "Faults"), but a bug might, and a trap leaves the instance's
// memory half-updated: borrowed cells, a moved stack pointer, state no call can trust.
//
// scripts/shrink-loader.mjs wraps wasm-bindgen's glue in a function, `glue(guard)`, so that each
// call of it makes a separate copy of the glue: its own `wasm`, closures and finalizers. Each copy
// holds one wasm instance, a *generation*. `guard` wraps every export of that instance:
// - an exception that leaves the wasm (a `WebAssembly.RuntimeError`, a stack overflow, a throw from
//   the glue) marks the generation dead and is rethrown as a `TesseraError` with code `internal`,
//   the original error as its `cause`;
// - a dead generation is never entered again: its callbacks (listeners, timers, promise
//   reactions, finalizers) do nothing, every method of its loaders throws that error, and the
//   promises they returned and that had not settled reject with it;
// - the next `Tessera.fromObject` or `fromUrl` makes a new generation from the same compiled
//   `WebAssembly.Module`, so a new loader works.
// The public `Tessera` class is a facade that remembers each loader's generation.

/**
 * The public API over `glue`: `{ Tessera, init, initSync, ...functions }`, where `glue(guard)`
 * returns `{ Tessera, init, initSync, module, functions }` of a new copy of the glue (`module()`
 * is its compiled `WebAssembly.Module`). `tesseraError` makes the loader's error objects
 * (src/js/page.js).
 */
export function guarded(glue, tesseraError) {
  let current = generation();

  function generation() {
    const g = {};
    g.dead = new Promise((_, reject) => (g.kill = reject));
    g.dead.catch(() => {});
    g.api = glue((exports) => guard(g, exports));
    return g;
  }

  function guard(g, exports) {
    const out = {};
    for (const [key, value] of Object.entries(exports)) {
      out[key] =
        typeof value != "function"
          ? value
          : (...args) => {
              if (g.fault) return;
              try {
                return value(...args);
              } catch (e) {
                throw fail(g, e);
              }
            };
    }
    return out;
  }

  function fail(g, cause) {
    if (!g.fault) {
      g.fault = tesseraError(
        "the loader stopped after an internal fault, a bug in Tessera (please report it with the cause); " +
          "the loaders made before it refuse every call, a new Tessera works",
        "internal",
        null,
        null,
        cause,
      );
      g.kill(g.fault);
    }
    return g.fault;
  }

  /** Runs `call` in `g`: throws its fault, and races a returned promise with it. */
  function run(g, call) {
    if (g.fault) throw g.fault;
    const result = call();
    if (g.fault) throw g.fault;
    return result instanceof Promise ? Promise.race([result, g.dead]) : result;
  }

  /** The generation new loaders are made in: a new one once the current one is dead. */
  function live() {
    if (current.fault) {
      const module = current.api.module();
      current = generation();
      current.api.initSync({ module });
    }
    return current;
  }

  class Tessera {
    constructor(g, inner) {
      this.g = g;
      this.i = inner;
    }
    static fromObject(...args) {
      const g = live();
      return run(g, () => new Tessera(g, g.api.Tessera.fromObject(...args)));
    }
    static fromUrl(...args) {
      const g = live();
      return run(g, () => g.api.Tessera.fromUrl(...args).then((inner) => new Tessera(g, inner)));
    }
    /** Frees the loader's wasm side; every later call throws `invalid-state`. */
    free() {
      if (this.i && !this.g.fault) this.i.free();
      this.i = null;
    }
  }
  if (Symbol.dispose) Tessera.prototype[Symbol.dispose] = Tessera.prototype.free;
  for (const key of Object.getOwnPropertyNames(current.api.Tessera.prototype)) {
    if (!(key in Tessera.prototype) && !key.startsWith("__")) {
      Tessera.prototype[key] = function (...args) {
        if (!this.i) throw tesseraError(`${key}() on a Tessera that was freed`, "invalid-state", null, null);
        return run(this.g, () => this.i[key](...args));
      };
    }
  }

  const api = {
    Tessera,
    init: (...args) => current.api.init(...args),
    initSync: (...args) => current.api.initSync(...args),
  };
  for (const name of Object.keys(current.api.functions)) {
    api[name] = (...args) => {
      const g = live();
      return run(g, () => g.api.functions[name](...args));
    };
  }
  return api;
}
