//! "How to cite": a plain reference and a BibTeX entry for the page, in read-only fields the
//! reader selects and copies (no script: the page loads none), within the page budget.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use super::CopyButton;
use crate::context::{real_today, SiteInfo};
use crate::format;
use crate::i18n::{t, tr, use_lang};

/// What a citation names: the page's title, its path, when its content last changed, and
/// the key of its BibTeX entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub title: String,
    pub path: String,
    pub updated: NaiveDate,
    pub key: String,
}

#[component]
pub fn HowToCite(citation: Citation) -> impl IntoView {
    let lang = use_lang();
    let site = use_context::<SiteInfo>()
        .map(|s| s.public_url)
        .unwrap_or_default();
    let url = crate::urls::with_lang(&format!("{site}{}", citation.path), lang);
    let accessed = real_today().unwrap_or(citation.updated);
    let plain = tr(
        lang,
        "cite-plain",
        &[
            ("year", i64::from(citation.updated.year()).into()),
            ("title", citation.title.clone().into()),
            ("date", format::date(lang, citation.updated).into()),
            ("url", url.clone().into()),
            ("accessed", format::date(lang, accessed).into()),
        ],
    );
    let note = tr(
        lang,
        "cite-bibtex-note",
        &[("accessed", format::date(lang, accessed).into())],
    );
    let bibtex = bibtex(&citation, &url, accessed, &note, lang.is_spanish());
    view! {
        <section class="cite" id="cite" aria-labelledby="cite-heading">
            <h2 id="cite-heading">{t(lang, "cite-heading")}</h2>
            <p id="cite-how" class="hint">{t(lang, "cite-intro")}</p>
            <label for="cite-plain">{t(lang, "cite-plain-label")}</label>
            <textarea id="cite-plain" readonly rows="3" aria-describedby="cite-how">{plain}</textarea>
            <CopyButton target="cite-plain"/>
            <label for="cite-bibtex">{t(lang, "cite-bibtex-label")}</label>
            <textarea id="cite-bibtex" readonly rows="11" aria-describedby="cite-how" translate="no">{bibtex}</textarea>
            <CopyButton target="cite-bibtex"/>
        </section>
    }
}

/// A biblatex `@online` entry (BibTeX reads it as `@misc`-like); braces keep the title's
/// capitals and the author as one name.
fn bibtex(
    citation: &Citation,
    url: &str,
    accessed: NaiveDate,
    note: &str,
    spanish: bool,
) -> String {
    format!(
        "@online{{{key},\n  author = {{{{Vigía}}}},\n  title = {{{{{title}}}}},\n  year = {{{year}}},\n  date = {{{updated}}},\n  url = {{{url}}},\n  urldate = {{{accessed}}},\n  note = {{{note}}},\n  langid = {{{language}}}\n}}",
        key = citation.key,
        title = tex_escape(&citation.title),
        year = citation.updated.year(),
        updated = citation.updated,
        note = tex_escape(note),
        language = if spanish { "spanish" } else { "english" },
    )
}

/// TeX's special characters in running text.
fn tex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bibtex_entry_names_author_title_dates_and_address() {
        let citation = Citation {
            title: "La Paz: 100% & más".to_owned(),
            path: "/departments/BO-L".to_owned(),
            updated: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            key: "vigia-bo-l-2026".to_owned(),
        };
        let accessed = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let entry = bibtex(
            &citation,
            "https://v.example/departments/BO-L?lang=es",
            accessed,
            "Consultado",
            true,
        );
        assert!(entry.starts_with("@online{vigia-bo-l-2026,\n"), "{entry}");
        assert!(entry.contains("author = {{Vigía}},"));
        assert!(entry.contains(r"title = {{La Paz: 100\% \& más}},"));
        assert!(entry.contains("date = {2026-11-02},"));
        assert!(entry.contains("urldate = {2026-11-29},"));
        assert!(entry.contains("url = {https://v.example/departments/BO-L?lang=es},"));
        assert!(entry.ends_with("langid = {spanish}\n}"));
    }
}
