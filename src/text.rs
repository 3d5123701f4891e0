//! Limits on everything people type, in one place: every free-text field has a maximum
//! length and refuses control characters, so nothing one person posts can swell or garble a
//! page everyone reads. Forms, imports and the command line all check through here.

use crate::new_claim::Problem;

/// Whether a field is one line (names, titles, links) or running text (notes, replies).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Line,
    Lines,
}

/// How much a field may hold, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub max_chars: usize,
    pub shape: Shape,
}

const fn line(max_chars: usize) -> Limit {
    Limit {
        max_chars,
        shape: Shape::Line,
    }
}

const fn lines(max_chars: usize) -> Limit {
    Limit {
        max_chars,
        shape: Shape::Lines,
    }
}

/// A claim's note, a reply, a suggestion: a few paragraphs.
pub const NOTE: Limit = lines(4000);
/// The reason for a decision, a review, a withholding, an account change.
pub const REASON: Limit = lines(1000);
pub const TITLE: Limit = line(300);
/// Authors, outlets, organisations.
pub const NAME: Limit = line(200);
/// The public display name of an account.
pub const DISPLAY_NAME: Limit = line(80);
pub const INSTRUMENT: Limit = line(300);
pub const CONTACT: Limit = line(200);
pub const URL: Limit = line(2000);
pub const EVIDENCE_LABEL: Limit = line(200);
/// Evidence links, one per line.
pub const EVIDENCE_LIST: Limit = lines(20 * 2200);
pub const MAX_EVIDENCE_LINKS: usize = 20;
/// RFC 5321 caps a forward path at 256 octets, so an address at 254.
pub const EMAIL: Limit = line(254);
/// A page or section of a source.
pub const LOCATOR: Limit = line(200);
/// The source's own words.
pub const QUOTE: Limit = lines(300);
/// A date as typed ("2020-02-18").
pub const DATE: Limit = line(10);
/// A short choice from a list (a status, a role, a slug).
pub const CHOICE: Limit = line(64);
/// Long enough for a passphrase, short enough that hashing it costs nothing unusual.
pub const PASSWORD: Limit = line(1024);
/// A file name offered back on download.
pub const FILENAME: Limit = line(120);
/// A bulk import, as text.
pub const IMPORT_TABLE: Limit = lines(2_000_000);
pub const MAX_IMPORT_ROWS: usize = 2000;

/// Characters that reorder text around them (bidirectional embeddings, overrides and
/// isolates): in a name or a file name they can make `gpj.exe` read as `exe.jpg`.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_refused(c: char, shape: Shape) -> bool {
    let allowed_whitespace = shape == Shape::Lines && matches!(c, '\n' | '\t');
    (c.is_control() && !allowed_whitespace) || is_bidi_control(c)
}

/// The text as it will be kept: trimmed, with Windows line ends made plain, or the problem
/// that refuses it. Empty text is returned as empty; whether it may be empty is the caller's
/// rule.
pub fn clean(input: &str, limit: Limit) -> Result<String, Problem> {
    let text = input.replace("\r\n", "\n");
    let text = text.trim();
    if text.chars().any(|c| is_refused(c, limit.shape)) {
        return Err(Problem::ControlCharacter);
    }
    if text.chars().count() > limit.max_chars {
        return Err(Problem::TooLong(limit.max_chars as u32));
    }
    Ok(text.to_owned())
}

/// Keeps what can be kept of a name that is not ours to refuse (an uploaded file's name):
/// control and reordering characters removed, then cut to the limit.
pub fn neutralise(input: &str, limit: Limit) -> String {
    input
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .take(limit.max_chars)
        .collect::<String>()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_windows_line_ends_made_plain() {
        assert_eq!(clean("  a\r\nb  ", NOTE), Ok("a\nb".to_owned()));
        assert_eq!(clean("   ", TITLE), Ok(String::new()));
    }

    #[test]
    fn the_limit_is_counted_in_characters_not_bytes() {
        let at_limit = "ñ".repeat(300);
        assert_eq!(clean(&at_limit, TITLE), Ok(at_limit.clone()));
        assert_eq!(
            clean(&format!("{at_limit}ñ"), TITLE),
            Err(Problem::TooLong(300))
        );
    }

    #[test]
    fn control_characters_are_refused_and_line_breaks_only_where_text_runs() {
        assert_eq!(clean("a\0b", NOTE), Err(Problem::ControlCharacter));
        assert_eq!(clean("a\nb", TITLE), Err(Problem::ControlCharacter));
        assert_eq!(clean("a\nb\tc", NOTE), Ok("a\nb\tc".to_owned()));
        assert_eq!(
            clean("Ana \u{202E}gnp.exe", DISPLAY_NAME),
            Err(Problem::ControlCharacter)
        );
        assert_eq!(clean("a\u{7f}", NAME), Err(Problem::ControlCharacter));
    }

    #[test]
    fn names_we_must_keep_lose_what_could_disguise_them() {
        assert_eq!(neutralise("plan\u{202E}fdp.exe\0", FILENAME), "planfdp.exe");
        assert_eq!(neutralise(&"a".repeat(500), FILENAME).len(), 120);
    }
}
