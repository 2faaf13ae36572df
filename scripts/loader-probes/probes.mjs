// The probes of scripts/loader-probes.mjs: each makes one part of the loader unreachable (an
// early return or a condition that is never true) so that the build drops it. Text edits on the
// sources; the texts must match the code exactly (the tool fails otherwise).

/** An early `return body;` at the start of the block that follows `anchor` (`anchor` kept). */
const early = (file, anchor, body) => ({ file, find: anchor, replace: `${anchor}\n        if true { ${body} }` });

const L = "crates/loader/src/";
const H = "crates/host/src/";
const A = "crates/abi/src/";

export const PROBES = [
  {
    name: "manifest validation",
    what: "every rule check and its messages (reading and assembling the manifest stay)",
    edits: [{
      file: "crates/manifest/src/validate/mod.rs",
      find: "    rules::check_object(&mut ctx, &Path::Root, value, &rules::MANIFEST);",
      replace: "    if false { rules::check_object(&mut ctx, &Path::Root, value, &rules::MANIFEST); }",
    }],
  },
  {
    name: "ABI host imports",
    what: "what the guest's imports do: DOM edits with their checks and refusals, bus, timers, log, fail, events",
    edits: [early(H + "imports.rs", "    let args = args.map(|n| n as i32 as u32);",
      "let _ = (g, text, args, kind); return -1.0;")],
  },
  {
    name: "operations by name",
    what: "mount, unmount, remount, reload, unload, setProps and state (start still mounts)",
    edits: [early(L + "api.rs", "    fn act(&self, op: Op, name: &str, props: &JsValue) -> Result<JsValue, JsValue> {",
      "let _ = (op, name, props); return Ok(JsValue::UNDEFINED);")],
  },
  {
    name: "error messages",
    what: "the text of every error (codes, components and states stay)",
    edits: [early(L + "errors.rs", "    fn write(&self, text: &mut String) {", "let _ = text; return;")],
  },
  {
    name: "bindgen kind",
    what: "trusted wasm-bindgen components (glue import, init, mount)",
    edits: [early(L + "bindgen.rs", "        epoch: u32,\n    ) -> Promise {",
      "let _ = (url, module, slot, epoch); return crate::promise::settled(self.mounted(Err(Error::Cancelled)));")],
  },
  {
    name: "load policies",
    what: "idle, visible and route (eager and manual stay)",
    edits: [{
      file: L + "policy.rs",
      find: "            Load::Idle => sys::when_idle(&later(c)),\n            Load::Visible => visible(loader, c),\n            Load::Route(_) | Load::Manual => {}",
      replace: "            _ => {}",
    }, { file: L + "policy.rs", find: "    if routes\n", replace: "    if false && routes\n" }],
  },
  {
    name: "events and marks",
    what: "lifecycle, progress and violation events, performance marks and measures",
    edits: [
      early(L + "events.rs", "    failure: Option<&Failure>,\n) {", "let _ = (slot, name, from, to, failure); return;"),
      early(L + "events.rs", "pub(crate) fn progress(slot: &Slot, name: &str, loaded: u64, total: Option<u64>) {",
        "let _ = (slot, name, loaded, total); return;"),
      early(L + "events.rs", "pub(crate) fn violation(slot: &Slot, name: &str, what: &str, code: i32) {",
        "let _ = (slot, name, what, code); return;"),
      early(L + "events.rs", "pub(crate) fn begin(name: &str, phase: &str) {", "let _ = (name, phase); return;"),
      early(L + "events.rs", "pub(crate) fn end(name: &str, phase: &str) {", "let _ = (name, phase); return;"),
    ],
  },
  {
    name: "sandbox: edit checks",
    what: "the model tree's checks of every edit (ids, limits, DOM bytes) with the tag, attribute, URL and CSS rules under them",
    edits: [early(A + "tree.rs", "    pub fn edit<'a>(&mut self, op: &Op<&'a str>, urls: &impl UrlPolicy) -> Result<(), Refused<'a>> {",
      "let _ = (op, urls); return Ok(());")],
  },
  {
    name: "sandbox: CSS checks",
    what: "the CSS tokenizer and its url(), @import, image-set() and base-select rules",
    edits: [early(A + "css.rs", "pub fn check(css: &str, urls: &impl UrlPolicy) -> Result<(), i32> {",
      "let _ = (css, urls); return Ok(());")],
  },
  {
    name: "sandbox: attribute and URL rules",
    what: "the attribute allowlist and the URL policy (schemes, origins, srcset)",
    edits: [early(A + "rules.rs", "pub fn check_attr(tag: &str, name: &str, value: &str, urls: &impl UrlPolicy) -> Result<(), i32> {",
      "let _ = (tag, name, value, urls); return Ok(());")],
  },
  {
    name: "sandbox: module scan",
    what: "the streaming section scan of the byte gate (start section, memory limits)",
    edits: [early(A + "module.rs", "    pub fn feed(&mut self, chunk: &[u8]) -> Result<(), Refused> {",
      "let _ = chunk; return Ok(());")],
  },
];
