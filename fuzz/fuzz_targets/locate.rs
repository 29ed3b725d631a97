//! locate: no panic, the span is inside the text, the score in 0..=100.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, &str)| {
    let (quote, text) = input;
    if let Some(a) = quotelens::sim::locate(quote, text, None) {
        assert!(a.start <= a.end && a.end <= text.chars().count());
        assert!((0.0..=100.0).contains(&a.score));
    }
});
