//! Places that anyone may hold open, counted per client address and in all: connections, and
//! data files being downloaded. A place is given back when whoever holds it drops it, however
//! the request ended (finished, cut off, timed out).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

/// How many places there are, in all and for one address.
#[derive(Clone, Copy, Debug)]
pub struct Caps {
    pub total: usize,
    pub per_address: usize,
}

/// Which cap a refused place was over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Full {
    Total,
    Address,
}

pub struct Places {
    caps: Caps,
    taken: Mutex<Taken>,
}

#[derive(Default)]
struct Taken {
    total: usize,
    by_address: HashMap<IpAddr, usize>,
}

/// A place held; dropping it gives it back.
pub struct Place {
    places: Arc<Places>,
    address: Option<IpAddr>,
}

impl Places {
    pub fn new(caps: Caps) -> Arc<Self> {
        Arc::new(Self {
            caps,
            taken: Mutex::default(),
        })
    }

    fn taken(&self) -> std::sync::MutexGuard<'_, Taken> {
        self.taken.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A place for `address` (its limit key), or for no address in particular (a trusted
    /// proxy's connection: counted in the total only).
    pub fn take(self: &Arc<Self>, address: Option<IpAddr>) -> Result<Place, Full> {
        let mut taken = self.taken();
        if taken.total >= self.caps.total {
            return Err(Full::Total);
        }
        if let Some(address) = address {
            let count = taken.by_address.entry(address).or_default();
            if *count >= self.caps.per_address {
                return Err(Full::Address);
            }
            *count += 1;
        }
        taken.total += 1;
        Ok(Place {
            places: self.clone(),
            address,
        })
    }

    /// Places held now.
    #[cfg(test)]
    pub fn held(&self) -> usize {
        self.taken().total
    }

    /// Addresses holding a place now.
    #[cfg(test)]
    pub fn addresses(&self) -> usize {
        self.taken().by_address.len()
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        let mut taken = self.places.taken();
        taken.total -= 1;
        if let Some(address) = self.address {
            if let Some(count) = taken.by_address.get_mut(&address) {
                *count -= 1;
                if *count == 0 {
                    taken.by_address.remove(&address);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> Option<IpAddr> {
        Some(text.parse().unwrap())
    }

    fn places(total: usize, per_address: usize) -> Arc<Places> {
        Places::new(Caps { total, per_address })
    }

    #[test]
    fn one_address_cannot_take_every_place() {
        let places = places(10, 2);
        let first = places.take(ip("203.0.113.1")).unwrap();
        let _second = places.take(ip("203.0.113.1")).unwrap();
        assert_eq!(
            places.take(ip("203.0.113.1")).err(),
            Some(Full::Address),
            "third from one address"
        );
        assert!(places.take(ip("198.51.100.1")).is_ok(), "another address");
        drop(first);
        assert!(places.take(ip("203.0.113.1")).is_ok(), "a place came back");
    }

    #[test]
    fn the_total_is_a_cap_for_everyone_and_counts_places_of_no_address() {
        let places = places(3, 3);
        let held: Vec<_> = [ip("198.51.100.1"), None, None]
            .into_iter()
            .filter_map(|a| places.take(a).ok())
            .collect();
        assert_eq!(held.len(), 3);
        assert_eq!(places.take(ip("198.51.100.4")).err(), Some(Full::Total));
        assert_eq!(places.held(), 3);
        drop(held);
        assert_eq!(places.held(), 0);
        assert_eq!(places.addresses(), 0, "nothing kept for addresses gone");
    }
}
