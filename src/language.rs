//! Which language a piece of text written by someone else is in, as far as its words show.
//! Source titles and officers' notes are kept as written; an English page marks the Spanish
//! ones (`lang="es"`, "(in Spanish)") so screen readers pronounce them right and readers
//! know why they are not translated.

/// Words frequent in Spanish titles and notes that English does not use.
const SPANISH_WORDS: [&str; 20] = [
    "de", "la", "el", "los", "las", "y", "en", "que", "del", "para", "por", "con", "una", "un",
    "se", "al", "no", "su", "sin", "es",
];
/// Words frequent in English that Spanish does not use.
const ENGLISH_WORDS: [&str; 14] = [
    "the", "of", "and", "in", "to", "for", "with", "on", "is", "was", "has", "its", "by", "at",
];

/// How much more Spanish than English `text` reads, counting function words.
fn lean(text: &str) -> isize {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let count = |list: &[&str]| words.iter().filter(|w| list.contains(w)).count() as isize;
    count(&SPANISH_WORDS) - count(&ENGLISH_WORDS)
}

fn has_spanish_letters(text: &str) -> bool {
    text.chars().any(|c| "ñÑáéíóúÁÉÍÓÚ¿¡".contains(c))
}

/// Whether `text` reads as Spanish rather than English: more Spanish than English function
/// words, or, when they tie (a name, a short title), Spanish letters (ñ, accents, ¿, ¡). An
/// English sentence naming "Potosí" or the "Defensoría" stays English.
pub fn looks_spanish(text: &str) -> bool {
    match lean(text) {
        0 => has_spanish_letters(text),
        lean => lean > 0,
    }
}

/// Whether `text` reads as English: more English than Spanish function words.
pub fn looks_english(text: &str) -> bool {
    lean(text) < 0
}

#[cfg(test)]
mod tests {
    use super::looks_spanish;

    #[test]
    fn spanish_and_english_titles_are_told_apart() {
        for spanish in [
            "Advierten que el 71 % de víctimas de trata no recibe ayuda pública en Bolivia",
            "El Consejo Contra la Trata aprueba plan quinquenal",
            "Plan departamental de La Paz",
            "Informe de la Defensoria del Pueblo",
        ] {
            assert!(looks_spanish(spanish), "{spanish}");
        }
        for english in [
            "Bolivia Struggles to Help Human Trafficking Victims",
            "2019 Trafficking in Persons Report: Bolivia",
            "Trafficking in Persons Report 2018 - Country Narratives - Bolivia",
            "Bolivia",
            "",
        ] {
            assert!(!looks_spanish(english), "{english}");
        }
        assert!(super::looks_english(
            "Bolivia Struggles to Help Human Trafficking Victims"
        ));
        assert!(!super::looks_english("Bolivia"));
        assert!(!super::looks_english(
            "El Consejo Contra la Trata aprueba plan quinquenal"
        ));
    }

    /// English notes name Spanish places and bodies; they are English all the same.
    #[test]
    fn english_text_with_spanish_names_is_english() {
        let english = "The Ombudsman counted one specialised shelter in Potosí in its report, \
                       run directly by the departmental government.";
        assert!(!looks_spanish(english));
        assert!(super::looks_english(english));
        let spanish =
            "La Defensoría del Pueblo contó un centro de acogida especializado en Potosí.";
        assert!(looks_spanish(spanish));
        assert!(!super::looks_english(spanish));
        assert!(looks_spanish("Vigía"), "a lone Spanish name");
    }
}
