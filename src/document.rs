//! Documents attached to claims and replies: PDFs kept by their SHA-256. Uploaded documents
//! may identify victims, so an admin can withhold one; its entry, hash and the reason stay
//! public, the content does not.

use serde::{Deserialize, Serialize};

/// The largest document Vigía accepts (10 MiB).
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: i64,
    /// Hex SHA-256 of the content, so anyone holding a copy can check it is the same file.
    pub sha256: String,
    /// The name it was uploaded with, offered again when it is downloaded.
    pub filename: String,
    pub size: u64,
    /// Why an admin withheld it from the public, if they did.
    pub withheld_reason: Option<String>,
}

impl Document {
    pub fn is_withheld(&self) -> bool {
        self.withheld_reason.is_some()
    }
}

/// How every PDF starts: the bytes a browser reads of a chosen file before calling it one.
pub const PDF_SIGNATURE: &[u8] = b"%PDF-";

/// Whether a file whose first bytes are `head` is a PDF, by its content, not its name.
pub fn starts_like_pdf(head: &[u8]) -> bool {
    head.starts_with(PDF_SIGNATURE)
}

/// Where Vigía serves document `id`: its permalink, relative to the site (as the API's
/// document links are). A claim whose source is an uploaded PDF cites it by this path.
pub fn permalink(id: i64) -> String {
    format!("/documents/{id}")
}

/// The document a permalink names (`/documents/12`), if `text` is one.
pub fn permalink_id(text: &str) -> Option<i64> {
    let digits = text.strip_prefix("/documents/")?;
    if digits.is_empty() || digits.len() > 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|id| *id > 0)
}

/// A file as it came in a form, not yet checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Upload {
    pub filename: String,
    pub bytes: Vec<u8>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_pdf_signature_makes_a_pdf() {
        assert!(starts_like_pdf(b"%PDF-1.7\n..."));
        for head in [&b"hola"[..], b"%PDF", b" %PDF-1.4", b""] {
            assert!(!starts_like_pdf(head), "{head:?}");
        }
    }

    #[test]
    fn permalinks_round_trip_and_nothing_else_passes() {
        assert_eq!(permalink_id(&permalink(12)), Some(12));
        for text in [
            "/documents/",
            "/documents/0",
            "/documents/+3",
            "/documents/3/",
            "/documents/3?x",
            "https://x/documents/3",
            "/documents/99999999999999999999",
        ] {
            assert_eq!(permalink_id(text), None, "{text}");
        }
    }
}
