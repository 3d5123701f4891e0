//! A view of a past day shows no text that quotes a later source: a legal basis citing one
//! is left out until every source it cites is out, and a census count until its year ends.

use super::*;
use crate::Census;

fn cited(published: &str) -> crate::Source {
    claim(Status::Unknown).published(published).source
}

fn snapshot() -> Snapshot {
    let mut plan = requirement("action-plan", true, 1);
    plan.legal_basis = Bilingual {
        es: "Según la FIIAPP (2018) e InSight Crime (2020)".into(),
        en: "According to FIIAPP (2018) and InSight Crime (2020)".into(),
    };
    plan.legal_basis_sources = vec![cited("2018-03-23"), cited("2020")];
    let mut la_paz = department(DepartmentCode::LaPaz);
    la_paz.census = Some(Census {
        population: 3_022_566,
        year: 2024,
        source: "INE".into(),
    });
    Snapshot {
        departments: vec![la_paz],
        requirements: vec![plan],
        ..Snapshot::default()
    }
}

#[test]
fn a_legal_basis_appears_once_every_source_it_cites_is_out() {
    let basis = |date| {
        let past = snapshot().as_of(date);
        let plan = &past.requirements[0];
        (
            plan.legal_basis.es.is_empty(),
            plan.legal_basis_sources.len(),
        )
    };
    assert_eq!(
        basis(ymd(2019, 12, 31)),
        (true, 0),
        "InSight Crime's is from 2020"
    );
    assert_eq!(
        basis(ymd(2020, 12, 30)),
        (true, 0),
        "2020 counts once it is over"
    );
    assert_eq!(basis(ymd(2020, 12, 31)), (false, 2));
    // The requirement itself stays: only its dated text goes.
    assert_eq!(snapshot().as_of(ymd(2010, 1, 1)).requirements.len(), 1);
}

#[test]
fn a_census_count_appears_once_its_year_is_over() {
    let population = |date| {
        snapshot().as_of(date).departments[0]
            .census
            .as_ref()
            .map(|c| c.population)
    };
    assert_eq!(population(ymd(2024, 12, 30)), None);
    assert_eq!(population(ymd(2024, 12, 31)), Some(3_022_566));
    assert_eq!(
        snapshot().departments[0].census.as_ref().map(|c| c.year),
        Some(2024)
    );
}

/// A claim dated "2020" from a 2020 article became knowable in 2020, not on a day of it: the
/// period a chart draws is the one its dates give, and the as-of rule still waits for its end.
#[test]
fn a_claim_is_knowable_in_the_period_its_dates_give() {
    let cases = [
        ("2020", "2020", "2020"),
        ("2017", "2018-03-23", "2018-03-23"),
        ("2025-04", "2025-04-30", "2025-04-30"),
        ("2020-02-18", "2020-02", "2020-02"),
        // About a moment after its source came out: knowable as that moment comes.
        ("2025", "2024-09-24", "2025"),
    ];
    for (event, published, expected) in cases {
        let c = claim(Status::Missing).about(event).published(published);
        let period = c.knowable_in();
        assert_eq!(period.to_string(), expected, "{event} / {published}");
        let before = period.first_day().pred_opt().unwrap();
        assert!(!c.knowable_on(before), "{event} / {published}: not before");
        assert!(
            c.knowable_on(period.last_day()),
            "{event} / {published}: by the end"
        );
    }
}

/// A claim recorded in the period its source is dated to was knowable from that day: whoever
/// recorded it had read the source. Before that day the period alone decides.
#[test]
fn a_source_dated_to_a_period_is_out_by_the_day_a_claim_cites_it() {
    let recorded = |at: &str| chrono::DateTime::parse_from_rfc3339(at).unwrap().to_utc();
    let cited_in_its_year = Claim {
        recorded_at: recorded("2026-11-20T15:00:00Z"),
        ..claim(Status::Missing).event("2025-03").published("2026")
    };
    assert_eq!(cited_in_its_year.knowable_from(), ymd(2026, 11, 20));
    assert!(!cited_in_its_year.knowable_on(ymd(2026, 11, 19)));
    // Recorded after its year: the year's end, as before.
    let cited_later = Claim {
        recorded_at: recorded("2027-02-01T15:00:00Z"),
        ..cited_in_its_year.clone()
    };
    assert_eq!(cited_later.knowable_from(), ymd(2026, 12, 31));
    // Recorded before the period it is dated to (a date is wrong): its end, as before.
    let cited_early = Claim {
        recorded_at: recorded("2025-12-01T15:00:00Z"),
        ..cited_in_its_year.clone()
    };
    assert_eq!(cited_early.knowable_from(), ymd(2026, 12, 31));
    // La Paz's day: 02:00 UTC on the 21st is still the 20th there.
    let late_evening = Claim {
        recorded_at: recorded("2026-11-21T02:00:00Z"),
        ..cited_in_its_year
    };
    assert_eq!(late_evening.knowable_from(), ymd(2026, 11, 20));
}
