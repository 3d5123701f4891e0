//! API errors: client mistakes said plainly as JSON, internal failures as an opaque 500
//! logged once with their cause.

use axum::response::{IntoResponse, Response};
use axum::Json;
use http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    BadRequest(String),
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

/// The body of every API error.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    /// A stable code: `not_found`, `bad_request` or `internal`.
    pub error: &'static str,
    /// What went wrong, in English.
    pub message: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = match &self {
            ApiError::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            ApiError::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad_request"),
            ApiError::Internal(cause) => {
                tracing::error!(error = ?cause, "API request failed");
                (StatusCode::INTERNAL_SERVER_ERROR, "internal")
            }
        };
        (
            status,
            Json(ErrorBody {
                error: code,
                message: self.to_string(),
            }),
        )
            .into_response()
    }
}

/// A value the client sent, as an error message shows it: quoted and cut short, so that an
/// answer never grows with what was sent.
pub fn echo(value: &str) -> String {
    let (shown, more) = shortened(value, 40);
    format!("{shown:?}{more}")
}

/// At most `max` characters of `text`, and what to write after them: an ellipsis when any
/// were left out.
pub fn shortened(text: &str, max: usize) -> (&str, &'static str) {
    match text.char_indices().nth(max) {
        Some((end, _)) => (&text[..end], "…"),
        None => (text, ""),
    }
}

impl From<vigia::ports::PortError> for ApiError {
    fn from(error: vigia::ports::PortError) -> Self {
        ApiError::Internal(error.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoed_values_are_quoted_and_cut_short() {
        assert_eq!(echo("BO-X"), "\"BO-X\"");
        let long = "ñ".repeat(5000);
        let shown = echo(&long);
        assert!(
            shown.starts_with("\"ññ") && shown.ends_with("\"…"),
            "{shown}"
        );
        assert_eq!(shown.chars().filter(|c| *c == 'ñ').count(), 40);
    }
}
