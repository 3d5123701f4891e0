//! Health and metrics endpoints for operators.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::StatusCode;

use crate::state::AppState;

/// 200 when the database answers, 503 otherwise.
#[utoipa::path(
    get,
    path = "/healthz",
    responses((status = 200, description = "The database answers"), (status = 503, description = "The database does not answer"))
)]
pub async fn healthz(State(state): State<AppState>) -> Response {
    match crate::db::ping(state.store.pool()).await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(error) => {
            tracing::error!(error = ?error, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

pub async fn metrics(State(state): State<AppState>) -> Response {
    let pool = state.store.pool();
    let body = state.metrics.render(pool.size(), pool.num_idle());
    (
        [(
            http::header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        body,
    )
        .into_response()
}
