//! Security headers for HTML pages. The Content-Security-Policy allows scripts only from this
//! site and the one inline hydration script, by the nonce Leptos gave it; cached pages keep
//! their nonce, so the policy is stored with the page. Only `/embed/map` may be framed.

use http::header::{HeaderName, HeaderValue, X_FRAME_OPTIONS};

const CSP: HeaderName = HeaderName::from_static("content-security-policy");

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

/// The headers a page at `path` with this body should carry.
pub fn page_headers(path: &str, html: &[u8]) -> Vec<(HeaderName, HeaderValue)> {
    let embeddable = path == "/embed/map" || path.starts_with("/embed/map?");
    let scripts = match nonce_in(html) {
        Some(nonce) => format!("'self' 'nonce-{nonce}' 'wasm-unsafe-eval'"),
        None => "'self' 'wasm-unsafe-eval'".to_owned(),
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
    fn a_strange_nonce_is_ignored() {
        let csp = policy("/", r#"<script nonce="x' 'unsafe-inline">"#);
        assert!(!csp.contains("unsafe-inline"), "{csp}");
    }
}
