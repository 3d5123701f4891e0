//! The data files written out before they are sent: each table as CSV, plain or for
//! spreadsheets, and the workbook.

use std::fs::File;
use std::io::{BufWriter, Seek, Write};
use std::path::Path;

use super::tables::{each_row, labelled, DataSet};
use super::workbook;
use crate::api::export::csv_file;
use app::i18n::Lang;
use vigia::open_data::Table;

/// Makes a spreadsheet read the file as UTF-8 (Excel on Windows does not otherwise).
const BYTE_ORDER_MARK: &str = "\u{feff}";

#[derive(Clone, Copy)]
pub enum Written {
    Workbook,
    /// Codes only, for programs.
    Plain(Table),
    /// With a byte-order mark and names beside the codes.
    Spreadsheet(Table),
}

impl Written {
    /// The name a download is saved under, with the day it describes.
    pub fn name(&self, day: chrono::NaiveDate) -> String {
        match self {
            Written::Workbook => format!("vigia-{day}.xlsx"),
            Written::Plain(table) => format!("vigia-{}-{day}.csv", table.name),
            Written::Spreadsheet(table) => format!("vigia-{}-{day}-spreadsheet.csv", table.name),
        }
    }

    pub fn content_type(&self) -> &'static str {
        match self {
            Written::Workbook => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            Written::Plain(_) | Written::Spreadsheet(_) => "text/csv; charset=utf-8",
        }
    }

    /// The file written to an unnamed file in `dir` (gone once closed), read from its start.
    pub fn write(&self, data: &DataSet, lang: Lang, dir: &Path) -> anyhow::Result<File> {
        let mut file = tempfile::tempfile_in(dir)?;
        let mut out = BufWriter::new(&mut file);
        match *self {
            Written::Workbook => workbook::workbook(data, lang, dir, &mut out)?,
            Written::Plain(table) => table_csv(&mut out, table, data, lang, false)?,
            Written::Spreadsheet(table) => {
                out.write_all(BYTE_ORDER_MARK.as_bytes())?;
                table_csv(&mut out, table, data, lang, true)?;
            }
        }
        out.flush()?;
        drop(out);
        file.rewind()?;
        Ok(file)
    }
}

/// `table` as CSV, its rows' codes with their names beside them when `with_names`.
fn table_csv(
    out: &mut dyn Write,
    table: Table,
    data: &DataSet,
    lang: Lang,
    with_names: bool,
) -> anyhow::Result<()> {
    let header = if with_names {
        table.labelled_names()
    } else {
        table.names().map(str::to_owned).collect()
    };
    csv_file(out, header, |write| {
        each_row(table, data, lang, |row| {
            if with_names {
                write(&labelled(table, &row, data))
            } else {
                write(&row)
            }
        })
    })?;
    Ok(())
}
