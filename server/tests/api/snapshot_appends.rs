//! A claim write leaves the snapshot of the version before plus what it added, read from the
//! new rows only; it must equal the snapshot loaded whole, corrections included. So do the
//! writes of another process that only appended, known by the data version alone.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::helpers::{clock, TestApp, TEST_TODAY};
use vigia::access::Role;
use vigia::drafts::{NewAccount, SuggestionText};
use vigia::new_claim::ClaimDraft;
use vigia::ports::{AccountWriter, ComplianceReader, ComplianceWriter, HideTarget};
use vigia::{DepartmentCode, RequirementSlug};
use vigia_store::Store;

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

/// Waits until `store` (watching the data version) has seen `version`, as a server sees
/// another's writes.
async fn seen(store: &Store, version: u64) {
    let started = Instant::now();
    while store.data_version() < version {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "version {version} not seen"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Another process's writes that only appended (an account, its password, a suggestion, a
/// claim) extend the snapshot held here, equal to one loaded whole; one that rewrote a row
/// the snapshot holds (a claim's note hidden) has it loaded whole.
#[tokio::test]
async fn another_process_s_appending_writes_extend_the_snapshot_and_a_rewrite_reloads_it() {
    let app = TestApp::spawn().await;
    let open = || vigia_server::open_store(&app.settings, Arc::new(clock()));
    let here = Arc::new(open().await.unwrap());
    here.watch_version();
    here.snapshot().await.unwrap();
    let other = open().await.unwrap();
    let account = NewAccount {
        email: "o@example.org".into(),
        display_name: "Oficial de Pando".into(),
        role: Role::Officer,
        departments: vec![DepartmentCode::Pando],
    };
    let (officer, token) = other.add_account(None, account).await.unwrap();
    other
        .redeem_sign_in_link(&token, "not a real hash".into())
        .await
        .unwrap();
    let suggestion = SuggestionText {
        requirement: None,
        body: "El plan de Pando fue aprobado.".into(),
        source_url: None,
        organisation: None,
        contact: None,
        private: false,
    };
    other
        .add_suggestion(DepartmentCode::Pando, suggestion)
        .await
        .unwrap();
    let plan = RequirementSlug::parse("action-plan").unwrap();
    let before = other.snapshot().await.unwrap();
    let latest = before
        .current(DepartmentCode::Pando, &plan)
        .map(|c| c.id)
        .unwrap();
    let claim = draft(0)
        .validate(&before.requirements, 0, TEST_TODAY.parse().unwrap())
        .unwrap();
    let recorded = other
        .record_claim(officer, claim, latest, Vec::new(), Vec::new(), None)
        .await
        .unwrap();
    seen(&here, other.data_version()).await;
    let extended = here.snapshot().await.unwrap();
    let whole = open().await.unwrap().snapshot().await.unwrap();
    assert_eq!(*extended, *whole, "appended by another process");
    assert!(extended.history.len() > before.history.len());
    assert_eq!(here.snapshots_extended(), 1, "extended, not loaded whole");

    // The admin hides the claim's note: a row the snapshot holds changes.
    let (admin, _) = other
        .add_account(
            None,
            NewAccount {
                email: "a@example.org".into(),
                display_name: "Administración".into(),
                role: Role::Admin,
                departments: Vec::new(),
            },
        )
        .await
        .unwrap();
    other
        .hide_text(
            admin,
            HideTarget::ClaimNote(recorded),
            "Datos personales.".into(),
        )
        .await
        .unwrap();
    seen(&here, other.data_version()).await;
    let reloaded = here.snapshot().await.unwrap();
    let whole = open().await.unwrap().snapshot().await.unwrap();
    assert_eq!(*reloaded, *whole, "rewritten by another process");
    assert_ne!(*reloaded, *extended, "the note is hidden");
    assert_eq!(here.snapshots_extended(), 1, "loaded whole after a rewrite");

    // A write that does not count itself (a binary from before the count) is a rewrite.
    let pool = app.database().await;
    let mut tx = pool.begin().await.unwrap();
    sqlx::query("UPDATE sources SET title = 'Informe corregido' WHERE id = (SELECT source_id FROM claims WHERE id = $1)")
        .bind(recorded)
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query("UPDATE data_version SET n = n + 1 WHERE id = 1")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    seen(&here, here.data_version() + 1).await;
    let reloaded = here.snapshot().await.unwrap();
    let claim = reloaded.claims.iter().find(|c| c.id == recorded).unwrap();
    assert_eq!(claim.source.title, "Informe corregido");
    assert_eq!(here.snapshots_extended(), 1, "loaded whole");
}
