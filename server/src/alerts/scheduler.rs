//! Runs the store's scheduler at start-up and then every day at `VIGIA_ALERTS_HOUR` in La
//! Paz, and queues the daily digests. It may run on every server process at once: each event fires once (see
//! `Store::run_scheduler`).

use chrono::{DateTime, Days, NaiveTime, Timelike, Utc};
use std::sync::Arc;

use vigia::clock::{la_paz_offset, la_paz_time};
use vigia::Clock;

use vigia_store::Store;

/// The next instant, strictly after `now`, at `hour`:00 in La Paz.
pub fn next_run(now: DateTime<Utc>, hour: u32) -> DateTime<Utc> {
    let local = la_paz_time(now);
    let at = NaiveTime::from_hms_opt(hour.min(23), 0, 0).expect("valid hour");
    let today_at = local.date_naive().and_time(at);
    let candidate = if today_at > local.naive_local() {
        today_at
    } else {
        today_at
            .checked_add_days(Days::new(1))
            .expect("a date after today")
    };
    candidate
        .and_local_timezone(la_paz_offset())
        .single()
        .expect("a fixed offset has one local time")
        .with_timezone(&Utc)
}

pub fn spawn(store: Arc<Store>, clock: Arc<dyn Clock>, hour: u32) {
    tokio::spawn(async move {
        loop {
            if let Err(error) = store.run_scheduler().await {
                tracing::error!(error = ?error, "the alert scheduler failed; it will try again");
            }
            // Today's digests once the hour has come (at start-up too, when a restart missed
            // it); a day has one digest however often this runs.
            if la_paz_time(clock.now()).hour() >= hour {
                match store.queue_digests().await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(digests = n, "daily digests queued"),
                    Err(error) => tracing::error!(error = ?error, "could not queue the digests"),
                }
            }
            let now = clock.now();
            let wait = (next_run(now, hour) - now)
                .to_std()
                .unwrap_or(std::time::Duration::from_secs(60));
            tokio::time::sleep(wait).await;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_next_run_is_the_hour_in_la_paz_today_or_tomorrow() {
        // 06:00 in La Paz (10:00 UTC): today at 07:00 La Paz, 11:00 UTC.
        let before = Utc.with_ymd_and_hms(2025, 6, 1, 10, 0, 0).unwrap();
        assert_eq!(
            next_run(before, 7),
            Utc.with_ymd_and_hms(2025, 6, 1, 11, 0, 0).unwrap()
        );
        // 07:00 exactly: tomorrow.
        let at = Utc.with_ymd_and_hms(2025, 6, 1, 11, 0, 0).unwrap();
        assert_eq!(
            next_run(at, 7),
            Utc.with_ymd_and_hms(2025, 6, 2, 11, 0, 0).unwrap()
        );
        // 23:30 in La Paz is 03:30 UTC the next day; the next run is that La Paz morning.
        let late = Utc.with_ymd_and_hms(2025, 6, 2, 3, 30, 0).unwrap();
        assert_eq!(
            next_run(late, 7),
            Utc.with_ymd_and_hms(2025, 6, 2, 11, 0, 0).unwrap()
        );
    }
}
