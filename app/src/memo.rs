//! What a page derives from one version of the record, remembered while that version is in
//! use: every page of a version shows the same gaps and the same timeline, and at 20,000
//! claims deriving them is most of a render. A write makes a new version (a new `Arc`), so
//! nothing remembered outlives the record it came from.

use std::sync::{Arc, Mutex, OnceLock, PoisonError, Weak};

use vigia::Snapshot;

/// A few values per version, each under a key (a day, a requirement and a day, …). The
/// oldest is forgotten past `keep`, and any whose version is no longer held.
pub struct SnapshotMemo<K, V> {
    entries: Mutex<Vec<Entry<K, V>>>,
    keep: usize,
}

/// A version's value under a key, derived once: requests arriving together for the same
/// value wait for it, while different keys derive side by side.
type Entry<K, V> = (Weak<Snapshot>, K, Arc<OnceLock<V>>);

impl<K: PartialEq, V: Clone> SnapshotMemo<K, V> {
    pub const fn new(keep: usize) -> Self {
        Self {
            entries: Mutex::new(Vec::new()),
            keep,
        }
    }

    /// The value remembered for `snapshot` and `key`, or `derive`'s, then remembered.
    pub fn get(&self, snapshot: &Arc<Snapshot>, key: K, derive: impl FnOnce() -> V) -> V {
        let cell = {
            let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
            // A weak pointer keeps its allocation, so a live one at the same address is the
            // same version; versions no longer held are dropped first.
            entries.retain(|(of, _, _)| of.strong_count() > 0);
            let found = entries
                .iter()
                .position(|(of, k, _)| Weak::as_ptr(of) == Arc::as_ptr(snapshot) && *k == key);
            match found {
                Some(at) => {
                    let entry = entries.remove(at);
                    let cell = entry.2.clone();
                    entries.push(entry);
                    cell
                }
                None => {
                    if entries.len() >= self.keep {
                        entries.remove(0);
                    }
                    let cell = Arc::new(OnceLock::new());
                    entries.push((Arc::downgrade(snapshot), key, cell.clone()));
                    cell
                }
            }
        };
        cell.get_or_init(derive).clone()
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

    #[test]
    fn different_keys_derive_side_by_side() {
        use std::sync::mpsc;
        use std::time::Duration;
        let memo: SnapshotMemo<u32, bool> = SnapshotMemo::new(4);
        let snapshot = Arc::new(Snapshot::default());
        let (second_derived, wait_for_second) = mpsc::channel();
        let (memo, snapshot) = (&memo, &snapshot);
        std::thread::scope(|scope| {
            // The first key's derivation finishes only once the second key's has run: with
            // one lock held while deriving, it would wait in vain.
            let first = scope.spawn(move || {
                memo.get(snapshot, 1, || {
                    wait_for_second
                        .recv_timeout(Duration::from_secs(10))
                        .is_ok()
                })
            });
            std::thread::sleep(Duration::from_millis(50));
            assert!(memo.get(snapshot, 2, || second_derived.send(()).is_ok()));
            assert!(first.join().unwrap(), "the first derived beside the second");
        });
    }
}
