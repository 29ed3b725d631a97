//! The crate's hashing: FNV-1a where a hash must stay the same across runs and versions
//! (MinHash shingles are stored in pickled indexes). In-memory tables keyed by short strings
//! want FxHash maps, from the `rustc-hash` crate (numpy already brings it into Cargo.lock),
//! rather than a hand-written hasher.

/// A `HashMap` with FxHash (rustc-hash): fast for short string keys, not DoS-resistant, order
/// not stable across versions, so never for anything stored.
pub(crate) use rustc_hash::FxHashMap;

/// A `HashSet` with FxHash, under the same rules as [`FxHashMap`].
pub(crate) use rustc_hash::FxHashSet;

/// The FNV-1a offset basis; [`fnv1a`] with `seed = 0` is plain FNV-1a.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a of `bytes`, from the offset basis XOR `seed` (a seed gives an independent family).
#[inline]
pub(crate) fn fnv1a(bytes: &[u8], seed: u64) -> u64 {
    bytes.iter().fold(FNV_OFFSET ^ seed, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_reference_values() {
        // From the FNV reference (http://www.isthe.com/chongo/tech/comp/fnv/).
        assert_eq!(fnv1a(b"", 0), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a", 0), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar", 0), 0x8594_4171_f739_67e8);
    }
}
