//! Why a requirement is tracked: its legal basis in the reader's language, whether anyone has
//! verified it against the law, and who says so, each source linked and dated. A view of a
//! past day before those sources were out shows that the text is left out, not the text.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::SourceCite;
use crate::i18n::{t, tr, use_lang};
use vigia::requirement::Requirement;

#[component]
pub fn LegalBasis(
    requirement: Requirement,
    today: NaiveDate,
    /// The past day the page shows, if any: the snapshot of that day has emptied the legal
    /// bases that cite later sources.
    as_of: Option<NaiveDate>,
) -> impl IntoView {
    let lang = use_lang();
    if let Some(day) = as_of.filter(|_| requirement.legal_basis.es.is_empty()) {
        let date = crate::format::date(lang, day);
        return view! { <p class="legal-basis later">{tr(lang, "legal-basis-later", &[("date", date.into())])}</p> }
            .into_any();
    }
    let sources = requirement
        .legal_basis_sources
        .iter()
        .cloned()
        .map(|source| view! { <li><SourceCite source today/></li> })
        .collect_view();
    let cited = !requirement.legal_basis_sources.is_empty();
    view! {
        <p class="legal-basis">
            {requirement.legal_basis.get(lang.is_spanish()).to_owned()}
            {(!requirement.legal_basis_verified).then(|| view! { " "<span class="badge unverified">{t(lang, "unverified-label")}</span> })}
        </p>
        {cited.then(|| view! {
            <div class="legal-basis-sources">
                <p class="field-label">{t(lang, "legal-basis-sources-label")}</p>
                <ul class="sources">{sources}</ul>
            </div>
        })}
    }
    .into_any()
}
