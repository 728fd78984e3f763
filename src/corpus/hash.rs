//! A fast, deterministic hash for ids and words (FxHash, as rustc uses). Loading
//! 100,000 records hashes millions of short strings, where the standard
//! SipHash, built to resist hostile keys, would dominate; nothing here is keyed
//! by input an attacker could aim at a server, since there is no server.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        // The multiply leaves the low bits weakly mixed (they depend on the low
        // bits of the last input alone), and on a 32-bit target (wasm) the map
        // takes both the bucket and its 7-bit tag from the low 32 bits: ids that
        // differ in their last characters then crowd the same buckets. Folding
        // the well-mixed high half in made registering a million ids in a
        // browser take under a second rather than 12 (natively it changes little).
        self.0 ^ (self.0 >> 32)
    }
}

/// A HashMap with the fast hash.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
