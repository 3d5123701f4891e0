//! Addresses in a chosen language: a page named with `?lang=` opens in that language for
//! whoever follows the link, so links keep it, and every page names its canonical address and
//! its version in each language (`hreflang`).

use crate::i18n::Lang;

/// `href` (a path with an optional query and fragment) naming `lang`, replacing any
/// `lang=` it had.
pub fn with_lang(href: &str, lang: Lang) -> String {
    let (rest, fragment) = match href.split_once('#') {
        Some((rest, fragment)) => (rest, Some(fragment)),
        None => (href, None),
    };
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut pairs: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("lang="))
        .collect();
    let named = format!("lang={}", lang.code());
    pairs.push(&named);
    let mut out = format!("{path}?{}", pairs.join("&"));
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

/// The query a page's address keeps: the parameters its route understands (as the cache
/// keys it), in the order given, without `lang`.
pub fn kept_query(query: &str, known: &[&str]) -> String {
    let pairs: Vec<(&str, &str)> = query.split('&').filter_map(|p| p.split_once('=')).collect();
    known
        .iter()
        .filter(|name| **name != "lang")
        .filter_map(|name| {
            pairs
                .iter()
                .rev()
                .find(|(k, v)| k == name && !v.is_empty())
                .map(|(k, v)| format!("{k}={v}"))
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// One `<link>` of a page's head: `rel`, `hreflang` (for alternates) and the address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadLink {
    pub rel: &'static str,
    pub hreflang: Option<&'static str>,
    pub href: String,
}

/// The canonical address of a page in `lang` and its alternates: one per language, and the
/// address without a language (`x-default`), which opens in the reader's own.
pub fn head_links(site: &str, path: &str, kept: &str, lang: Lang) -> Vec<HeadLink> {
    let bare = if kept.is_empty() {
        format!("{site}{path}")
    } else {
        format!("{site}{path}?{kept}")
    };
    let mut links = vec![HeadLink {
        rel: "canonical",
        hreflang: None,
        href: with_lang(&bare, lang),
    }];
    for other in Lang::ALL {
        links.push(HeadLink {
            rel: "alternate",
            hreflang: Some(other.code()),
            href: with_lang(&bare, other),
        });
    }
    links.push(HeadLink {
        rel: "alternate",
        hreflang: Some("x-default"),
        href: bare,
    });
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_names_the_language_once_before_its_fragment() {
        assert_eq!(with_lang("/gaps", Lang::En), "/gaps?lang=en");
        assert_eq!(
            with_lang("/departments/BO-L?page=2#history", Lang::En),
            "/departments/BO-L?page=2&lang=en#history"
        );
        assert_eq!(
            with_lang("/?lang=es&as_of=2020-01-01", Lang::En),
            "/?as_of=2020-01-01&lang=en"
        );
    }

    #[test]
    fn canonical_and_alternates_keep_only_known_parameters() {
        let kept = kept_query("utm=x&page=2&lang=en&as_of=", &["as_of", "page", "lang"]);
        assert_eq!(kept, "page=2");
        let links = head_links("https://v.example", "/departments/BO-L", &kept, Lang::En);
        assert_eq!(links[0].rel, "canonical");
        assert_eq!(
            links[0].href,
            "https://v.example/departments/BO-L?page=2&lang=en"
        );
        assert_eq!(
            links[1].href,
            "https://v.example/departments/BO-L?page=2&lang=es"
        );
        assert_eq!(links[3].hreflang, Some("x-default"));
        assert_eq!(links[3].href, "https://v.example/departments/BO-L?page=2");
    }
}
