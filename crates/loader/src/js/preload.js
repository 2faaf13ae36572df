// `tessera-loader/preload`: `preload(manifest, baseUrl)`, the preload hints of `tessera-budget
// preload` (docs/using-tessera.md, "Preload hints"), made at run time for a manifest the page
// has in hand. A module of its own, without the loader: a page imports it first (it is a few
// hundred bytes), calls it as soon as it has the manifest, and the components download while
// the loader's own JS and wasm still do. The loader's requests later take those responses (each
// module is fetched once) and check them as always: budget, integrity, ABI.

/** What the loader's request for a module is, so that the browser matches it to the hint. */
// (`crossOrigin: ""` is the attribute `crossorigin` with no value: anonymous, as the CLI writes it.)
const WASM = { rel: "preload", as: "fetch", type: "application/wasm", crossOrigin: "" };

/**
 * Adds to `document.head` a hint for the module of every eager component of `manifest` (a
 * `modulepreload` for a bindgen component's glue too), its URL resolved against `baseUrl`
 * (default: the page's). It reads only those fields and validates nothing (the loader does): an
 * entry without a string `module`, with another `load`, or with a URL that is not http(s) gets no
 * hint, and nothing the page passes makes it throw (an entry whose getters throw gets none). At
 * most 256 components, as a manifest holds. Returns the URLs it hinted.
 */
export function preload(manifest, baseUrl = document.baseURI) {
  const hinted = [];
  const hint = (attributes, href) => {
    const link = Object.assign(document.createElement("link"), attributes, { href });
    document.head.append(link);
    hinted.push(href);
  };
  for (const c of components(manifest)) {
    try {
      if (!c || typeof c.module != "string" || (c.load !== undefined && c.load !== "eager")) continue;
      const module = http(c.module, baseUrl);
      if (!module) continue;
      const glue = c.kind === "bindgen" && typeof c.glue == "string" && http(c.glue, baseUrl);
      hint(WASM, module);
      if (glue) hint({ rel: "modulepreload" }, glue);
    } catch {}
  }
  return hinted;
}

/** The first 256 of `manifest.components`, or none when it is not an array or cannot be read. */
function components(manifest) {
  try {
    const list = manifest.components;
    return Array.isArray(list) ? list.slice(0, 256) : [];
  } catch {
    return [];
  }
}

/** `reference` resolved against `base` when it is an http(s) URL, else null. */
function http(reference, base) {
  try {
    const url = new URL(reference, base);
    return url.protocol == "http:" || url.protocol == "https:" ? url.href : null;
  } catch {
    return null;
  }
}
