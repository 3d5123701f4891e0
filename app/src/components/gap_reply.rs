//! A department's reply shown beside the gap it answers, with the officer's review if there
//! is one, or the review form for an officer who may give it.

use leptos::prelude::*;

use crate::components::{AsWritten, DocumentList, HiddenNotice, HideForm};
use crate::context::current_viewer;
use crate::format;
use crate::i18n::{t, tr, use_lang};
use vigia::la_paz_date;
use vigia::reply::ReplyReview;
use vigia::GapReply;

#[component]
pub fn GapReplyItem(reply: GapReply) -> impl IntoView {
    let lang = use_lang();
    let by = reply_byline(lang, &reply);
    let may_review = current_viewer().is_some_and(|v| v.actor.may_moderate(reply.department));
    let review = match reply.review.clone() {
        Some(review) => view! { <ReviewShown review/> }.into_any(),
        None if may_review => view! {
            <p class="reply-review pending">
                <a class="review-link" href=format!("/replies/{}/review", reply.id)>{t(lang, "reply-review-open")}</a>
            </p>
        }
        .into_any(),
        None => view! { <p class="reply-review pending">{t(lang, "reply-pending-review")}</p> }
            .into_any(),
    };
    let back_to = format!("/departments/{}#reply-{}", reply.department, reply.id);
    view! {
        <div class="gap-reply" id=format!("reply-{}", reply.id)>
            <p class="reply-heading"><strong>{t(lang, "reply-heading")}</strong>" · "{by}</p>
            {match reply.hidden.clone() {
                Some(hidden) => view! { <HiddenNotice hidden/> }.into_any(),
                None => view! {
                    <p class="reply-body"><AsWritten text=reply.body.clone()/></p>
                    <HideForm kind="reply" id=reply.id back_to=back_to.clone()/>
                }.into_any(),
            }}
            {reply.evidence_url.clone().map(|url| { let href = url.clone(); view! { <p><a href=href rel="noopener">{url}</a></p> } })}
            {(!reply.documents.is_empty()).then(|| view! { <DocumentList documents=reply.documents.clone() back_to/> })}
            {review}
            <p class="hint">{t(lang, "reply-closes-only-with-claim")}</p>
        </div>
    }
}

/// An officer's review as the public reads it: who, when, the outcome and the note.
#[component]
pub fn ReviewShown(review: ReplyReview) -> impl IntoView {
    let lang = use_lang();
    let at = format::date(lang, la_paz_date(review.reviewed_at));
    view! {
        <p class="reply-review">
            {tr(lang, "reply-reviewed", &[("name", review.reviewed_by.into()), ("date", at.into())])}
            " "{review.outcome.map(|o| view! { <strong>{t(lang, &format!("review-outcome-{}", o.slug()))}</strong>" " })}
            <AsWritten text=review.note/>
        </p>
    }
}

/// Who replied and when, in La Paz's calendar.
pub fn reply_byline(lang: crate::i18n::Lang, reply: &GapReply) -> String {
    let when = format::date(lang, la_paz_date(reply.replied_at));
    tr(
        lang,
        "reply-by",
        &[
            ("name", reply.replied_by.clone().into()),
            ("date", when.into()),
        ],
    )
}
