//! Indexes of ids (shipments, bundles, items) for the engine's lookups: an order may have
//! hundreds of items and shipments, and a scan per item made assessing quadratic.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Ids (of shipments, items, bundles) to a number: one map type for every such index, so its
/// code is in the wasm once.
pub(crate) type IdMap<'a> = HashMap<&'a str, usize, BuildHasherDefault<Fnv>>;

/// Each id, with the index where it first occurs.
pub(crate) fn first_index_of<'a>(ids: impl Iterator<Item = &'a str>) -> IdMap<'a> {
    let mut map = IdMap::default();
    for (index, id) in ids.enumerate() {
        map.entry(id).or_insert(index);
    }
    map
}

/// FNV-1a, 64 bits, as a [`Hasher`]: for [`IdMap`] (ids are short, and std's default hasher
/// costs more than the lookups it serves; it resists hash flooding, but an order's ids come
/// from the store, and a flood would only slow down the page that sent it), and public for the
/// widget's idempotency keys, so one hasher is in the wasm. Stable across builds and platforms;
/// not for secrecy. `Fnv::default()` starts from the FNV offset basis.
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}
