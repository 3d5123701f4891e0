//! Why a requirement is tracked: its legal basis in the reader's language, whether anyone has
//! verified it against the law, and who says so, each source linked and dated.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::SourceCite;
use crate::i18n::{t, use_lang};
use vigia::requirement::Requirement;

#[component]
pub fn LegalBasis(requirement: Requirement, today: NaiveDate) -> impl IntoView {
    let lang = use_lang();
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
}
