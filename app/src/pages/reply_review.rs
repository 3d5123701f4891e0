//! `/replies/{id}/review`: an officer reads a department's reply with its evidence and
//! decides what to make of it (accepted, or more asked of the department) with a note that
//! has room to explain. Withholding a document stays a separate, secondary action.

use leptos::prelude::*;

use crate::components::{
    AsWritten, DocumentList, FieldProblems, FormField, GapItem, Input, Layout, PageMeta, Refused,
    ReviewShown, WithPublicView,
};
use crate::context::{current_viewer, PublicView};
use crate::flash::form_flash;
use crate::i18n::{t, tr, use_lang};
use crate::pages::NotFoundPage;
use vigia::{GapReply, ReviewOutcome};

#[component]
pub fn ReplyReviewPage() -> impl IntoView {
    let id = super::id_param();
    let Some(id) = id else {
        return view! { <NotFoundPage/> }.into_any();
    };
    view! { <WithPublicView render=move |view| view! { <Review id view/> }/> }.into_any()
}

#[component]
fn Review(id: i64, view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let here = format!("/replies/{id}/review");
    let Some(viewer) = current_viewer() else {
        let title = t(lang, "review-title-plain");
        return view! { <Refused title message="review-not-allowed" next=here status=401/> }
            .into_any();
    };
    // Out of scope reads as a reply that does not exist, as the server answers the post.
    let reply = view
        .snapshot
        .replies
        .iter()
        .find(|r| r.id == id && viewer.actor.may_moderate(r.department))
        .cloned();
    let Some((reply, department)) = reply.and_then(|r| {
        let department = view.snapshot.department(r.department).cloned()?;
        Some((r, department))
    }) else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let title = tr(
        lang,
        "review-title",
        &[("department", department.name.clone().into())],
    );
    let gap = view
        .gaps
        .iter()
        .find(|g| reply.answers(g.department, &g.requirement, g.kind))
        .cloned();
    let gap = match gap {
        Some(gap) => view! { <ul class="gap-list"><GapItem gap view=view.clone() bare=true without_replies=true/></ul> }
            .into_any(),
        None => view! { <p class="hint">{t(lang, "review-gap-closed")}</p> }.into_any(),
    };
    let decision = match reply.review.clone() {
        Some(review) => view! { <ReviewShown review/> }.into_any(),
        None => view! { <ReviewForm id/> }.into_any(),
    };
    provide_context(crate::components::FieldNames::from_catalog("review-field-"));
    view! {
        <PageMeta title=title.clone() description=title.clone()/>
        <Layout>
            <nav class="breadcrumb" aria-label=t(lang, "breadcrumb-label")>
                <a href=format!("/departments/{}#reply-{id}", department.code)>{department.name.clone()}</a>
                " › "<span>{t(lang, "review-crumb")}</span>
            </nav>
            <h1>{title}</h1>
            {gap}
            <ReplyShown reply/>
            {decision}
        </Layout>
    }
    .into_any()
}

/// The reply as the public reads it, with its evidence and documents.
#[component]
fn ReplyShown(reply: GapReply) -> impl IntoView {
    let lang = use_lang();
    let by = crate::components::reply_byline(lang, &reply);
    let back_to = format!("/replies/{}/review", reply.id);
    view! {
        <section class="gap-reply review-reply" aria-labelledby="review-reply-heading">
            <h2 id="review-reply-heading">{t(lang, "reply-heading")}</h2>
            <p class="reply-heading">{by}</p>
            {match reply.hidden.clone() {
                Some(hidden) => view! { <crate::components::HiddenNotice hidden/> }.into_any(),
                None => view! { <p class="reply-body"><AsWritten text=reply.body.clone()/></p> }.into_any(),
            }}
            {reply.evidence_url.clone().map(|url| {
                let href = url.clone();
                view! { <p>{t(lang, "review-evidence")}" "<a href=href rel="noopener">{url}</a></p> }
            })}
            {(!reply.documents.is_empty()).then(|| view! { <DocumentList documents=reply.documents.clone() back_to/> })}
        </section>
    }
}

/// Accept or ask for more, and why: a refused review comes back with what was typed.
#[component]
fn ReviewForm(id: i64) -> impl IntoView {
    let lang = use_lang();
    let flash = form_flash().unwrap_or_default();
    let chosen = flash.field("outcome");
    let choices = ReviewOutcome::ALL
        .into_iter()
        .map(|outcome| {
            let slug = outcome.slug();
            view! {
                <label class="checkbox">
                    <input type="radio" name="outcome" value=slug checked=chosen == slug required/>
                    " "<strong>{t(lang, &format!("review-outcome-{slug}"))}</strong>
                    " "<span class="hint">{t(lang, &format!("review-outcome-{slug}-hint"))}</span>
                </label>
            }
        })
        .collect_view();
    let outcome_problems = flash.errors_for("outcome");
    let invalid = !outcome_problems.is_empty();
    view! {
        <form method="post" action=format!("/replies/{id}/review") class="claim-form review-form">
            <h2>{t(lang, "review-heading")}</h2>
            <p class="hint">{t(lang, "form-marks")}</p>
            <fieldset id="outcome" aria-invalid=invalid.then_some("true") aria-describedby=invalid.then_some("outcome-error")>
                <legend>{t(lang, "review-field-outcome")}" "<span class="required-mark" aria-hidden="true">{t(lang, "field-required")}</span></legend>
                <FieldProblems id="outcome-error" problems=outcome_problems/>
                {choices}
            </fieldset>
            <FormField name="note" label=t(lang, "review-field-note") value=flash.field("note") input=Input::Text
                hint=t(lang, "review-hint-note") problems=flash.errors_for("note") required=true/>
            <button type="submit">{t(lang, "reply-review-submit")}</button>
            <p class="hint">{t(lang, "reply-closes-only-with-claim")}</p>
        </form>
    }
}
