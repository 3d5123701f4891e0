//! Language choice and the translation catalog (Fluent files in `app/locales/`).
//!
//! Pages are rendered on the server, so the catalog is only compiled there; islands receive
//! their already-translated labels as props, which keeps Fluent out of the wasm bundle.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Name of the cookie that remembers the reader's choice.
pub const LANG_COOKIE: &str = "vigia_lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Es,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Es, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "es" => Some(Lang::Es),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn is_spanish(self) -> bool {
        self == Lang::Es
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Es => Lang::En,
            Lang::En => Lang::Es,
        }
    }

    /// The language a URL names with `?lang=`, so a shared link opens in the sender's language.
    pub fn in_query(query: Option<&str>) -> Option<Lang> {
        query?
            .split('&')
            .filter_map(|pair| pair.strip_prefix("lang="))
            .next_back()
            .and_then(Lang::parse)
    }

    /// The language of a request: the URL's `?lang=`, then the remembered choice, then the
    /// browser's preference, Spanish otherwise.
    pub fn of_request(
        query: Option<&str>,
        cookie_header: Option<&str>,
        accept_language: Option<&str>,
    ) -> Lang {
        Lang::in_query(query).unwrap_or_else(|| Lang::negotiate(cookie_header, accept_language))
    }

    /// The remembered choice wins; then the browser's preference; Spanish otherwise.
    pub fn negotiate(cookie_header: Option<&str>, accept_language: Option<&str>) -> Lang {
        cookie_header
            .and_then(cookie_choice)
            .or_else(|| accept_language.and_then(preferred))
            .unwrap_or_default()
    }
}

fn cookie_choice(header: &str) -> Option<Lang> {
    header.split(';').find_map(|pair| {
        let (name, value) = pair.trim().split_once('=')?;
        (name == LANG_COOKIE).then(|| Lang::parse(value)).flatten()
    })
}

/// The supported language with the highest `q` in an Accept-Language header.
fn preferred(header: &str) -> Option<Lang> {
    let mut best: Option<(f32, Lang)> = None;
    for item in header.split(',') {
        let mut parts = item.trim().split(';');
        let tag = parts.next().unwrap_or_default();
        let primary = tag.split('-').next().unwrap_or_default();
        let q = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.parse::<f32>().ok())
            .unwrap_or(1.0);
        if let Some(lang) = Lang::parse(primary) {
            if q > 0.0 && best.is_none_or(|(best_q, _)| q > best_q) {
                best = Some((q, lang));
            }
        }
    }
    best.map(|(_, lang)| lang)
}

/// The language of the current page, provided by the shell from the request.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// A catalog message with no arguments.
pub fn t(lang: Lang, key: &str) -> String {
    tr(lang, key, &[])
}

/// An argument of a catalog message; numbers select plural forms.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Text(value)
    }
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Text(value.to_owned())
    }
}

impl From<i64> for Arg {
    fn from(value: i64) -> Self {
        Arg::Number(value)
    }
}

/// A catalog message with named arguments (`{ $name }` in the Fluent file).
pub fn tr(lang: Lang, key: &str, args: &[(&'static str, Arg)]) -> String {
    #[cfg(feature = "ssr")]
    {
        catalog::lookup(lang, key, args)
    }
    #[cfg(not(feature = "ssr"))]
    {
        // Pages render on the server only; the browser never asks the catalog.
        let _ = (lang, args);
        key.to_owned()
    }
}

#[cfg(feature = "ssr")]
pub mod catalog {
    use super::{Arg, Lang};
    use fluent_templates::fluent_bundle::FluentValue;
    use fluent_templates::{LanguageIdentifier, Loader};
    use std::borrow::Cow;
    use std::collections::HashMap;
    use std::sync::LazyLock;

    fluent_templates::static_loader! {
        static LOCALES = {
            locales: "./locales",
            fallback_language: "es",
            // Isolation marks around arguments would show up in plain-text exports and tests.
            customise: |bundle| bundle.set_use_isolating(false),
        };
    }

    static IDS: LazyLock<[LanguageIdentifier; 2]> =
        LazyLock::new(|| ["es".parse().expect("es"), "en".parse().expect("en")]);

    pub fn lookup(lang: Lang, key: &str, args: &[(&'static str, Arg)]) -> String {
        let id = &IDS[match lang {
            Lang::Es => 0,
            Lang::En => 1,
        }];
        if args.is_empty() {
            return LOCALES.lookup(id, key);
        }
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Text(text) => FluentValue::from(text.clone()),
                    Arg::Number(n) => FluentValue::from(*n),
                };
                (Cow::Borrowed(*name), value)
            })
            .collect();
        LOCALES.lookup_with_args(id, key, &args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "ssr")]
    #[test]
    fn both_catalogs_parse_and_hold_the_same_messages() {
        use fluent_templates::fluent_bundle::FluentResource;
        let mut keys = Vec::new();
        for lang in ["es", "en"] {
            let mut ids: Vec<String> = Vec::new();
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("locales")
                .join(lang);
            for file in std::fs::read_dir(dir).unwrap() {
                let source = std::fs::read_to_string(file.unwrap().path()).unwrap();
                ids.extend(source.lines().filter_map(|line| {
                    let (id, _) = line.split_once(" =")?;
                    let is_id = id.starts_with(|c: char| c.is_ascii_alphabetic())
                        && id
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                    is_id.then(|| id.to_owned())
                }));
                FluentResource::try_new(source)
                    .unwrap_or_else(|(_, errors)| panic!("{lang}: {errors:?}"));
            }
            ids.sort();
            keys.push(ids);
        }
        assert_eq!(
            keys[0], keys[1],
            "Spanish and English hold the same messages"
        );
    }

    #[test]
    fn cookie_beats_browser_preference() {
        assert_eq!(
            Lang::negotiate(Some("a=b; vigia_lang=en"), Some("es-BO")),
            Lang::En
        );
        assert_eq!(
            Lang::negotiate(Some("vigia_lang=es"), Some("en-US")),
            Lang::Es
        );
    }

    #[test]
    fn the_address_beats_cookie_and_browser() {
        assert_eq!(
            Lang::of_request(
                Some("as_of=2020-02&lang=en"),
                Some("vigia_lang=es"),
                Some("es")
            ),
            Lang::En
        );
        assert_eq!(
            Lang::of_request(Some("lang=xx"), Some("vigia_lang=en"), None),
            Lang::En
        );
        assert_eq!(Lang::of_request(Some("slang=en"), None, None), Lang::Es);
        assert_eq!(Lang::in_query(None), None);
    }

    #[test]
    fn browser_preference_by_quality() {
        assert_eq!(
            Lang::negotiate(None, Some("fr;q=1, en;q=0.8, es;q=0.5")),
            Lang::En
        );
        assert_eq!(
            Lang::negotiate(None, Some("en;q=0.3, es-BO;q=0.9")),
            Lang::Es
        );
        assert_eq!(Lang::negotiate(None, Some("de, fr")), Lang::Es);
        assert_eq!(Lang::negotiate(Some("vigia_lang=xx"), None), Lang::Es);
    }
}
