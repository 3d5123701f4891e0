//! `/data/…`: the open data files the data page offers, each as it stood at the end of a day
//! (`as_of`, today when absent), so a citation's version downloads the same bytes again:
//! plain CSV for programs, CSV with a byte-order mark and names beside the codes for
//! spreadsheets, one workbook, and the data package descriptor.
//!
//! Each file is written to an unnamed file in the data directory, then sent from it: memory
//! stays flat however large the record is, and a slow download holds a file open, not a
//! build's place or its copy of the record.

mod package;
pub mod tables;
mod workbook;
mod written;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Json, Router};
use http::header::{CONTENT_LENGTH, RETRY_AFTER};
use http::{HeaderValue, StatusCode};
use serde::Deserialize;
use std::path::PathBuf;
use std::sync::Arc;
use tokio::sync::Semaphore;
use tokio_util::io::ReaderStream;

use crate::api::error::echo;
use crate::api::export::attachment;
use crate::api::gaps::parse_filter;
use crate::api::query::ApiQuery;
use crate::api::ApiError;
use crate::present::{ReaderLang, Reading};
use app::error_page::ErrorKind;
use tables::DataSet;
use vigia::open_data::{table, DataVersion};
use vigia::ports::ComplianceReader;
use written::Written;

#[derive(Deserialize)]
pub struct DataQuery {
    /// `YYYY-MM-DD`: the data as recorded by the end of that day in La Paz.
    as_of: Option<String>,
}

/// Files built at once. Each may copy the record (for an earlier `as_of`) and the workbook
/// compresses it: anyone may ask, with any `as_of` (each a new file), so the work is bounded
/// and the rest are told to come back shortly. Sending a built file holds no place.
const BUILDS_AT_ONCE: usize = 2;

/// Read from a built file at a time while it is sent.
const SENT_A_PART: usize = 64 * 1024;

#[derive(Clone)]
pub struct DataState {
    reading: Reading,
    builds: Arc<Semaphore>,
    /// Where files are written before they are sent: the data directory, on disk (a system's
    /// temporary directory may be memory).
    spool: Arc<PathBuf>,
}

/// The files: each held on disk while it is sent, so the web layer caps downloads in flight.
pub fn files<S>(state: &DataState) -> Router<S> {
    Router::new()
        .route("/data/{file}", get(download))
        .route("/data/spreadsheet/{file}", get(spreadsheet))
        .with_state(state.clone())
}

/// The data package descriptor: small and sent from memory, so it holds no download's place.
pub fn descriptor<S>(state: &DataState) -> Router<S> {
    Router::new()
        .route("/data/datapackage.json", get(package))
        .with_state(state.clone())
}

impl DataState {
    pub fn new(reading: Reading, spool: PathBuf) -> Self {
        Self {
            reading,
            builds: Arc::new(Semaphore::new(BUILDS_AT_ONCE)),
            spool: Arc::new(spool),
        }
    }
}

/// 503 with `Retry-After` while other files are being built; the web layer gives it a page
/// in the reader's language.
fn busy() -> Response {
    let kind = ErrorKind::FilesBusy;
    let mut response = (StatusCode::SERVICE_UNAVAILABLE, Extension(kind)).into_response();
    if let Some(seconds) = kind.retry_after() {
        response
            .headers_mut()
            .insert(RETRY_AFTER, HeaderValue::from_static(seconds));
    }
    response
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

/// `records.csv` → the records table, and so on; checked before any work.
fn data_file(file: &str, spreadsheet: bool) -> Result<Written, ApiError> {
    let table = || {
        file.strip_suffix(".csv")
            .and_then(table)
            .ok_or_else(|| ApiError::NotFound(format!("no data file {}", echo(file))))
    };
    Ok(match file {
        _ if spreadsheet => Written::Spreadsheet(table()?),
        "vigia.xlsx" => Written::Workbook,
        _ => Written::Plain(table()?),
    })
}

/// `/data/<table>.csv` and `/data/vigia.xlsx`.
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

/// `/data/datapackage.json`. Loading an earlier version copies the record, so it takes a
/// build's place like the files do.
async fn package(
    State(state): State<DataState>,
    ApiQuery(query): ApiQuery<DataQuery>,
) -> Result<Response, ApiError> {
    let Ok(_building) = state.builds.try_acquire() else {
        return Ok(busy());
    };
    let (data, version) = load(&state.reading, query.as_of.as_deref()).await?;
    let descriptor = package::descriptor(&data.snapshot, version, &state.reading.public_url);
    Ok(Json(descriptor).into_response())
}

async fn build(
    state: DataState,
    file: Written,
    query: DataQuery,
    lang: app::i18n::Lang,
) -> Result<Response, ApiError> {
    let Ok(building) = state.builds.try_acquire() else {
        return Ok(busy());
    };
    let (data, version) = load(&state.reading, query.as_of.as_deref()).await?;
    let name = file.name(version.as_of);
    // Writing is CPU work (the workbook compresses); it runs off the async workers.
    let spool = state.spool.clone();
    let written = tokio::task::spawn_blocking(move || file.write(&data, lang, &spool))
        .await
        .map_err(|e| ApiError::Internal(e.into()))?
        .map_err(ApiError::Internal)?;
    drop(building);
    let length = written
        .metadata()
        .map_err(|e| ApiError::Internal(e.into()))?
        .len();
    let body = Body::from_stream(ReaderStream::with_capacity(
        tokio::fs::File::from_std(written),
        SENT_A_PART,
    ));
    let mut response = attachment(body, file.content_type(), &name);
    // A slow download shows its progress.
    response.headers_mut().insert(CONTENT_LENGTH, length.into());
    Ok(response)
}
