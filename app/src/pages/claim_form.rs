//! The fields of the claim form, each saying whether it is required, with its hint and its
//! problems. Dates are typed (AAAA, AAAA-MM or AAAA-MM-DD where a partial date is allowed,
//! AAAA-MM-DD for due dates), never picked, so every browser and phone takes them alike.

use leptos::prelude::*;

use crate::components::{field_label, FieldProblems, FormField, Input};
use crate::format;
use crate::i18n::{t, Lang};
use crate::islands::DocumentInput;
use vigia::new_claim::{ClaimDraft, Problem};
use vigia::requirement::Requirement;
use vigia::{QualityCriterion, Status};

/// Starts a new claim from the current one, so an officer changes only what changed.
pub fn draft_from(current: Option<&vigia::Claim>) -> ClaimDraft {
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
        approving_instrument: text(c.approving_instrument.as_deref().map(str::to_owned)),
        evidence_level: c.evidence_level.slug().to_owned(),
        quality_responsible_institutions: c.quality.responsible_institutions.slug().to_owned(),
        quality_timetable: c.quality.timetable.slug().to_owned(),
        quality_financing: c.quality.financing.slug().to_owned(),
        quality_indicators: c.quality.indicators.slug().to_owned(),
        quality_published: c.quality.published.slug().to_owned(),
        ..ClaimDraft::default()
    }
}

/// Every field of `claim`, as its form would hold them: the start of its correction, so the
/// officer changes only what is wrong and keeps everything else, evidence included.
pub fn draft_full(claim: &vigia::Claim, lang: Lang) -> ClaimDraft {
    let links = |kind: vigia::EvidenceKind| {
        claim
            .evidence
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| {
                if e.label == e.url {
                    e.url.clone()
                } else {
                    format!("{} | {}", e.label, e.url)
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let source = &claim.source;
    let attribution = source.attribution.as_ref();
    ClaimDraft {
        department: claim.department.to_string(),
        requirement: claim.requirement.to_string(),
        event_date: claim.event_date.to_string(),
        evidence_primary: links(vigia::EvidenceKind::Primary),
        evidence_links: links(vigia::EvidenceKind::Report),
        note: if lang.is_spanish() || claim.note_en.is_empty() {
            claim.note_es.clone()
        } else {
            claim.note_en.clone()
        },
        source_author: source.author.clone(),
        source_outlet: source.outlet.clone().unwrap_or_default(),
        source_title: source.title.clone(),
        source_url: source.url.clone(),
        source_published: source.published.to_string(),
        source_locator: claim
            .locator
            .as_deref()
            .map(str::to_owned)
            .unwrap_or_default(),
        source_quote: claim
            .quote
            .as_deref()
            .map(str::to_owned)
            .unwrap_or_default(),
        source_attribution_es: attribution.map(|a| a.es.clone()).unwrap_or_default(),
        source_attribution_en: attribution.map(|a| a.en.clone()).unwrap_or_default(),
        corrects: claim.id.to_string(),
        ..draft_from(Some(claim))
    }
}

/// A labelled select whose options are `(value, label)`.
fn select(
    name: &'static str,
    label: String,
    hint: Option<String>,
    options: Vec<(String, String)>,
    chosen: &str,
) -> impl IntoView {
    let hint_id = format!("{name}-hint");
    let described = hint.as_ref().map(|_| hint_id.clone());
    let options = options
        .into_iter()
        .map(|(value, text)| {
            let selected = value == chosen;
            view! { <option value=value selected=selected>{text}</option> }
        })
        .collect_view();
    view! {
        <div class="form-field">
            <label for=name>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            <select id=name name=name aria-describedby=described>{options}</select>
        </div>
    }
}

#[component]
pub fn ClaimFormFields(
    lang: Lang,
    requirement: Requirement,
    draft: ClaimDraft,
    errors: Vec<(String, Problem)>,
    expected: i64,
    action: String,
    /// The suggestion this claim answers: saving it accepts the suggestion.
    suggestion: Option<i64>,
    /// The claim this one corrects, whose documents it may keep.
    #[prop(default = None)]
    correcting: Option<vigia::Claim>,
    /// The documents of the corrected claim kept as evidence (ids); all of them at first.
    #[prop(default = None)]
    carried: Option<Vec<String>>,
    /// A file kept from the form's last post, which came back with errors.
    #[prop(default = None)]
    kept: Option<KeptNotice>,
) -> impl IntoView {
    let d = draft;
    let correction = correcting.as_ref().map(|claim| {
        view! {
            <CorrectionFields claim=claim.clone() reason=d.correction_reason.clone()
                problems=errors.iter().filter(|(f, _)| f == "correction_reason").map(|(_, p)| *p).collect()/>
        }
    });
    let carried_documents = correcting.map(|claim| {
        let carried =
            carried.unwrap_or_else(|| claim.documents.iter().map(|d| d.id.to_string()).collect());
        view! { <CarriedDocuments documents=claim.documents carried/> }
    });
    let kept = kept.map(|kept| view! { <KeptDocument kept/> });
    let problems = move |field: &str| -> Vec<Problem> {
        errors
            .iter()
            .filter(|(f, _)| f == field)
            .map(|(_, p)| *p)
            .collect()
    };
    let label = move |name: &str| t(lang, &format!("claim-field-{name}"));
    let more_fields = [
        "source_locator",
        "source_quote",
        "source_attribution_es",
        "source_attribution_en",
    ];
    // Opened when it holds something, or a problem.
    let more_open = more_fields.iter().any(|f| !problems(f).is_empty())
        || [
            &d.source_locator,
            &d.source_quote,
            &d.source_attribution_es,
            &d.source_attribution_en,
        ]
        .iter()
        .any(|v| !v.is_empty());
    let statuses = Status::ALL
        .into_iter()
        .map(|s| {
            let text = format::status_label(lang, Some(&requirement), s);
            (s.slug().to_owned(), text)
        })
        .collect();
    let bases = vigia::Basis::ALL
        .into_iter()
        .map(|b| (b.slug().to_owned(), t(lang, &format!("basis-{}", b.slug()))))
        .collect();
    let basis = if d.basis.is_empty() {
        "stated"
    } else {
        d.basis.as_str()
    };
    let levels = ["reported", "verified"]
        .into_iter()
        .map(|l| (l.to_owned(), t(lang, &format!("evidence-{l}"))))
        .collect();
    let level = if d.evidence_level == "verified" {
        "verified"
    } else {
        "reported"
    };
    let quality = requirement.has_quality_criteria.then(|| {
        QualityCriterion::ALL
            .into_iter()
            .map(|criterion| {
                let name: &'static str = match criterion {
                    QualityCriterion::ResponsibleInstitutions => "quality_responsible_institutions",
                    QualityCriterion::Timetable => "quality_timetable",
                    QualityCriterion::Financing => "quality_financing",
                    QualityCriterion::Indicators => "quality_indicators",
                    QualityCriterion::Published => "quality_published",
                };
                let current = match criterion {
                    QualityCriterion::ResponsibleInstitutions => {
                        &d.quality_responsible_institutions
                    }
                    QualityCriterion::Timetable => &d.quality_timetable,
                    QualityCriterion::Financing => &d.quality_financing,
                    QualityCriterion::Indicators => &d.quality_indicators,
                    QualityCriterion::Published => &d.quality_published,
                };
                let answers = ["unknown", "yes", "no"]
                    .into_iter()
                    .map(|a| (a.to_owned(), t(lang, &format!("answer-{a}"))))
                    .collect();
                select(
                    name,
                    t(lang, &format!("quality-{}", criterion.slug())),
                    None,
                    answers,
                    current,
                )
            })
            .collect_view()
    });
    view! {
        <form method="post" action=action class="claim-form" enctype="multipart/form-data">
            <p class="hint">{t(lang, "form-marks")}</p>
            <input type="hidden" name="expected" value=expected.to_string()/>
            {suggestion.map(|id| view! { <input type="hidden" name="suggestion" value=id.to_string()/> })}
            {correction}
            <fieldset>
                <legend>{t(lang, "claim-legend-state")}</legend>
                {select("status", label("status"), None, statuses, &d.status)}
                <FieldProblems id="status-error" problems=problems("status")/>
                {select("basis", label("basis"), Some(t(lang, "claim-hint-basis")), bases, basis)}
                <FormField name="event_date" label=label("event_date") value=d.event_date.clone()
                    hint=t(lang, "claim-hint-event_date") problems=problems("event_date") required=true/>
                <FormField name="status_since" label=label("status_since") value=d.status_since.clone()
                    hint=t(lang, "claim-hint-partial-date") problems=problems("status_since")
                    condition=t(lang, "claim-when-in-force")/>
                <FormField name="due_date" label=label("due_date") value=d.due_date.clone()
                    hint=t(lang, "claim-hint-day") problems=problems("due_date")/>
                <FormField name="valid_from" label=label("valid_from") value=d.valid_from.clone()
                    hint=t(lang, "claim-hint-partial-date") problems=problems("valid_from")/>
                <FormField name="valid_until" label=label("valid_until") value=d.valid_until.clone()
                    hint=t(lang, "claim-hint-partial-date") problems=problems("valid_until")/>
                <FormField name="approving_instrument" label=label("approving_instrument")
                    value=d.approving_instrument.clone() problems=problems("approving_instrument")/>
                {quality}
            </fieldset>
            <fieldset>
                <legend>{t(lang, "claim-legend-evidence")}</legend>
                {select("evidence_level", label("evidence_level"), None, levels, level)}
                <FormField name="evidence_primary" label=label("evidence_primary") value=d.evidence_primary.clone()
                    input=Input::Text hint=t(lang, "claim-hint-evidence_primary") problems=problems("evidence_primary")/>
                <FormField name="evidence_links" label=label("evidence_links") value=d.evidence_links.clone()
                    input=Input::Text hint=t(lang, "claim-hint-evidence") problems=problems("evidence_links")/>
                <FormField name="note" label=label("note") value=d.note.clone() input=Input::Text
                    hint=t(lang, "claim-hint-note") problems=problems("note") required=true/>
            </fieldset>
            <fieldset>
                <legend>{t(lang, "claim-legend-source")}</legend>
                <FormField name="source_author" label=label("source_author") value=d.source_author.clone()
                    hint=t(lang, "claim-hint-source_author") problems=problems("source_author") required=true/>
                <FormField name="source_outlet" label=label("source_outlet") value=d.source_outlet.clone()
                    hint=t(lang, "claim-hint-source_outlet") problems=problems("source_outlet")/>
                <FormField name="source_title" label=label("source_title") value=d.source_title.clone()
                    problems=problems("source_title") required=true/>
                <FormField name="source_url" label=label("source_url") value=d.source_url.clone()
                    input=Input::Line("text") hint=t(lang, "claim-hint-source_url") problems=problems("source_url")
                    condition=t(lang, "claim-unless-pdf")/>
                <FormField name="source_published" label=label("source_published") value=d.source_published.clone()
                    hint=t(lang, "claim-hint-partial-date") problems=problems("source_published") required=true/>
                <details class="more-fields" open=more_open>
                    <summary>{t(lang, "claim-legend-source-more")}</summary>
                    <FormField name="source_locator" label=label("source_locator") value=d.source_locator.clone()
                        problems=problems("source_locator")/>
                    <FormField name="source_quote" label=label("source_quote") value=d.source_quote.clone()
                        input=Input::Text hint=t(lang, "claim-hint-source_quote") problems=problems("source_quote")/>
                    <FormField name="source_attribution_es" label=label("source_attribution_es")
                        value=d.source_attribution_es.clone() hint=t(lang, "claim-hint-attribution")
                        problems=problems("source_attribution_es")/>
                    <FormField name="source_attribution_en" label=label("source_attribution_en")
                        value=d.source_attribution_en.clone() problems=problems("source_attribution_en")/>
                </details>
            </fieldset>
            // Last in the form, so the text fields arrive before the file and survive an
            // oversized upload.
            <fieldset>
                <legend>{t(lang, "claim-legend-document")}</legend>
                {carried_documents}
                {kept}
                <div class="form-field">
                    {field_label("document".into(), label("document"), false, None)}
                    <p class="hint" id="document-hint">{t(lang, "claim-hint-document")}</p>
                    <DocumentInput too_large=t(lang, "problem-document-too-large") not_pdf=t(lang, "problem-document-not-pdf")/>
                    <FieldProblems id="document-error" problems=problems("document")/>
                </div>
            </fieldset>
            <button type="submit">{t(lang, "record-submit")}</button>
        </form>
    }
}

/// A file kept from the form's last post: its hash (the form sends it back), name and size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptNotice {
    pub sha256: String,
    pub filename: String,
    pub size: u64,
}

impl KeptNotice {
    /// What a refused form's flash says was kept, if anything.
    pub fn of(flash: &crate::flash::FormFlash) -> Option<Self> {
        let sha256 = flash.field("kept_document");
        (!sha256.is_empty()).then(|| Self {
            sha256,
            filename: flash.field("kept_document_name"),
            size: flash.field("kept_document_size").parse().unwrap_or(0),
        })
    }
}

/// What a correction says of itself: the claim it corrects, and what is corrected and why.
#[component]
fn CorrectionFields(claim: vigia::Claim, reason: String, problems: Vec<Problem>) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let about = format::partial_date(lang, claim.event_date);
    view! {
        <fieldset class="correction">
            <legend>{crate::i18n::tr(lang, "correct-legend", &[("id", claim.id.into())])}</legend>
            <input type="hidden" name="corrects" value=claim.id.to_string()/>
            <p class="hint">{crate::i18n::tr(lang, "correct-intro", &[("id", claim.id.into()), ("date", about.into())])}</p>
            <FormField name="correction_reason" label=t(lang, "correct-reason") value=reason input=Input::Text
                hint=t(lang, "correct-reason-hint") problems required=true/>
        </fieldset>
    }
}

/// The corrected claim's documents, each kept as evidence unless unticked: carried by
/// reference, never uploaded again.
#[component]
fn CarriedDocuments(documents: Vec<vigia::Document>, carried: Vec<String>) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let items = documents
        .into_iter()
        .filter(|doc| doc.withheld_reason.is_none())
        .map(|doc| {
            let id = doc.id.to_string();
            let checked = carried.contains(&id);
            let size = format::file_size(lang, doc.size);
            view! {
                <li><label>
                    <input type="checkbox" name="carry_document" value=id checked=checked/>
                    " "{crate::i18n::tr(lang, "correct-keep-document", &[("name", doc.filename.into()), ("size", size.into())])}
                </label></li>
            }
        })
        .collect_view();
    view! { <ul class="carried-documents">{items}</ul> }
}

/// "Archivo conservado: informe.pdf (2,1 MB)", with a box to remove it.
#[component]
pub fn KeptDocument(kept: KeptNotice) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let size = format::file_size(lang, kept.size);
    view! {
        <div class="kept-document" role="status">
            <input type="hidden" name="kept_document" value=kept.sha256/>
            <p>{crate::i18n::tr(lang, "kept-document", &[("name", kept.filename.into()), ("size", size.into())])}</p>
            <label><input type="checkbox" name="drop_kept_document" value="on"/>" "{t(lang, "kept-document-remove")}</label>
        </div>
    }
}
