//! Sources that give different ends to the same validity (Tarija's plan: "2023 – 2028" in
//! one article, "concluirá en 2025" in a later one): the record says they disagree, and the
//! gap rules follow the newest claim's end.

use super::*;

/// In force from 2023 to 2028, as an article of 23 March 2023 says.
fn to_2028() -> Claim {
    claim(Status::InForce)
        .about("2023-03-23")
        .since("2023-03-22")
        .until("2028")
        .by("El País")
        .reported()
        .valid_from("2023")
}

/// In force, ending in 2025, as an article of 24 September 2024 says; no start given.
fn to_2025() -> Claim {
    claim(Status::InForce)
        .about("2024-09-24")
        .until("2025")
        .by("El Andaluz")
        .reported()
}

trait ValidFrom: Sized {
    fn valid_from(self, date: &str) -> Self;
}

impl ValidFrom for Claim {
    fn valid_from(self, date: &str) -> Self {
        Claim {
            valid_from: Some(pd(date)),
            ..self
        }
    }
}

fn ids(claims: Vec<Claim>) -> Vec<i64> {
    let claims = claims
        .into_iter()
        .enumerate()
        .map(|(i, c)| c.id(i as i64 + 1))
        .collect();
    record(claims).disagreement().iter().map(|c| c.id).collect()
}

#[test]
fn different_ends_of_overlapping_validities_disagree() {
    use Status::*;
    #[rustfmt::skip]
    let cases: Vec<(&str, Vec<Claim>, Vec<i64>)> = vec![
        ("2028, then 2025",               vec![to_2028(), to_2025()], vec![2, 1]),
        ("the same end at another precision",
                                          vec![to_2028(), to_2025().until("2028-12-31")], vec![]),
        ("one source gives no end",       vec![to_2028(), claim(InForce).about("2024-09-24").by("B")], vec![]),
        ("validities that do not overlap: a plan after another",
                                          vec![claim(InForce).about("2017").valid_from("2014").until("2017").by("FIIAPP"),
                                               to_2028()], vec![]),
        ("one author revising its own end",
                                          vec![to_2028(), to_2025().by("El País")], vec![]),
        ("an end before the other validity starts",
                                          vec![claim(InForce).about("2021-05").valid_from("2021").until("2022").by("B"),
                                               to_2028()], vec![]),
    ];
    for (name, claims, expected) in cases {
        assert_eq!(ids(claims), expected, "{name}");
    }
}

/// The newest claim's end raises the gaps; the disagreement stays a notice beside them.
#[test]
fn the_newest_claims_end_drives_the_gap_rules() {
    #[rustfmt::skip]
    let cases = vec![
        history("the day before the 2025 end's warning", "2025-10-31", vec![to_2028(), to_2025()],
                "sources-disagree 2024-09-24, unverified 2023-03-22, stale 2025-09-25"),
        history("60 days before the end of 2025", "2025-11-01", vec![to_2028(), to_2025()],
                "sources-disagree 2024-09-24, unverified 2023-03-22, expiring-soon 2025-11-01, stale 2025-09-25"),
        history("the last day of 2025", "2025-12-31", vec![to_2028(), to_2025()],
                "sources-disagree 2024-09-24, unverified 2023-03-22, expiring-soon 2025-11-01, stale 2025-09-25"),
        history("the first day of 2026", "2026-01-01", vec![to_2028(), to_2025()],
                "sources-disagree 2024-09-24, expired 2026-01-01, stale 2025-09-25"),
        history("the older source alone: in force to 2028", "2026-01-01", vec![to_2028()],
                "unverified 2023-03-22, stale 2024-03-24"),
    ];
    run(cases);
}

/// What the map and the figures show follows the same end: in force through 2025, expired
/// (by Vigía's inference, not the source's words) from its first day after.
#[test]
fn a_claim_reads_as_expired_the_day_after_the_end_it_gives() {
    let ending = to_2025();
    assert_eq!(ending.status_on(day("2025-12-31")), Status::InForce);
    assert!(!ending.inferred_on(day("2025-12-31")));
    assert_eq!(ending.status_on(day("2026-01-01")), Status::Expired);
    assert!(ending.inferred_on(day("2026-01-01")));
    let drafting = claim(Status::InPreparation).until("2025");
    assert_eq!(
        drafting.status_on(day("2026-01-01")),
        Status::InPreparation,
        "only an instrument in force lapses"
    );
}
