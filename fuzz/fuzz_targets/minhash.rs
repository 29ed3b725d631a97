//! MinHash index: no panic; candidate pairs are sorted, distinct, i < j; queries find the
//! indexed copy of a text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use quotelens::lsh::{LshParams, MinHashIndex, Shingle};

fuzz_target!(|input: (Vec<String>, u8, bool)| {
    let (texts, n, chars) = input;
    let n = (n % 6) as usize + 1;
    let shingle = if chars { Shingle::Char(n) } else { Shingle::Word(n) };
    let mut idx = MinHashIndex::new(LshParams::new(0.5, 32, shingle, 7).unwrap());
    let texts: Vec<String> = texts.into_iter().take(64).collect();
    idx.add(&texts).unwrap();
    let pairs = idx.candidate_pairs(None).unwrap();
    assert!(pairs.windows(2).all(|w| w[0] < w[1]));
    assert!(pairs.iter().all(|&(i, j)| i < j && (j as usize) < texts.len()));
    for (i, t) in texts.iter().enumerate() {
        let sig = quotelens::lsh::signature(t, &idx.params);
        if !idx.params.band_keys(&sig).is_empty() {
            assert!(idx.query(t).iter().any(|&(id, _)| id as usize == i));
        }
    }
});
