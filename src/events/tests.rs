use super::*;
use crate::gaps::gaps_for;
use crate::requirement::{Bilingual, Requirement};
use crate::{Basis, Claim, EvidenceLevel, PartialDate, Quality, Source};
use chrono::TimeZone;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn pd(text: &str) -> PartialDate {
    PartialDate::parse(text).unwrap()
}

fn plan() -> Requirement {
    Requirement {
        slug: RequirementSlug::parse("action-plan").unwrap(),
        name: Bilingual::default(),
        legal_basis: Bilingual::default(),
        legal_basis_verified: false,
        legal_basis_sources: Vec::new(),
        has_quality_criteria: true,
        in_force_needs_date: true,
        status_labels: Vec::new(),
        position: 1,
    }
}

fn claim(id: i64, status: Status, event: &str) -> Claim {
    Claim {
        id,
        department: DepartmentCode::Pando,
        requirement: plan().slug,
        status,
        basis: Basis::Stated,
        event_date: pd(event),
        status_since: Some(pd(event)),
        due_date: None,
        valid_from: None,
        valid_until: None,
        approving_instrument: None,
        evidence: Vec::new(),
        documents: Vec::new(),
        evidence_level: EvidenceLevel::Verified,
        quality: Quality::default(),
        note_es: String::new(),
        note_en: String::new(),
        source: Source {
            id: 1,
            author: "Gobernación".into(),
            outlet: None,
            title: "t".into(),
            url: "https://example.org".into(),
            published: pd(event),
            attribution: None,
        },
        locator: None,
        quote: None,
        recorded_at: chrono::Utc.with_ymd_and_hms(2024, 6, 1, 12, 0, 0).unwrap(),
        recorded_by: None,
        corrected_by: None,
        corrects: None,
        correction_reason: None,
        note_hidden: None,
    }
}

fn record(claims: Vec<Claim>) -> ComplianceRecord {
    ComplianceRecord::new(DepartmentCode::Pando, plan().slug, claims)
}

fn open(gaps: &[Gap]) -> Vec<OpenGap> {
    gaps.iter()
        .map(|g| OpenGap {
            kind: g.kind,
            severity: g.severity,
        })
        .collect()
}

#[test]
fn a_record_without_the_claims_just_added_is_the_record_before_them() {
    let first = claim(1, Status::Missing, "2024-01");
    let second = claim(2, Status::InPreparation, "2024-03");
    let before = record(vec![first.clone(), second.clone()]);
    // Claim 3 corrects claim 2; claim 4 is a new status.
    let mut corrected = second.clone();
    corrected.corrected_by = Some(3);
    let after = record(vec![
        first.clone(),
        corrected,
        claim(3, Status::Missing, "2024-03"),
        claim(4, Status::InForce, "2024-05"),
    ]);
    assert_eq!(after.without(&[3, 4]), before);
    assert_eq!(
        after.without(&[3, 4]).current().map(|c| c.status),
        Some(Status::InPreparation)
    );
    assert_eq!(after.without(&[4]).current().map(|c| c.id), Some(3));
    assert_eq!(after.without(&[]), after);
}

#[test]
fn a_record_with_the_claims_just_added_is_the_record_read_after_them() {
    let first = claim(1, Status::Missing, "2024-01");
    let second = claim(2, Status::InPreparation, "2024-03");
    let before = record(vec![second.clone(), first.clone()]);
    let third = claim(3, Status::Missing, "2024-03");
    // Recorded after it, but about an earlier moment: it sorts before the others.
    let fourth = claim(4, Status::InForce, "2023-05");
    let mut corrected = second.clone();
    corrected.corrected_by = Some(3);
    let after = record(vec![first, corrected, third.clone(), fourth.clone()]);

    let rebuilt = before.with(vec![fourth, third], &[(2, 3)]);
    assert_eq!(rebuilt, after);
    assert_eq!(rebuilt.claims.first().map(|c| c.id), Some(4));
    assert_eq!(rebuilt.without(&[3, 4]), before);
    assert_eq!(before.with(Vec::new(), &[]), before);
}

#[test]
fn differences_are_what_opened_and_what_closed_by_kind() {
    let today = day("2024-06-01");
    let missing = record(vec![claim(1, Status::Missing, "2024-05-01")]);
    let in_force = record(vec![
        claim(1, Status::Missing, "2024-05-01"),
        claim(2, Status::InForce, "2024-05-20"),
    ]);
    let before = gaps_for(&missing, &plan(), today);
    let after = gaps_for(&in_force, &plan(), today);
    let (opened, closed) = gap_differences(&open(&before), &after);
    assert!(opened.is_empty(), "{opened:?}");
    assert_eq!(
        closed.iter().map(|o| o.kind).collect::<Vec<_>>(),
        [GapKind::Missing]
    );
    let (opened, closed) = gap_differences(&open(&before), &before);
    assert!(
        opened.is_empty() && closed.is_empty(),
        "nothing changed, nothing to say"
    );
    let (opened, _) = gap_differences(&[], &before);
    assert_eq!(opened.len(), before.len());
}

#[test]
fn what_is_recorded_open_after_a_change_is_what_was_open_less_what_closed_plus_what_opened() {
    let today = day("2024-06-01");
    let missing = record(vec![claim(1, Status::Missing, "2024-05-01")]);
    let preparing = record(vec![
        claim(1, Status::Missing, "2024-05-01"),
        claim(2, Status::InPreparation, "2024-05-20"),
    ]);
    let recorded = open(&gaps_for(&missing, &plan(), today));
    let now = gaps_for(&preparing, &plan(), today);
    let (opened, closed) = gap_differences(&recorded, &now);
    let mut expected: Vec<OpenGap> = recorded
        .iter()
        .filter(|o| !closed.contains(o))
        .cloned()
        .chain(open(&opened))
        .collect();
    let mut after = recorded_open_after(&recorded, &now);
    expected.sort_by_key(|o| o.kind);
    after.sort_by_key(|o| o.kind);
    assert_eq!(after, expected);
    assert!(
        !opened.is_empty() || !closed.is_empty(),
        "the change moved some gap"
    );

    // A gap open before and after keeps the severity it was recorded with.
    let mut milder = recorded.clone();
    for o in &mut milder {
        o.severity = Severity::Notice;
    }
    let kept = recorded_open_after(&milder, &gaps_for(&missing, &plan(), today));
    assert!(
        kept.iter().all(|o| o.severity == Severity::Notice),
        "{kept:?}"
    );
    assert!(!kept.is_empty() && kept.len() == milder.len(), "{kept:?}");
}

#[test]
fn a_new_claim_gives_a_status_change_and_its_gap_events() {
    let today = day("2024-06-01");
    let before = record(vec![claim(1, Status::Missing, "2024-05-01")]);
    let after = record(vec![
        claim(1, Status::Missing, "2024-05-01"),
        claim(2, Status::InPreparation, "2024-05-20"),
    ]);
    let recorded_open = open(&gaps_for(&before, &plan(), today));
    let events = record_events(
        &before,
        &after,
        &recorded_open,
        &gaps_for(&after, &plan(), today),
    );
    let kinds: Vec<(EventKind, Option<GapKind>)> =
        events.iter().map(|e| (e.kind, e.gap_kind)).collect();
    assert_eq!(
        kinds,
        [
            (EventKind::StatusChanged, None),
            (EventKind::GapOpened, Some(GapKind::NotInForce)),
            (EventKind::GapClosed, Some(GapKind::Missing)),
        ]
    );
    assert_eq!(events[0].status_before, Some(Status::Missing));
    assert_eq!(events[0].status_after, Some(Status::InPreparation));
    assert_eq!(events[0].claim_id, Some(2));
}

/// Each threshold on the day before, of and after, and a scheduler that missed days.
#[test]
fn deadlines_fire_at_the_tightest_threshold_reached() {
    let mut pending = claim(1, Status::InPreparation, "2024-05-01");
    pending.due_date = Some(day("2024-09-30"));
    let r = record(vec![pending]);
    let at = |today: &str| {
        approaching_deadline(&r, day(today))
            .map(|e| (e.threshold_days.unwrap(), e.dedupe_key.unwrap()))
    };
    let key = |t: u32| format!("deadline:BO-N:action-plan:due:{t}:2024-09-30");
    assert_eq!(at("2024-08-30"), None, "31 days before");
    assert_eq!(at("2024-08-31"), Some((30, key(30))), "30 days before");
    assert_eq!(
        at("2024-09-22"),
        Some((30, key(30))),
        "the same key until the next threshold"
    );
    assert_eq!(at("2024-09-23"), Some((7, key(7))));
    assert_eq!(at("2024-09-28"), Some((7, key(7))));
    assert_eq!(at("2024-09-29"), Some((1, key(1))));
    assert_eq!(at("2024-09-30"), Some((1, key(1))), "the day itself");
    assert_eq!(at("2024-10-01"), None, "passed: the overdue gap speaks now");
    // A clock jumping from 31 days before to 2 days before raises the 7-day threshold only.
    assert_eq!(at("2024-09-28").map(|(t, _)| t), Some(7));
}

#[test]
fn the_end_of_a_validity_counts_down_while_in_force() {
    let mut valid = claim(1, Status::InForce, "2024-01-10");
    valid.valid_until = Some(pd("2024-12"));
    let r = record(vec![valid]);
    let event = approaching_deadline(&r, day("2024-12-01")).unwrap();
    assert_eq!(event.deadline, Some(DeadlineKind::ValidityEnd));
    assert_eq!(event.refers_to, Some(day("2024-12-31")));
    assert_eq!(event.threshold_days, Some(30));
    assert_eq!(
        upcoming_deadline(&r, day("2024-12-31")),
        Some((DeadlineKind::ValidityEnd, day("2024-12-31")))
    );
    assert_eq!(upcoming_deadline(&r, day("2025-01-01")), None);
}

#[test]
fn kinds_round_trip() {
    for kind in EventKind::ALL {
        assert_eq!(kind.slug().parse::<EventKind>(), Ok(kind));
        assert_eq!(
            serde_json::to_string(&kind).unwrap(),
            format!("\"{}\"", kind.slug())
        );
    }
}
