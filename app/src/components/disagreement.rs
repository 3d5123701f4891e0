//! Sources that disagree about a record, side by side: each side's status, the moment it
//! describes, the end of validity it gives, and its source; the current claim first, since
//! the gap rules follow it.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::{ClaimSource, StatusBadge};
use crate::format;
use crate::i18n::{t, use_lang};
use vigia::requirement::Requirement;
use vigia::Claim;

#[component]
pub fn Disagreement(
    claims: Vec<Claim>,
    requirement: Requirement,
    today: NaiveDate,
) -> impl IntoView {
    let lang = use_lang();
    let items = claims
        .into_iter()
        .map(|c| {
            let status = c.status;
            let about = format::partial_date(lang, c.event_date);
            let until = c.valid_until.map(|end| {
                let from = c
                    .valid_from
                    .map(|d| format::partial_date(lang, d))
                    .unwrap_or_else(|| t(lang, "unknown"));
                let range = crate::i18n::tr(
                    lang,
                    "validity-range",
                    &[("from", from.into()), ("until", format::partial_date(lang, end).into())],
                );
                view! { " "<span class="field-label">{t(lang, "field-validity")}":"</span>" "{range} }
            });
            view! {
                <li>
                    <p>
                        <StatusBadge status requirement=Some(requirement.clone()) evidence=None basis=c.basis/>" "
                        <span class="field-label">{t(lang, "field-event-date")}":"</span>" "{about}
                        {until}
                    </p>
                    <ClaimSource claim=c today/>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="disagreement" role="note">
            <h3>{t(lang, "disagreement-heading")}</h3>
            <ul>{items}</ul>
            <p class="hint">{t(lang, "disagreement-follows-current")}</p>
        </div>
    }
}
