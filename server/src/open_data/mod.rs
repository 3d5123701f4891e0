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
use http::header::{CONTENT_DISPOSITION, CONTENT_TYPE, RETRY_AFTER};
use http::StatusCode;
use serde::Deserialize;
use std::sync::Arc;
use tokio::sync::Semaphore;

use crate::api::export::{csv_response, write_row};
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

/// A CSV file after `start` (a byte-order mark, or nothing): the header, then each row
/// `rows` writes, a row at a time.
fn csv_file<H: AsRef<[u8]>>(
    start: Vec<u8>,
    header: impl IntoIterator<Item = H>,
    rows: impl FnOnce(&mut dyn FnMut(&[String]) -> csv::Result<()>) -> csv::Result<()>,
) -> anyhow::Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(start);
    writer.write_record(header)?;
    rows(&mut |row| write_row(&mut writer, row))?;
    Ok(writer.into_inner()?)
}

/// `records.csv` → the records table.
fn csv_table(file: &str) -> Result<Table, ApiError> {
    file.strip_suffix(".csv")
        .and_then(table)
        .ok_or_else(|| ApiError::NotFound(format!("no data file {file:?}")))
}

fn attachment(body: Vec<u8>, content_type: &str, filename: String) -> Response {
    (
        [
            (CONTENT_TYPE, content_type.to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// `/data/<table>.csv`, `/data/vigia.xlsx` and `/data/datapackage.json`.
async fn download(
    State(state): State<DataState>,
    Path(file): Path<String>,
    ApiQuery(query): ApiQuery<DataQuery>,
    ReaderLang(lang): ReaderLang,
) -> Result<Response, ApiError> {
    if file != "datapackage.json" && file != "vigia.xlsx" {
        csv_table(&file)?;
    }
    let Ok(_building) = state.builds.try_acquire() else {
        return Ok(busy());
    };
    let (data, version) = load(&state.reading, query.as_of.as_deref()).await?;
    match file.as_str() {
        "datapackage.json" => {
            let descriptor =
                package::descriptor(&data.snapshot, version, &state.reading.public_url);
            Ok(Json(descriptor).into_response())
        }
        "vigia.xlsx" => {
            // Building a workbook is CPU work; it runs off the async workers.
            let bytes = tokio::task::spawn_blocking(move || workbook::workbook(&data, lang))
                .await
                .map_err(|e| ApiError::Internal(e.into()))?
                .map_err(|e| ApiError::Internal(e.into()))?;
            let filename = format!("vigia-{}.xlsx", version.as_of);
            let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            Ok(attachment(bytes, xlsx, filename))
        }
        _ => {
            let table = csv_table(&file)?;
            let body = csv_file(Vec::new(), table.names(), |write| {
                each_row(table, &data, lang, |row| write(&row))
            })
            .map_err(ApiError::Internal)?;
            Ok(csv_response(
                body,
                &format!("vigia-{}-{}.csv", table.name, version.as_of),
            ))
        }
    }
}

/// `/data/spreadsheet/<table>.csv`: with a byte-order mark, and names in Spanish and English
/// beside the codes.
async fn spreadsheet(
    State(state): State<DataState>,
    Path(file): Path<String>,
    ApiQuery(query): ApiQuery<DataQuery>,
    ReaderLang(lang): ReaderLang,
) -> Result<Response, ApiError> {
    let table = csv_table(&file)?;
    let Ok(_building) = state.builds.try_acquire() else {
        return Ok(busy());
    };
    let (data, version) = load(&state.reading, query.as_of.as_deref()).await?;
    let start = BYTE_ORDER_MARK.as_bytes().to_vec();
    let body = csv_file(start, table.labelled_names(), |write| {
        each_row(table, &data, lang, |row| {
            write(&labelled(table, &row, &data))
        })
    })
    .map_err(ApiError::Internal)?;
    let filename = format!("vigia-{}-{}-spreadsheet.csv", table.name, version.as_of);
    Ok(csv_response(body, &filename))
}
