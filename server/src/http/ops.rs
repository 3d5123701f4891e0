//! The metrics endpoint for operators (health is part of the documented API).

use axum::extract::State;
use axum::response::{IntoResponse, Response};

use super::client::ClientAddress;
use super::error::PageError;
use crate::http::state::AppState;

/// Prometheus metrics, only for the addresses in `VIGIA_METRICS_ALLOW` (loopback by default):
/// they describe the server, not the data, and are nobody else's business.
pub async fn metrics(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
) -> Result<Response, PageError> {
    if !state
        .settings
        .metrics_allow
        .iter()
        .any(|net| net.contains(&client))
    {
        return Err(PageError::NotFound);
    }
    let pool = state.store.pool_stats();
    let alerts = state.store.alert_counts().await?;
    let body = state
        .metrics
        .render(pool.size, pool.idle, state.cache.bytes(), &alerts);
    Ok((
        [(
            http::header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        body,
    )
        .into_response())
}
