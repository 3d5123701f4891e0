//! `/departments/{code}/{requirement}/new`: the form an officer uses to append a claim. A
//! plain POST; a refused form comes back with what was typed and each problem beside its
//! field.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::{Layout, PageMeta, Refused, WithPublicView};
use crate::context::{claim_form_state, current_viewer, ClaimFormState, PublicView};
use crate::format;
use crate::i18n::{t, tr, use_lang, Lang};
use crate::islands::DocumentInput;
use crate::pages::NotFoundPage;
use vigia::new_claim::ClaimDraft;
use vigia::requirement::Requirement;
use vigia::{DepartmentCode, QualityCriterion, RequirementSlug, Status};

#[component]
pub fn RecordClaimPage() -> impl IntoView {
    let params = use_params_map().get_untracked();
    let code = DepartmentCode::parse(&params.get("code").unwrap_or_default()).ok();
    let slug = RequirementSlug::parse(&params.get("requirement").unwrap_or_default()).ok();
    let (Some(code), Some(slug)) = (code, slug) else {
        return view! { <NotFoundPage/> }.into_any();
    };
    view! { <WithPublicView render=move |view| view! { <RecordClaim code slug=slug.clone() view/> }/> }.into_any()
}

#[component]
fn RecordClaim(code: DepartmentCode, slug: RequirementSlug, view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let (Some(department), Some(requirement)) = (
        view.snapshot.department(code).cloned(),
        view.snapshot.requirement(&slug).cloned(),
    ) else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let title = tr(
        lang,
        "record-title",
        &[
            ("department", department.name.clone().into()),
            (
                "requirement",
                requirement.name.get(lang.is_spanish()).to_owned().into(),
            ),
        ],
    );
    let allowed = current_viewer().is_some_and(|v| v.may_record.contains(&code));
    if !allowed {
        let next = format!("/departments/{code}/{slug}/new");
        return view! { <Refused title message="record-not-allowed" next/> }.into_any();
    }
    let record = view.snapshot.record(code, &slug);
    let expected = record.current().map(|c| c.id).unwrap_or(0);
    let state = match claim_form_state() {
        // Prefilled from an accepted suggestion: the rest starts from the current claim.
        Some(prefill) if prefill.errors.is_empty() && !prefill.stale => ClaimFormState {
            draft: ClaimDraft {
                note: prefill.draft.note,
                source_author: prefill.draft.source_author,
                source_title: prefill.draft.source_title,
                source_url: prefill.draft.source_url,
                ..draft_from(record.current())
            },
            ..Default::default()
        },
        Some(refused) => refused,
        None => ClaimFormState {
            draft: draft_from(record.current()),
            ..Default::default()
        },
    };
    view! {
        <PageMeta title=title.clone() description=title.clone()/>
        <Layout>
            <nav class="breadcrumb" aria-label=t(lang, "breadcrumb-label")>
                <a href=format!("/departments/{code}")>{department.name.clone()}</a>" › "<span>{t(lang, "record-new")}</span>
            </nav>
            <h1>{title}</h1>
            <p>{t(lang, "record-intro")}</p>
            {state.stale.then(|| view! { <p class="form-error" role="alert">{t(lang, "record-stale")}</p> })}
            {(!state.errors.is_empty()).then(|| view! { <p class="form-error" role="alert">{t(lang, "record-has-errors")}</p> })}
            <ClaimFormFields lang requirement state expected action=format!("/departments/{code}/{slug}/claims")/>
        </Layout>
    }
    .into_any()
}

/// Starts a new claim from the current one, so an officer changes only what changed.
fn draft_from(current: Option<&vigia::Claim>) -> ClaimDraft {
    let text = |v: Option<String>| v.unwrap_or_default();
    let Some(c) = current else {
        return ClaimDraft::default();
    };
    ClaimDraft {
        status: c.status.slug().to_owned(),
        basis: c.basis.slug().to_owned(),
        status_since: text(c.status_since.map(|d| d.to_string())),
        due_date: text(c.due_date.map(|d| d.to_string())),
        valid_from: text(c.valid_from.map(|d| d.to_string())),
        valid_until: text(c.valid_until.map(|d| d.to_string())),
        approving_instrument: text(c.approving_instrument.clone()),
        evidence_level: c.evidence_level.slug().to_owned(),
        quality_responsible_institutions: c.quality.responsible_institutions.slug().to_owned(),
        quality_timetable: c.quality.timetable.slug().to_owned(),
        quality_financing: c.quality.financing.slug().to_owned(),
        quality_indicators: c.quality.indicators.slug().to_owned(),
        quality_published: c.quality.published.slug().to_owned(),
        ..ClaimDraft::default()
    }
}

#[component]
fn ClaimFormFields(
    lang: Lang,
    requirement: Requirement,
    state: ClaimFormState,
    expected: i64,
    action: String,
) -> impl IntoView {
    let errors = state.errors.clone();
    let error_for = move |field: &str| {
        let messages: Vec<String> = errors
            .iter()
            .filter(|(f, _)| f == field)
            .map(|(_, p)| format::problem(lang, *p))
            .collect();
        (!messages.is_empty()).then(|| view! { <p class="field-error" id=format!("{field}-error")>{messages.join(" ")}</p> })
    };
    let d = state.draft.clone();
    // Opened when it holds something, or a problem.
    let more_fields = [
        "source_locator",
        "source_quote",
        "source_attribution_es",
        "source_attribution_en",
    ];
    let more_open = [
        &d.source_locator,
        &d.source_quote,
        &d.source_attribution_es,
        &d.source_attribution_en,
    ]
    .iter()
    .any(|v| !v.is_empty())
        || state
            .errors
            .iter()
            .any(|(f, _)| more_fields.contains(&f.as_str()));
    let text_field = {
        let error_for = error_for.clone();
        move |name: &'static str, value: String, kind: &'static str, hint: Option<String>| {
            let invalid = error_for(name).is_some();
            view! {
                <div class="form-field">
                    <label for=name>{t(lang, &format!("claim-field-{name}"))}</label>
                    {hint.map(|h| view! { <p class="hint">{h}</p> })}
                    <input id=name name=name type=kind value=value aria-invalid=invalid.then_some("true") aria-describedby=invalid.then(|| format!("{name}-error"))/>
                    {error_for(name)}
                </div>
            }
        }
    };
    let statuses = Status::ALL
        .into_iter()
        .map(|s| view! { <option value=s.slug() selected=d.status == s.slug()>{format::status_label(lang, Some(&requirement), s)}</option> })
        .collect_view();
    let quality = requirement.has_quality_criteria.then(|| {
        QualityCriterion::ALL
            .into_iter()
            .map(|criterion| {
                let name = format!("quality_{}", criterion.slug().replace('-', "_"));
                let current = match criterion {
                    QualityCriterion::ResponsibleInstitutions => d.quality_responsible_institutions.clone(),
                    QualityCriterion::Timetable => d.quality_timetable.clone(),
                    QualityCriterion::Financing => d.quality_financing.clone(),
                    QualityCriterion::Indicators => d.quality_indicators.clone(),
                    QualityCriterion::Published => d.quality_published.clone(),
                };
                let options = ["unknown", "yes", "no"]
                    .into_iter()
                    .map(|a| view! { <option value=a selected=current == a>{t(lang, &format!("answer-{a}"))}</option> })
                    .collect_view();
                view! {
                    <div class="form-field">
                        <label for=name.clone()>{t(lang, &format!("quality-{}", criterion.slug()))}</label>
                        <select id=name.clone() name=name>{options}</select>
                    </div>
                }
            })
            .collect_view()
    });
    let date_hint = Some(t(lang, "claim-hint-partial-date"));
    let textarea = {
        let error_for = error_for.clone();
        move |name: &'static str, value: String, hint: Option<String>| {
            let invalid = error_for(name).is_some();
            view! {
                <div class="form-field">
                    <label for=name>{t(lang, &format!("claim-field-{name}"))}</label>
                    {hint.map(|h| view! { <p class="hint">{h}</p> })}
                    <textarea id=name name=name rows="3" aria-invalid=invalid.then_some("true") aria-describedby=invalid.then(|| format!("{name}-error"))>{value}</textarea>
                    {error_for(name)}
                </div>
            }
        }
    };
    let bases = vigia::Basis::ALL
        .into_iter()
        .map(|b| view! { <option value=b.slug() selected=d.basis == b.slug() || (d.basis.is_empty() && b == vigia::Basis::Stated)>{t(lang, &format!("basis-{}", b.slug()))}</option> })
        .collect_view();
    view! {
        <form method="post" action=action class="claim-form" enctype="multipart/form-data">
            <input type="hidden" name="expected" value=expected.to_string()/>
            <fieldset>
                <legend>{t(lang, "claim-legend-state")}</legend>
                <div class="form-field">
                    <label for="status">{t(lang, "claim-field-status")}</label>
                    <select id="status" name="status">{statuses}</select>
                    {error_for("status")}
                </div>
                <div class="form-field">
                    <label for="basis">{t(lang, "claim-field-basis")}</label>
                    <p class="hint">{t(lang, "claim-hint-basis")}</p>
                    <select id="basis" name="basis">{bases}</select>
                    {error_for("basis")}
                </div>
                {text_field("event_date", d.event_date.clone(), "text", Some(t(lang, "claim-hint-event_date")))}
                {text_field("status_since", d.status_since.clone(), "text", date_hint.clone())}
                {text_field("due_date", d.due_date.clone(), "date", None)}
                {text_field("valid_from", d.valid_from.clone(), "text", date_hint.clone())}
                {text_field("valid_until", d.valid_until.clone(), "text", date_hint.clone())}
                {text_field("approving_instrument", d.approving_instrument.clone(), "text", None)}
                {quality}
            </fieldset>
            <fieldset>
                <legend>{t(lang, "claim-legend-evidence")}</legend>
                <div class="form-field">
                    <label for="evidence_level">{t(lang, "claim-field-evidence_level")}</label>
                    <select id="evidence_level" name="evidence_level">
                        <option value="reported" selected=d.evidence_level != "verified">{t(lang, "evidence-reported")}</option>
                        <option value="verified" selected=d.evidence_level == "verified">{t(lang, "evidence-verified")}</option>
                    </select>
                </div>
                {textarea("evidence_primary", d.evidence_primary.clone(), Some(t(lang, "claim-hint-evidence_primary")))}
                {textarea("evidence_links", d.evidence_links.clone(), Some(t(lang, "claim-hint-evidence")))}
                <div class="form-field">
                    <label for="note">{t(lang, "claim-field-note")}</label>
                    <p class="hint">{t(lang, "claim-hint-note")}</p>
                    <textarea id="note" name="note" rows="4" required>{d.note.clone()}</textarea>
                    {error_for("note")}
                </div>
            </fieldset>
            <fieldset>
                <legend>{t(lang, "claim-legend-source")}</legend>
                {text_field("source_author", d.source_author.clone(), "text", Some(t(lang, "claim-hint-source_author")))}
                {text_field("source_outlet", d.source_outlet.clone(), "text", Some(t(lang, "claim-hint-source_outlet")))}
                {text_field("source_title", d.source_title.clone(), "text", None)}
                {text_field("source_url", d.source_url.clone(), "url", None)}
                {text_field("source_published", d.source_published.clone(), "text", date_hint)}
                <details class="more-fields" open=more_open>
                    <summary>{t(lang, "claim-legend-source-more")}</summary>
                    {text_field("source_locator", d.source_locator.clone(), "text", None)}
                    {textarea("source_quote", d.source_quote.clone(), None)}
                    {text_field("source_attribution_es", d.source_attribution_es.clone(), "text", Some(t(lang, "claim-hint-attribution")))}
                    {text_field("source_attribution_en", d.source_attribution_en.clone(), "text", None)}
                </details>
            </fieldset>
            // Last in the form, so the text fields arrive before the file and survive an
            // oversized upload.
            <fieldset>
                <legend>{t(lang, "claim-legend-document")}</legend>
                <div class="form-field">
                    <label for="document">{t(lang, "claim-field-document")}</label>
                    <p class="hint" id="document-hint">{t(lang, "claim-hint-document")}</p>
                    <DocumentInput too_large=t(lang, "problem-document-too-large") not_pdf=t(lang, "problem-document-not-pdf")/>
                    {error_for("document")}
                </div>
            </fieldset>
            <button type="submit">{t(lang, "record-submit")}</button>
        </form>
    }
}
