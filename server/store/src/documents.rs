//! Uploaded PDFs on disk under `VIGIA_DATA_DIR/documents`, named by their SHA-256 so the same
//! file uploaded twice is stored once and its name proves its content.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use vigia::document::{Upload, MAX_DOCUMENT_BYTES};
use vigia::new_claim::Problem;
use vigia::text;

use crate::db::documents::DocumentRecord;

#[derive(Clone, Debug)]
pub struct DocumentStore {
    dir: PathBuf,
}

/// A document written beside its final name, waiting for the transaction that records it:
/// kept if that commits, removed otherwise (also if the request is dropped half-way), so no
/// file is ever left on disk without a record, nor a record without its file.
pub struct Staged {
    pub record: DocumentRecord,
    temp: PathBuf,
    destination: PathBuf,
    settled: bool,
}

impl Staged {
    /// Moves the file to its final name (or drops the copy when the same bytes are there).
    pub async fn keep(mut self) -> std::io::Result<()> {
        self.settled = true;
        if tokio::fs::try_exists(&self.destination).await? {
            tokio::fs::remove_file(&self.temp).await
        } else {
            tokio::fs::rename(&self.temp, &self.destination).await
        }
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.settled {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
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

    /// Writes the file under a temporary name; see [`Staged`].
    pub async fn stage(&self, upload: &Upload) -> std::io::Result<Staged> {
        let sha256 = hex::encode(Sha256::digest(&upload.bytes));
        let temp = self
            .dir
            .join(format!("{sha256}.{}.part", rand::random::<u32>()));
        tokio::fs::write(&temp, &upload.bytes).await?;
        Ok(Staged {
            record: DocumentRecord {
                filename: clean_filename(&upload.filename),
                size: upload.bytes.len() as u64,
                sha256: sha256.clone(),
            },
            destination: self.path_of(&sha256),
            temp,
            settled: false,
        })
    }

    pub async fn remove(&self, sha256: &str) -> std::io::Result<()> {
        match tokio::fs::remove_file(self.path_of(sha256)).await {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

/// A checked upload kept while its form comes back with errors, so a reader on a slow link
/// does not send the same 10 MB again. Stored by its hash under `kept/`; forgotten a day
/// after it was last kept.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct KeptFile {
    pub sha256: String,
    pub filename: String,
    pub size: u64,
}

/// How long a kept file waits for its form.
pub const KEPT_FOR: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

impl DocumentStore {
    fn kept_dir(&self) -> PathBuf {
        self.dir.with_file_name("kept")
    }

    fn kept_path(&self, sha256: &str) -> Option<PathBuf> {
        // Only a hash names a kept file: nothing a client sends may become a path.
        let hash = sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_hexdigit());
        hash.then(|| self.kept_dir().join(format!("{sha256}.pdf")))
    }

    /// Keeps a checked upload for its form's next post.
    pub async fn keep_for_form(&self, upload: &Upload) -> std::io::Result<KeptFile> {
        let sha256 = hex::encode(Sha256::digest(&upload.bytes));
        let path = self.kept_path(&sha256).expect("a hash names the file");
        tokio::fs::create_dir_all(self.kept_dir()).await?;
        // Written anew even when there, so its age counts from now.
        tokio::fs::write(&path, &upload.bytes).await?;
        Ok(KeptFile {
            filename: clean_filename(&upload.filename),
            size: upload.bytes.len() as u64,
            sha256,
        })
    }

    /// The kept upload, as it was sent; `None` once it is forgotten (or never was).
    pub async fn kept(&self, kept: &KeptFile) -> Option<Upload> {
        let bytes = tokio::fs::read(self.kept_path(&kept.sha256)?).await.ok()?;
        let intact = hex::encode(Sha256::digest(&bytes)) == kept.sha256;
        intact.then(|| Upload {
            filename: kept.filename.clone(),
            bytes,
        })
    }

    /// Forgets kept files older than [`KEPT_FOR`]; how many went.
    pub fn forget_old_kept(&self) -> std::io::Result<usize> {
        let Ok(entries) = std::fs::read_dir(self.kept_dir()) else {
            return Ok(0);
        };
        let mut forgotten = 0;
        for entry in entries.flatten() {
            let old = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|at| at.elapsed().ok())
                .is_some_and(|age| age > KEPT_FOR);
            if old {
                std::fs::remove_file(entry.path())?;
                forgotten += 1;
            }
        }
        Ok(forgotten)
    }
}

/// Checks an upload's size and, by its content rather than its name, that it is a PDF.
pub fn check(upload: &Upload) -> Result<(), Problem> {
    if upload.bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(Problem::DocumentTooLarge);
    }
    match infer::get(&upload.bytes) {
        Some(kind) if kind.mime_type() == "application/pdf" => Ok(()),
        _ => Err(Problem::DocumentNotPdf),
    }
}

/// A name safe to offer back in `Content-Disposition`: no path, no quotes, control or
/// reordering characters, ending in `.pdf`.
fn clean_filename(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned = text::neutralise(base, text::FILENAME).replace(['"', ';'], "");
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

    fn upload(filename: &str, bytes: &[u8]) -> Upload {
        Upload {
            filename: filename.into(),
            bytes: bytes.to_vec(),
        }
    }

    #[test]
    fn a_pdf_is_recognised_by_its_content_not_its_name() {
        assert_eq!(
            check(&upload("plan.pdf", b"<html>not a pdf</html>")),
            Err(Problem::DocumentNotPdf)
        );
        assert_eq!(check(&upload("plan.txt", PDF)), Ok(()));
    }

    #[test]
    fn ten_mebibytes_pass_and_one_byte_more_does_not() {
        let mut bytes = PDF.to_vec();
        bytes.resize(MAX_DOCUMENT_BYTES, b' ');
        let mut big = upload("big.pdf", &bytes);
        assert_eq!(check(&big), Ok(()));
        big.bytes.push(b' ');
        assert_eq!(check(&big), Err(Problem::DocumentTooLarge));
    }

    #[test]
    fn filenames_lose_paths_quotes_and_reordering_and_end_in_pdf() {
        assert_eq!(
            clean_filename("C:\\docs\\plan \"final\".PDF"),
            "plan final.PDF"
        );
        assert_eq!(clean_filename("../../etc/passwd"), "passwd.pdf");
        assert_eq!(clean_filename(""), "document.pdf");
        assert_eq!(clean_filename("fdp.\u{202E}exe"), "fdp.exe.pdf");
    }

    #[tokio::test]
    async fn a_file_kept_for_its_form_comes_back_whole_and_only_by_its_hash() {
        let dir = tempfile::tempdir().unwrap();
        let store = DocumentStore::new(dir.path()).unwrap();
        let kept = store
            .keep_for_form(&upload("informe.pdf", PDF))
            .await
            .unwrap();
        assert_eq!(kept.size, PDF.len() as u64);
        let back = store.kept(&kept).await.unwrap();
        assert_eq!(
            (back.filename.as_str(), back.bytes.as_slice()),
            ("informe.pdf", PDF)
        );
        let forged = KeptFile {
            sha256: "../documents/x".into(),
            ..kept.clone()
        };
        assert!(store.kept(&forged).await.is_none(), "a path is not a hash");
        assert_eq!(store.forget_old_kept().unwrap(), 0, "a fresh file stays");
    }

    #[tokio::test]
    async fn a_staged_file_is_kept_only_when_asked_and_removed_otherwise() {
        let dir = tempfile::tempdir().unwrap();
        let store = DocumentStore::new(dir.path()).unwrap();
        let staged = store.stage(&upload("a.pdf", PDF)).await.unwrap();
        let sha = staged.record.sha256.clone();
        drop(staged);
        let files = std::fs::read_dir(dir.path().join("documents"))
            .unwrap()
            .count();
        assert_eq!(files, 0, "a dropped upload leaves nothing behind");
        store
            .stage(&upload("a.pdf", PDF))
            .await
            .unwrap()
            .keep()
            .await
            .unwrap();
        assert!(store.path_of(&sha).exists());
        store
            .stage(&upload("b.pdf", PDF))
            .await
            .unwrap()
            .keep()
            .await
            .unwrap();
        let files = std::fs::read_dir(dir.path().join("documents"))
            .unwrap()
            .count();
        assert_eq!(files, 1, "the same bytes are stored once");
    }
}
