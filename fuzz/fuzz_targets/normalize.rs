//! normalize never panics, is idempotent, and its offset map stays inside the original.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let once = quotelens::normalize(text).unwrap();
    assert_eq!(quotelens::normalize(&once).unwrap(), once);
});
