//! Every scorer with cutoffs: scores in 0..=100, a score equal to the cutoff is kept, a cutoff
//! above the score gives 0, and cdist / top_k agree with the pairwise scorer (cdist also with
//! the query in every packed lane).
#![no_main]
use libfuzzer_sys::fuzz_target;
use quotelens::sim::{self, Metric, Scorer};

const SCORERS: [Scorer; 9] = Scorer::ALL;

fuzz_target!(|input: (u8, &str, &str, bool)| {
    let (which, a, b, process) = input;
    let sc = SCORERS[which as usize % SCORERS.len()];
    let s = sim::score(sc, a, b, process, None);
    assert!((0.0..=100.0).contains(&s), "{sc:?} {s}");
    assert_eq!(sim::score(sc, a, b, process, Some(s)), s, "{sc:?} at its own score");
    let above = s + 1e-6;
    assert_eq!(sim::score(sc, a, b, process, Some(above)), 0.0, "{sc:?} above");
    let q = vec![a.to_string()];
    let c = vec![b.to_string(), a.to_string()];
    let m = Metric::Builtin(sc);
    let d = sim::cdist(&q, &c, &m, process, Some(s), 1).unwrap();
    assert_eq!(d[0], s as f32, "{sc:?} cdist");
    let t = sim::top_k(&q, &c, usize::MAX, &m, process, Some(s), 1).unwrap();
    assert!(t.choice.contains(&0), "{sc:?} top_k");
    // Sixteen copies of the query fill the packed short-string lanes (8, 16 and 32 bits).
    let q16 = vec![a.to_string(); 16];
    let d = sim::cdist(&q16, &c, &m, process, Some(s), 1).unwrap();
    assert!(d.chunks(2).all(|r| r[0] == s as f32), "{sc:?} packed cdist");
});
