//! A claim write leaves the snapshot of the version before plus what it added, read from the
//! new rows only; it must equal the snapshot loaded whole, corrections included.

use std::sync::Arc;

use crate::helpers::{clock, TestApp, TEST_TODAY};
use vigia::new_claim::ClaimDraft;
use vigia::ports::{ComplianceReader, ComplianceWriter};
use vigia::{DepartmentCode, RequirementSlug};

fn draft(step: usize) -> ClaimDraft {
    ClaimDraft {
        department: "BO-N".into(),
        requirement: "action-plan".into(),
        status: "in-preparation".into(),
        basis: "stated".into(),
        event_date: format!("2025-0{}", step + 1),
        evidence_level: "reported".into(),
        note: format!("Paso {step} del borrador del plan."),
        source_author: "Gobernación de Pando".into(),
        source_title: format!("Informe {step}"),
        source_url: format!("https://example.org/informe-{step}"),
        source_published: format!("2025-0{}-15", step + 1),
        ..ClaimDraft::default()
    }
}

#[tokio::test]
async fn a_snapshot_extended_by_claim_writes_equals_one_loaded_whole() {
    let app = TestApp::spawn().await;
    app.add_user("o@example.org", "officer", &["BO-N"]).await;
    let officer = app.user_id("o@example.org").await;
    let open = || vigia_server::open_store(&app.settings, Arc::new(clock()));
    let store = open().await.unwrap();
    let plan = RequirementSlug::parse("action-plan").unwrap();
    let today = TEST_TODAY.parse().unwrap();
    for step in 0..4 {
        let before = store.snapshot().await.unwrap();
        let latest = before
            .current(DepartmentCode::Pando, &plan)
            .map(|c| c.id)
            .unwrap();
        let mut typed = draft(step);
        if step == 3 {
            typed.corrects = latest.to_string();
            typed.correction_reason = "La fecha era otra.".into();
        }
        let claim = typed.validate(&before.requirements, 0, today).unwrap();
        store
            .record_claim(officer, claim, latest, Vec::new(), Vec::new(), None)
            .await
            .unwrap();
        let extended = store.snapshot().await.unwrap();
        let whole = open().await.unwrap().snapshot().await.unwrap();
        assert_eq!(*extended, *whole, "after write {step}");
    }
    assert_eq!(
        store.snapshots_extended(),
        4,
        "none loaded whole after a claim"
    );
}

/// A write reads the record it changes only when this instance does not hold it at the
/// version the write began at: a store that just loaded the snapshot takes it from there; one
/// whose snapshot another instance's write made stale reads it.
#[tokio::test]
async fn a_write_reads_its_record_whole_only_without_the_snapshot_of_its_version() {
    let app = TestApp::spawn().await;
    app.add_user("o@example.org", "officer", &["BO-N"]).await;
    let officer = app.user_id("o@example.org").await;
    let plan = RequirementSlug::parse("action-plan").unwrap();
    let today = TEST_TODAY.parse().unwrap();
    let open = || vigia_server::open_store(&app.settings, Arc::new(clock()));
    let stale = open().await.unwrap();
    stale.snapshot().await.unwrap();
    for (step, store) in [(0, &open().await.unwrap()), (1, &stale)] {
        let reference = open().await.unwrap().snapshot().await.unwrap();
        let latest = reference
            .current(DepartmentCode::Pando, &plan)
            .map(|c| c.id)
            .unwrap();
        let claim = draft(step)
            .validate(&reference.requirements, 0, today)
            .unwrap();
        store
            .record_claim(officer, claim, latest, Vec::new(), Vec::new(), None)
            .await
            .unwrap();
        assert_eq!(store.records_read_whole(), step as u64, "write {step}");
    }
}
