//! The whole open data as one workbook: a sheet per table, with names beside the codes, and
//! a sheet describing every column. Sheets are written row by row in constant-memory mode
//! (to files in the directory given) and the workbook to a writer, so a large record does not
//! hold the whole workbook in memory.

use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::io::Write;
use std::path::Path;

use app::i18n::{t, Lang};
use vigia::open_data::{FieldType, Table, TABLES};

use super::tables::{each_row, labelled, DataSet};
use app::data_dictionary::{allowed_values, meaning};

/// Excel's longest cell.
const MAX_CELL_CHARS: usize = 32_767;

fn cell(text: &str) -> &str {
    match text.char_indices().nth(MAX_CELL_CHARS) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

fn table_sheet(
    workbook: &mut Workbook,
    table: Table,
    data: &DataSet,
    lang: Lang,
    bold: &Format,
) -> Result<(), XlsxError> {
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    sheet.set_name(table.name)?;
    let header = table.labelled_names();
    let integers: Vec<bool> = table
        .columns
        .iter()
        .flat_map(|c| {
            let integer = c.field_type == FieldType::Integer;
            std::iter::once(integer).chain(c.label_columns().into_iter().map(|_| false))
        })
        .collect();
    for (col, name) in header.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, name, bold)?;
    }
    let mut line = 0;
    each_row(table, data, lang, |row| {
        line += 1;
        for (col, value) in labelled(table, &row, data).iter().enumerate() {
            let number = integers[col].then(|| value.parse::<f64>().ok()).flatten();
            match number {
                Some(number) => sheet.write_number(line, col as u16, number)?,
                None if value.is_empty() => continue,
                // Text cells: never read as a formula, so no guard is needed.
                None => sheet.write_string(line, col as u16, cell(value))?,
            };
        }
        Ok::<_, XlsxError>(())
    })?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn columns_sheet(
    workbook: &mut Workbook,
    data: &DataSet,
    lang: Lang,
    bold: &Format,
) -> Result<(), XlsxError> {
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    sheet.set_name(t(lang, "data-sheet-columns"))?;
    let header = [
        "data-dictionary-table",
        "data-dictionary-column",
        "data-dictionary-type",
        "data-dictionary-meaning",
        "data-dictionary-values",
    ];
    for (col, key) in header.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, t(lang, key), bold)?;
    }
    let mut line = 1;
    for table in TABLES {
        for column in table.columns {
            let cells = [
                table.name.to_owned(),
                column.name.to_owned(),
                t(lang, &format!("data-type-{}", column.field_type.slug())),
                meaning(lang, column.name),
                allowed_values(column, &data.snapshot).join(", "),
            ];
            for (col, value) in cells.iter().enumerate() {
                sheet.write_string(line, col as u16, value)?;
            }
            line += 1;
        }
    }
    Ok(())
}

/// Writes the workbook to `out`, keeping each sheet's rows in a file in `sheets_dir` until
/// the end.
pub fn workbook(
    data: &DataSet,
    lang: Lang,
    sheets_dir: &Path,
    out: impl Write + Send,
) -> Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    workbook.set_tempdir(sheets_dir)?;
    let bold = Format::new().set_bold();
    for table in TABLES {
        table_sheet(&mut workbook, table, data, lang, &bold)?;
    }
    columns_sheet(&mut workbook, data, lang, &bold)?;
    workbook.save_to_writer(out)
}
