use super::*;
use crate::requirement::Bilingual;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

fn requirement(slug: &str, in_force_needs_date: bool) -> Requirement {
    Requirement {
        slug: RequirementSlug::parse(slug).unwrap(),
        name: Bilingual::default(),
        legal_basis: Bilingual::default(),
        legal_basis_verified: false,
        legal_basis_sources: Vec::new(),
        has_quality_criteria: in_force_needs_date,
        in_force_needs_date,
        status_labels: Vec::new(),
        position: 1,
    }
}

fn requirements() -> Vec<Requirement> {
    vec![
        requirement("action-plan", true),
        requirement("shelter", false),
    ]
}

/// La Paz's plan recorded as in force and verified: valid as it stands.
fn good_draft() -> ClaimDraft {
    ClaimDraft {
        department: "BO-L".into(),
        requirement: "action-plan".into(),
        status: "in-force".into(),
        event_date: "2024-05-02".into(),
        status_since: "2024-05-02".into(),
        valid_from: "2024".into(),
        valid_until: "2028".into(),
        approving_instrument: "Resolución 123/2024".into(),
        evidence_level: "verified".into(),
        evidence_primary: "Resolución | https://example.org/res-123.pdf".into(),
        evidence_links: "https://example.org/news.html".into(),
        quality_financing: "no".into(),
        note: "Approved by resolution 123/2024; document checked.".into(),
        source_author: "Gobernación de La Paz".into(),
        source_title: "Resolución 123/2024".into(),
        source_url: "https://example.org/res-123.pdf".into(),
        source_published: "2024-05-02".into(),
        ..ClaimDraft::default()
    }
}

fn problems(draft: ClaimDraft) -> Vec<(&'static str, Problem)> {
    match draft.validate(&requirements(), 0, today()) {
        Ok(claim) => panic!("expected problems, got {claim:?}"),
        Err(errors) => errors.into_iter().map(|e| (e.field, e.problem)).collect(),
    }
}

#[test]
fn a_complete_draft_becomes_a_claim() {
    let claim = good_draft()
        .validate(&requirements(), 0, today())
        .expect("valid");
    assert_eq!(claim.department, DepartmentCode::LaPaz);
    assert_eq!(claim.status, Status::InForce);
    assert_eq!(claim.basis, Basis::Stated, "stated unless said otherwise");
    assert_eq!(
        claim.valid_until.unwrap().last_day(),
        NaiveDate::from_ymd_opt(2028, 12, 31).unwrap()
    );
    assert_eq!(claim.evidence.len(), 2);
    assert_eq!(claim.evidence[0].label, "Resolución");
    assert_eq!(claim.evidence[0].kind, EvidenceKind::Primary);
    assert_eq!(claim.evidence[1].url, "https://example.org/news.html");
    assert_eq!(claim.evidence[1].kind, EvidenceKind::Report);
    assert_eq!(claim.quality.financing, TriState::No);
    assert_eq!(claim.quality.published, TriState::Unknown);
    assert_eq!(claim.source.outlet, None);
    assert_eq!(claim.source.attribution, None);
}

#[test]
fn each_rule_names_its_field() {
    type Change = fn(&mut ClaimDraft);
    type Expected = &'static [(&'static str, Problem)];
    let cases: [(&str, Change, Expected); 19] = [
        (
            "unknown department",
            |d| d.department = "BO-X".into(),
            &[("department", Problem::UnknownDepartment)],
        ),
        (
            "unknown requirement",
            |d| d.requirement = "school".into(),
            &[("requirement", Problem::UnknownRequirement)],
        ),
        (
            "unknown status",
            |d| d.status = "done".into(),
            &[("status", Problem::UnknownStatus)],
        ),
        (
            "unknown basis",
            |d| d.basis = "guessed".into(),
            &[("basis", Problem::InvalidChoice)],
        ),
        (
            "validity ends before it starts",
            |d| {
                d.valid_from = "2024-06".into();
                d.valid_until = "2024-05-31".into()
            },
            &[("valid_until", Problem::EndBeforeStart)],
        ),
        (
            "in force without a start or an end",
            |d| {
                d.status_since = " ".into();
                d.valid_until = String::new();
            },
            &[("status_since", Problem::InForceWithoutDate)],
        ),
        (
            "verified with only a report",
            |d| d.evidence_primary = String::new(),
            &[("evidence_primary", Problem::VerifiedWithoutEvidence)],
        ),
        (
            "evidence that is not a web link",
            |d| d.evidence_links = "file:///etc/passwd".into(),
            &[("evidence_links", Problem::InvalidUrl)],
        ),
        (
            "empty note",
            |d| d.note = "  ".into(),
            &[("note", Problem::Required)],
        ),
        (
            "bad source URL",
            |d| d.source_url = "javascript:alert(1)".into(),
            &[("source_url", Problem::InvalidUrl)],
        ),
        (
            "impossible date",
            |d| d.due_date = "2024-02-30".into(),
            &[("due_date", Problem::NoSuchDate)],
        ),
        (
            "due date not to the day",
            |d| d.due_date = "2024-02".into(),
            &[("due_date", Problem::InvalidDate)],
        ),
        (
            "a year nobody meant",
            |d| d.due_date = "99999-01-01".into(),
            &[("due_date", Problem::InvalidDate)],
        ),
        (
            "bad quality answer",
            |d| d.quality_published = "maybe".into(),
            &[("quality_published", Problem::InvalidChoice)],
        ),
        (
            "event date after today",
            |d| d.event_date = "2025-06-02".into(),
            &[("event_date", Problem::InFuture)],
        ),
        (
            "publication after today",
            |d| d.source_published = "2025-07".into(),
            &[("source_published", Problem::InFuture)],
        ),
        (
            "event after its publication",
            |d| d.event_date = "2024-05-03".into(),
            &[("event_date", Problem::EventAfterPublication)],
        ),
        (
            "a quotation longer than 300 characters",
            |d| d.source_quote = "a".repeat(301),
            &[("source_quote", Problem::TooLong(300))],
        ),
        (
            "a NUL in the author",
            |d| d.source_author = "Gober\0nación".into(),
            &[("source_author", Problem::ControlCharacter)],
        ),
    ];
    for (name, change, expected) in cases {
        let mut draft = good_draft();
        change(&mut draft);
        assert_eq!(problems(draft), expected.to_vec(), "{name}");
    }
}

#[test]
fn dates_on_the_day_before_of_and_after_today() {
    for (event, ok) in [
        ("2025-05-31", true),
        ("2025-06-01", true),
        ("2025-06-02", false),
    ] {
        let draft = ClaimDraft {
            event_date: event.into(),
            source_published: "2025-06-01".into(),
            ..good_draft()
        };
        assert_eq!(
            draft.validate(&requirements(), 0, today()).is_ok(),
            ok,
            "{event}"
        );
    }
    // A month or a year that has begun is not in the future.
    let draft = ClaimDraft {
        event_date: "2025".into(),
        source_published: "2025-06".into(),
        ..good_draft()
    };
    assert!(draft.validate(&requirements(), 0, today()).is_ok());
}

#[test]
fn an_event_dated_less_precisely_may_share_its_publication_period() {
    let draft = ClaimDraft {
        event_date: "2020".into(),
        source_published: "2020-02-18".into(),
        status_since: "2020".into(),
        ..good_draft()
    };
    assert!(draft.validate(&requirements(), 0, today()).is_ok());
}

#[test]
fn validity_may_end_the_day_it_starts_and_years_cover_their_whole_span() {
    let mut draft = good_draft();
    draft.valid_from = "2024-05-02".into();
    draft.valid_until = "2024-05-02".into();
    assert!(draft.validate(&requirements(), 0, today()).is_ok());
    draft.valid_from = "2024-12-31".into();
    draft.valid_until = "2024".into();
    assert!(
        draft.validate(&requirements(), 0, today()).is_ok(),
        "the year 2024 ends on 31 December"
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let found = problems(ClaimDraft::default());
    let fields: Vec<&str> = found.iter().map(|(field, _)| *field).collect();
    for field in [
        "department",
        "requirement",
        "status",
        "evidence_level",
        "event_date",
        "note",
        "source_author",
        "source_title",
        "source_url",
        "source_published",
    ] {
        assert!(fields.contains(&field), "{field} missing from {fields:?}");
    }
}

#[test]
fn a_missing_plan_needs_no_date_or_evidence() {
    let draft = ClaimDraft {
        status: "missing".into(),
        status_since: String::new(),
        evidence_level: "reported".into(),
        evidence_primary: String::new(),
        evidence_links: String::new(),
        valid_from: String::new(),
        valid_until: String::new(),
        ..good_draft()
    };
    let claim = draft.validate(&requirements(), 0, today()).unwrap();
    assert_eq!(claim.status, Status::Missing);
}

/// A source may give only when a plan's validity ends ("concluirá en 2025"): that is date
/// enough for the gap rules, and nobody has to invent when it took effect.
#[test]
fn a_plan_in_force_may_give_only_the_end_of_its_validity() {
    let draft = ClaimDraft {
        status_since: String::new(),
        valid_from: String::new(),
        valid_until: "2025".into(),
        ..good_draft()
    };
    let claim = draft.validate(&requirements(), 0, today()).unwrap();
    assert_eq!(claim.status_since, None);
    assert_eq!(claim.valid_until, Some(PartialDate::parse("2025").unwrap()));
}

#[test]
fn a_shelter_found_operating_needs_no_opening_date() {
    let draft = ClaimDraft {
        requirement: "shelter".into(),
        status_since: String::new(),
        ..good_draft()
    };
    assert!(draft.validate(&requirements(), 0, today()).is_ok());
}

#[test]
fn an_attached_document_is_evidence_enough_for_verified() {
    let mut draft = good_draft();
    draft.evidence_primary = String::new();
    assert!(draft.validate(&requirements(), 0, today()).is_err());
    assert!(draft.validate(&requirements(), 1, today()).is_ok());
}

#[test]
fn an_attribution_in_one_language_serves_both() {
    let draft = ClaimDraft {
        source_attribution_es: "el análisis de InSight Crime".into(),
        ..good_draft()
    };
    let claim = draft.validate(&requirements(), 0, today()).unwrap();
    let attribution = claim.source.attribution.unwrap();
    assert_eq!(attribution.en, "el análisis de InSight Crime");
}

#[test]
fn too_many_evidence_links_are_refused() {
    let draft = ClaimDraft {
        evidence_links: "https://example.org/a\n".repeat(21),
        ..good_draft()
    };
    assert_eq!(
        problems(draft),
        vec![("evidence_links", Problem::TooManyLinks)]
    );
}

#[test]
fn an_attached_pdf_stands_in_for_the_source_link_and_a_permalink_is_a_link() {
    let draft = ClaimDraft {
        source_url: " ".into(),
        ..good_draft()
    };
    assert_eq!(problems(draft.clone()), [("source_url", Problem::Required)]);
    let claim = draft.validate(&requirements(), 1, today()).unwrap();
    assert_eq!(
        claim.source.url, None,
        "the source is the attached document"
    );
    let cited = ClaimDraft {
        source_url: "/documents/7".into(),
        ..good_draft()
    };
    let claim = cited.validate(&requirements(), 0, today()).unwrap();
    assert_eq!(claim.source.url.as_deref(), Some("/documents/7"));
    let elsewhere = ClaimDraft {
        source_url: "/etc/passwd".into(),
        ..good_draft()
    };
    assert_eq!(problems(elsewhere), [("source_url", Problem::InvalidUrl)]);
}

#[test]
fn a_correction_names_its_claim_and_says_why() {
    let mut draft = good_draft();
    draft.corrects = "12".into();
    assert_eq!(
        problems(draft.clone()),
        [("correction_reason", Problem::Required)]
    );
    draft.correction_reason = "The approval date was 2 May, not 2 April.".into();
    let claim = draft.validate(&requirements(), 0, today()).unwrap();
    assert_eq!(claim.corrects.map(|c| c.claim), Some(12));
    draft.corrects = "twelve".into();
    assert_eq!(problems(draft), [("corrects", Problem::InvalidChoice)]);
}

#[test]
fn a_stored_document_may_be_evidence_by_its_permalink() {
    let mut draft = good_draft();
    draft.evidence_level = "verified".into();
    draft.evidence_primary = "Resolución | /documents/7".into();
    let claim = draft.validate(&requirements(), 0, today()).unwrap();
    assert_eq!(claim.evidence[0].url, "/documents/7");
    draft.evidence_primary = "/etc/passwd".into();
    assert_eq!(
        problems(draft),
        [
            ("evidence_primary", Problem::InvalidUrl),
            ("evidence_primary", Problem::VerifiedWithoutEvidence)
        ]
    );
}
