//! DOM-edit batches as a guest sends them: the ABI decoder, then every decoded edit through the
//! host's model tree (the same checks the browser host runs before it queues an edit), and the
//! CSS checker on the raw bytes as text. Nothing panics, and the tree never holds more than its
//! limits allow, whatever the bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tessera_abi::policy::StaticOrigins;
use tessera_abi::tree::{Limits, Tree};
use tessera_abi::Decoder;

fuzz_target!(|data: &[u8]| {
    let (head, batch) = data.split_at(data.len().min(3));
    let limits = Limits {
        max_nodes: 1 + u32::from(*head.first().unwrap_or(&64)),
        max_listeners: 1 + u32::from(*head.get(1).unwrap_or(&8)),
        max_dom_bytes: 16 * (1 + u32::from(*head.get(2).unwrap_or(&64))),
    };
    let urls = StaticOrigins {
        base_origin: "https://app.example",
        allowed: &["https://app.example"],
    };
    let mut tree = Tree::new(limits);
    for op in Decoder::new(batch) {
        let Ok((_, op)) = op else { break };
        let _ = tree.edit(&op, &urls);
        assert!(tree.nodes() <= limits.max_nodes, "{} nodes", tree.nodes());
        assert!(tree.listeners() <= limits.max_listeners);
        assert!(tree.dom_bytes() <= limits.max_dom_bytes);
    }
    let _ = tree.html();
    if let Ok(css) = std::str::from_utf8(batch) {
        let _ = tessera_abi::css::check(css, &urls);
    }
});
