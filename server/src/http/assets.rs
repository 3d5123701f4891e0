//! The site's static files. Files whose names carry a content hash (cargo-leptos `hash-files`)
//! never change under that name, so browsers and shared caches keep them for a year without
//! asking; release builds also write `.br` and `.gz` forms beside them, served as they are.
//! Anything else (favicon, robots) is kept briefly.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::header::{HeaderValue, CACHE_CONTROL};
use std::path::Path;
use tower_http::services::ServeDir;

pub fn pkg_files(dir: &Path) -> ServeDir {
    ServeDir::new(dir).precompressed_br().precompressed_gzip()
}

/// `name.HASH.ext`, where HASH is the 22 characters of cargo-leptos' base64url MD5.
pub fn is_hashed(file_name: &str) -> bool {
    let mut parts = file_name.split('.');
    let (Some(_), Some(hash), Some(_)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    hash.len() == 22
        && hash
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Sets how long a static file may be kept, unless its handler said.
pub async fn cache_control(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let policy = if path.starts_with("/pkg/") {
        let name = path.rsplit('/').next().unwrap_or_default();
        Some(if is_hashed(name) {
            "public, max-age=31536000, immutable"
        } else {
            "public, max-age=300"
        })
    } else if matches!(path, "/favicon.svg" | "/favicon.ico" | "/robots.txt") {
        Some("public, max-age=86400")
    } else {
        None
    };
    let mut response = next.run(request).await;
    if let Some(policy) = policy {
        if response.status().is_success() && !response.headers().contains_key(CACHE_CONTROL) {
            response
                .headers_mut()
                .insert(CACHE_CONTROL, HeaderValue::from_static(policy));
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::is_hashed;

    #[test]
    fn only_names_with_a_content_hash_are_hashed() {
        assert!(is_hashed("vigia.Wb5Z3oQ3jB3rj3pp6N8g6Q.css"));
        assert!(is_hashed("vigia.Wb5Z3oQ3jB3rj3pp6N8g6Q.wasm"));
        assert!(!is_hashed("vigia.css"));
        assert!(!is_hashed("vigia_bg.wasm"));
        assert!(!is_hashed("vigia.short.js"));
    }
}
