//! Slows down password guessing without letting anyone lock an account's owner out. Only
//! failures count: per account and address (the guesser), per address (someone trying many
//! accounts), and, more gently, per account from anywhere. The per-account delay grows with the
//! account's failures from anywhere but is counted, for each address, from that address's own
//! last failure, and an address that has not failed on the account does not wait at all: were
//! the delay one slot for everyone, guessers on a few addresses would always hold the next
//! one and the owner, with the right password, would never get it. The failures live in the
//! database (`db::limits`), so several server processes share them; these are the rules.

use chrono::{DateTime, Duration, Utc};

/// Failures are remembered this long.
pub const WINDOW: Duration = Duration::minutes(15);
/// Failures allowed from one address for one account within the window.
const PER_ACCOUNT_AND_ADDRESS: i64 = 5;
/// Failures allowed from one address, all accounts together.
const PER_ADDRESS: i64 = 30;
/// Failures on one account, from anywhere, before each try must wait.
const PER_ACCOUNT_BEFORE_DELAY: i64 = 10;
/// The longest wait the per-account delay imposes.
const MAX_ACCOUNT_DELAY: Duration = Duration::seconds(30);

/// Failures within the window.
#[derive(Clone, Copy, Debug, Default)]
pub struct Recent {
    pub account_and_address: i64,
    pub address: i64,
    pub account: i64,
    /// This address's last failure on this account.
    pub last_from_address: Option<DateTime<Utc>>,
}

/// Whether another try may be made now, after these failures.
pub fn allows(recent: &Recent, now: DateTime<Utc>) -> bool {
    if recent.account_and_address >= PER_ACCOUNT_AND_ADDRESS || recent.address >= PER_ADDRESS {
        return false;
    }
    match recent.last_from_address {
        Some(last) if recent.account >= PER_ACCOUNT_BEFORE_DELAY => {
            let excess = (recent.account - PER_ACCOUNT_BEFORE_DELAY).min(5) as u32;
            let delay = Duration::seconds(1 << excess).min(MAX_ACCOUNT_DELAY);
            now - last >= delay
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(seconds: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 6, 1, 12, 0, 0).unwrap() + Duration::seconds(seconds)
    }

    #[test]
    fn five_wrong_guesses_stop_the_guesser_not_the_owner() {
        let guesser = Recent {
            account_and_address: 5,
            address: 5,
            account: 5,
            last_from_address: Some(at(4)),
        };
        assert!(!allows(&guesser, at(6)), "the guesser waits");
        let owner = Recent {
            account_and_address: 0,
            address: 0,
            ..guesser
        };
        assert!(allows(&owner, at(6)), "the owner is not locked out");
        let four = Recent {
            account_and_address: 4,
            ..guesser
        };
        assert!(allows(&four, at(6)));
    }

    #[test]
    fn many_addresses_at_one_account_only_slow_down_those_that_failed_briefly() {
        let spread = Recent {
            account_and_address: 1,
            address: 0,
            account: 40,
            last_from_address: Some(at(0)),
        };
        assert!(!allows(&spread, at(1)), "a short wait");
        assert!(allows(&spread, at(31)), "never longer than 30 s");
        let eleven = Recent {
            account: 11,
            ..spread
        };
        assert!(
            !allows(&eleven, at(1)) && allows(&eleven, at(2)),
            "2 s after the 11th"
        );
    }

    #[test]
    fn a_clean_address_is_never_kept_waiting_by_failures_elsewhere() {
        let owner = Recent {
            account_and_address: 0,
            address: 0,
            account: 60,
            last_from_address: None,
        };
        assert!(allows(&owner, at(0)), "the owner tries at once");
    }

    #[test]
    fn one_address_trying_many_accounts_is_stopped() {
        let sweeping = Recent {
            address: 30,
            ..Recent::default()
        };
        assert!(!allows(&sweeping, at(1)));
        assert!(allows(&Recent::default(), at(1)));
    }
}
