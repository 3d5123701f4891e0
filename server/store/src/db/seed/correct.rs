//! Bringing a database seeded from an earlier revision of the cited seed up to date. The
//! history is append-only: each claim the seed changed since that revision is appended, its
//! note saying what it corrects and why, and the seeded claims it replaces are marked as
//! corrected by it. Officers' claims, and seeded claims the seed still stands by, are left
//! as they are.

use chrono::{DateTime, Utc};

use super::plan::{SeedFile, SeededClaim};
use super::{
    append_claim, cite_requirement_sources, insert_requirements, insert_sources, replace_figures,
};
use crate::db::claims::record_correction;
use crate::db::{DbError, Tx};

/// A seeded claim the database holds that nothing has corrected yet, with its source's page.
#[derive(sqlx::FromRow)]
struct Held {
    id: i64,
    department: String,
    requirement: String,
    url: String,
    title: String,
}

impl Held {
    fn same_record(&self, seeded: &SeededClaim) -> bool {
        seeded.claim.department.as_str() == self.department
            && seeded.claim.requirement.as_str() == self.requirement
    }

    fn same_page(&self, seeded: &SeededClaim) -> bool {
        seeded.claim.source.url.as_deref() == Some(self.url.as_str())
            || seeded.claim.source.title == self.title
    }
}

/// Corrects a database that holds revision `held` of the seed; `claims` are the current
/// revision's, checked.
pub(super) async fn correct(
    tx: &mut Tx<'_>,
    seed: &SeedFile,
    claims: &[SeededClaim],
    held: i64,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    insert_requirements(tx, seed).await?;
    let sources = insert_sources(tx, seed).await?;
    cite_requirement_sources(tx, seed, &sources).await?;
    let old: Vec<Held> = sqlx::query_as(
        "SELECT c.id, c.department, c.requirement, s.url, s.title FROM claims c \
         JOIN sources s ON s.id = c.source_id WHERE c.recorded_by IS NULL \
         AND c.id NOT IN (SELECT corrected_claim_id FROM claim_corrections) ORDER BY c.id",
    )
    .fetch_all(&mut **tx)
    .await?;
    let mut appended: Vec<(&SeededClaim, i64)> = Vec::new();
    for seeded in claims.iter().filter(|c| c.revised > held) {
        let mut claim = seeded.claim.clone();
        let mut note_en = seeded.note_en.clone();
        let replaces_something = old.iter().any(|h| h.same_record(seeded));
        if let (Some(why), true) = (seeded.corrections.get(&held), replaces_something) {
            claim.note = format!("{} {}", why.es, claim.note);
            note_en = format!("{} {note_en}", why.en);
        }
        let id = append_claim(tx, &claim, &note_en, &seeded.source_key, &sources, now).await?;
        appended.push((seeded, id));
    }
    for held_claim in &old {
        if let Some(by) = corrected_by(held_claim, claims, &appended) {
            record_correction(tx, held_claim.id, by, None).await?;
        }
    }
    // Figures are the seed's own table, not history: they are replaced, and the sources that
    // only they cited (or only an earlier revision of the seed) go with them.
    replace_figures(tx, seed, &sources).await?;
    sqlx::query(
        "DELETE FROM sources WHERE id NOT IN (SELECT source_id FROM claims) \
         AND id NOT IN (SELECT source_id FROM national_figures WHERE source_id IS NOT NULL) \
         AND id NOT IN (SELECT source_id FROM requirement_sources)",
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The appended claim that corrects a held one: the one of its record citing the same page;
/// else, when the seed no longer cites that page for the record at all (its source was
/// replaced), the record's latest appended claim. `None` when the seed still stands by it.
fn corrected_by(
    held: &Held,
    seed: &[SeededClaim],
    appended: &[(&SeededClaim, i64)],
) -> Option<i64> {
    let record: Vec<&(&SeededClaim, i64)> = appended
        .iter()
        .filter(|(s, _)| held.same_record(s))
        .collect();
    if let Some((_, id)) = record.iter().find(|(s, _)| held.same_page(s)) {
        return Some(*id);
    }
    let still_cited = seed
        .iter()
        .any(|s| held.same_record(s) && held.same_page(s));
    match still_cited {
        true => None,
        false => record.last().map(|(_, id)| *id),
    }
}
