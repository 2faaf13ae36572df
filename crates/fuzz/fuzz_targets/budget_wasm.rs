//! The budget CLI's wasm reader (section sizes, imports and exports of a built module): any
//! bytes give a report or an error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = tessera_budget::sections::inspect(data);
});
