use super::*;
use crate::requirement::Bilingual;

fn requirements() -> Vec<Requirement> {
    vec![Requirement {
        slug: RequirementSlug::parse("action-plan").unwrap(),
        name: Bilingual::default(),
        legal_basis: Bilingual::default(),
        legal_basis_verified: false,
        has_quality_criteria: true,
        status_labels: Vec::new(),
        position: 1,
    }]
}

/// La Paz's plan recorded as in force and verified: valid as it stands.
fn good_draft() -> ClaimDraft {
    ClaimDraft {
        department: "BO-L".into(),
        requirement: "action-plan".into(),
        status: "in-force".into(),
        status_since: "2024-05-02".into(),
        valid_from: "2024".into(),
        valid_until: "2028".into(),
        approving_instrument: "Resolución 123/2024".into(),
        evidence_level: "verified".into(),
        evidence_links:
            "Resolución | https://example.org/res-123.pdf\nhttps://example.org/plan.pdf".into(),
        quality_financing: "no".into(),
        note: "Approved by resolution 123/2024; document checked.".into(),
        source_author: "Gobernación de La Paz".into(),
        source_title: "Resolución 123/2024".into(),
        source_url: "https://example.org/res-123.pdf".into(),
        source_date: "2024-05-02".into(),
        ..ClaimDraft::default()
    }
}

fn problems(draft: ClaimDraft) -> Vec<(&'static str, Problem)> {
    match draft.validate(&requirements(), 0) {
        Ok(claim) => panic!("expected problems, got {claim:?}"),
        Err(errors) => errors.into_iter().map(|e| (e.field, e.problem)).collect(),
    }
}

#[test]
fn a_complete_draft_becomes_a_claim() {
    let claim = good_draft().validate(&requirements(), 0).expect("valid");
    assert_eq!(claim.department, DepartmentCode::LaPaz);
    assert_eq!(claim.status, Status::InForce);
    assert_eq!(
        claim.valid_until.unwrap().last_day(),
        NaiveDate::from_ymd_opt(2028, 12, 31).unwrap()
    );
    assert_eq!(claim.evidence.len(), 2);
    assert_eq!(claim.evidence[0].label, "Resolución");
    assert_eq!(claim.evidence[1].url, "https://example.org/plan.pdf");
    assert_eq!(claim.quality.financing, TriState::No);
    assert_eq!(claim.quality.published, TriState::Unknown);
    assert_eq!(claim.source_publisher, None);
}

#[test]
fn each_rule_names_its_field() {
    type Change = fn(&mut ClaimDraft);
    type Expected = &'static [(&'static str, Problem)];
    let cases: [(&str, Change, Expected); 11] = [
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
            "validity ends before it starts",
            |d| {
                d.valid_from = "2024-06".into();
                d.valid_until = "2024-05-31".into()
            },
            &[("valid_until", Problem::EndBeforeStart)],
        ),
        (
            "in force without a date",
            |d| d.status_since = " ".into(),
            &[("status_since", Problem::InForceWithoutDate)],
        ),
        (
            "verified without evidence",
            |d| d.evidence_links = String::new(),
            &[("evidence_links", Problem::VerifiedWithoutEvidence)],
        ),
        (
            "evidence that is not a web link",
            |d| d.evidence_links = "file:///etc/passwd".into(),
            &[
                ("evidence_links", Problem::InvalidUrl),
                ("evidence_links", Problem::VerifiedWithoutEvidence),
            ],
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
            &[("due_date", Problem::InvalidDate)],
        ),
        (
            "bad quality answer",
            |d| d.quality_published = "maybe".into(),
            &[("quality_published", Problem::InvalidChoice)],
        ),
    ];
    for (name, change, expected) in cases {
        let mut draft = good_draft();
        change(&mut draft);
        assert_eq!(problems(draft), expected.to_vec(), "{name}");
    }
}

#[test]
fn validity_may_end_the_day_it_starts_and_years_cover_their_whole_span() {
    let mut draft = good_draft();
    draft.valid_from = "2024-05-02".into();
    draft.valid_until = "2024-05-02".into();
    assert!(draft.validate(&requirements(), 0).is_ok());
    draft.valid_from = "2024-12-31".into();
    draft.valid_until = "2024".into();
    assert!(
        draft.validate(&requirements(), 0).is_ok(),
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
        "note",
        "source_author",
        "source_title",
        "source_url",
        "source_date",
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
        evidence_links: String::new(),
        valid_from: String::new(),
        valid_until: String::new(),
        ..good_draft()
    };
    assert_eq!(
        draft.validate(&requirements(), 0).unwrap().status,
        Status::Missing
    );
}

#[test]
fn an_attached_document_is_evidence_enough_for_verified() {
    let mut draft = good_draft();
    draft.evidence_links = String::new();
    assert!(draft.validate(&requirements(), 0).is_err());
    assert!(draft.validate(&requirements(), 1).is_ok());
}
