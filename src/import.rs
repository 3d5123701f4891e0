//! Bulk import: a table with the export's columns (plus the note and source a claim needs)
//! becomes one claim draft per row. Columns are matched by name, so the records export, the
//! claims export or a hand-made sheet all work; unknown columns are ignored.

use crate::new_claim::ClaimDraft;
use crate::{Basis, DepartmentCode, RequirementSlug, Status};

/// Why a whole table cannot be read as claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableProblem {
    /// No row below the header.
    Empty,
    /// A column every claim needs is absent.
    MissingColumn(&'static str),
}

/// The columns every row must have for the table to be read at all.
const KEY_COLUMNS: [&str; 3] = ["department_code", "requirement", "status"];

fn set(draft: &mut ClaimDraft, column: &str, value: &str) {
    let value = crate::spreadsheet::restore(value.trim()).to_owned();
    let field = match column {
        "department_code" | "department" => &mut draft.department,
        "requirement" => &mut draft.requirement,
        "status" => &mut draft.status,
        "basis" => &mut draft.basis,
        "event_date" => &mut draft.event_date,
        "status_since" => &mut draft.status_since,
        "due_date" => &mut draft.due_date,
        "valid_from" => &mut draft.valid_from,
        "valid_until" => &mut draft.valid_until,
        "approving_instrument" => &mut draft.approving_instrument,
        "evidence_level" => &mut draft.evidence_level,
        "evidence_primary" => &mut draft.evidence_primary,
        "evidence_links" => &mut draft.evidence_links,
        "quality_responsible_institutions" => &mut draft.quality_responsible_institutions,
        "quality_timetable" => &mut draft.quality_timetable,
        "quality_financing" => &mut draft.quality_financing,
        "quality_indicators" => &mut draft.quality_indicators,
        "quality_published" => &mut draft.quality_published,
        "note" | "note_es" => &mut draft.note,
        "source_author" => &mut draft.source_author,
        // The exports' column names, kept stable for the people who read them.
        "source_outlet" | "source_publisher" => &mut draft.source_outlet,
        "source_title" => &mut draft.source_title,
        "source_url" => &mut draft.source_url,
        "source_published" | "source_date" => &mut draft.source_published,
        "source_locator" => &mut draft.source_locator,
        "source_quote" => &mut draft.source_quote,
        "source_attribution_es" => &mut draft.source_attribution_es,
        "source_attribution_en" => &mut draft.source_attribution_en,
        _ => return,
    };
    // A Spanish note wins over an English one when a sheet carries both.
    if field.is_empty() {
        *field = value;
    }
}

/// One draft per row, in order. Validation is the caller's next step, row by row.
pub fn drafts(header: &[String], rows: &[Vec<String>]) -> Result<Vec<ClaimDraft>, TableProblem> {
    let header: Vec<String> = header
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
        .collect();
    for key in KEY_COLUMNS {
        let present = header
            .iter()
            .any(|h| h == key || (key == "department_code" && h == "department"));
        if !present {
            return Err(TableProblem::MissingColumn(key));
        }
    }
    if rows.is_empty() {
        return Err(TableProblem::Empty);
    }
    // Sheets made before claims had their own event date describe the moment their source
    // was published, as the tracker assumed then.
    let has_event_date = header.iter().any(|h| h == "event_date");
    Ok(rows
        .iter()
        .map(|row| {
            let mut draft = ClaimDraft::default();
            for (column, value) in header.iter().zip(row) {
                set(&mut draft, column, value);
            }
            if !has_event_date {
                draft.event_date = draft.source_published.clone();
            }
            // Sheets rarely say it; a claim nobody checked against the document is reported.
            if draft.evidence_level.is_empty() {
                draft.evidence_level = "reported".into();
            }
            draft
        })
        .collect())
}

/// The sheet's column for a draft field, by the exports' names (`department_code`,
/// `source_publisher`, `source_date`), so a problem names the column to fix.
pub fn column_of(field: &str) -> &str {
    match field {
        "department" => "department_code",
        "source_outlet" => "source_publisher",
        "source_published" => "source_date",
        other => other,
    }
}

/// The values a column takes, when it is a choice, for telling whoever fills a sheet what to
/// write; `requirements` are the instruments Vigía tracks.
pub fn allowed_values(field: &str, requirements: &[RequirementSlug]) -> Option<Vec<String>> {
    let strings = |values: &[&str]| values.iter().map(|v| (*v).to_owned()).collect();
    Some(match field {
        "department" => DepartmentCode::ALL.iter().map(|d| d.to_string()).collect(),
        "requirement" => requirements.iter().map(|r| r.to_string()).collect(),
        "status" => Status::ALL.iter().map(|s| s.slug().to_owned()).collect(),
        "basis" => Basis::ALL.iter().map(|b| b.slug().to_owned()).collect(),
        "evidence_level" => strings(&["reported", "verified"]),
        f if f.starts_with("quality_") => strings(&["yes", "no", "unknown"]),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_name_their_values_and_fields_their_columns() {
        let tracked = [RequirementSlug::parse("action-plan").unwrap()];
        let statuses = allowed_values("status", &tracked).unwrap();
        assert_eq!(statuses.len(), Status::ALL.len());
        assert!(statuses.contains(&"in-preparation".to_owned()));
        assert_eq!(
            allowed_values("requirement", &tracked).unwrap(),
            ["action-plan"]
        );
        assert_eq!(
            allowed_values("quality_financing", &tracked).unwrap(),
            ["yes", "no", "unknown"]
        );
        assert_eq!(allowed_values("department", &tracked).unwrap().len(), 9);
        assert_eq!(allowed_values("note", &tracked), None);
        assert_eq!(column_of("department"), "department_code");
        assert_eq!(column_of("source_published"), "source_date");
        assert_eq!(column_of("status"), "status");
    }

    fn strings(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| v.to_string()).collect()
    }

    #[test]
    fn columns_are_matched_by_name_in_any_order_and_unknown_ones_ignored() {
        let header = strings(&[
            "\u{feff}Status",
            "requirement",
            "last_claim_date",
            "department_code",
            "note_es",
            "note_en",
        ]);
        let rows = vec![strings(&[
            "in-force",
            "action-plan",
            "2024-01-01",
            "BO-N",
            " Aprobado ",
            "Approved",
        ])];
        let drafts = drafts(&header, &rows).unwrap();
        assert_eq!(drafts.len(), 1);
        assert_eq!(drafts[0].department, "BO-N");
        assert_eq!(drafts[0].status, "in-force");
        assert_eq!(drafts[0].note, "Aprobado", "trimmed, and Spanish first");
        assert_eq!(
            drafts[0].evidence_level, "reported",
            "unless a column says otherwise"
        );
        assert_eq!(drafts[0].event_date, "", "no source date, no event date");
    }

    #[test]
    fn old_sheets_describe_the_moment_their_source_was_published() {
        let header = strings(&["department_code", "requirement", "status", "source_date"]);
        let old = drafts(
            &header,
            &[strings(&["BO-L", "action-plan", "missing", "2020-02"])],
        )
        .unwrap();
        assert_eq!(old[0].event_date, "2020-02");
        assert_eq!(old[0].source_published, "2020-02");
        let header = strings(&[
            "department_code",
            "requirement",
            "status",
            "source_date",
            "event_date",
        ]);
        let new = drafts(
            &header,
            &[strings(&[
                "BO-L",
                "action-plan",
                "missing",
                "2020-02",
                "2020",
            ])],
        )
        .unwrap();
        assert_eq!(new[0].event_date, "2020");
    }

    #[test]
    fn neutralised_cells_come_back_as_typed() {
        let header = strings(&["department_code", "requirement", "status", "note"]);
        let drafts = drafts(
            &header,
            &[strings(&["BO-L", "action-plan", "missing", "'=1+1"])],
        )
        .unwrap();
        assert_eq!(drafts[0].note, "=1+1");
    }

    #[test]
    fn a_table_without_its_key_columns_or_rows_is_refused_whole() {
        let header = strings(&["department_code", "requirement"]);
        assert_eq!(
            drafts(&header, &[]),
            Err(TableProblem::MissingColumn("status"))
        );
        let header = strings(&["department_code", "requirement", "status"]);
        assert_eq!(drafts(&header, &[]), Err(TableProblem::Empty));
    }

    #[test]
    fn short_rows_leave_the_missing_fields_empty_for_validation_to_report() {
        let header = strings(&["department_code", "requirement", "status", "note"]);
        let drafts = drafts(&header, &[strings(&["BO-L", "action-plan"])]).unwrap();
        assert_eq!(drafts[0].status, "");
        assert_eq!(drafts[0].note, "");
    }
}
