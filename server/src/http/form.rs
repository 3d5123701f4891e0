//! Reading forms: URL-encoded or multipart text fields and at most one uploaded document,
//! with every refusal (too large, malformed) as a `PageError`. Forms with a file input are
//! multipart; scripts and tests may send either when there is no file.

use axum::extract::rejection::RawFormRejection;
use axum::extract::{FromRequest, Multipart, RawForm, Request};
use http::header::CONTENT_TYPE;
use http::StatusCode;
use serde::de::DeserializeOwned;

use super::error::PageError;
use crate::auth::{AuthSession, User};
use vigia::document::{Upload, MAX_DOCUMENT_BYTES};
use vigia::new_claim::{FieldError, Problem};

/// The name of the file input on our forms.
pub const DOCUMENT_FIELD: &str = "document";

/// Each problem a draft's check found, with the field it belongs to (none when it passed).
pub fn problems<T>(checked: &Result<T, Vec<FieldError>>) -> Vec<(String, Problem)> {
    match checked {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| (e.field.to_owned(), e.problem))
            .collect(),
    }
}

/// The signed-in person, or a sign-in that returns to `page`.
pub fn signed_in(auth_session: &AuthSession, page: &str) -> Result<User, PageError> {
    auth_session
        .user
        .clone()
        .ok_or_else(|| PageError::SignIn(page.to_owned()))
}

fn form_rejection(rejection: RawFormRejection) -> PageError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        PageError::TooLarge
    } else {
        tracing::debug!(rejection = %rejection.body_text(), "a form could not be read");
        PageError::BadRequest
    }
}

fn multipart_error(error: axum::extract::multipart::MultipartError) -> PageError {
    if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
        PageError::TooLarge
    } else {
        tracing::debug!(error = %error.body_text(), "a multipart form could not be read");
        PageError::BadRequest
    }
}

/// A URL-encoded form as a list of fields; the limits apply before it is read. Bytes that
/// are not UTF-8 are refused rather than read as replacement characters: no browser sends
/// them from our pages, and nothing typed may reach the history changed.
pub struct Fields(pub Vec<(String, String)>);

impl<S: Send + Sync> FromRequest<S> for Fields {
    type Rejection = PageError;

    async fn from_request(request: Request, state: &S) -> Result<Self, PageError> {
        let RawForm(body) = RawForm::from_request(request, state)
            .await
            .map_err(form_rejection)?;
        if percent_encoding::percent_decode(&body)
            .decode_utf8()
            .is_err()
        {
            tracing::debug!("a form was not UTF-8");
            return Err(PageError::BadRequest);
        }
        Ok(Self(form_urlencoded::parse(&body).into_owned().collect()))
    }
}

impl Fields {
    /// The last value of a field, trimmed ("" when absent).
    pub fn value<'a>(&'a self, name: &'a str) -> &'a str {
        self.values(name).last().unwrap_or_default()
    }

    pub fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> {
        self.0
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.trim())
    }

    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, PageError> {
        parse(&self.0)
    }
}

fn parse<T: DeserializeOwned>(fields: &[(String, String)]) -> Result<T, PageError> {
    let object = fields
        .iter()
        .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
        .collect::<serde_json::Map<_, _>>();
    serde_json::from_value(serde_json::Value::Object(object)).map_err(|error| {
        tracing::debug!(error = %error, "a form did not have the expected fields");
        PageError::BadRequest
    })
}

#[derive(Debug, Default)]
pub struct SubmittedForm {
    pub fields: Vec<(String, String)>,
    /// Files other than the document (a table to import), as sent: the handler decides how
    /// to read them.
    pub files: Vec<(String, Vec<u8>)>,
    /// The document, if one was chosen and it passed the checks.
    pub document: Option<Upload>,
    /// Why a chosen document was refused.
    pub document_problem: Option<Problem>,
}

impl SubmittedForm {
    pub async fn read(request: Request) -> Result<Self, PageError> {
        let multipart = request
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
        if !multipart {
            let Fields(fields) = Fields::from_request(request, &()).await?;
            return Ok(Self {
                fields,
                ..Self::default()
            });
        }
        let mut parts = Multipart::from_request(request, &())
            .await
            .map_err(|rejection| match rejection.status() {
                StatusCode::PAYLOAD_TOO_LARGE => PageError::TooLarge,
                _ => PageError::BadRequest,
            })?;
        let mut form = Self::default();
        while let Some(mut field) = parts.next_field().await.map_err(multipart_error)? {
            let name = field.name().unwrap_or_default().to_owned();
            if name != DOCUMENT_FIELD {
                let is_file = field.file_name().is_some();
                let bytes = field.bytes().await.map_err(multipart_error)?.to_vec();
                if is_file {
                    form.files.push((name, bytes));
                } else {
                    let value = String::from_utf8(bytes).map_err(|_| PageError::BadRequest)?;
                    form.fields.push((name, value));
                }
                continue;
            }
            let mut upload = Upload {
                filename: field.file_name().unwrap_or_default().to_owned(),
                bytes: Vec::new(),
            };
            let mut oversized = false;
            while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
                if upload.bytes.len() + chunk.len() > MAX_DOCUMENT_BYTES {
                    oversized = true;
                    upload.bytes = Vec::new();
                } else if !oversized {
                    upload.bytes.extend_from_slice(&chunk);
                }
            }
            if oversized {
                form.document_problem = Some(Problem::DocumentTooLarge);
            } else if upload.filename.is_empty() && upload.bytes.is_empty() {
                // The file input was left empty.
            } else {
                match vigia_store::documents::check(&upload) {
                    Ok(()) => form.document = Some(upload),
                    Err(problem) => form.document_problem = Some(problem),
                }
            }
        }
        Ok(form)
    }

    /// The text fields as a typed form; for repeated names the last one wins.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, PageError> {
        parse(&self.fields)
    }

    /// The last value of a field, trimmed.
    pub fn field(&self, name: &str) -> String {
        self.fields
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    }

    /// The accepted document, if any, to attach to the write.
    pub fn documents(&mut self) -> Vec<Upload> {
        self.document.take().into_iter().collect()
    }
}
