// Types of `tessera-loader/slot` (src/js/slot.js): the `<tessera-slot>` element.
import type { Tessera } from "./tessera_loader.js";

/**
 * The loader for the manifest at `url` (relative to the page), shared by every `<tessera-slot>`
 * naming it: use it for the bus (`publish`, `subscribe`) or the other methods. Rejects with a
 * `TesseraError` when the manifest cannot be fetched or read.
 */
export declare function tesseraFor(url: string): Promise<Tessera>;

/**
 * `<tessera-slot name="cart" manifest="/tessera.json">`: mounts the component `name` from the
 * manifest on the element, or the page's `<link rel="tessera-manifest">`, while it is in the
 * document. Its state is in `data-tessera-state`; `tessera:*` events fire on it.
 */
export declare class TesseraSlot extends HTMLElement {
  static observedAttributes: string[];
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string, old: string | null, value: string | null): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "tessera-slot": TesseraSlot;
  }
}
