//! The rows of each open data table, and the same rows with names beside the codes for
//! spreadsheets. Rows are plain text in the columns `vigia::open_data` describes.

use app::i18n::{t, Lang};
use app::story::{self, StoryGroup};
use vigia::national::NationalFigure;
use vigia::open_data::{Column, Labels, Table, CLAIMS, GAPS, NATIONAL, RECORDS, TIMELINE};
use vigia::{Gap, Snapshot};

use crate::api::export::{claim_cells, record_rows, text};

/// What every export of one version is built from.
pub struct DataSet {
    pub snapshot: std::sync::Arc<Snapshot>,
    pub gaps: Vec<Gap>,
    pub today: chrono::NaiveDate,
}

fn gap_cells(lang: Lang, gap: &Gap, data: &DataSet) -> Vec<String> {
    vec![
        gap.department.to_string(),
        gap.requirement.to_string(),
        gap.kind.slug().to_owned(),
        gap.severity.slug().to_owned(),
        text(gap.since),
        app::explain::gap_message(lang, gap, &data.snapshot, data.today),
    ]
}

fn national_cells(figure: &NationalFigure) -> Vec<String> {
    let source = figure.source.as_ref();
    vec![
        figure.kind.clone(),
        figure.period.clone(),
        text(figure.value.clone()),
        text(source.map(|s| s.author.clone())),
        text(source.and_then(|s| s.outlet.clone())),
        text(source.map(|s| s.title.clone())),
        text(source.map(|s| s.url.clone())),
        text(source.map(|s| s.published)),
        app::format::national_figure(Lang::Es, figure),
        app::format::national_figure(Lang::En, figure),
    ]
}

/// Hands each row of `table`, in its columns' order, to `row` (gap messages in `lang`): one
/// at a time, so a large table is never held whole beside the file being written.
pub fn each_row<E>(
    table: Table,
    data: &DataSet,
    lang: Lang,
    mut row: impl FnMut(Vec<String>) -> Result<(), E>,
) -> Result<(), E> {
    let snapshot = &data.snapshot;
    if table == RECORDS {
        record_rows(snapshot).into_iter().try_for_each(row)
    } else if table == CLAIMS {
        snapshot.claims.iter().try_for_each(|c| row(claim_cells(c)))
    } else if table == GAPS {
        data.gaps
            .iter()
            .try_for_each(|g| row(gap_cells(lang, g, data)))
    } else if table == NATIONAL {
        snapshot
            .national
            .iter()
            .try_for_each(|f| row(national_cells(f)))
    } else if table == TIMELINE {
        snapshot.requirements.iter().try_for_each(|requirement| {
            story::shared_timeline(snapshot, &requirement.slug, data.today)
                .iter()
                .try_for_each(|(start, counts)| row(timeline_cells(requirement, *start, *counts)))
        })
    } else {
        Ok(())
    }
}

/// One step of a requirement's timeline: when it began, then a count per group in the
/// columns' order.
fn timeline_cells(
    requirement: &vigia::requirement::Requirement,
    start: story::StepStart,
    counts: story::Counts,
) -> Vec<String> {
    [
        requirement.slug.to_string(),
        start.period.to_string(),
        start.shown_from.to_string(),
    ]
    .into_iter()
    .chain(StoryGroup::ALL.map(|group| counts.get(group).to_string()))
    .collect()
}

/// The words for a code in both languages, in the label columns that follow it.
fn labels(
    column: &Column,
    code: &str,
    row: &[String],
    table: Table,
    data: &DataSet,
) -> Vec<String> {
    let snapshot = &data.snapshot;
    let requirement = || {
        let at = table.names().position(|n| n == "requirement")?;
        snapshot
            .requirements
            .iter()
            .find(|r| r.slug.as_str() == row[at])
    };
    let both = |words: &dyn Fn(Lang) -> String| vec![words(Lang::Es), words(Lang::En)];
    match column.labels {
        Labels::None => Vec::new(),
        Labels::DepartmentName => vec![code
            .parse()
            .ok()
            .and_then(|c| snapshot.department(c))
            .map(|d| d.name.clone())
            .unwrap_or_default()],
        _ if code.is_empty() => vec![String::new(); column.label_columns().len()],
        Labels::Requirement => {
            both(&|lang| text(requirement().map(|r| r.name.get(lang.is_spanish()).to_owned())))
        }
        Labels::Status => both(&|lang| {
            let status = code.parse().ok();
            text(status.map(|s| app::format::status_label(lang, requirement(), s)))
        }),
        Labels::Catalog(prefix) => both(&|lang| t(lang, &format!("{prefix}{code}"))),
    }
}

/// A row with the names of its codes beside them, as [`Table::labelled_names`] heads.
pub fn labelled(table: Table, row: &[String], data: &DataSet) -> Vec<String> {
    table
        .columns
        .iter()
        .zip(row)
        .flat_map(|(column, code)| {
            std::iter::once(code.clone()).chain(labels(column, code, row, table, data))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The counts are written in the groups' order, under columns named for them: a change to
    /// either order must change the other.
    #[test]
    fn each_timeline_count_sits_under_its_groups_column() {
        let columns: Vec<&str> = TIMELINE.names().skip(3).collect();
        let groups: Vec<&str> = StoryGroup::ALL.iter().map(|g| g.slug()).collect();
        let pairs: Vec<(&str, &str)> = columns.into_iter().zip(groups).collect();
        assert_eq!(
            pairs,
            [
                ("missing", "missing"),
                ("expired", "expired"),
                ("in_preparation", "in-preparation"),
                ("in_force_reported", "reported"),
                ("in_force_verified", "verified"),
                ("unconfirmed", "unconfirmed"),
            ]
        );
    }
}
