//! What a claim says of corrections: "corregida por la afirmación n.º 9" on a claim a later
//! one replaced, "corrige la afirmación n.º 4", with what was corrected and why, on the
//! correction. Each links to the other, on its department's page.

use leptos::prelude::*;

use crate::components::AsWritten;
use crate::i18n::{t, tr, use_lang};
use vigia::Claim;

#[component]
pub fn CorrectionNotes(claim: Claim) -> impl IntoView {
    let lang = use_lang();
    let link = |id: i64| format!("/departments/{}#claim-{id}", claim.department);
    let corrected = claim.corrected_by.map(|by| {
        view! {
            <p class="corrected-note">
                <a href=link(by)>{tr(lang, "claim-corrected-by-id", &[("id", by.into())])}</a>
            </p>
        }
    });
    let corrects = claim.corrects.map(|id| {
        let reason = claim.correction_reason.as_deref().map(str::to_owned).map(|text| {
            view! { " "<span class="correction-reason">{t(lang, "claim-correction-reason")}" "<AsWritten text/></span> }
        });
        view! {
            <p class="correction-note">
                <a href=link(id)>{tr(lang, "claim-corrects", &[("id", id.into())])}</a>
                {reason}
            </p>
        }
    });
    view! { {corrected}{corrects} }
}
