//! Reads a submitted form, URL-encoded or multipart, into its text fields and at most one
//! uploaded document. Forms with a file input are multipart; scripts and tests may send
//! either when there is no file.

use axum::extract::{FromRequest, Multipart, Request};
use axum::response::{IntoResponse, Response};
use axum::Form;
use http::header::CONTENT_TYPE;
use http::StatusCode;
use serde::de::DeserializeOwned;

use crate::documents::Upload;
use vigia::document::MAX_DOCUMENT_BYTES;
use vigia::new_claim::Problem;

/// How much an upload form may send in all. Files over the document limit are read and
/// discarded up to here so the person gets a message beside the field, not a bare 413.
pub const UPLOAD_BODY_LIMIT: usize = 5 * MAX_DOCUMENT_BYTES;

/// The name of the file input on our forms.
pub const DOCUMENT_FIELD: &str = "document";

#[derive(Debug, Default)]
pub struct SubmittedForm {
    pub fields: Vec<(String, String)>,
    /// The document, if one was chosen and it passed the checks.
    pub document: Option<Upload>,
    /// Why a chosen document was refused.
    pub document_problem: Option<Problem>,
}

impl SubmittedForm {
    pub async fn read(request: Request) -> Result<Self, Response> {
        let multipart = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
        if !multipart {
            let Form(fields) = Form::<Vec<(String, String)>>::from_request(request, &())
                .await
                .map_err(IntoResponse::into_response)?;
            return Ok(Self {
                fields,
                ..Self::default()
            });
        }
        let mut parts = Multipart::from_request(request, &())
            .await
            .map_err(IntoResponse::into_response)?;
        let mut form = Self::default();
        while let Some(mut field) = parts.next_field().await.map_err(too_large_or_bad)? {
            let name = field.name().unwrap_or_default().to_owned();
            if name != DOCUMENT_FIELD {
                let value = field.text().await.map_err(too_large_or_bad)?;
                form.fields.push((name, value));
                continue;
            }
            let mut upload = Upload {
                filename: field.file_name().unwrap_or_default().to_owned(),
                bytes: Vec::new(),
            };
            let mut oversized = false;
            while let Some(chunk) = field.chunk().await.map_err(too_large_or_bad)? {
                if upload.bytes.len() + chunk.len() > MAX_DOCUMENT_BYTES {
                    oversized = true;
                    upload.bytes.clear();
                } else if !oversized {
                    upload.bytes.extend_from_slice(&chunk);
                }
            }
            if oversized {
                form.document_problem = Some(Problem::DocumentTooLarge);
            } else if upload.filename.is_empty() && upload.bytes.is_empty() {
                // The file input was left empty.
            } else {
                match upload.check() {
                    Ok(()) => form.document = Some(upload),
                    Err(problem) => form.document_problem = Some(problem),
                }
            }
        }
        Ok(form)
    }

    /// Stores the accepted document, if any, so the caller can attach it in its transaction.
    pub async fn store_document(
        &self,
        store: &crate::documents::DocumentStore,
    ) -> Result<Vec<crate::documents::StoredDocument>, StatusCode> {
        let Some(upload) = &self.document else {
            return Ok(Vec::new());
        };
        store
            .save(upload)
            .await
            .map(|stored| vec![stored])
            .map_err(|error| {
                tracing::error!(error = ?error, "could not store a document");
                StatusCode::INTERNAL_SERVER_ERROR
            })
    }

    /// The text fields as a typed form; for repeated names the last one wins.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, (StatusCode, String)> {
        let object = self
            .fields
            .iter()
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect::<serde_json::Map<_, _>>();
        serde_json::from_value(serde_json::Value::Object(object))
            .map_err(|e| (StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))
    }
}

fn too_large_or_bad(error: axum::extract::multipart::MultipartError) -> Response {
    (error.status(), error.body_text()).into_response()
}
