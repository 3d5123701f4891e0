//! Table-driven tests of the gap rules, each checked on the day before, of and after its threshold.
//! Expected gaps are written as "kind since, kind since", e.g. "due-soon 2024-08-31".

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::requirement::Bilingual;
use crate::{Department, PartialDate, Quality, Snapshot, Source};

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

/// A verified claim from a source dated 2024-01-15, with no dates and unknown quality: it
/// raises no gap until it goes stale, so each case adds only what its rule needs.
fn claim(status: Status) -> Claim {
    Claim {
        id: 1,
        department: DepartmentCode::LaPaz,
        requirement: slug("action-plan"),
        status,
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
            publisher: None,
            title: "Informe".to_owned(),
            url: "https://example.org/informe".to_owned(),
            date: pd("2024-01-15"),
        },
        recorded_at: at(ymd(2024, 1, 20), 12, 0, 0),
        recorded_by: None,
    }
}

/// Changes to the default claim, one field each.
trait With: Sized {
    fn due(self, date: &str) -> Self;
    fn until(self, date: &str) -> Self;
    fn since(self, date: &str) -> Self;
    fn source_date(self, date: &str) -> Self;
    fn reported(self) -> Self;
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
    fn source_date(mut self, date: &str) -> Self {
        self.source.date = pd(date);
        self
    }
    fn reported(self) -> Self {
        Claim {
            evidence_level: EvidenceLevel::Reported,
            ..self
        }
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
        has_quality_criteria,
        status_labels: Vec::new(),
        position,
    }
}

fn record(claims: Vec<Claim>) -> ComplianceRecord {
    ComplianceRecord {
        department: DepartmentCode::LaPaz,
        requirement: slug("action-plan"),
        claims,
    }
}

struct Case {
    name: &'static str,
    today: &'static str,
    claim: Claim,
    has_quality_criteria: bool,
    expected: &'static str,
}

fn case(name: &'static str, today: &'static str, claim: Claim, expected: &'static str) -> Case {
    Case {
        name,
        today,
        claim,
        has_quality_criteria: true,
        expected,
    }
}

fn run(cases: Vec<Case>) {
    for c in cases {
        let req = requirement("action-plan", c.has_quality_criteria, 1);
        let gaps = gaps_for(&record(vec![c.claim]), &req, day(c.today));
        let mut actual: Vec<_> = gaps.iter().map(|g| (g.kind, g.since)).collect();
        actual.sort();
        let mut expected: Vec<(GapKind, Option<NaiveDate>)> = (c.expected.split(','))
            .filter(|item| !item.trim().is_empty())
            .map(|item| {
                let (kind, since) = item.trim().split_once(' ').expect("kind and date");
                (kind.parse().expect("known kind"), Some(day(since)))
            })
            .collect();
        expected.sort();
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
        case("missing, since its source", "2024-03-01", claim(Missing), "missing 2024-01-15"),
        case("missing, own date",         "2024-03-01", claim(Missing).since("2023-05"), "missing 2023-05-01"),
        case("unknown status",            "2024-03-01", claim(Unknown), "status-unknown 2024-01-15"),
        case("unknown, own date",         "2024-03-01", claim(Unknown).since("2022"), "status-unknown 2022-01-01"),
        case("verified in force",         "2024-03-01", claim(InForce), ""),
        case("in preparation",            "2024-03-01", claim(InPreparation), ""),
    ];
    run(cases);
}

#[test]
fn due_date_rules() {
    use Status::*;
    let pending = || claim(InPreparation).due("2024-09-30");
    #[rustfmt::skip]
    let cases = vec![
        case("due-31",             "2024-08-30", pending(), ""),
        case("due-30",             "2024-08-31", pending(), "due-soon 2024-08-31"),
        case("due date itself",    "2024-09-30", pending(), "due-soon 2024-08-31"),
        case("due+1",              "2024-10-01", pending(), "overdue 2024-10-01"),
        case("long overdue",       "2025-01-01", pending(), "overdue 2024-10-01"),
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
    let year = || claim(InForce).until("2028").source_date("2028-06-01");
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
        case("not in force: no expiring", "2024-06-01", claim(InPreparation).until("2024-06-30"), ""),
        case("year: last-61",             "2028-10-31", year(), ""),
        case("year: last-60",             "2028-11-01", year(), "expiring-soon 2028-11-01"),
        case("year: 31 December",         "2028-12-31", year(), "expiring-soon 2028-11-01"),
        case("year: next 1 January",      "2029-01-01", year(), "expired 2029-01-01"),
        case("leap month: 29 February",   "2024-02-29", month(), "expiring-soon 2023-12-31"),
        case("leap month: 1 March",       "2024-03-01", month(), "expired 2024-03-01"),
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
                                                   "unfunded 2024-01-15, unpublished 2024-01-15"),
        case("answered yes",         "2024-03-01", claim(InForce).rated(YES, YES), ""),
        case("unknown answers",      "2024-03-01", claim(InForce).rated(UNKNOWN, UNKNOWN), ""),
        case("other criteria no",    "2024-03-01", other_criteria_no, ""),
        case("missing",              "2024-03-01", claim(Missing).rated(NO, NO), "missing 2024-01-15"),
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
        case("reported in preparation",   "2024-03-01", claim(InPreparation).reported(), ""),
        case("reported, expiring",        "2024-06-01", valid(), "expiring-soon 2024-05-01, unverified 2024-01-15"),
        case("reported, expired by date", "2024-07-01", valid(), "expired 2024-07-01"),
    ];
    run(cases);
}

#[test]
fn stale_rules() {
    use Status::*;
    let year = || claim(InForce).source_date("2023");
    #[rustfmt::skip]
    let cases = vec![
        case("12 months - 1 day",           "2025-01-14", claim(InForce), ""),
        case("12 months: last fresh day",   "2025-01-15", claim(InForce), ""),
        case("12 months + 1 day",           "2025-01-16", claim(InForce), "stale 2025-01-16"),
        case("year source: last fresh day", "2024-01-01", year(), ""),
        case("year source: stale",          "2024-01-02", year(), "stale 2024-01-02"),
        case("stale and missing",           "2026-01-01", claim(Missing), "missing 2024-01-15, stale 2025-01-16"),
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
        (&g.source_author, g.source_year, g.due_date, g.valid_until),
        (&None, None, None, None)
    );
}

#[test]
fn gaps_carry_the_facts_their_explanation_cites() {
    let c = claim(Status::Missing).due("2024-09-30").until("2024-02");
    let gaps = gaps_for(
        &record(vec![c]),
        &requirement("action-plan", true, 1),
        ymd(2024, 3, 1),
    );
    assert_eq!(gaps.len(), 1, "{gaps:?}");
    let g = &gaps[0];
    assert_eq!(g.source_author.as_deref(), Some("Defensoría del Pueblo"));
    assert_eq!(
        (g.source_year, g.due_date),
        (Some(2024), Some(ymd(2024, 9, 30)))
    );
    assert_eq!(g.valid_until, Some(ymd(2024, 2, 29)));
}

#[test]
fn severities_by_kind() {
    use Severity::{Critical as C, Notice as N, Warning as W};
    let expected = [C, C, C, W, W, W, W, W, N, N];
    for (kind, severity) in GapKind::ALL.into_iter().zip(expected) {
        assert_eq!(kind.severity(), severity, "{kind:?}");
    }
    assert!(Severity::Critical < Severity::Warning && Severity::Warning < Severity::Notice);
}

/// A claim from `author`, recorded at noon on `day` of March 2024.
fn sourced(id: i64, author: &str, status: Status, day: u32) -> Claim {
    let mut c = claim(status);
    (c.id, c.source.author, c.recorded_at) =
        (id, author.to_owned(), at(ymd(2024, 3, day), 12, 0, 0));
    c
}

#[test]
fn current_is_the_latest_claim() {
    assert!(record(Vec::new()).current().is_none());
    let r = record(vec![
        sourced(1, "A", Status::Missing, 1),
        sourced(2, "A", Status::InForce, 2),
    ]);
    assert_eq!(
        r.current().map(|c| (c.id, c.status)),
        Some((2, Status::InForce))
    );
}

#[test]
fn disagreement_shows_each_sources_latest_claim() {
    use Status::*;
    struct Case {
        name: &'static str,
        claims: Vec<Claim>,
        expected: Vec<i64>,
    }
    let (a, b) = (
        |id, s, d| sourced(id, "A", s, d),
        |id, s, d| sourced(id, "B", s, d),
    );
    #[rustfmt::skip]
    let cases = [
        Case { name: "one claim",              claims: vec![a(1, Missing, 1)],                   expected: vec![] },
        Case { name: "one source, new status", claims: vec![a(1, Missing, 1), a(2, InForce, 2)], expected: vec![] },
        Case { name: "two sources differ",     claims: vec![a(1, Missing, 1), b(2, InForce, 2)], expected: vec![1, 2] },
        Case { name: "latest claims agree",
               claims: vec![a(1, Missing, 1), b(2, InForce, 2), a(3, InForce, 3)], expected: vec![] },
        Case { name: "latest claims differ",
               claims: vec![a(1, InForce, 1), b(2, InForce, 2), a(3, Expired, 3)], expected: vec![2, 3] },
    ];
    for c in cases {
        let r = record(c.claims);
        let mut ids: Vec<i64> = r.disagreement().iter().map(|c| c.id).collect();
        ids.sort();
        assert_eq!(ids, c.expected, "case {:?}", c.name);
    }
}

fn department(code: DepartmentCode) -> Department {
    Department {
        code,
        name: code.to_string(),
        capital: String::new(),
        area_km2: 1,
        population: 1,
        population_year: 2024,
        population_source: String::new(),
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
        ],
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

#[test]
fn snapshot_as_of_drops_claims_recorded_later() {
    let recorded = |id, at: DateTime<Utc>| Claim {
        id,
        recorded_at: at,
        recorded_by: None,
        ..claim(Status::InForce)
    };
    let day = ymd(2024, 3, 10);
    let last_instant = at(day, 23, 59, 59) + chrono::Duration::milliseconds(999);
    let snapshot = Snapshot {
        claims: vec![
            recorded(1, at(day, 0, 0, 0)),
            recorded(2, last_instant),
            recorded(3, at(ymd(2024, 3, 11), 0, 0, 0)),
            recorded(4, at(ymd(2024, 4, 1), 9, 0, 0)),
        ],
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
    assert_eq!(ids(ymd(2024, 3, 9)), Vec::<i64>::new());
    assert_eq!(ids(day), vec![1, 2]);
    assert_eq!(ids(ymd(2024, 3, 11)), vec![1, 2, 3]);
    assert_eq!(ids(ymd(2024, 4, 1)), vec![1, 2, 3, 4]);
    assert_eq!(snapshot.as_of(day).requirements, snapshot.requirements);
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
        "missing overdue expired due-soon expiring-soon",
        "status-unknown unfunded unpublished unverified stale",
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
}

#[test]
fn a_repeated_finding_keeps_the_gap_start_of_the_first_claim() {
    let requirement = requirement("action-plan", true, 1);
    let first = claim(Status::InForce).reported().source_date("2020-02-18");
    let second = claim(Status::InForce).reported().source_date("2023");
    let record = ComplianceRecord {
        department: DepartmentCode::LaPaz,
        requirement: requirement.slug.clone(),
        claims: vec![first.clone(), second.clone()],
    };
    let unverified = gaps_for(&record, &requirement, ymd(2023, 6, 1))
        .into_iter()
        .find(|g| g.kind == GapKind::Unverified)
        .expect("still unverified");
    assert_eq!(
        unverified.since,
        Some(ymd(2020, 2, 18)),
        "the run started with the first claim"
    );

    let verified_between = ComplianceRecord {
        claims: vec![
            first,
            claim(Status::InForce).source_date("2021-01-01"),
            second,
        ],
        ..record
    };
    let unverified = gaps_for(&verified_between, &requirement, ymd(2023, 6, 1))
        .into_iter()
        .find(|g| g.kind == GapKind::Unverified)
        .expect("unverified again");
    assert_eq!(
        unverified.since,
        Some(ymd(2023, 1, 1)),
        "a verified claim broke the run"
    );
}
