//! Bulk import for admins: upload a CSV, see every row checked, then confirm. The confirmed
//! import appends all its claims in one transaction, or none.

use axum::extract::{Request, State};
use axum::response::Redirect;
use std::collections::HashMap;
use tower_sessions::Session;

use app::context::{ImportPreview, PreviewRow};
use vigia::access::Actor;
use vigia::import::{drafts, TableProblem};
use vigia::new_claim::{NewClaim, Problem};
use vigia::ports::{ComplianceReader, ComplianceWriter, WriteError};
use vigia::{text, DepartmentCode, Snapshot};

use super::error::PageError;
use super::form::SubmittedForm;
use crate::auth::{AuthSession, User};
use crate::http::state::AppState;

pub const IMPORT_PAGE: &str = "/admin/import";
/// The preview the page shows.
pub const PREVIEW_KEY: &str = "import_preview";
/// The uploaded table and each record's latest claim id when it was previewed.
const PENDING_KEY: &str = "import_pending";

#[derive(serde::Serialize, serde::Deserialize)]
struct PendingImport {
    csv: String,
    expected: Vec<(String, String, i64)>,
}

/// Reads and checks the table; `Err` is a catalog key for a problem with the whole file.
fn check(
    csv_text: &str,
    snapshot: &Snapshot,
    today: chrono::NaiveDate,
    actor: &Actor,
) -> Result<(Vec<PreviewRow>, Vec<NewClaim>), String> {
    if csv_text.chars().count() > text::IMPORT_TABLE.max_chars {
        return Err("import-too-large".to_owned());
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|_| "import-not-csv".to_owned())?
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.map(|record| record.iter().map(str::to_owned).collect::<Vec<_>>()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| "import-not-csv".to_owned())?;
    if rows.len() > text::MAX_IMPORT_ROWS {
        return Err("import-too-large".to_owned());
    }
    let drafts = drafts(&header, &rows).map_err(|problem| match problem {
        TableProblem::Empty => "import-empty".to_owned(),
        TableProblem::MissingColumn(_) => "import-missing-columns".to_owned(),
    })?;
    let mut preview = Vec::new();
    let mut claims = Vec::new();
    for (index, draft) in drafts.into_iter().enumerate() {
        let department = vigia::DepartmentCode::parse(&draft.department)
            .ok()
            .and_then(|code| snapshot.department(code))
            .map_or_else(|| draft.department.clone(), |d| d.name.clone());
        let source = [&draft.source_author, &draft.source_title, &draft.source_url]
            .into_iter()
            .filter(|part| !part.trim().is_empty())
            .map(|part| part.trim())
            .collect::<Vec<_>>()
            .join(" · ");
        let mut row = PreviewRow {
            line: index + 2,
            department,
            requirement: draft.requirement.clone(),
            status: draft.status.clone(),
            note: draft.note.clone(),
            source,
            dates: [
                ("event_date", &draft.event_date),
                ("status_since", &draft.status_since),
                ("due_date", &draft.due_date),
                ("valid_until", &draft.valid_until),
                ("source_date", &draft.source_published),
            ]
            .into_iter()
            .filter(|(_, value)| !value.trim().is_empty())
            .map(|(column, value)| (column.to_owned(), value.trim().to_owned()))
            .collect(),
            errors: Vec::new(),
        };
        match draft.validate(&snapshot.requirements, 0, today) {
            // A source citing a stored document (as the claims export writes it) must name one.
            // An officer imports for their own departments; a row for another is refused
            // with the reason, never dropped.
            Ok(claim) if !actor.may_record_claim(claim.department) => {
                row.errors = vec![("department".to_owned(), Problem::OutOfScope)];
            }
            Ok(claim) if !cites_known_document(snapshot, &claim) => {
                row.errors = vec![("source_url".to_owned(), Problem::UnknownDocument)];
            }
            Ok(claim) => claims.push(claim),
            Err(errors) => {
                row.errors = errors
                    .into_iter()
                    .map(|e| (e.field.to_owned(), e.problem))
                    .collect()
            }
        }
        preview.push(row);
    }
    Ok((preview, claims))
}

/// The table's text: UTF-8 (a byte-order mark is fine), or Windows-1252 (what Excel on
/// Windows writes as "CSV") when the person chose it. Bytes that are not UTF-8 are refused
/// with the line they are on, never read as replacement characters: an import appends to
/// the history for good.
fn decode(bytes: &[u8], encoding: &str) -> Result<String, usize> {
    if encoding == "windows-1252" {
        let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
        return Ok(text.into_owned());
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(error) => {
            let before = &bytes[..error.valid_up_to()];
            Err(before.iter().filter(|&&b| b == b'\n').count() + 1)
        }
    }
}

fn cites_known_document(snapshot: &Snapshot, claim: &NewClaim) -> bool {
    let Some(id) = claim
        .source
        .url
        .as_deref()
        .and_then(vigia::document::permalink_id)
    else {
        return true;
    };
    let claimed = snapshot.claims.iter().flat_map(|c| &c.documents);
    let replied = snapshot.replies.iter().flat_map(|r| &r.documents);
    claimed.chain(replied).any(|d| d.id == id)
}

/// An empty preview that knows which instruments a sheet may name.
fn tracked(snapshot: &Snapshot) -> ImportPreview {
    ImportPreview {
        requirements: snapshot
            .requirements
            .iter()
            .map(|r| r.slug.clone())
            .collect(),
        ..ImportPreview::default()
    }
}

async fn show(session: &Session, preview: ImportPreview) -> Redirect {
    if let Err(error) = session.insert(PREVIEW_KEY, preview).await {
        tracing::error!(error = ?error, "could not keep an import preview");
    }
    Redirect::to(IMPORT_PAGE)
}

/// The signed-in person, if they may record claims somewhere: admins anywhere, officers in
/// their departments.
fn recorder(auth_session: &AuthSession) -> Result<User, PageError> {
    match &auth_session.user {
        None => Err(PageError::SignIn(IMPORT_PAGE.to_owned())),
        Some(user)
            if DepartmentCode::ALL
                .iter()
                .any(|d| user.actor().may_record_claim(*d)) =>
        {
            Ok(user.clone())
        }
        Some(user) => {
            tracing::warn!(user = user.id, "import refused");
            Err(PageError::Forbidden)
        }
    }
}

/// `POST /admin/import`: checks the uploaded table and shows the preview; stores nothing.
pub async fn preview(
    State(state): State<AppState>,
    auth_session: AuthSession,
    session: Session,
    request: Request,
) -> Result<Redirect, PageError> {
    let user = recorder(&auth_session)?;
    let submitted = SubmittedForm::read(request).await?;
    let table = submitted
        .files
        .iter()
        .find(|(name, _)| name == "table")
        .map(|(_, bytes)| bytes.as_slice())
        .unwrap_or_default();
    let encoding = submitted.field("encoding");
    let snapshot = state.store.snapshot().await?;
    let _ = session.remove::<PendingImport>(PENDING_KEY).await;
    let mut preview = tracked(&snapshot);
    preview.encoding = encoding.clone();
    let csv_text = match decode(table, &encoding) {
        Ok(text) => text,
        Err(line) => {
            preview.problem = Some("import-not-utf8".to_owned());
            preview.problem_line = Some(line);
            return Ok(show(&session, preview).await);
        }
    };
    match check(&csv_text, &snapshot, state.clock.today(), &user.actor()) {
        Err(problem) => preview.problem = Some(problem),
        Ok((rows, claims)) => {
            preview.rows = rows;
            if preview.ready() {
                let expected = claims
                    .iter()
                    .map(|c| {
                        let latest = snapshot
                            .current(c.department, &c.requirement)
                            .map_or(0, |claim| claim.id);
                        (c.department.to_string(), c.requirement.to_string(), latest)
                    })
                    .collect();
                let pending = PendingImport {
                    csv: csv_text,
                    expected,
                };
                session
                    .insert(PENDING_KEY, pending)
                    .await
                    .map_err(|e| PageError::Internal(e.into()))?;
            }
        }
    }
    Ok(show(&session, preview).await)
}

/// `POST /admin/import/confirm`: appends the previewed claims, all or none.
pub async fn confirm(
    State(state): State<AppState>,
    auth_session: AuthSession,
    session: Session,
) -> Result<Redirect, PageError> {
    let user = recorder(&auth_session)?;
    let admin_id = user.id;
    let Ok(Some(pending)) = session.remove::<PendingImport>(PENDING_KEY).await else {
        return Ok(Redirect::to(IMPORT_PAGE));
    };
    let snapshot = state.store.snapshot().await?;
    let mut preview = tracked(&snapshot);
    let claims = match check(&pending.csv, &snapshot, state.clock.today(), &user.actor()) {
        Ok((rows, claims)) if rows.iter().all(|r| r.errors.is_empty()) => claims,
        Ok((rows, _)) => {
            preview.rows = rows;
            return Ok(show(&session, preview).await);
        }
        Err(problem) => {
            preview.problem = Some(problem);
            return Ok(show(&session, preview).await);
        }
    };
    let expected: HashMap<(String, String), i64> = pending
        .expected
        .into_iter()
        .map(|(d, r, id)| ((d, r), id))
        .collect();
    match state.store.import_claims(admin_id, claims, expected).await {
        Ok(ids) => {
            tracing::info!(claims = ids.len(), user = admin_id, "bulk import appended");
            preview.imported = Some(ids.len());
        }
        Err(WriteError::Stale) => preview.problem = Some("import-stale".into()),
        Err(_) => preview.problem = Some("import-failed".into()),
    }
    Ok(show(&session, preview).await)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn a_table_that_is_not_utf8_is_refused_at_its_line_unless_read_as_windows_1252() {
        let latin1 = b"department,status\nBO-L,missing\nBO-N,Gobernaci\xf3n\n";
        assert_eq!(decode(latin1, ""), Err(3));
        assert_eq!(
            decode(latin1, "windows-1252").unwrap(),
            "department,status\nBO-L,missing\nBO-N,Gobernación\n"
        );
        let with_bom = "\u{feff}department\nGobernación\n".as_bytes();
        assert_eq!(decode(with_bom, "").unwrap(), "department\nGobernación\n");
    }
}
