//! A claim in full, for its permalink (whose history entry above shows its note): what it
//! says (department, instrument, status and its basis, dates), the source (author, outlet, title, publication date, link, where in
//! it and its words), the evidence and documents (or why one is withheld).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::{AsWritten, CorrectionNotes, DocumentList, LinkAsWritten, StatusBadge};
use crate::context::current_viewer;
use crate::format;
use crate::i18n::{t, use_lang};
use vigia::{Basis, Claim, Snapshot};

#[component]
pub fn ClaimRecord(
    claim: Claim,
    snapshot: std::sync::Arc<Snapshot>,
    today: NaiveDate,
) -> impl IntoView {
    let lang = use_lang();
    let department = snapshot.department(claim.department).map(|d| {
        view! { <a href=format!("/departments/{}#claim-{}", d.code, claim.id)>{d.name.clone()}</a> }
    });
    let requirement = snapshot.requirement(&claim.requirement).cloned();
    let requirement_name = requirement
        .as_ref()
        .map(|r| r.name.get(lang.is_spanish()).to_owned())
        .unwrap_or_else(|| claim.requirement.to_string());
    let basis = t(
        lang,
        if claim.basis == Basis::Inferred {
            "basis-inferred"
        } else {
            "basis-stated"
        },
    );
    let dates = [
        (
            "entry-event-date",
            Some(format::partial_date(lang, claim.event_date)),
        ),
        (
            "entry-status-since",
            claim.status_since.map(|d| format::partial_date(lang, d)),
        ),
        (
            "entry-due-date",
            claim.due_date.map(|d| format::date(lang, d)),
        ),
        // The whole claim: what its source gives of the validity and the approving
        // instrument, "desconocido" where it gives nothing.
        (
            "field-validity",
            Some(
                format::validity(lang, claim.valid_from, claim.valid_until)
                    .unwrap_or_else(|| t(lang, "unknown")),
            ),
        ),
        (
            "field-approving-instrument",
            Some(
                claim
                    .approving_instrument
                    .as_deref()
                    .map_or_else(|| t(lang, "unknown"), str::to_owned),
            ),
        ),
    ]
    .into_iter()
    .filter_map(|(key, value)| {
        value.map(|v| view! { <div><dt>{t(lang, key)}</dt><dd>{v}</dd></div> })
    })
    .collect_view();
    let status = claim.status;
    view! {
        <section class="claim-record" aria-labelledby="record-heading">
            <h2 id="record-heading">{t(lang, "entry-heading-record")}</h2>
            <CorrectionNotes claim=claim.clone()/>
            {correct_link(&claim).map(|href| view! { <p><a class="correct-link" href=href>{t(lang, "correct-link")}</a></p> })}
            <dl class="fields">
                <div><dt>{t(lang, "entry-department")}</dt><dd>{department}</dd></div>
                <div><dt>{t(lang, "entry-requirement")}</dt><dd>{requirement_name}</dd></div>
                <div><dt>{t(lang, "entry-status")}</dt><dd><StatusBadge status requirement=requirement.clone() evidence=Some(claim.evidence_level) basis=claim.basis/></dd></div>
                <div><dt>{t(lang, "entry-basis")}</dt><dd>{basis}</dd></div>
                {dates}
            </dl>
            <ClaimSourceRecord claim=claim.clone() today/>
            <ClaimEvidence claim/>
        </section>
    }
}

/// Where the signed-in person corrects this claim, if they may record claims for its
/// department and nothing corrects it yet.
fn correct_link(claim: &Claim) -> Option<String> {
    let may = current_viewer().is_some_and(|v| v.may_record.contains(&claim.department));
    (may && !claim.is_corrected()).then(|| {
        format!(
            "/departments/{}/{}/new?corrects={}",
            claim.department, claim.requirement, claim.id
        )
    })
}

#[component]
fn ClaimSourceRecord(claim: Claim, today: NaiveDate) -> impl IntoView {
    let lang = use_lang();
    let source = claim.source.clone();
    let published = format!(
        "{} ({})",
        format::partial_date(lang, source.published),
        format::age(lang, source.published.first_day(), today)
    );
    let outlet = source.outlet.clone().map(|outlet| {
        view! { <div><dt>{t(lang, "entry-source-outlet")}</dt><dd>{outlet}</dd></div> }
    });
    let locator = claim.locator.as_deref().map(str::to_owned).map(|place| {
        view! { <p class="locator">{t(lang, "source-where")}" "<AsWritten text=place/></p> }
    });
    let quote = claim.quote.as_deref().map(str::to_owned).map(|words| {
        view! {
            <blockquote class="source-quote" aria-label=t(lang, "source-quote-label")>
                <p><AsWritten text=words/></p>
            </blockquote>
        }
    });
    let url = source.url.clone();
    view! {
        <h3>{t(lang, "entry-source-heading")}</h3>
        <dl class="fields source-record">
            <div><dt>{t(lang, "entry-source-author")}</dt><dd>{source.author.clone()}</dd></div>
            {outlet}
            <div><dt>{t(lang, "entry-source-title")}</dt><dd><LinkAsWritten href=url.clone() text=source.title.clone()/></dd></div>
            <div><dt>{t(lang, "entry-source-published")}</dt><dd>{published}</dd></div>
            <div><dt>{t(lang, "entry-source-link")}</dt><dd class="source-url"><a href=url.clone() rel="noopener external">{url.clone()}</a></dd></div>
        </dl>
        {locator}
        {quote}
    }
}

#[component]
fn ClaimEvidence(claim: Claim) -> impl IntoView {
    let lang = use_lang();
    let evidence = (!claim.evidence.is_empty()).then(|| {
        let items = claim
            .evidence
            .iter()
            .map(|e| view! { <li><a href=e.url.clone() rel="noopener">{e.label.clone()}</a></li> })
            .collect_view();
        view! {
            <h3>{t(lang, "entry-evidence-heading")}</h3>
            <ul>{items}</ul>
        }
    });
    let documents = if claim.documents.is_empty() {
        view! { <p>{t(lang, "entry-no-documents")}</p> }.into_any()
    } else {
        let back_to = format!("/departments/{}#claim-{}", claim.department, claim.id);
        view! { <DocumentList documents=claim.documents.clone() back_to/> }.into_any()
    };
    view! {
        {evidence}
        <h3>{t(lang, "entry-documents-heading")}</h3>
        {documents}
    }
}
