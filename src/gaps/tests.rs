//! Table-driven tests of the gap rules, each checked on the day before, of and after its
//! threshold. Expected gaps are written as "kind since, kind since", with `since` at the
//! precision the rule gives it, e.g. "due-soon 2024-08-31" or "missing 2023-05".

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::requirement::Bilingual;
use crate::{Department, Quality, Snapshot, Source};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn pd(text: &str) -> PartialDate {
    PartialDate::parse(text).unwrap()
}

fn at(date: NaiveDate, h: u32, m: u32, s: u32) -> DateTime<Utc> {
    date.and_hms_opt(h, m, s).unwrap().and_utc()
}

fn slug(text: &str) -> RequirementSlug {
    RequirementSlug::parse(text).unwrap()
}

/// A verified, stated claim about 2024-01-15 from a source published that day, with no other
/// dates and unknown quality: it raises no gap until it goes stale, so each case adds only
/// what its rule needs.
pub(crate) fn claim(status: Status) -> Claim {
    Claim {
        id: 1,
        department: DepartmentCode::LaPaz,
        requirement: slug("action-plan"),
        status,
        basis: Basis::Stated,
        event_date: pd("2024-01-15"),
        status_since: None,
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
            author: "Defensoría del Pueblo".to_owned(),
            outlet: None,
            title: "Informe".to_owned(),
            url: "https://example.org/informe".to_owned(),
            published: pd("2024-01-15"),
            attribution: None,
        },
        locator: None,
        quote: None,
        recorded_at: at(ymd(2024, 1, 20), 12, 0, 0),
        recorded_by: None,
        corrected_by: None,
        corrects: None,
        correction_reason: None,
        note_hidden: None,
    }
}

/// Changes to the default claim, one field each.
trait With: Sized {
    fn due(self, date: &str) -> Self;
    fn until(self, date: &str) -> Self;
    fn since(self, date: &str) -> Self;
    /// The moment the claim is about and its source's publication, both.
    fn about(self, date: &str) -> Self;
    /// Only the moment the claim is about.
    fn event(self, date: &str) -> Self;
    fn published(self, date: &str) -> Self;
    fn reported(self) -> Self;
    fn inferred(self) -> Self;
    fn by(self, author: &str) -> Self;
    fn id(self, id: i64) -> Self;
    fn rated(self, financing: TriState, published: TriState) -> Self;
}

impl With for Claim {
    fn due(self, date: &str) -> Self {
        Claim {
            due_date: Some(day(date)),
            ..self
        }
    }
    fn until(self, date: &str) -> Self {
        Claim {
            valid_until: Some(pd(date)),
            ..self
        }
    }
    fn since(self, date: &str) -> Self {
        Claim {
            status_since: Some(pd(date)),
            ..self
        }
    }
    fn about(mut self, date: &str) -> Self {
        self.event_date = pd(date);
        self.source.published = pd(date);
        self
    }
    fn event(mut self, date: &str) -> Self {
        self.event_date = pd(date);
        self
    }
    fn published(mut self, date: &str) -> Self {
        self.source.published = pd(date);
        self
    }
    fn reported(self) -> Self {
        Claim {
            evidence_level: EvidenceLevel::Reported,
            ..self
        }
    }
    fn inferred(self) -> Self {
        Claim {
            basis: Basis::Inferred,
            ..self
        }
    }
    fn by(mut self, author: &str) -> Self {
        self.source.author = author.to_owned();
        self
    }
    fn id(self, id: i64) -> Self {
        Claim { id, ..self }
    }
    fn rated(mut self, financing: TriState, published: TriState) -> Self {
        (self.quality.financing, self.quality.published) = (financing, published);
        self
    }
}

fn requirement(slug_text: &str, has_quality_criteria: bool, position: i32) -> Requirement {
    Requirement {
        slug: slug(slug_text),
        name: Bilingual::default(),
        legal_basis: Bilingual::default(),
        legal_basis_verified: false,
        legal_basis_sources: Vec::new(),
        has_quality_criteria,
        in_force_needs_date: has_quality_criteria,
        status_labels: Vec::new(),
        position,
    }
}

fn record(claims: Vec<Claim>) -> ComplianceRecord {
    ComplianceRecord::new(DepartmentCode::LaPaz, slug("action-plan"), claims)
}

struct Case {
    name: &'static str,
    today: &'static str,
    claims: Vec<Claim>,
    has_quality_criteria: bool,
    expected: &'static str,
}

fn case(name: &'static str, today: &'static str, claim: Claim, expected: &'static str) -> Case {
    history(name, today, vec![claim], expected)
}

/// A case with several claims, given with distinct ids in the order they were recorded.
fn history(
    name: &'static str,
    today: &'static str,
    claims: Vec<Claim>,
    expected: &'static str,
) -> Case {
    let claims = claims
        .into_iter()
        .enumerate()
        .map(|(i, c)| c.id(i as i64 + 1))
        .collect();
    Case {
        name,
        today,
        claims,
        has_quality_criteria: true,
        expected,
    }
}

fn run(cases: Vec<Case>) {
    for c in cases {
        let req = requirement("action-plan", c.has_quality_criteria, 1);
        let gaps = gaps_for(&record(c.claims), &req, day(c.today));
        let mut actual: Vec<_> = gaps.iter().map(|g| (g.kind, g.since)).collect();
        actual.sort_by_key(|(kind, _)| *kind);
        let mut expected: Vec<(GapKind, Option<PartialDate>)> = (c.expected.split(','))
            .filter(|item| !item.trim().is_empty())
            .map(|item| {
                let (kind, since) = item.trim().split_once(' ').expect("kind and date");
                (kind.parse().expect("known kind"), Some(pd(since)))
            })
            .collect();
        expected.sort_by_key(|(kind, _)| *kind);
        assert_eq!(actual, expected, "case {:?} on {}", c.name, c.today);
        for g in &gaps {
            assert_eq!(
                g.severity,
                g.kind.severity(),
                "case {:?}: {:?}",
                c.name,
                g.kind
            );
        }
    }
}

const NO: TriState = TriState::No;
const YES: TriState = TriState::Yes;
const UNKNOWN: TriState = TriState::Unknown;

#[test]
fn status_rules() {
    use Status::*;
    #[rustfmt::skip]
    let cases = vec![
        case("missing, since the moment described", "2024-03-01", claim(Missing), "missing 2024-01-15"),
        case("missing, own date",   "2024-03-01", claim(Missing).since("2023-05"), "missing 2023-05"),
        case("missing, a year",     "2024-03-01", claim(Missing).event("2020"), "missing 2020"),
        case("unknown status",      "2024-03-01", claim(Unknown), "status-unknown 2024-01-15"),
        case("unknown, own date",   "2024-03-01", claim(Unknown).since("2022"), "status-unknown 2022"),
        case("verified in force",   "2024-03-01", claim(InForce), ""),
        case("being drafted is not compliance", "2024-03-01", claim(InPreparation), "not-in-force 2024-01-15"),
    ];
    run(cases);
}

#[test]
fn due_date_rules() {
    use Status::*;
    let pending = || claim(InPreparation).due("2024-09-30");
    #[rustfmt::skip]
    let cases = vec![
        case("due-31",             "2024-08-30", pending(), "not-in-force 2024-01-15"),
        case("due-30",             "2024-08-31", pending(), "not-in-force 2024-01-15, due-soon 2024-08-31"),
        case("due date itself",    "2024-09-30", pending(), "not-in-force 2024-01-15, due-soon 2024-08-31"),
        case("due+1",              "2024-10-01", pending(), "not-in-force 2024-01-15, overdue 2024-10-01"),
        case("long overdue",       "2025-01-01", pending(), "not-in-force 2024-01-15, overdue 2024-10-01"),
        case("in force, due soon", "2024-09-01", claim(InForce).due("2024-09-30"), ""),
        case("in force, past due", "2024-10-01", claim(InForce).due("2024-09-30"), ""),
        case("missing, due soon",  "2024-09-01", claim(Missing).due("2024-09-30"),
                                                 "missing 2024-01-15, due-soon 2024-08-31"),
        case("missing, overdue",   "2024-12-01", claim(Missing).due("2024-09-30"),
                                                 "missing 2024-01-15, overdue 2024-10-01"),
    ];
    run(cases);
}

/// Expired and expiring-soon, including validity given only as a year or a month.
#[test]
fn validity_rules() {
    use Status::*;
    let valid = || claim(InForce).until("2024-06-30");
    let year = || claim(InForce).until("2028").about("2028-06-01");
    let month = || claim(InForce).until("2024-02");
    #[rustfmt::skip]
    let cases = vec![
        case("declared, own date",        "2024-03-01", claim(Expired).since("2023-12-01"), "expired 2023-12-01"),
        case("declared, after validity",  "2024-03-01", claim(Expired).until("2023-06"), "expired 2023-07-01"),
        case("declared, no dates",        "2024-03-01", claim(Expired), "expired 2024-01-15"),
        case("last-61",                   "2024-04-30", valid(), ""),
        case("last-60",                   "2024-05-01", valid(), "expiring-soon 2024-05-01"),
        case("last valid day",            "2024-06-30", valid(), "expiring-soon 2024-05-01"),
        case("last+1",                    "2024-07-01", valid(), "expired 2024-07-01"),
        case("long expired",              "2024-12-01", valid(), "expired 2024-07-01"),
        case("drafting: no expiring",     "2024-06-01", claim(InPreparation).until("2024-06-30"),
                                                        "not-in-force 2024-01-15"),
        case("year: last-61",             "2028-10-31", year(), ""),
        case("year: last-60",             "2028-11-01", year(), "expiring-soon 2028-11-01"),
        case("year: 31 December",         "2028-12-31", year(), "expiring-soon 2028-11-01"),
        case("year: next 1 January",      "2029-01-01", year(), "expired 2029-01-01"),
        case("leap month: 29 February",   "2024-02-29", month(), "expiring-soon 2023-12-31"),
        case("leap month: 1 March",       "2024-03-01", month(), "expired 2024-03-01"),
    ];
    run(cases);
}

/// A lapsed instrument stays a critical gap while a new one is only being drafted with no
/// deadline, until a claim says an instrument is in force again.
#[test]
fn a_lapse_is_not_cured_by_drafting() {
    use Status::*;
    let lapsed = || {
        claim(InForce)
            .since("2019")
            .until("2023-06-30")
            .about("2020-03-01")
    };
    let drafting = || claim(InPreparation).about("2024-02-01");
    #[rustfmt::skip]
    let cases = vec![
        history("validity ended, then drafting", "2024-03-01", vec![lapsed(), drafting()],
                "expired 2023-07-01, not-in-force 2024-02-01"),
        history("drafting before the end: the day before", "2023-06-30",
                vec![lapsed(), claim(InPreparation).about("2023-05-01")],
                "not-in-force 2023-05-01"),
        history("drafting before the end: the day of", "2023-07-01",
                vec![lapsed(), claim(InPreparation).about("2023-05-01")],
                "expired 2023-07-01, not-in-force 2023-05-01"),
        history("declared expired, then drafting twice", "2024-03-01",
                vec![claim(Expired).since("2023-01").about("2023-02-01"), drafting(),
                     claim(InPreparation).about("2024-02-20")],
                "expired 2023-01, not-in-force 2024-02-01"),
        history("drafting with a deadline: overdue rules instead", "2024-03-01",
                vec![lapsed(), drafting().due("2024-12-31")],
                "not-in-force 2024-02-01"),
        history("in force again", "2024-03-01",
                vec![lapsed(), drafting(), claim(InForce).since("2024-02-15").about("2024-02-15")],
                ""),
    ];
    run(cases);
}

#[test]
fn quality_criteria_rules() {
    use Status::*;
    let mut other_criteria_no = claim(InForce).rated(YES, YES);
    let q = &mut other_criteria_no.quality;
    (q.responsible_institutions, q.timetable, q.indicators) = (NO, NO, NO);
    #[rustfmt::skip]
    let cases = vec![
        case("unfunded",             "2024-03-01", claim(InForce).rated(NO, YES), "unfunded 2024-01-15"),
        case("unpublished",          "2024-03-01", claim(InForce).rated(YES, NO), "unpublished 2024-01-15"),
        case("both, in preparation", "2024-03-01", claim(InPreparation).rated(NO, NO),
                                     "not-in-force 2024-01-15, unfunded 2024-01-15, unpublished 2024-01-15"),
        case("answered yes",         "2024-03-01", claim(InForce).rated(YES, YES), ""),
        case("unknown answers",      "2024-03-01", claim(InForce).rated(UNKNOWN, UNKNOWN), ""),
        case("other criteria no",    "2024-03-01", other_criteria_no, ""),
        case("missing",              "2024-03-01", claim(Missing).rated(NO, NO), "missing 2024-01-15"),
        case("status unknown",       "2024-03-01", claim(Unknown).rated(NO, NO), "status-unknown 2024-01-15"),
        Case { has_quality_criteria: false,
            ..case("no criteria for it", "2024-03-01", claim(InForce).rated(NO, NO), "") },
    ];
    run(cases);
}

#[test]
fn unverified_rules() {
    use Status::*;
    let valid = || claim(InForce).reported().until("2024-06-30");
    #[rustfmt::skip]
    let cases = vec![
        case("reported in force",         "2024-03-01", claim(InForce).reported(), "unverified 2024-01-15"),
        case("since approval",            "2024-03-01", claim(InForce).reported().since("2023-11-20"),
                                                        "unverified 2023-11-20"),
        case("reported in preparation",   "2024-03-01", claim(InPreparation).reported(), "not-in-force 2024-01-15"),
        case("reported, expiring",        "2024-06-01", valid(), "expiring-soon 2024-05-01, unverified 2024-01-15"),
        case("reported, expired by date", "2024-07-01", valid(), "expired 2024-07-01"),
    ];
    run(cases);
}

#[test]
fn an_inference_is_a_notice_until_a_source_states_it() {
    use Status::*;
    #[rustfmt::skip]
    let cases = vec![
        case("inferred", "2024-03-01", claim(Unknown).inferred().event("2020-02"),
             "status-unknown 2020-02, inferred 2020-02"),
        history("inferred twice keeps its start", "2024-03-01",
                vec![claim(Unknown).inferred().event("2020-02"), claim(Unknown).inferred().event("2021")],
                "status-unknown 2020-02, inferred 2020-02"),
        history("a stated claim replaces it", "2024-03-01",
                vec![claim(Unknown).inferred().event("2020-02"), claim(Missing).event("2023-05-01")],
                "missing 2023-05-01"),
    ];
    run(cases);
}

/// Stale: the newest source about the record, whichever claim it backs, is over a year old.
#[test]
fn stale_rules() {
    use Status::*;
    let year = || claim(InForce).about("2023");
    #[rustfmt::skip]
    let cases = vec![
        case("12 months - 1 day",           "2025-01-14", claim(InForce), ""),
        case("12 months: last fresh day",   "2025-01-15", claim(InForce), ""),
        case("12 months + 1 day",           "2025-01-16", claim(InForce), "stale 2025-01-16"),
        case("year source: last fresh day", "2024-12-31", year(), ""),
        case("year source: stale",          "2025-01-01", year(), "stale 2025-01-01"),
        case("stale and missing",           "2026-01-01", claim(Missing), "missing 2024-01-15, stale 2025-01-16"),
        // The current claim is about 2024 but comes from a 2020 report; a 2024 article about
        // an earlier moment is the newest source, so the record is fresh.
        history("newest source is not the current claim's", "2024-06-01",
                vec![claim(InForce).about("2020-01-01").published("2024-05-01").by("B"),
                     claim(InForce).about("2020-06-01").published("2020-06-01")],
                ""),
    ];
    run(cases);
}

#[test]
fn no_claims_is_one_unknown_status_without_a_date() {
    let gaps = gaps_for(
        &record(Vec::new()),
        &requirement("action-plan", true, 1),
        ymd(2024, 3, 1),
    );
    assert_eq!(gaps.len(), 1, "{gaps:?}");
    let g = &gaps[0];
    assert_eq!(
        (g.kind, g.severity, g.since),
        (GapKind::StatusUnknown, Severity::Warning, None)
    );
    assert_eq!(
        (g.department, g.requirement.as_str()),
        (DepartmentCode::LaPaz, "action-plan")
    );
    assert_eq!(
        (g.claim_id, g.due_date, g.valid_until, g.newest_source),
        (None, None, None, None)
    );
}

#[test]
fn gaps_carry_the_facts_their_explanation_cites() {
    let c = claim(Status::Missing)
        .due("2024-09-30")
        .until("2024-02")
        .id(7);
    let gaps = gaps_for(
        &record(vec![c]),
        &requirement("action-plan", true, 1),
        ymd(2024, 3, 1),
    );
    assert_eq!(gaps.len(), 1, "{gaps:?}");
    let g = &gaps[0];
    assert_eq!(g.claim_id, Some(7));
    assert_eq!(g.due_date, Some(ymd(2024, 9, 30)));
    assert_eq!(g.valid_until, Some(pd("2024-02")));
    assert_eq!(g.newest_source, Some(pd("2024-01-15")));
}

#[test]
fn severities_by_kind() {
    use Severity::{Critical as C, Notice as N, Warning as W};
    let expected = [C, C, C, W, W, W, W, W, W, N, N, N, N];
    for (kind, severity) in GapKind::ALL.into_iter().zip(expected) {
        assert_eq!(kind.severity(), severity, "{kind:?}");
    }
    assert!(Severity::Critical < Severity::Warning && Severity::Warning < Severity::Notice);
}

#[test]
fn current_is_the_claim_about_the_latest_moment() {
    use Status::*;
    assert!(record(Vec::new()).current().is_none());
    let current = |claims: Vec<Claim>| record(claims).current().map(|c| c.id);
    // Typed in after, but about an earlier moment: not current.
    let newer_event = claim(InForce).about("2023-03-01").id(1);
    let older_event = claim(Missing).about("2020-02-18").id(2);
    assert_eq!(current(vec![newer_event, older_event]), Some(1));
    // Same moment: the most recently published source wins, whatever the order typed.
    let later_source = claim(InForce)
        .about("2020-02-18")
        .published("2020-03")
        .id(3);
    let earlier_source = claim(Missing).about("2020-02-18").id(4);
    assert_eq!(
        current(vec![later_source.clone(), earlier_source.clone()]),
        Some(3)
    );
    // Same moment and source date: the last recorded wins.
    let mut recorded_later = earlier_source.clone().id(5);
    recorded_later.recorded_at = at(ymd(2024, 2, 1), 9, 0, 0);
    assert_eq!(
        current(vec![recorded_later, earlier_source.clone()]),
        Some(5)
    );
    // A corrected claim no longer counts.
    let mut corrected = claim(InForce).about("2021").id(6);
    corrected.corrected_by = Some(7);
    assert_eq!(current(vec![earlier_source, corrected]), Some(4));
}

#[test]
fn sources_disagree_only_about_the_same_moment() {
    use Status::*;
    let a = |id, status, date: &str| claim(status).about(date).by("A").id(id);
    let b = |id, status, date: &str| claim(status).about(date).by("B").id(id);
    #[rustfmt::skip]
    let cases: Vec<(&str, Vec<Claim>, Vec<i64>)> = vec![
        ("one claim",                        vec![a(1, Missing, "2020")], vec![]),
        ("one author changes over time",     vec![a(1, Missing, "2020"), a(2, InForce, "2021-05-01")], vec![]),
        ("two authors, overlapping moments", vec![a(1, Missing, "2020"), b(2, InPreparation, "2020-02-18")], vec![2, 1]),
        ("two authors, different moments",   vec![a(1, Missing, "2020-01"), b(2, InPreparation, "2020-02-18")], vec![]),
        ("two authors agree",                vec![a(1, Missing, "2020"), b(2, Missing, "2020-02-18")], vec![]),
        ("an author's latest word counts",   vec![a(1, InPreparation, "2020-02-01"), a(2, Missing, "2020-02-10"),
                                                  b(3, Missing, "2020-02-18")], vec![]),
    ];
    let plan = requirement("action-plan", true, 1);
    for (name, claims, expected) in cases {
        let r = record(claims);
        let ids: Vec<i64> = r.disagreement().iter().map(|c| c.id).collect();
        assert_eq!(ids, expected, "{name}");
        let gap = gaps_for(&r, &plan, ymd(2020, 6, 1))
            .into_iter()
            .find(|g| g.kind == GapKind::SourcesDisagree);
        assert_eq!(
            gap.is_some(),
            !expected.is_empty(),
            "{name}: the gap follows the rule"
        );
    }
}

fn department(code: DepartmentCode) -> Department {
    Department {
        code,
        name: code.to_string(),
        capital: String::new(),
        area_km2: 1,
        census: None,
    }
}

#[test]
fn snapshot_gaps_are_most_severe_first() {
    use DepartmentCode::{LaPaz, Oruro};
    use GapKind::*;
    let at_dept = |code, c: Claim| Claim {
        department: code,
        ..c
    };
    let shelter = |c: Claim| Claim {
        requirement: slug("shelter"),
        ..c
    };
    // Listed out of order, and the department order disagrees with the requirement order among
    // warnings, so only severity, then department, then requirement can give the expected order.
    let snapshot = Snapshot {
        departments: vec![department(Oruro), department(LaPaz)],
        requirements: vec![
            requirement("shelter", false, 2),
            requirement("action-plan", true, 1),
        ],
        claims: vec![
            at_dept(LaPaz, claim(Status::InForce).reported().rated(NO, UNKNOWN)),
            at_dept(Oruro, shelter(claim(Status::Missing))),
            at_dept(Oruro, claim(Status::Unknown)),
        ]
        .into(),
        ..Snapshot::default()
    };
    let order: Vec<_> = snapshot
        .gaps(ymd(2024, 3, 1))
        .into_iter()
        .map(|g| (g.department, g.requirement.to_string(), g.kind))
        .collect();
    let expected = [
        (Oruro, "shelter", Missing),
        (LaPaz, "action-plan", Unfunded),
        (LaPaz, "shelter", StatusUnknown),
        (Oruro, "action-plan", StatusUnknown),
        (LaPaz, "action-plan", Unverified),
    ];
    let expected: Vec<_> = expected
        .into_iter()
        .map(|(d, r, k)| (d, r.to_owned(), k))
        .collect();
    assert_eq!(order, expected);
}

/// As of D: claims about moments up to D whose source was out by D, whenever Vigía recorded
/// them; history and replies by the end of D in La Paz; figures published by D.
#[test]
fn snapshot_as_of_shows_what_could_be_known_that_day() {
    use crate::history::{HistoryAction, HistoryEntry};
    let c = |id, event: &str, published: &str| Claim {
        id,
        ..claim(Status::InForce).about(event).published(published)
    };
    let entry = |id, at: DateTime<Utc>| HistoryEntry {
        id,
        at,
        actor: None,
        action: HistoryAction::ClaimRecorded,
        subject: format!("claim:{id}"),
        department: None,
        requirement: None,
        reason: String::new(),
        hidden: None,
        suggestion: None,
    };
    let figure = |published: &str| crate::national::NationalFigure {
        kind: "tip-tier".into(),
        period: "2023".into(),
        value: Some("tier-2".into()),
        source: Some(claim(Status::Unknown).published(published).source),
    };
    let snapshot = Snapshot {
        claims: vec![
            c(1, "2020-02-18", "2020-02-18"),
            c(2, "2020", "2020-03-10"),
            c(3, "2023", "2023-06"),
            c(4, "2020-02-19", "2020-02-19"),
        ]
        .into(),
        // 21:00 in La Paz on 2020-02-18 is 01:00 UTC on the 19th: it belongs to the 18th.
        history: vec![
            entry(1, at(ymd(2020, 2, 19), 1, 0, 0)),
            entry(2, at(ymd(2020, 2, 19), 4, 0, 0)),
        ]
        .into(),
        national: vec![figure("2023-06")],
        ..Snapshot::default()
    };
    let ids = |date| {
        snapshot
            .as_of(date)
            .claims
            .iter()
            .map(|c| c.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(ymd(2020, 2, 17)), Vec::<i64>::new());
    assert_eq!(ids(ymd(2020, 2, 18)), vec![1]);
    assert_eq!(ids(ymd(2020, 2, 19)), vec![1, 4]);
    assert_eq!(ids(ymd(2020, 3, 10)), vec![1, 2, 4]);
    assert_eq!(
        ids(ymd(2023, 6, 29)),
        vec![1, 2, 4],
        "a June report counts once June is over"
    );
    assert_eq!(ids(ymd(2023, 6, 30)), vec![1, 2, 3, 4]);
    let history = |date| {
        snapshot
            .as_of(date)
            .history
            .iter()
            .map(|e| e.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(history(ymd(2020, 2, 17)), Vec::<i64>::new());
    assert_eq!(history(ymd(2020, 2, 18)), vec![1]);
    assert_eq!(history(ymd(2020, 2, 19)), vec![1, 2]);
    assert!(snapshot.as_of(ymd(2023, 6, 29)).national.is_empty());
    assert_eq!(snapshot.as_of(ymd(2023, 6, 30)).national.len(), 1);
}

#[test]
fn slugs_round_trip_through_from_str_and_serde() {
    fn check<T>(all: &[T], slugs: &[&str], slug: fn(T) -> &'static str)
    where
        T: Copy + std::fmt::Debug + PartialEq + FromStr + Serialize + serde::de::DeserializeOwned,
        T::Err: std::fmt::Debug,
    {
        assert_eq!(all.iter().map(|v| slug(*v)).collect::<Vec<_>>(), slugs);
        for &v in all {
            let s = slug(v);
            assert_eq!(s.parse::<T>().ok(), Some(v), "parse {s}");
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(json, format!("\"{s}\""), "serialize {v:?}");
            assert_eq!(
                serde_json::from_str::<T>(&json).unwrap(),
                v,
                "deserialize {json}"
            );
        }
        assert!("nonsense".parse::<T>().is_err());
        assert!(serde_json::from_str::<T>("\"nonsense\"").is_err());
    }
    let kinds = [
        "missing overdue expired due-soon expiring-soon not-in-force",
        "status-unknown unfunded unpublished unverified inferred sources-disagree stale",
    ]
    .join(" ");
    check(
        &GapKind::ALL,
        &kinds.split(' ').collect::<Vec<_>>(),
        GapKind::slug,
    );
    check(
        &Severity::ALL,
        &["critical", "warning", "notice"],
        Severity::slug,
    );
    check(
        &Status::ALL,
        &[
            "missing",
            "in-preparation",
            "in-force",
            "expired",
            "unknown",
        ],
        Status::slug,
    );
    check(&Basis::ALL, &["stated", "inferred"], Basis::slug);
    check(
        &crate::EvidenceKind::ALL,
        &["primary", "report"],
        crate::EvidenceKind::slug,
    );
}

#[test]
fn a_repeated_finding_keeps_the_gap_start_of_the_first_claim() {
    let requirement = requirement("action-plan", true, 1);
    let first = claim(Status::InForce).reported().about("2020-02-18").id(1);
    let second = claim(Status::InForce).reported().about("2023").id(2);
    let r = record(vec![first.clone(), second.clone()]);
    let unverified = gaps_for(&r, &requirement, ymd(2023, 6, 1))
        .into_iter()
        .find(|g| g.kind == GapKind::Unverified)
        .expect("still unverified");
    assert_eq!(
        unverified.since,
        Some(pd("2020-02-18")),
        "the run started with the first claim"
    );

    let verified_between = record(vec![
        first,
        claim(Status::InForce).about("2021-01-01").id(3),
        second,
    ]);
    let unverified = gaps_for(&verified_between, &requirement, ymd(2023, 6, 1))
        .into_iter()
        .find(|g| g.kind == GapKind::Unverified)
        .expect("unverified again");
    assert_eq!(
        unverified.since,
        Some(pd("2023")),
        "a verified claim broke the run"
    );
}

mod as_of_texts;
mod disagreeing_ends;
