//! Slows down password guessing without letting anyone lock an account's owner out. Only
//! failures count: per account and address (the guesser), per address (someone trying many
//! accounts), and, more gently, per account from anywhere, with a delay that never keeps a
//! correct password from a new address waiting long.

use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;

/// Failures are remembered this long.
const WINDOW: Duration = Duration::minutes(15);
/// Failures allowed from one address for one account within the window.
const PER_ACCOUNT_AND_ADDRESS: usize = 5;
/// Failures allowed from one address, all accounts together.
const PER_ADDRESS: usize = 30;
/// Failures on one account, from anywhere, before each try must wait.
const PER_ACCOUNT_BEFORE_DELAY: usize = 10;
/// The longest wait the per-account delay imposes.
const MAX_ACCOUNT_DELAY: Duration = Duration::seconds(30);
/// Past this many keys the oldest failures are forgotten first, so memory stays bounded.
const MAX_KEYS: usize = 100_000;

#[derive(Default)]
pub struct SignInThrottle {
    failures: Mutex<Failures>,
}

#[derive(Default)]
struct Failures {
    by_account_and_address: HashMap<(String, IpAddr), Vec<DateTime<Utc>>>,
    by_address: HashMap<IpAddr, Vec<DateTime<Utc>>>,
    by_account: HashMap<String, Vec<DateTime<Utc>>>,
}

fn recent(times: Option<&Vec<DateTime<Utc>>>, now: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    times
        .map(|t| t.iter().copied().filter(|at| now - *at < WINDOW).collect())
        .unwrap_or_default()
}

fn prune<K: Eq + std::hash::Hash + Clone>(
    map: &mut HashMap<K, Vec<DateTime<Utc>>>,
    now: DateTime<Utc>,
) {
    map.retain(|_, times| {
        times.retain(|at| now - *at < WINDOW);
        !times.is_empty()
    });
    if map.len() > MAX_KEYS {
        let mut by_age: Vec<(K, DateTime<Utc>)> = map
            .iter()
            .map(|(k, t)| (k.clone(), t.last().copied().unwrap_or(now)))
            .collect();
        by_age.sort_by_key(|(_, at)| *at);
        for (key, _) in by_age.into_iter().take(map.len() - MAX_KEYS) {
            map.remove(&key);
        }
    }
}

impl SignInThrottle {
    /// Whether `account` may try a password from `address` now.
    pub fn allows(&self, account: &str, address: IpAddr, now: DateTime<Utc>) -> bool {
        let failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let key = (account.to_owned(), address);
        if recent(failures.by_account_and_address.get(&key), now).len() >= PER_ACCOUNT_AND_ADDRESS {
            return false;
        }
        if recent(failures.by_address.get(&address), now).len() >= PER_ADDRESS {
            return false;
        }
        let on_account = recent(failures.by_account.get(account), now);
        match on_account.last() {
            Some(last) if on_account.len() >= PER_ACCOUNT_BEFORE_DELAY => {
                let excess = (on_account.len() - PER_ACCOUNT_BEFORE_DELAY).min(5) as u32;
                let delay = Duration::seconds(1 << excess).min(MAX_ACCOUNT_DELAY);
                now - *last >= delay
            }
            _ => true,
        }
    }

    pub fn failed(&self, account: &str, address: IpAddr, now: DateTime<Utc>) {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        failures
            .by_account_and_address
            .entry((account.to_owned(), address))
            .or_default()
            .push(now);
        failures.by_address.entry(address).or_default().push(now);
        failures
            .by_account
            .entry(account.to_owned())
            .or_default()
            .push(now);
    }

    /// A correct password: the guesses from this address at this account are forgotten.
    pub fn succeeded(&self, account: &str, address: IpAddr) {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        failures
            .by_account_and_address
            .remove(&(account.to_owned(), address));
    }

    /// Forgets failures older than the window.
    pub fn prune(&self, now: DateTime<Utc>) {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        prune(&mut failures.by_account_and_address, now);
        prune(&mut failures.by_address, now);
        prune(&mut failures.by_account, now);
    }

    /// How many keys are remembered (for tests and metrics).
    pub fn len(&self) -> usize {
        let failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        failures.by_account_and_address.len()
            + failures.by_address.len()
            + failures.by_account.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(seconds: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 6, 1, 12, 0, 0).unwrap() + Duration::seconds(seconds)
    }

    const GUESSER: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(203, 0, 113, 9));
    const OWNER: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(198, 51, 100, 7));

    #[test]
    fn five_wrong_guesses_stop_the_guesser_not_the_owner() {
        let throttle = SignInThrottle::default();
        for i in 0..5 {
            assert!(throttle.allows("ana@x.org", GUESSER, at(i)));
            throttle.failed("ana@x.org", GUESSER, at(i));
        }
        assert!(
            !throttle.allows("ana@x.org", GUESSER, at(6)),
            "the guesser waits"
        );
        assert!(
            throttle.allows("ana@x.org", OWNER, at(6)),
            "the owner is not locked out"
        );
        assert!(
            throttle.allows("ana@x.org", GUESSER, at(6 + 15 * 60)),
            "the window ends"
        );
    }

    #[test]
    fn successes_do_not_count_and_clear_the_guesses_from_that_address() {
        let throttle = SignInThrottle::default();
        for i in 0..4 {
            throttle.failed("ana@x.org", OWNER, at(i));
        }
        throttle.succeeded("ana@x.org", OWNER);
        for i in 0..4 {
            assert!(throttle.allows("ana@x.org", OWNER, at(10 + i)));
            throttle.failed("ana@x.org", OWNER, at(10 + i));
        }
        assert!(throttle.allows("ana@x.org", OWNER, at(20)));
    }

    #[test]
    fn many_addresses_at_one_account_only_slow_it_down_briefly() {
        let throttle = SignInThrottle::default();
        for i in 0..40u8 {
            let address = IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, i));
            throttle.failed("ana@x.org", address, at(0));
        }
        assert!(!throttle.allows("ana@x.org", OWNER, at(1)), "a short wait");
        assert!(
            throttle.allows("ana@x.org", OWNER, at(31)),
            "never longer than 30 s"
        );
    }

    #[test]
    fn one_address_trying_many_accounts_is_stopped() {
        let throttle = SignInThrottle::default();
        for i in 0..30 {
            throttle.failed(&format!("user{i}@x.org"), GUESSER, at(0));
        }
        assert!(!throttle.allows("someone@x.org", GUESSER, at(1)));
        assert!(throttle.allows("someone@x.org", OWNER, at(1)));
    }

    #[test]
    fn old_failures_are_forgotten() {
        let throttle = SignInThrottle::default();
        throttle.failed("ana@x.org", GUESSER, at(0));
        assert!(!throttle.is_empty());
        throttle.prune(at(16 * 60));
        assert!(throttle.is_empty());
    }
}
