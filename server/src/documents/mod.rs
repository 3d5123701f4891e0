//! Uploaded PDFs on disk under `VIGIA_DATA_DIR/documents`, named by their SHA-256 so the same
//! file uploaded twice is stored once and its name proves its content.

mod routes;

pub use routes::{download, withhold};

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use vigia::document::MAX_DOCUMENT_BYTES;
use vigia::new_claim::Problem;

/// A PDF that passed the checks and is on disk.
#[derive(Debug, Clone)]
pub struct StoredDocument {
    pub sha256: String,
    pub filename: String,
    pub size: u64,
}

#[derive(Clone, Debug)]
pub struct DocumentStore {
    dir: PathBuf,
}

impl DocumentStore {
    pub fn new(data_dir: &Path) -> std::io::Result<Self> {
        let dir = data_dir.join("documents");
        std::fs::create_dir_all(&dir)?;
        Ok(Self { dir })
    }

    pub fn path_of(&self, sha256: &str) -> PathBuf {
        self.dir.join(format!("{sha256}.pdf"))
    }

    /// Writes the file beside its final name and renames it, so a crash never leaves a
    /// half-written document under a hash it does not have.
    pub async fn save(&self, upload: &Upload) -> std::io::Result<StoredDocument> {
        let sha256 = hex::encode(Sha256::digest(&upload.bytes));
        let path = self.path_of(&sha256);
        if tokio::fs::try_exists(&path).await? {
            return Ok(upload.stored(sha256));
        }
        let partial = self
            .dir
            .join(format!("{sha256}.{}.part", rand::random::<u32>()));
        tokio::fs::write(&partial, &upload.bytes).await?;
        tokio::fs::rename(&partial, &path).await?;
        Ok(upload.stored(sha256))
    }

    pub async fn remove(&self, sha256: &str) -> std::io::Result<()> {
        match tokio::fs::remove_file(self.path_of(sha256)).await {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

/// A file as it came in a form.
#[derive(Debug, Default)]
pub struct Upload {
    pub filename: String,
    pub bytes: Vec<u8>,
}

impl Upload {
    /// Checks the size and, by its content rather than its name, that it is a PDF.
    pub fn check(&self) -> Result<(), Problem> {
        if self.bytes.len() > MAX_DOCUMENT_BYTES {
            return Err(Problem::DocumentTooLarge);
        }
        match infer::get(&self.bytes) {
            Some(kind) if kind.mime_type() == "application/pdf" => Ok(()),
            _ => Err(Problem::DocumentNotPdf),
        }
    }

    fn stored(&self, sha256: String) -> StoredDocument {
        StoredDocument {
            sha256,
            filename: clean_filename(&self.filename),
            size: self.bytes.len() as u64,
        }
    }
}

/// A name safe to offer back in `Content-Disposition`: no path, no quotes or control
/// characters, ending in `.pdf`.
fn clean_filename(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | ';'))
        .take(120)
        .collect();
    let cleaned = cleaned.trim();
    if cleaned.is_empty() {
        "document.pdf".to_owned()
    } else if cleaned.to_lowercase().ends_with(".pdf") {
        cleaned.to_owned()
    } else {
        format!("{cleaned}.pdf")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

    #[test]
    fn a_pdf_is_recognised_by_its_content_not_its_name() {
        let named_pdf = Upload {
            filename: "plan.pdf".into(),
            bytes: b"<html>not a pdf</html>".to_vec(),
        };
        assert_eq!(named_pdf.check(), Err(Problem::DocumentNotPdf));
        let named_txt = Upload {
            filename: "plan.txt".into(),
            bytes: PDF.to_vec(),
        };
        assert_eq!(named_txt.check(), Ok(()));
    }

    #[test]
    fn ten_mebibytes_pass_and_one_byte_more_does_not() {
        let mut bytes = PDF.to_vec();
        bytes.resize(MAX_DOCUMENT_BYTES, b' ');
        let mut upload = Upload {
            filename: "big.pdf".into(),
            bytes,
        };
        assert_eq!(upload.check(), Ok(()));
        upload.bytes.push(b' ');
        assert_eq!(upload.check(), Err(Problem::DocumentTooLarge));
    }

    #[test]
    fn filenames_lose_paths_and_quotes_and_end_in_pdf() {
        assert_eq!(
            clean_filename("C:\\docs\\plan \"final\".PDF"),
            "plan final.PDF"
        );
        assert_eq!(clean_filename("../../etc/passwd"), "passwd.pdf");
        assert_eq!(clean_filename(""), "document.pdf");
    }
}
