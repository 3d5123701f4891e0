//! `/data/…`: the open data files the data page offers, each as it stood at the end of a day
//! (`as_of`, today when absent), so a citation's version downloads the same bytes again:
//! plain CSV for programs, CSV with a byte-order mark and names beside the codes for
//! spreadsheets, one workbook, and the data package descriptor.

mod package;
pub mod tables;
mod workbook;

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use http::header::RETRY_AFTER;
use http::StatusCode;
use serde::Deserialize;
use std::sync::Arc;
use tokio::sync::Semaphore;

use crate::api::error::echo;
use crate::api::export::{attachment, csv_file, csv_response};
use crate::api::gaps::parse_filter;
use crate::api::query::ApiQuery;
use crate::api::ApiError;
use crate::present::{ReaderLang, Reading};
use tables::{each_row, labelled, DataSet};
use vigia::open_data::{table, DataVersion, Table};
use vigia::ports::ComplianceReader;

/// Makes a spreadsheet read the file as UTF-8 (Excel on Windows does not otherwise).
const BYTE_ORDER_MARK: &str = "\u{feff}";

#[derive(Deserialize)]
pub struct DataQuery {
    /// `YYYY-MM-DD`: the data as recorded by the end of that day in La Paz.
    as_of: Option<String>,
}

/// Files built at once. Each copies the record and the workbook compresses it: anyone may
/// ask, with any `as_of` (each a new file), so the work is bounded and the rest are told to
/// come back shortly.
const BUILDS_AT_ONCE: usize = 2;

#[derive(Clone)]
pub struct DataState {
    reading: Reading,
    builds: Arc<Semaphore>,
}

pub fn router<S>(reading: Reading) -> Router<S> {
    Router::new()
        .route("/data/{file}", get(download))
        .route("/data/spreadsheet/{file}", get(spreadsheet))
        .with_state(DataState {
            reading,
            builds: Arc::new(Semaphore::new(BUILDS_AT_ONCE)),
        })
}

/// 503 with `Retry-After` while other files are being built.
fn busy() -> Response {
    let message = "other data files are being built; try again in a few seconds";
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(RETRY_AFTER, "5")],
        message,
    )
        .into_response()
}

/// The data of one version, and which version it is.
pub async fn load(
    state: &Reading,
    as_of: Option<&str>,
) -> Result<(DataSet, DataVersion), ApiError> {
    let today = state.clock.today();
    let as_of = parse_filter::<chrono::NaiveDate>("as_of (YYYY-MM-DD)", as_of)?.unwrap_or(today);
    if as_of > today {
        return Err(ApiError::BadRequest(format!(
            "as_of {as_of} is after today ({today}): no data describes it yet"
        )));
    }
    let snapshot = state.store.snapshot().await?;
    let (recorded, version) = vigia::open_data::as_recorded(&snapshot, as_of);
    let view = app::context::PublicView::build(recorded, today, Some(as_of));
    let data = DataSet {
        snapshot: view.snapshot,
        gaps: view.gaps,
        today: view.today,
    };
    Ok((data, version))
}

/// What a `/data/…` address asks for.
enum DataFile {
    Package,
    Workbook,
    /// Codes only, for programs.
    Plain(Table),
    /// With a byte-order mark and names beside the codes.
    Spreadsheet(Table),
}

/// `records.csv` → the records table, and so on; checked before any work.
fn data_file(file: &str, spreadsheet: bool) -> Result<DataFile, ApiError> {
    let table = || {
        file.strip_suffix(".csv")
            .and_then(table)
            .ok_or_else(|| ApiError::NotFound(format!("no data file {}", echo(file))))
    };
    Ok(match file {
        _ if spreadsheet => DataFile::Spreadsheet(table()?),
        "datapackage.json" => DataFile::Package,
        "vigia.xlsx" => DataFile::Workbook,
        _ => DataFile::Plain(table()?),
    })
}

/// `/data/<table>.csv`, `/data/vigia.xlsx` and `/data/datapackage.json`.
async fn download(
    State(state): State<DataState>,
    Path(file): Path<String>,
    ApiQuery(query): ApiQuery<DataQuery>,
    ReaderLang(lang): ReaderLang,
) -> Result<Response, ApiError> {
    let file = data_file(&file, false)?;
    build(state, file, query, lang).await
}

/// `/data/spreadsheet/<table>.csv`: with a byte-order mark, and names in Spanish and English
/// beside the codes.
async fn spreadsheet(
    State(state): State<DataState>,
    Path(file): Path<String>,
    ApiQuery(query): ApiQuery<DataQuery>,
    ReaderLang(lang): ReaderLang,
) -> Result<Response, ApiError> {
    let file = data_file(&file, true)?;
    build(state, file, query, lang).await
}

async fn build(
    state: DataState,
    file: DataFile,
    query: DataQuery,
    lang: app::i18n::Lang,
) -> Result<Response, ApiError> {
    let Ok(_building) = state.builds.try_acquire() else {
        return Ok(busy());
    };
    let (data, version) = load(&state.reading, query.as_of.as_deref()).await?;
    let day = version.as_of;
    let csv = |start: Vec<u8>, table: Table, with_names: bool| {
        let header = if with_names {
            table.labelled_names()
        } else {
            table.names().map(str::to_owned).collect()
        };
        csv_file(start, header, |write| {
            each_row(table, &data, lang, |row| {
                if with_names {
                    write(&labelled(table, &row, &data))
                } else {
                    write(&row)
                }
            })
        })
        .map_err(ApiError::Internal)
    };
    Ok(match file {
        DataFile::Package => {
            let descriptor =
                package::descriptor(&data.snapshot, version, &state.reading.public_url);
            Json(descriptor).into_response()
        }
        DataFile::Plain(table) => {
            let body = csv(Vec::new(), table, false)?;
            csv_response(body, &format!("vigia-{}-{day}.csv", table.name))
        }
        DataFile::Spreadsheet(table) => {
            let body = csv(BYTE_ORDER_MARK.as_bytes().to_vec(), table, true)?;
            csv_response(body, &format!("vigia-{}-{day}-spreadsheet.csv", table.name))
        }
        DataFile::Workbook => {
            // Building a workbook is CPU work; it runs off the async workers.
            let bytes = tokio::task::spawn_blocking(move || workbook::workbook(&data, lang))
                .await
                .map_err(|e| ApiError::Internal(e.into()))?
                .map_err(|e| ApiError::Internal(e.into()))?;
            let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            attachment(bytes, xlsx, &format!("vigia-{day}.xlsx"))
        }
    })
}
