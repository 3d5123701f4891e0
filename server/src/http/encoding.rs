//! Content codings for cached answers: which one a request accepts (RFC 9110 §12.5.3, with
//! q-values, `identity` and `*`), and the compressed forms made once when an answer is stored.

use std::io::Write;

/// The codings a cached answer is kept in, in the order the server prefers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coding {
    Brotli,
    Gzip,
    Identity,
}

impl Coding {
    fn token(self) -> &'static str {
        match self {
            Coding::Brotli => "br",
            Coding::Gzip => "gzip",
            Coding::Identity => "identity",
        }
    }

    /// The `Content-Encoding` value, none for identity.
    pub fn header(self) -> Option<&'static str> {
        (self != Coding::Identity).then(|| self.token())
    }
}

/// The best coding the request accepts among `available` (identity is always available),
/// or `None` when even identity is refused (`identity;q=0`, or `*;q=0` without identity).
/// No header at all means identity: a client that names no coding may not decode one.
pub fn negotiate(accept_encoding: Option<&str>, available: &[Coding]) -> Option<Coding> {
    let Some(header) = accept_encoding else {
        return Some(Coding::Identity);
    };
    let mut weights: Vec<(&str, f32)> = Vec::new();
    for item in header.split(',') {
        let mut parts = item.split(';');
        let token = parts.next().unwrap_or_default().trim();
        if token.is_empty() {
            continue;
        }
        let q = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
            .unwrap_or(0.0);
        weights.push((token, q));
    }
    let weight_of = |coding: Coding| -> f32 {
        let named = weights
            .iter()
            .find(|(token, _)| token.eq_ignore_ascii_case(coding.token()))
            .map(|(_, q)| *q);
        let star = weights
            .iter()
            .find(|(token, _)| *token == "*")
            .map(|(_, q)| *q);
        match (named, star, coding) {
            (Some(q), _, _) => q,
            (None, Some(q), _) => q,
            // Acceptable, but never preferred to a coding the client named.
            (None, None, Coding::Identity) => f32::MIN_POSITIVE,
            (None, None, _) => 0.0,
        }
    };
    let mut best: Option<(f32, Coding)> = None;
    for coding in available.iter().copied().chain([Coding::Identity]) {
        let q = weight_of(coding);
        if q > 0.0 && best.is_none_or(|(best_q, _)| q > best_q) {
            best = Some((q, coding));
        }
    }
    best.map(|(_, coding)| coding)
}

/// Whether a body of this type and size is worth compressing: text formats only (images and
/// PDFs are compressed already), and not a few bytes whose coding would cost more than it saves.
pub fn worth_compressing(content_type: &str, length: usize) -> bool {
    let textual = content_type.starts_with("text/")
        || content_type.starts_with("application/json")
        || content_type.starts_with("application/atom+xml")
        || content_type.starts_with("application/xml")
        || content_type.starts_with("image/svg+xml");
    textual && length >= 256
}

/// Brotli at level 5: most of level 11's savings on HTML at a small part of its time. The
/// window is sized to the body, so its ring buffer is no larger than the page; the hasher's
/// tables (1 MiB at this level) are chosen by the crate from the quality and the size hint.
pub fn brotli(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() / 4);
    let params = brotli::enc::BrotliEncoderParams {
        quality: 5,
        lgwin: window_bits(body.len()),
        size_hint: body.len(),
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &body[..], &mut out, &params).expect("writing to memory");
    out
}

/// The smallest brotli window (log2 of its bytes, 17 to 22) that holds the whole body. Not
/// 16: the brotli crate has no hasher of its own for windows that small and falls back to one
/// with 32 MiB of tables, for every compression.
fn window_bits(length: usize) -> i32 {
    let mut bits = 17;
    while bits < 22 && (1usize << bits) < length + 16 {
        bits += 1;
    }
    bits
}

pub fn gzip(body: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 3),
        flate2::Compression::new(6),
    );
    encoder.write_all(body).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

#[cfg(test)]
mod tests {
    use super::*;
    use Coding::*;

    const BOTH: &[Coding] = &[Brotli, Gzip];

    #[test]
    fn browsers_get_brotli() {
        assert_eq!(
            negotiate(Some("gzip, deflate, br, zstd"), BOTH),
            Some(Brotli)
        );
        assert_eq!(negotiate(Some("gzip, deflate"), BOTH), Some(Gzip));
    }

    #[test]
    fn q_values_choose_and_refuse() {
        assert_eq!(negotiate(Some("br;q=0.5, gzip;q=0.8"), BOTH), Some(Gzip));
        assert_eq!(negotiate(Some("br;q=0, gzip;q=0"), BOTH), Some(Identity));
        assert_eq!(negotiate(Some("identity"), BOTH), Some(Identity));
        assert_eq!(negotiate(Some("*"), BOTH), Some(Brotli));
        assert_eq!(negotiate(Some("*;q=0"), BOTH), None);
        assert_eq!(negotiate(Some("*;q=0, identity"), BOTH), Some(Identity));
        assert_eq!(negotiate(Some("identity;q=0"), BOTH), None);
        assert_eq!(negotiate(Some("br;q=garbage"), BOTH), Some(Identity));
    }

    #[test]
    fn no_header_or_nothing_available_means_identity() {
        assert_eq!(negotiate(None, BOTH), Some(Identity));
        assert_eq!(negotiate(Some(""), BOTH), Some(Identity));
        assert_eq!(negotiate(Some("br, gzip"), &[]), Some(Identity));
    }

    #[test]
    fn compressed_forms_decode_to_the_body() {
        use std::io::Read;
        let body = "<p>Departamento sin plan confirmado</p>".repeat(50);
        let mut from_gzip = String::new();
        flate2::read::GzDecoder::new(&gzip(body.as_bytes())[..])
            .read_to_string(&mut from_gzip)
            .unwrap();
        assert_eq!(from_gzip, body);
        let mut from_brotli = Vec::new();
        brotli::BrotliDecompress(&mut &brotli(body.as_bytes())[..], &mut from_brotli).unwrap();
        assert_eq!(from_brotli, body.as_bytes());
        assert!(brotli(body.as_bytes()).len() < body.len() / 10);
    }

    #[test]
    fn the_brotli_window_fits_the_body() {
        // Never under 17 bits (see window_bits).
        assert_eq!(window_bits(1_000), 17);
        assert_eq!(window_bits(140_000), 18);
        assert_eq!(window_bits(50_000_000), 22);
    }

    #[test]
    fn only_text_of_some_length_is_compressed() {
        assert!(worth_compressing("text/html; charset=utf-8", 10_000));
        assert!(worth_compressing("application/json", 10_000));
        assert!(!worth_compressing("text/html", 100));
        assert!(!worth_compressing("application/pdf", 10_000));
    }
}
