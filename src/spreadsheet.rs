//! Cells that spreadsheets would run as formulas. Exports prefix them with `'` as OWASP
//! advises, so opening `export.csv` runs nothing; imports take the `'` off again, so the
//! claims export stays importable as it is.

use std::borrow::Cow;

/// A formula start, after any number of quotes: text that already reads like a neutralised
/// cell is escaped once more, so the import can tell the two apart.
fn needs_quote(text: &str) -> bool {
    text.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The cell as an export writes it.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if needs_quote(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The original text of a cell an export neutralised.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_quote(rest) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_restored() {
        for cell in [
            "=HYPERLINK(\"x\")",
            "+1",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "'=",
            "''+1",
        ] {
            let written = neutralise(cell);
            assert!(written.starts_with('\''), "{cell:?}");
            assert_eq!(restore(&written), cell);
        }
    }

    #[test]
    fn ordinary_text_is_left_alone_both_ways() {
        for cell in ["Plan 2023", "'quoted'", "", "2023-03", "a=b"] {
            assert_eq!(neutralise(cell), cell);
            assert_eq!(restore(cell), cell);
        }
    }
}
