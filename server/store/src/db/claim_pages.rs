//! The claims recorded after a given one (keyset on the claim's id), as a new version of the
//! snapshot reads them: only what was appended, whatever the record's size.

use std::collections::HashMap;

use super::snapshot::{by_claim, claim_from_row, hide_notes, ClaimRow, EvidenceRow};
use super::snapshot::{CLAIM_COLUMNS, CLAIM_JOINS, SOURCE_COLUMNS};
use super::{DbError, Pool};
use vigia::history::HiddenText;
use vigia::Claim;

/// The claims with ids above `after`, oldest first, with their evidence links and
/// with the notes an admin hid (`hidden`) left out; documents are not read.
pub async fn claims_after(
    pool: &Pool,
    after: i64,
    hidden: &HashMap<String, HiddenText>,
) -> Result<Vec<Claim>, DbError> {
    let rows: Vec<ClaimRow> = sqlx::query_as(&format!(
        "SELECT {CLAIM_COLUMNS}, {SOURCE_COLUMNS} {CLAIM_JOINS} \
         WHERE c.id > $1 ORDER BY c.id"
    ))
    .bind(after)
    .fetch_all(pool)
    .await?;
    let Some(last) = rows.last().map(|r| r.id) else {
        return Ok(Vec::new());
    };
    let evidence: Vec<EvidenceRow> = sqlx::query_as(
        "SELECT claim_id, label, url, kind FROM claim_evidence \
         WHERE claim_id > $1 AND claim_id <= $2 ORDER BY id",
    )
    .bind(after)
    .bind(last)
    .fetch_all(pool)
    .await?;
    let mut evidence = by_claim(evidence)?;
    let mut claims = rows
        .into_iter()
        .map(|row| claim_from_row(row, &mut evidence))
        .collect::<Result<Vec<_>, _>>()?;
    hide_notes(&mut claims, hidden);
    Ok(claims)
}
