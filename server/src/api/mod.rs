//! The public, read-only, versioned open data API.

mod departments;
mod dto;
pub(crate) mod error;
pub mod events;
pub mod export;
pub(crate) mod gaps;
mod history;
pub(crate) mod query;

use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::Router;
use std::sync::LazyLock;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use error::ApiError;

use crate::present::Reading;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Vigía open data API",
        description = "Compliance of Bolivia's nine departments with the instruments the anti-trafficking law requires: status, deadlines, sources, history and gaps. Read-only and public. Messages are in Spanish unless `lang=en` is given or the Accept-Language header prefers English.",
        license(name = "CC BY 4.0", identifier = "CC-BY-4.0")
    ),
    paths(openapi_json),
    components(schemas(crate::present::WebhookPayload))
)]
struct ApiDoc;

fn documented() -> OpenApiRouter<Reading> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(departments::list_departments))
        .routes(routes!(departments::get_department))
        .routes(routes!(gaps::list_gaps))
        .routes(routes!(gaps::list_gaps_csv))
        .routes(routes!(history::list_history))
        .routes(routes!(events::list_events))
        .routes(routes!(export::export_csv))
        .routes(routes!(export::claims_csv))
        .routes(routes!(healthz))
}

static SPEC: LazyLock<String> = LazyLock::new(|| {
    let (_, spec) = documented().split_for_parts();
    spec.to_pretty_json().unwrap_or_else(|_| "{}".to_owned())
});

/// This document: the OpenAPI 3 description of every public endpoint.
#[utoipa::path(get, path = "/api/openapi.json", responses((status = 200, description = "OpenAPI 3 document", content_type = "application/json")))]
async fn openapi_json() -> Response {
    (
        [(http::header::CONTENT_TYPE, "application/json")],
        SPEC.as_str(),
    )
        .into_response()
}

/// 200 when the database answers, 503 otherwise.
#[utoipa::path(
    get,
    path = "/healthz",
    responses((status = 200, description = "The database answers"), (status = 503, description = "The database does not answer"))
)]
pub async fn healthz(axum::extract::State(state): axum::extract::State<Reading>) -> Response {
    match state.store.ping().await {
        Ok(()) => (http::StatusCode::OK, "ok").into_response(),
        Err(_) => (
            http::StatusCode::SERVICE_UNAVAILABLE,
            "database unavailable",
        )
            .into_response(),
    }
}

/// Every `/api` route (and `/healthz`); unknown paths under `/api` answer JSON, never the
/// HTML fallback.
pub fn router() -> Router<Reading> {
    let (documented, _) = documented().split_for_parts();
    let not_found = || async { ApiError::NotFound("no such API endpoint".into()) };
    documented
        .route("/api/openapi.json", get(openapi_json))
        .route("/api", any(not_found))
        .route("/api/{*rest}", any(not_found))
}
