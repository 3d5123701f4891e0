//! The timeline and strips are computed by a sweep over each record's change points; these
//! properties check that, on random records, they give exactly what rebuilding each record
//! for every day (what `?as_of=` does for one day, and what the timeline did before) gives.

use chrono::NaiveDate;
use proptest::prelude::*;
use vigia::{Basis, Claim, ComplianceRecord, DepartmentCode, EvidenceLevel, Snapshot, Status};

use super::tests::{claim, pd, plan, snapshot};
use super::{change_starts, strip, timeline, Counts, MapCategory, StepStart};

/// `record` as it could be known on `day`: the claims knowable then, a correction counting
/// only once the correcting claim is knowable too.
fn known_on(record: &ComplianceRecord, day: NaiveDate) -> ComplianceRecord {
    let claims = record
        .claims
        .iter()
        .filter(|c| c.knowable_on(day))
        .cloned()
        .map(|mut c| {
            c.corrected_by = c.corrected_by.filter(|by| {
                record
                    .claims
                    .iter()
                    .any(|o| o.id == *by && o.knowable_on(day))
            });
            c
        })
        .collect();
    ComplianceRecord::new(record.department, record.requirement.clone(), claims)
}

/// The timeline as it was computed before the sweep: the nine records rebuilt on each day.
fn timeline_day_by_day(snapshot: &Snapshot, today: NaiveDate) -> Vec<(StepStart, Counts)> {
    let records: Vec<ComplianceRecord> = snapshot
        .departments
        .iter()
        .map(|d| snapshot.record(d.code, &plan()))
        .collect();
    let mut steps: Vec<(StepStart, Counts)> = Vec::new();
    for start in change_starts(records.iter().flat_map(|r| r.claims.iter()), today) {
        let day = start.shown_from;
        let counts = Counts::of(
            records
                .iter()
                .map(|record| MapCategory::of(known_on(record, day).current(), day)),
        );
        if steps.last().is_none_or(|(_, previous)| *previous != counts) {
            steps.push((start, counts));
        }
    }
    steps
}

/// One department's strip as it was computed before the sweep.
fn strip_day_by_day(
    snapshot: &Snapshot,
    code: DepartmentCode,
    today: NaiveDate,
) -> Vec<(StepStart, MapCategory)> {
    let record = snapshot.record(code, &plan());
    let mut steps: Vec<(StepStart, MapCategory)> = Vec::new();
    for start in change_starts(record.claims.iter(), today) {
        let day = start.shown_from;
        let category = MapCategory::of(known_on(&record, day).current(), day);
        if steps
            .last()
            .is_none_or(|(_, previous)| *previous != category)
        {
            steps.push((start, category));
        }
    }
    steps
}

/// A date of 2018 – 2024 at the precision of a year, a month or a day.
fn partial_date() -> impl Strategy<Value = String> {
    (2018..2025i32, 0..3u8, 1..13u32, 1..29u32).prop_map(|(y, precision, m, d)| match precision {
        0 => format!("{y}"),
        1 => format!("{y}-{m:02}"),
        _ => format!("{y}-{m:02}-{d:02}"),
    })
}

/// A claim on one of three departments, with any status, evidence and basis, a source out
/// before, with or after what it describes, perhaps a validity's end, perhaps corrected by
/// another claim (of any record, or by an id no claim has), recorded at any moment.
fn random_claim(count: i64) -> impl Strategy<Value = Claim> {
    let statuses = prop::sample::select(vec![
        Status::Missing,
        Status::InPreparation,
        Status::InForce,
        Status::Expired,
        Status::Unknown,
    ]);
    let departments = prop::sample::select(vec![
        DepartmentCode::LaPaz,
        DepartmentCode::Oruro,
        DepartmentCode::Pando,
    ]);
    (
        (departments, statuses, partial_date(), partial_date()),
        (
            prop::option::of(partial_date()),
            any::<bool>(),
            any::<bool>(),
        ),
        (prop::option::of(1..count + 3), 0..4i64),
    )
        .prop_map(
            |((code, status, event, published), (until, reported, inferred), (by, at))| {
                let mut c = claim(0, code, status, &event);
                c.source.published = pd(&published);
                c.valid_until = until.map(|u| pd(&u));
                if reported {
                    c.evidence_level = EvidenceLevel::Reported;
                }
                if inferred {
                    c.basis = Basis::Inferred;
                }
                c.corrected_by = by;
                c.recorded_at = chrono::DateTime::from_timestamp(at * 86_400, 0).unwrap();
                c
            },
        )
}

fn random_snapshot() -> impl Strategy<Value = Snapshot> {
    prop::collection::vec(random_claim(40), 0..40).prop_map(|claims| {
        let claims = claims
            .into_iter()
            .zip(1..)
            .map(|(mut c, id)| {
                c.id = id;
                c.source.id = id;
                c
            })
            .collect();
        snapshot(claims)
    })
}

fn random_today() -> impl Strategy<Value = NaiveDate> {
    (0..3000i64).prop_map(|days| pd("2018-01-01").first_day() + chrono::Days::new(days as u64))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_sweep_gives_the_timeline_of_the_day_by_day_replay(
        snapshot in random_snapshot(),
        today in random_today(),
    ) {
        prop_assert_eq!(
            timeline(&snapshot, &plan(), today),
            timeline_day_by_day(&snapshot, today)
        );
    }

    #[test]
    fn the_sweep_gives_each_strip_of_the_day_by_day_replay(
        snapshot in random_snapshot(),
        today in random_today(),
    ) {
        for code in [DepartmentCode::LaPaz, DepartmentCode::Oruro, DepartmentCode::Pando] {
            prop_assert_eq!(
                strip(&snapshot, code, &plan(), today),
                strip_day_by_day(&snapshot, code, today)
            );
        }
    }
}
