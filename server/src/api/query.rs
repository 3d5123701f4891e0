//! Query-string extraction whose failures answer the API's JSON error, not axum's plain text.

use axum::extract::{FromRequestParts, Query};
use http::request::Parts;
use serde::de::DeserializeOwned;

use super::error::{shortened, ApiError};

pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(value)| ApiQuery(value))
            .map_err(|rejection| {
                // serde's message may quote a value sent: cut short like any echo.
                let text = rejection.body_text();
                let (shown, more) = shortened(&text, 160);
                ApiError::BadRequest(format!("invalid query string: {shown}{more}"))
            })
    }
}
