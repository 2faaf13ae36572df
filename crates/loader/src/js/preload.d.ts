// Types of `tessera-loader/preload` (src/js/preload.js).
import type { TesseraManifest } from "./tessera_loader.js";

/**
 * Preload hints for a manifest the page has in hand: a `<link rel="preload" as="fetch">` in
 * `document.head` for the module of every eager component (and a `modulepreload` for a bindgen
 * component's glue), its URL resolved against `baseUrl` (default the page's URL): the same hints
 * as `tessera-budget preload`. Needs nothing of the loader: call it before the loader's module has
 * even loaded, and the components download while it does. Validates nothing (the loader does);
 * returns the URLs it hinted.
 */
export declare function preload(manifest: TesseraManifest, baseUrl?: string): string[];
