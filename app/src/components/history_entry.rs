//! One entry of the public audit trail: when (Bolivian time), who (public display name),
//! what, about which department, why, and its permalink.

use leptos::prelude::*;

use crate::components::{AsWritten, HiddenNotice, HideForm};
use crate::format;
use crate::i18n::{t, tr, use_lang};
use vigia::la_paz_time;
use vigia::{DepartmentCode, HistoryAction, HistoryEntry, Snapshot};

#[component]
pub fn HistoryEntryItem(
    entry: HistoryEntry,
    snapshot: std::sync::Arc<Snapshot>,
    /// Shows the date a claim's entry describes first (for lists sorted by it).
    #[prop(optional)]
    event_first: bool,
) -> impl IntoView {
    let lang = use_lang();
    let event = event_first
        .then(|| entry.claim_id())
        .flatten()
        .and_then(|id| snapshot.claim(id))
        .map(|c| {
            let date = format::partial_date(lang, c.event_date);
            view! {
                <p class="timeline-date"><time datetime=c.event_date.to_string()>{tr(lang, "history-event-date", &[("date", date.into())])}</time></p>
            }
        });
    let local = la_paz_time(entry.at);
    let when = tr(
        lang,
        "history-when",
        &[
            ("date", format::date(lang, local.date_naive()).into()),
            ("time", local.format("%H:%M").to_string().into()),
        ],
    );
    // Without a person, a claim comes from the cited seed data and an account from the
    // server's command line.
    let who = entry.actor.clone().unwrap_or_else(|| {
        t(
            lang,
            if is_account(entry.action) {
                "history-actor-console"
            } else {
                "history-actor-seed"
            },
        )
    });
    let department = entry
        .department
        .and_then(|code| snapshot.department(code))
        .map(|d| view! { <a href=format!("/departments/{}", d.code)>{d.name.clone()}</a> });
    let requirement = entry
        .requirement
        .as_ref()
        .and_then(|slug| snapshot.requirement(slug))
        .map(|r| r.name.get(lang.is_spanish()).to_owned());
    // A claim's note is shown in the reader's language when the claim has both.
    let reason = entry
        .claim_id()
        .and_then(|id| snapshot.claim(id))
        .map(|c| {
            if lang.is_spanish() {
                c.note_es.clone()
            } else {
                c.note_en.clone()
            }
        })
        .or_else(|| account_change(lang, &snapshot, &entry))
        .unwrap_or_else(|| entry.reason.clone());
    let permalink = format!("/history/{}", entry.id);
    let action = t(lang, &format!("action-{}", entry.action.slug()));
    let action = match review_outcome(&snapshot, &entry) {
        Some(outcome) => format!(
            "{action}: {}",
            t(lang, &format!("review-outcome-{}", outcome.slug()))
        ),
        None => action,
    };
    // A decision on a suggestion shows the public's text (unless kept private or hidden)
    // beside the officer's reason.
    let decided = entry
        .subject
        .strip_prefix("suggestion:")
        .and_then(|id| id.parse::<i64>().ok());
    let suggestion = entry.suggestion.clone().zip(decided).map(|(text, id)| {
        view! {
            <p class="history-suggestion-label">{t(lang, "history-suggestion")}</p>
            <blockquote class="suggestion-text"><AsWritten text/></blockquote>
            <HideForm kind="suggestion" id back_to=format!("/history/{}", entry.id)/>
        }
    });
    let reason_label = (decided.is_some() && !reason.is_empty())
        .then(|| view! { <strong>{t(lang, "history-decision-reason")}</strong>" " });
    view! {
        <li class="history-entry" id=format!("entry-{}", entry.id)>
            {event}
            <p class=if event_first { "history-recorded" } else { "timeline-date" }>
                <time datetime=entry.at.to_rfc3339()>{when}</time>
            </p>
            <p>
                <strong>{action}</strong>
                {department.map(|d| view! { " · " {d} })}
                {requirement.map(|r| view! { " · " {r} })}
            </p>
            {suggestion}
            {(!reason.is_empty()).then(|| view! { <p class="history-reason">{reason_label}<AsWritten text=reason/></p> })}
            {entry.hidden.clone().map(|hidden| view! { <HiddenNotice hidden=*hidden/> })}
            <p class="recorded-by">{tr(lang, "history-by", &[("name", who.into())])}</p>
            <p><a class="permalink" href=permalink>{tr(lang, "history-permalink", &[("id", entry.id.into())])}</a></p>
        </li>
    }
}

/// What the officer decided in a review entry ("Aceptada"), when they chose.
fn review_outcome(snapshot: &Snapshot, entry: &HistoryEntry) -> Option<vigia::ReviewOutcome> {
    let reply: i64 = entry.subject.strip_prefix("reply:")?.parse().ok()?;
    let found = snapshot.replies.iter().find(|r| r.id == reply)?;
    (entry.action == HistoryAction::ReplyReviewed)
        .then(|| found.review.as_ref()?.outcome)
        .flatten()
}

fn is_account(action: HistoryAction) -> bool {
    matches!(
        action,
        HistoryAction::UserAdded
            | HistoryAction::UserDisabled
            | HistoryAction::UserEnabled
            | HistoryAction::UserRescoped
    )
}

/// What an account entry changed, in words: the audit log keeps a role's slug and
/// department codes ("officer BO-L BO-N"); the public reads "Account role: Officer" and the
/// departments' names.
fn account_change(
    lang: crate::i18n::Lang,
    snapshot: &Snapshot,
    entry: &HistoryEntry,
) -> Option<String> {
    let mut words = entry.reason.split_whitespace().peekable();
    let role = match entry.action {
        HistoryAction::UserAdded => words.next().map(|slug| {
            tr(
                lang,
                "entry-account-role",
                &[("role", t(lang, &format!("role-{slug}")).into())],
            )
        }),
        HistoryAction::UserRescoped => None,
        _ => return None,
    };
    let names: Vec<String> = words
        .filter_map(|code| DepartmentCode::parse(code).ok())
        .map(|code| {
            snapshot
                .department(code)
                .map_or_else(|| code.to_string(), |d| d.name.clone())
        })
        .collect();
    let departments = if names.is_empty() {
        t(lang, "entry-account-no-departments")
    } else {
        tr(
            lang,
            "entry-account-departments",
            &[("departments", names.join(", ").into())],
        )
    };
    Some(match role {
        Some(role) if names.is_empty() && entry.action == HistoryAction::UserAdded => role,
        Some(role) => format!("{role}. {departments}"),
        None => departments,
    })
}
