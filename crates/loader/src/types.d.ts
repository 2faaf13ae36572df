/** Options for `Tessera.fromUrl` and `Tessera.fromObject`. Every field is optional. */
export interface TesseraOptions {
  /** Extra attempts after a transient failure: a network error, or status 408, 429 or 5xx. Default 2. */
  retries?: number;
  /** Delay before the first retry, in ms; it doubles for each further attempt. Default 250. */
  retryDelayMs?: number;
  /** Limit for fetching and compiling one module (all attempts), in ms; `0` for none.
   * A component's `timeoutMs` in the manifest overrides it. Default 30000. */
  timeoutMs?: number;
  /** Where slot selectors are looked up: a Document, an Element or a ShadowRoot. Default `document`. */
  root?: ParentNode;
  /** The fetch function to use, e.g. one that adds headers or counts requests. Default the global `fetch`. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** `(url) => import(url)` of the page's own for `bindgen` glue, e.g. through its bundler.
   * Default: a static `import()` expression in the loader (no `unsafe-eval` needed). */
  import?: (url: string) => Promise<unknown>;
  /** Keep-alive for route components: suspend one when its route stops matching, and resume it
   * when the route matches again, instead of unmounting and mounting it. Default `false`. */
  keepAlive?: boolean;
  /** Where components whose manifest entry names no `isolation` run: `"main"` (the page's thread)
   * or `"worker"` (each in a dedicated worker, ended by a watchdog when it stops answering).
   * Default `"main"`. */
  isolation?: "main" | "worker";
  /** The watchdog of worker components whose manifest names no `budget.maxCallMs`: how long one
   * call into the component may go unanswered before its worker is ended, in ms. Default 1000. */
  maxCallMs?: number;
}

/** A component's lifecycle state; also its slot's `data-tessera-state` and an event name `tessera:<state>`. */
export type TesseraState =
  | "not-loaded" | "loading" | "compiled" | "mounting" | "mounted" | "suspended" | "unmounting" | "error";

/** The stable code of every error the loader reports. */
export type TesseraErrorCode =
  | "manifest-invalid" | "slot-missing" | "fetch-failed" | "http-status" | "timeout"
  | "content-type" | "over-budget" | "integrity" | "compile-failed" | "abi-mismatch"
  | "instantiate-failed" | "trap" | "memory-limit" | "abi-violation" | "invalid-state"
  | "unknown-component" | "cancelled"
  /** A worker component did not answer within its `maxCallMs`, and its worker was ended. */
  | "unresponsive"
  /** The loader's own wasm faulted (a bug): see docs/architecture.md, "Faults". */
  | "internal";

/** What the loader's promises reject with and its methods throw: `e instanceof TesseraError`. */
export declare class TesseraError extends Error {
  private constructor();
  readonly name: "TesseraError";
  /** What went wrong, for programs to switch on. */
  readonly code: TesseraErrorCode;
  /** The component, or `null` for the manifest. */
  readonly component: string | null;
  /** The state the component failed in, or `null` when the step was refused before it began. */
  readonly state: TesseraState | null;
  /** The browser's own error, when there is one. */
  readonly cause?: unknown;
}

/** Whether `error` is a `TesseraError` (the same as `error instanceof TesseraError`). */
export declare function isTesseraError(error: unknown): error is TesseraError;

/** `detail` of every `tessera:<state>` event. */
export interface TesseraLifecycleDetail {
  /** The component. */
  name: string;
  /** The state it entered. */
  state: TesseraState;
  /** The state it left. */
  from: TesseraState;
  /** On `tessera:error`: the error code. */
  code?: TesseraErrorCode;
  /** On `tessera:error`: the full message, e.g. `component 'cart' failed while Loading: ...`. */
  message?: string;
}

/** `detail` of `tessera:progress`: bytes let through the byte gate so far. */
export interface TesseraProgressDetail {
  name: string;
  loaded: number;
  /** The Content-Length the server announced, when it did. */
  total?: number;
}

/** `detail` of `tessera:violation`: a DOM edit or bus call the host refused (docs/abi.md). */
export interface TesseraViolationDetail {
  name: string;
  detail: string;
  /** The ABI error code, e.g. `-3` for a refused tag. */
  code: number;
}

/** What `start()` resolves with. */
export interface TesseraSummary {
  mounted: string[];
  failed: { name: string; code: TesseraErrorCode; message: string }[];
  /** Components whose policy has not mounted them yet (idle, visible, route, manual). */
  waiting: string[];
}

/** What `stats()` returns: what the loader holds now, for leak checks. */
export interface TesseraStats {
  /** Live component instances (isolated and bindgen). */
  instances: number;
  /** Nodes in the isolated components' DOM (their roots not counted). */
  nodes: number;
  /** Event listeners the isolated components hold. */
  listeners: number;
  /** Timers the isolated components hold. */
  timers: number;
  /** Subscriptions on the loader's bus: the page's and the components'. */
  subscriptions: number;
}

/** The events the loader dispatches; they bubble from the slot to `document`. */
export interface TesseraEventMap {
  "tessera:not-loaded": CustomEvent<TesseraLifecycleDetail>;
  "tessera:loading": CustomEvent<TesseraLifecycleDetail>;
  "tessera:compiled": CustomEvent<TesseraLifecycleDetail>;
  "tessera:mounting": CustomEvent<TesseraLifecycleDetail>;
  "tessera:mounted": CustomEvent<TesseraLifecycleDetail>;
  "tessera:suspended": CustomEvent<TesseraLifecycleDetail>;
  "tessera:unmounting": CustomEvent<TesseraLifecycleDetail>;
  "tessera:error": CustomEvent<TesseraLifecycleDetail>;
  "tessera:progress": CustomEvent<TesseraProgressDetail>;
  "tessera:violation": CustomEvent<TesseraViolationDetail>;
}

declare global {
  interface DocumentEventMap extends TesseraEventMap {}
  interface HTMLElementEventMap extends TesseraEventMap {}
  /**
   * `Tessera` has a `[Symbol.dispose]()` (`free`, for `using`). Declared as `lib.esnext.disposable`
   * and `@types/node` declare it, so that a program whose `lib` predates it (ES2023) type-checks.
   */
  interface SymbolConstructor {
    readonly dispose: unique symbol;
  }
}
