// Raw browser calls for `src/sys.rs` that Rust cannot express (or only through more glue).

/** `import(url)`: a trusted bindgen component's glue. Static code, so no CSP `unsafe-eval`. */
export function importModule(url) {
  return import(url);
}
