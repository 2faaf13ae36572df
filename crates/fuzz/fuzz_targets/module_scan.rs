//! The byte gate's module scan: any bytes, split into chunks anywhere, never panic, and the
//! outcome does not depend on where the chunks break (the network decides that).
#![no_main]
use libfuzzer_sys::fuzz_target;
use tessera_abi::module::Scan;

fuzz_target!(|data: &[u8]| {
    let Some((&cut, bytes)) = data.split_first() else {
        return;
    };
    let cap = u32::from(cut) * 4;
    let mut whole = Scan::new(cap);
    let at_once = whole.feed(bytes).and_then(|()| whole.finish());
    let mut chunked = Scan::new(cap);
    let step = usize::from(cut % 7) + 1;
    let mut outcome = Ok(());
    for chunk in bytes.chunks(step) {
        outcome = chunked.feed(chunk);
        if outcome.is_err() {
            break;
        }
    }
    let chunked = outcome.and_then(|()| chunked.finish());
    assert_eq!(at_once, chunked, "chunks of {step}");
});
