//! What a page derives from one version of the record, remembered while that version is in
//! use: every page of a version shows the same gaps and the same timeline, and at 20,000
//! claims deriving them is most of a render. A write makes a new version (a new `Arc`), so
//! nothing remembered outlives the record it came from.

use std::sync::{Arc, Mutex, PoisonError, Weak};

use vigia::Snapshot;

/// A few values per version, each under a key (a day, a requirement and a day, …). The
/// oldest is forgotten past `keep`, and any whose version is no longer held.
pub struct SnapshotMemo<K, V> {
    entries: Mutex<Vec<(Weak<Snapshot>, K, V)>>,
    keep: usize,
}

impl<K: PartialEq, V: Clone> SnapshotMemo<K, V> {
    pub const fn new(keep: usize) -> Self {
        Self {
            entries: Mutex::new(Vec::new()),
            keep,
        }
    }

    /// The value remembered for `snapshot` and `key`, or `derive`'s, then remembered.
    pub fn get(&self, snapshot: &Arc<Snapshot>, key: K, derive: impl FnOnce() -> V) -> V {
        // Held while deriving, so that requests arriving together derive a value once.
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        // A weak pointer keeps its allocation, so a live one at the same address is the same
        // version; versions no longer held are dropped first.
        entries.retain(|(of, _, _)| of.strong_count() > 0);
        let found = entries
            .iter()
            .position(|(of, k, _)| Weak::as_ptr(of) == Arc::as_ptr(snapshot) && *k == key);
        if let Some(at) = found {
            let entry = entries.remove(at);
            let value = entry.2.clone();
            entries.push(entry);
            return value;
        }
        let value = derive();
        if entries.len() >= self.keep {
            entries.remove(0);
        }
        entries.push((Arc::downgrade(snapshot), key, value.clone()));
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn a_value_is_derived_once_per_version_and_key_and_never_handed_to_another() {
        let memo: SnapshotMemo<u32, String> = SnapshotMemo::new(2);
        let derived = Cell::new(0);
        let derive = |text: &str| {
            derived.set(derived.get() + 1);
            text.to_owned()
        };
        let first = Arc::new(Snapshot::default());
        let second = Arc::new(Snapshot::default());
        assert_eq!(memo.get(&first, 1, || derive("a")), "a");
        assert_eq!(memo.get(&first, 1, || derive("other")), "a");
        assert_eq!(memo.get(&second, 1, || derive("b")), "b");
        assert_eq!(memo.get(&first, 1, || derive("other")), "a");
        assert_eq!(memo.get(&first, 2, || derive("c")), "c");
        assert_eq!(derived.get(), 3);
        // Two are kept: the one used longest ago, (second, 1), was forgotten.
        assert_eq!(memo.get(&second, 1, || derive("e")), "e");
        assert_eq!(memo.get(&first, 2, || derive("other")), "c");
        assert_eq!(derived.get(), 4);
        // A version dropped takes its values with it, even if its address comes back.
        drop(second);
        let third = Arc::new(Snapshot::default());
        assert_eq!(memo.get(&third, 1, || derive("f")), "f");
    }
}
