//! Properties of the domain's drafts: whatever anyone types, a draft is either accepted, and
//! what was accepted reads back the same, or refused with a problem beside a field. Never a
//! panic.

use proptest::prelude::*;

use chrono::NaiveDate;
use vigia::drafts::{AccountDraft, ReplyDraft, SuggestionDraft};
use vigia::import::drafts;
use vigia::new_claim::ClaimDraft;
use vigia::requirement::{Bilingual, Requirement};
use vigia::{text, PartialDate, RequirementSlug};

fn requirements() -> Vec<Requirement> {
    ["action-plan", "shelter"]
        .into_iter()
        .map(|slug| Requirement {
            slug: RequirementSlug::parse(slug).unwrap(),
            name: Bilingual::default(),
            legal_basis: Bilingual::default(),
            legal_basis_verified: false,
            legal_basis_sources: Vec::new(),
            has_quality_criteria: slug == "action-plan",
            in_force_needs_date: slug == "action-plan",
            status_labels: Vec::new(),
            position: 1,
        })
        .collect()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

/// Text as people (and attackers) type it: any characters, sometimes long.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![".{0,40}", "[ -~]{0,20}", any::<String>(), "\\PC{0,5000}",]
}

/// Dates as typed: valid ones, almost-valid ones and nonsense.
fn typed_date() -> impl Strategy<Value = String> {
    prop_oneof![
        (1800i32..2300, 0u32..14, 0u32..33).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        (1800i32..2300, 0u32..14).prop_map(|(y, m)| format!("{y}-{m:02}")),
        (-5i32..100_000).prop_map(|y| y.to_string()),
        "[0-9-]{0,12}",
        Just(String::new()),
    ]
}

fn choice(options: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(options).prop_map(str::to_owned),
        typed(),
    ]
}

prop_compose! {
    fn claim_draft()(
        department in choice(&["BO-L", "BO-N", "BO-X", ""]),
        requirement in choice(&["action-plan", "shelter", "school"]),
        status in choice(&["missing", "in-preparation", "in-force", "expired", "unknown"]),
        basis in choice(&["stated", "inferred", ""]),
        event_date in typed_date(),
        status_since in typed_date(),
        due_date in typed_date(),
        valid_until in typed_date(),
        evidence_level in choice(&["reported", "verified"]),
        evidence_primary in typed(),
        note in typed(),
        source_author in typed(),
        source_title in typed(),
        source_url in prop_oneof![Just("https://example.org/x".to_owned()), typed()],
        source_published in typed_date(),
        source_quote in typed(),
    ) -> ClaimDraft {
        ClaimDraft {
            department, requirement, status, basis, event_date, status_since, due_date,
            valid_until, evidence_level, evidence_primary, note, source_author, source_title,
            source_url, source_published, source_quote, ..ClaimDraft::default()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_claim_draft_is_accepted_within_its_limits_or_refused_beside_a_field(draft in claim_draft()) {
        match draft.validate(&requirements(), 0, today()) {
            Ok(claim) => {
                let typed_note = draft.note.replace("\r\n", "\n");
                prop_assert_eq!(claim.note.as_str(), typed_note.trim());
                prop_assert!(claim.note.chars().count() <= text::NOTE.max_chars);
                prop_assert!(claim.event_date.first_day() <= today());
                prop_assert_eq!(PartialDate::parse(&claim.event_date.to_string()).unwrap(), claim.event_date);
                prop_assert!(claim.quote.iter().all(|q| q.chars().count() <= 300));
                prop_assert!(!claim.source.author.chars().any(|c| c.is_control()));
            }
            Err(errors) => prop_assert!(!errors.is_empty()),
        }
    }

    #[test]
    fn partial_dates_read_back_as_written(input in typed_date()) {
        if let Ok(date) = PartialDate::parse(&input) {
            prop_assert_eq!(PartialDate::parse(&date.to_string()).unwrap(), date);
            prop_assert!(text::clean(&date.to_string(), text::DATE).is_ok());
        }
    }

    #[test]
    fn cleaning_text_is_idempotent_and_bounded(input in typed()) {
        if let Ok(clean) = text::clean(&input, text::TITLE) {
            prop_assert_eq!(text::clean(&clean, text::TITLE), Ok(clean.clone()));
            prop_assert!(clean.chars().count() <= text::TITLE.max_chars);
        }
    }

    #[test]
    fn the_smaller_drafts_never_panic(body in typed(), url in typed(), email in typed(), name in typed()) {
        let _ = ReplyDraft { body: body.clone(), evidence_url: url.clone() }.validate();
        let _ = SuggestionDraft { body, source_url: url, ..SuggestionDraft::default() }.validate(&[]);
        let _ = AccountDraft { email, display_name: name, role: "officer".into(), departments: vec!["BO-L".into()] }.validate();
    }

    #[test]
    fn any_table_becomes_drafts_that_validate_or_refuse(
        header in proptest::collection::vec(choice(&["department_code", "requirement", "status", "note", "event_date", "source_date"]), 0..8),
        rows in proptest::collection::vec(proptest::collection::vec(typed(), 0..8), 0..5),
    ) {
        if let Ok(drafts) = drafts(&header, &rows) {
            prop_assert_eq!(drafts.len(), rows.len());
            for draft in drafts {
                let _ = draft.validate(&requirements(), 0, today());
            }
        }
    }
}
