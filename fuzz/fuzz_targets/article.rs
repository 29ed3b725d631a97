//! Doc/Article analysis and quote pairing: no panic, every span slices its own text, sentences
//! do not overlap.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: usize, e: usize| -> String { chars[s..e].iter().collect() };
    let a = quotelens::analyze(text, quotelens::Meta::default(), &[]).unwrap();
    for q in &a.quotes {
        assert!(q.start <= q.end && q.end <= chars.len());
        assert_eq!(slice(q.start, q.end), q.text);
    }
    for w in a.sentences.windows(2) {
        assert!(w[0].end <= w[1].start, "{:?}", (w[0].start, w[0].end, w[1].start));
    }
    for s in &a.sentences {
        assert_eq!(slice(s.start, s.end), s.text);
    }
    for q in quotelens::extract_quotes(text).unwrap() {
        assert_eq!(slice(q.start, q.end), q.text);
    }
});
