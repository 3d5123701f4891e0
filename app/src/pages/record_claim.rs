//! `/departments/{code}/{requirement}/new`: the form an officer uses to append a claim. A
//! plain POST; a refused form comes back with what was typed and each problem beside its
//! field. Opened from a suggestion (`?suggestion=12`), it starts from what the suggestion
//! says and saving it accepts the suggestion.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::claim_form::ClaimFormFields;
use crate::components::{Layout, PageMeta, Refused, WithPublicView};
use crate::context::{current_viewer, OfficePorts, PublicView};
use crate::flash::form_flash;
use crate::i18n::{t, tr, use_lang};
use crate::pages::NotFoundPage;
use vigia::new_claim::ClaimDraft;
use vigia::office::Suggestion;
use vigia::{DepartmentCode, RequirementSlug};

#[component]
pub fn RecordClaimPage() -> impl IntoView {
    let params = use_params_map().get_untracked();
    let code = DepartmentCode::parse(&params.get("code").unwrap_or_default()).ok();
    let slug = RequirementSlug::parse(&params.get("requirement").unwrap_or_default()).ok();
    let (Some(code), Some(slug)) = (code, slug) else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let query = use_query_map().get_untracked();
    let suggestion = query
        .get("suggestion")
        .and_then(|id| id.parse::<i64>().ok());
    let corrects = query.get("corrects").and_then(|id| id.parse::<i64>().ok());
    view! { <WithPublicView render=move |view| view! { <RecordClaim code slug=slug.clone() view suggestion corrects/> }/> }.into_any()
}

/// The pending suggestion `id`, if it is about `code` and this officer may decide on it.
async fn answerable(id: i64, code: DepartmentCode) -> Option<Suggestion> {
    let office = use_context::<OfficePorts>()?;
    let viewer = current_viewer()?;
    let pending = office.reader.pending_suggestions().await.ok()?;
    pending
        .into_iter()
        .find(|s| s.id == id && s.department == code && viewer.actor.may_moderate(code))
}

#[component]
fn RecordClaim(
    code: DepartmentCode,
    slug: RequirementSlug,
    view: PublicView,
    suggestion: Option<i64>,
    corrects: Option<i64>,
) -> impl IntoView {
    let lang = use_lang();
    let (Some(department), Some(requirement)) = (
        view.snapshot.department(code).cloned(),
        view.snapshot.requirement(&slug).cloned(),
    ) else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let record = view.snapshot.borrowed_record(code, &slug);
    // Only a claim of this record that nothing corrects yet can be corrected.
    let correcting = corrects.and_then(|id| {
        record
            .claims
            .iter()
            .find(|c| c.id == id && !c.is_corrected())
            .map(|c| (*c).clone())
    });
    if corrects.is_some() && correcting.is_none() {
        crate::context::set_http_status(404);
        return view! { <NotFoundPage/> }.into_any();
    }
    let is_correction = correcting.is_some();
    provide_context(crate::components::FieldNames::from_catalog("claim-field-"));
    let title = tr(
        lang,
        if is_correction {
            "correct-title"
        } else {
            "record-title"
        },
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
    let expected = record.current().map(|c| c.id).unwrap_or(0);
    let flash = form_flash().unwrap_or_default();
    // A correction starts from every field of the claim it corrects; a new claim from the
    // current state.
    let current = match &correcting {
        Some(claim) => super::claim_form::draft_full(claim, lang),
        None => super::claim_form::draft_from(record.current()),
    };
    let kept = super::claim_form::KeptNotice::of(&flash);
    let carried = (!flash.fields.is_empty()).then(|| flash.values("carry_document"));
    let action = format!("/departments/{code}/{slug}/claims");
    let form = move |answering: Option<Suggestion>| {
        // What was typed wins; then what the suggestion says; then the current claim.
        let draft = flash
            .parse::<ClaimDraft>()
            .or_else(|| answering.as_ref().map(|s| prefill(s, current.clone())))
            .unwrap_or_else(|| current.clone());
        view! {
            <ClaimFormFields lang requirement=requirement.clone() draft errors=flash.errors.clone()
                expected action=action.clone() suggestion=answering.as_ref().map(|s| s.id)
                correcting=correcting.clone() carried=carried.clone() kept=kept.clone()/>
        }
    };
    let body = match suggestion {
        None => form(None).into_any(),
        Some(id) => view! {
            <Suspense fallback=|| ()>
                {
                    let form = form.clone();
                    Suspend::new(async move {
                        let found = answerable(id, code).await;
                        view! { <SuggestionBanner id found=found.clone()/>{form(found)} }
                    })
                }
            </Suspense>
        }
        .into_any(),
    };
    view! {
        <PageMeta title=title.clone() description=title.clone()/>
        <Layout>
            <nav class="breadcrumb" aria-label=t(lang, "breadcrumb-label")>
                <a href=format!("/departments/{code}")>{department.name.clone()}</a>" › "<span>{t(lang, if is_correction { "correct-link" } else { "record-new" })}</span>
            </nav>
            <h1>{title}</h1>
            <p>{t(lang, if is_correction { "correct-page-intro" } else { "record-intro" })}</p>
            {body}
        </Layout>
    }
    .into_any()
}

/// A claim drafted from a suggestion: its text as the note, its link and organisation as the
/// source; the rest from the current claim.
fn prefill(suggestion: &Suggestion, current: ClaimDraft) -> ClaimDraft {
    ClaimDraft {
        note: suggestion.body.clone(),
        source_author: suggestion.organisation.clone().unwrap_or_default(),
        source_url: suggestion.source_url.clone().unwrap_or_default(),
        ..current
    }
}

/// Says which suggestion this claim answers, and that it is accepted only once saved.
#[component]
fn SuggestionBanner(id: i64, found: Option<Suggestion>) -> impl IntoView {
    let lang = use_lang();
    match found {
        Some(s) => view! {
            <div class="form-notice" role="status">
                <p>{tr(lang, "record-answering", &[("id", id.into())])}</p>
                <blockquote class="suggestion-text">{s.body}</blockquote>
                <p>{t(lang, "record-answering-accepts")}</p>
                <p><a href=format!("/moderation#suggestion-{id}")>{t(lang, "record-answering-back")}</a></p>
            </div>
        }
        .into_any(),
        None => view! {
            <p class="form-error" role="alert">{tr(lang, "record-answering-gone", &[("id", id.into())])}</p>
        }
        .into_any(),
    }
}
