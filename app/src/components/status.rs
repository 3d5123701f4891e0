//! Badges for statuses and severities; colour is never the only cue (text is always shown).

use leptos::prelude::*;

use crate::format;
use crate::i18n::{t, use_lang};
use vigia::requirement::Requirement;
use vigia::{EvidenceLevel, Severity, Status};

#[component]
pub fn StatusBadge(
    status: Status,
    requirement: Option<Requirement>,
    evidence: Option<EvidenceLevel>,
) -> impl IntoView {
    let lang = use_lang();
    let label = format::status_label(lang, requirement.as_ref(), status);
    let evidence_label = evidence.map(|level| t(lang, &format!("evidence-{}", level.slug())));
    view! {
        <span class=format!("badge status-{}", status.slug())>{label}</span>
        {evidence_label.map(|text| view! { <span class="badge evidence">{text}</span> })}
    }
}

#[component]
pub fn SeverityBadge(severity: Severity) -> impl IntoView {
    let lang = use_lang();
    view! {
        <span class=format!("badge severity-{}", severity.slug())>
            {t(lang, &format!("severity-{}", severity.slug()))}
        </span>
    }
}
