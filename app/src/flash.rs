//! The one way a form post tells the next page what happened: a confirmation ("Afirmación
//! registrada"), or a refused form with what was typed and each problem beside its field.
//! The server keeps it in the session for the next request to the page it names, so forms
//! work without JavaScript; the page shows it once.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use vigia::new_claim::Problem;

/// What a page says once at its top, in both languages (the reader may switch between the
/// post and the page).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlashMessage {
    pub es: String,
    pub en: String,
    /// The form was refused (an alert), rather than done (a status).
    pub refused: bool,
}

impl FlashMessage {
    /// A confirmation worded by `words` in each language.
    pub fn done(words: impl Fn(Lang) -> String) -> Self {
        Self {
            es: words(Lang::Es),
            en: words(Lang::En),
            refused: false,
        }
    }

    /// Why a form came back, worded by `words` in each language.
    pub fn refused(words: impl Fn(Lang) -> String) -> Self {
        Self {
            refused: true,
            ..Self::done(words)
        }
    }

    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Es => &self.es,
            Lang::En => &self.en,
        }
    }
}

/// What the form at one page left for it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormFlash {
    /// The page it is for (a path, without query or fragment).
    pub path: String,
    pub message: Option<FlashMessage>,
    /// The fields as typed, when the form was refused (or what a confirmation links to).
    pub fields: Vec<(String, String)>,
    /// Each problem with the field it belongs to.
    pub errors: Vec<(String, Problem)>,
}

impl FormFlash {
    /// A confirmation for `path`.
    pub fn done(path: impl Into<String>, message: FlashMessage) -> Self {
        Self {
            path: page_of(&path.into()),
            message: Some(message),
            ..Self::default()
        }
    }

    /// A refused form for `path`, with what was typed and what is wrong.
    pub fn refused(
        path: impl Into<String>,
        fields: Vec<(String, String)>,
        errors: Vec<(String, Problem)>,
    ) -> Self {
        Self {
            path: page_of(&path.into()),
            fields,
            errors,
            message: None,
        }
    }

    pub fn with_message(mut self, message: FlashMessage) -> Self {
        self.message = Some(message);
        self
    }

    /// The last value typed in a field ("" when absent).
    pub fn field(&self, name: &str) -> String {
        self.fields
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// Every value of a repeated field (checkboxes).
    pub fn values(&self, name: &str) -> Vec<String> {
        self.fields
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    pub fn errors_for(&self, name: &str) -> Vec<Problem> {
        self.errors
            .iter()
            .filter(|(f, _)| f == name)
            .map(|(_, p)| *p)
            .collect()
    }

    /// The fields as a typed form (a claim draft, say); `None` when there are none.
    pub fn parse<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        if self.fields.is_empty() {
            return None;
        }
        let object = self
            .fields
            .iter()
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect::<serde_json::Map<_, _>>();
        serde_json::from_value(serde_json::Value::Object(object)).ok()
    }
}

/// The page a redirect target names: its path without query or fragment.
pub fn page_of(target: &str) -> String {
    target
        .split(['#', '?'])
        .next()
        .filter(|p| !p.is_empty())
        .unwrap_or("/")
        .to_owned()
}

/// The flash left for this page by the form it sent, if any.
pub fn form_flash() -> Option<FormFlash> {
    leptos::prelude::use_context::<FormFlash>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flash_belongs_to_the_page_not_its_fragment_or_query() {
        assert_eq!(page_of("/departments/BO-N#claim-3"), "/departments/BO-N");
        assert_eq!(page_of("/signin?next=/gaps"), "/signin");
        assert_eq!(page_of("#x"), "/");
        let flash = FormFlash::done("/admin/users#user-4", FlashMessage::default());
        assert_eq!(flash.path, "/admin/users");
    }

    #[test]
    fn refused_fields_come_back_typed() {
        let flash = FormFlash::refused(
            "/x",
            vec![
                ("note".into(), "first".into()),
                ("note".into(), "last".into()),
                ("department".into(), "BO-N".into()),
                ("department".into(), "BO-L".into()),
            ],
            vec![("note".into(), Problem::Required)],
        );
        assert_eq!(flash.field("note"), "last");
        assert_eq!(flash.values("department"), ["BO-N", "BO-L"]);
        assert_eq!(flash.errors_for("note"), [Problem::Required]);
        assert!(flash.errors_for("department").is_empty());
        let draft: vigia::new_claim::ClaimDraft = flash.parse().unwrap();
        assert_eq!(draft.note, "last");
        assert!(FormFlash::default()
            .parse::<vigia::new_claim::ClaimDraft>()
            .is_none());
    }
}
