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

/// Whether `text` reads as Spanish rather than English: Spanish letters (ñ, accents, ¿, ¡)
/// or more Spanish than English function words. Names alone ("Bolivia") count as neither.
pub fn looks_spanish(text: &str) -> bool {
    if text.chars().any(|c| "ñÑáéíóúÁÉÍÓÚ¿¡".contains(c)) {
        return true;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let count = |list: &[&str]| words.iter().filter(|w| list.contains(w)).count();
    count(&SPANISH_WORDS) > count(&ENGLISH_WORDS)
}

/// Whether `text` reads as English: no Spanish letters and more English than Spanish
/// function words.
pub fn looks_english(text: &str) -> bool {
    if text.chars().any(|c| "ñÑáéíóúÁÉÍÓÚ¿¡".contains(c)) {
        return false;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let count = |list: &[&str]| words.iter().filter(|w| list.contains(w)).count();
    count(&ENGLISH_WORDS) > count(&SPANISH_WORDS)
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
}
