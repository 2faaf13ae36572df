// `<tessera-slot name="cart">`: declarative HTML for the loader, shipped as `tessera-loader/slot`
// (pkg/tessera_slot.js, beside pkg/tessera_loader.js; not part of the loader's own bundle).
// Importing it defines the element. Each element mounts the component of that name from a
// manifest named on the element (`manifest="/tessera.json"`) or on the page
// (`<link rel="tessera-manifest" href="/tessera.json">`), shows its state in
// `data-tessera-state` (for CSS) and unmounts when it leaves the document.
//
// All elements naming one manifest share one loader (`tesseraFor(url)`), so their components
// share its message bus. That loader reads the manifest as `Tessera.fromObject` does (after
// `JSON.parse`; check repeated keys with `tessera-budget check` in the build), with every
// component's slot set to its element and its load policy to manual: the elements decide when.
import init, { Tessera, TesseraError } from "./tessera_loader.js";

const TAG = "tessera-slot";
/** Manifest URL -> Promise<Tessera>. */
const loaders = new Map();

/** The manifest URL for `element`: its `manifest` attribute, else the page's link, else null. */
function manifestOf(element) {
  const href = element.getAttribute("manifest") ?? document.querySelector('link[rel="tessera-manifest"]')?.href;
  return href ? new URL(href, document.baseURI).href : null;
}

/**
 * The loader for the manifest at `url` (relative to the page), made once and shared by every
 * `<tessera-slot>` naming it. Rejects with a `TesseraError` when the manifest cannot be read.
 */
export function tesseraFor(url) {
  const href = new URL(url, document.baseURI).href;
  if (!loaders.has(href)) loaders.set(href, load(href));
  return loaders.get(href);
}

async function load(url) {
  const fail = (code, message, cause) => new TesseraError(`manifest ${url}: ${message}`, code, null, null, cause);
  await init();
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw fail("fetch-failed", "no response", e);
  }
  if (!response.ok) throw fail("http-status", `http status ${response.status}`);
  let manifest;
  try {
    manifest = JSON.parse(await response.text());
  } catch (e) {
    throw fail("manifest-invalid", `not json: ${e.message}`, e);
  }
  if (manifest && Array.isArray(manifest.components)) {
    manifest.components = manifest.components.map((c) =>
      c && typeof c == "object" ? { ...c, slot: `${TAG}[name="${CSS.escape(String(c.name))}"]`, load: "manual" } : c,
    );
  }
  return Tessera.fromObject(manifest, url);
}

/** The element. Attributes: `name` (the component), `manifest` (optional, see above). */
export class TesseraSlot extends HTMLElement {
  static observedAttributes = ["name"];

  connectedCallback() {
    this.#mount();
  }

  disconnectedCallback() {
    this.#unmount(this.getAttribute("name"));
  }

  attributeChangedCallback(_, old) {
    if (!this.isConnected || old === null) return;
    this.#unmount(old);
    this.#mount();
  }

  #mount() {
    const name = this.getAttribute("name");
    const url = manifestOf(this);
    if (!name || !url) return this.#failed(new TesseraError(`<${TAG}> needs a name and a manifest`, "manifest-invalid", name, null));
    this.url = url;
    // A component that fails shows its fallback and fires tessera:error itself; a mount refused
    // before it began (an unknown name) is reported here. One cut short by removal is not.
    const refused = (e) => {
      if (this.isConnected && this.getAttribute("name") == name && this.getAttribute("data-tessera-state") != "error") {
        this.#failed(e);
      }
    };
    tesseraFor(url).then((t) => t.mount(name).catch(refused), (e) => this.#failed(e));
  }

  #unmount(name) {
    if (!name || !this.url) return;
    tesseraFor(this.url).then(
      (t) => (t.state(name) == "mounted" ? t.unmount(name) : t.unload(name)),
      () => {},
    ).catch(() => {});
  }

  /** A manifest that cannot be read: the element says so as a failed component would. */
  #failed(error) {
    this.setAttribute("data-tessera-state", "error");
    const detail = { name: this.getAttribute("name") ?? "", state: "error", from: "not-loaded", code: error.code, message: error.message };
    this.dispatchEvent(new CustomEvent("tessera:error", { detail, bubbles: true, composed: true }));
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, TesseraSlot);
