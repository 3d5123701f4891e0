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

/// A file as it came in a form, not yet checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Upload {
    pub filename: String,
    pub bytes: Vec<u8>,
}
