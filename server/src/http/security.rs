//! Security headers for HTML pages. The Content-Security-Policy allows scripts only from this
//! site and its own inline scripts: by the nonce Leptos gave a personal page, and by their
//! SHA-256 hashes on a public page, which loses its nonce so that it is the same bytes for
//! every reader (a shared cache in front of Vigía can keep it). Only `/embed/map` may be framed.

use base64::Engine;
use http::header::{HeaderName, HeaderValue, X_FRAME_OPTIONS};
use sha2::{Digest, Sha256};

const CSP: HeaderName = HeaderName::from_static("content-security-policy");

/// Sent with every answer: no content sniffing, and no full address to other sites.
pub const NOSNIFF: HeaderValue = HeaderValue::from_static("nosniff");
pub const REFERRER_POLICY: HeaderValue =
    HeaderValue::from_static("strict-origin-when-cross-origin");
/// Sent with every answer when the site is served over HTTPS (secure cookies).
pub const HSTS: HeaderValue = HeaderValue::from_static("max-age=31536000; includeSubDomains");

/// The nonce of the first `nonce="…"` attribute of a page.
fn nonce_in(html: &[u8]) -> Option<&str> {
    let marker = b"nonce=\"";
    let start = html.windows(marker.len()).position(|w| w == marker)? + marker.len();
    let length = html[start..].iter().position(|b| *b == b'"')?;
    let nonce = std::str::from_utf8(&html[start..start + length]).ok()?;
    nonce
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"+/=_-".contains(&b))
        .then_some(nonce)
}

/// The page without its per-render nonce (Leptos also repeats it as a `crossorigin` value).
pub fn without_nonce(html: &[u8]) -> Vec<u8> {
    let Some(nonce) = nonce_in(html) else {
        return html.to_vec();
    };
    let html = String::from_utf8_lossy(html);
    html.replace(&format!(" nonce=\"{nonce}\""), "")
        .replace(&format!("=\"{nonce}\""), "=\"\"")
        .into_bytes()
}

/// The CSP sources of the inline scripts of a page (those without `src`), by content hash.
fn inline_script_hashes(html: &[u8]) -> Vec<String> {
    let html = String::from_utf8_lossy(html);
    let mut hashes = Vec::new();
    let mut rest = &html[..];
    while let Some(start) = rest.find("<script") {
        rest = &rest[start + "<script".len()..];
        let Some(tag_end) = rest.find('>') else { break };
        let attributes = &rest[..tag_end];
        rest = &rest[tag_end + 1..];
        let Some(end) = rest.find("</script>") else {
            break;
        };
        if !attributes.contains("src=") && end > 0 {
            let digest = Sha256::digest(&rest.as_bytes()[..end]);
            let encoded = base64::engine::general_purpose::STANDARD.encode(digest);
            let source = format!("'sha256-{encoded}'");
            if !hashes.contains(&source) {
                hashes.push(source);
            }
        }
        rest = &rest[end..];
    }
    hashes
}

/// The headers a page at `path` with this body should carry.
pub fn page_headers(path: &str, html: &[u8]) -> Vec<(HeaderName, HeaderValue)> {
    let embeddable = path == "/embed/map" || path.starts_with("/embed/map?");
    let scripts = match nonce_in(html) {
        Some(nonce) => format!("'self' 'nonce-{nonce}' 'wasm-unsafe-eval'"),
        None => {
            let mut sources = vec!["'self'".to_owned()];
            sources.extend(inline_script_hashes(html));
            sources.push("'wasm-unsafe-eval'".to_owned());
            sources.join(" ")
        }
    };
    let frames = if embeddable { "*" } else { "'none'" };
    let policy = format!(
        "default-src 'self'; script-src {scripts}; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors {frames}"
    );
    let mut headers = vec![(CSP, HeaderValue::from_str(&policy).expect("ASCII policy"))];
    if !embeddable {
        headers.push((X_FRAME_OPTIONS, HeaderValue::from_static("DENY")));
    }
    headers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(path: &str, html: &str) -> String {
        page_headers(path, html.as_bytes())
            .into_iter()
            .find(|(name, _)| name == CSP)
            .map(|(_, value)| value.to_str().unwrap().to_owned())
            .unwrap()
    }

    #[test]
    fn the_page_nonce_is_the_only_inline_script_allowed() {
        let csp = policy("/", r#"<script type="module" nonce="abc123_-">x</script>"#);
        assert!(
            csp.contains("script-src 'self' 'nonce-abc123_-' 'wasm-unsafe-eval';"),
            "{csp}"
        );
        assert!(!csp.contains("unsafe-inline"));
        assert!(csp.contains("frame-ancestors 'none'"));
    }

    #[test]
    fn only_the_embed_map_may_be_framed() {
        assert!(policy("/embed/map?department=BO-L", "").contains("frame-ancestors *"));
        assert!(page_headers("/embed/map", b"")
            .iter()
            .all(|(name, _)| name != X_FRAME_OPTIONS));
        assert!(page_headers("/gaps", b"")
            .iter()
            .any(|(name, _)| name == X_FRAME_OPTIONS));
    }

    #[test]
    fn a_public_page_loses_its_nonce_and_allows_its_scripts_by_hash() {
        let page = r#"<link rel="modulepreload" crossorigin="n0nce"><script type="module" nonce="n0nce">go()</script><script src="/pkg/x.js"></script>"#;
        let public = without_nonce(page.as_bytes());
        let public = std::str::from_utf8(&public).unwrap();
        assert!(!public.contains("n0nce"), "{public}");
        assert!(public.contains(r#"<script type="module">go()</script>"#));
        let csp = policy("/", public);
        // echo -n 'go()' | openssl dgst -sha256 -binary | base64
        assert!(
            csp.contains("script-src 'self' 'sha256-5KYv+PUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw=' 'wasm-unsafe-eval';"),
            "{csp}"
        );
        assert_eq!(without_nonce(b"<p>plain</p>"), b"<p>plain</p>");
    }

    #[test]
    fn a_strange_nonce_is_ignored() {
        let csp = policy("/", r#"<script nonce="x' 'unsafe-inline">"#);
        assert!(!csp.contains("unsafe-inline"), "{csp}");
    }
}
