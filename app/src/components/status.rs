//! Badges for statuses and severities; colour is never the only cue (text is always shown).

use leptos::prelude::*;

use crate::format;
use crate::i18n::{t, use_lang};
use vigia::requirement::Requirement;
use vigia::{Basis, EvidenceLevel, Severity, Status};

/// A status, how far it was checked, and, when Vigía inferred it, a mark that says so: an
/// inference never looks like a stated status.
#[component]
pub fn StatusBadge(
    status: Status,
    requirement: Option<Requirement>,
    evidence: Option<EvidenceLevel>,
    #[prop(optional)] basis: Option<Basis>,
) -> impl IntoView {
    let lang = use_lang();
    let label = format::status_label(lang, requirement.as_ref(), status);
    // With no status known there is nothing a source reported or a document proved: "sin
    // información" beside "solo informado" would read as a contradiction.
    let evidence_label = evidence
        .filter(|_| status != Status::Unknown)
        .map(|level| t(lang, &format!("evidence-{}", level.slug())));
    let inferred = basis == Some(Basis::Inferred);
    let class = format!(
        "badge status-{}{}",
        status.slug(),
        if inferred { " inferred" } else { "" }
    );
    view! {
        <span class=class>{label}</span>
        {inferred.then(|| view! { <span class="badge basis-inferred">{t(lang, "basis-inferred")}</span> })}
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
