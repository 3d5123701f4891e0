//! Bulk import: a table with the export's columns (plus the note and source a claim needs)
//! becomes one claim draft per row. Columns are matched by name, so the records export, the
//! claims export or a hand-made sheet all work; unknown columns are ignored.

use crate::new_claim::ClaimDraft;

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
    let value = value.trim().to_owned();
    let field = match column {
        "department_code" | "department" => &mut draft.department,
        "requirement" => &mut draft.requirement,
        "status" => &mut draft.status,
        "status_since" => &mut draft.status_since,
        "due_date" => &mut draft.due_date,
        "valid_from" => &mut draft.valid_from,
        "valid_until" => &mut draft.valid_until,
        "approving_instrument" => &mut draft.approving_instrument,
        "evidence_level" => &mut draft.evidence_level,
        "evidence_links" => &mut draft.evidence_links,
        "note" | "note_es" => &mut draft.note,
        "source_author" => &mut draft.source_author,
        "source_publisher" => &mut draft.source_publisher,
        "source_title" => &mut draft.source_title,
        "source_url" => &mut draft.source_url,
        "source_date" => &mut draft.source_date,
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
    Ok(rows
        .iter()
        .map(|row| {
            let mut draft = ClaimDraft::default();
            for (column, value) in header.iter().zip(row) {
                set(&mut draft, column, value);
            }
            // Sheets rarely say it; a claim nobody checked against the document is reported.
            if draft.evidence_level.is_empty() {
                draft.evidence_level = "reported".into();
            }
            draft
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

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
