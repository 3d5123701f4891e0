//! One gap, explained in plain words.

use leptos::prelude::*;

use crate::components::{GapReplyItem, SeverityBadge};
use crate::context::{current_viewer, PublicView};
use crate::explain::gap_message;
use crate::format;
use crate::i18n::{t, use_lang};
use vigia::gaps::Gap;

#[component]
pub fn GapItem(
    gap: Gap,
    view: PublicView,
    #[prop(optional)] link_department: bool,
    /// Offers the claim form to someone who may record one for this department.
    #[prop(optional)]
    offer_record: bool,
    /// Names the instrument (requirement) in the gap's title.
    #[prop(optional)]
    name_requirement: bool,
    /// Shows the gap alone, without the links to reply or record (on the reply form itself).
    #[prop(optional)]
    bare: bool,
    /// Leaves out the replies (on the review page, which shows the one under review).
    #[prop(optional)]
    without_replies: bool,
) -> impl IntoView {
    let lang = use_lang();
    let requirement = name_requirement
        .then(|| view.snapshot.requirement(&gap.requirement))
        .flatten()
        .map(|r| view! { <span class="gap-requirement">{r.name.get(lang.is_spanish()).to_owned()}</span> });
    let message = gap_message(lang, &gap, &view.snapshot, view.today);
    let since = gap.since.map(|d| format::partial_date(lang, d));
    let kind = t(lang, &format!("gap-kind-{}", gap.kind.slug()));
    let department_link = link_department.then(|| {
        let name = view.snapshot.department(gap.department).map(|d| d.name.clone()).unwrap_or_default();
        view! { <a class="gap-department" href=format!("/departments/{}", gap.department)>{name}</a> }
    });
    let replies = view
        .snapshot
        .replies
        .iter()
        .filter(|r| !without_replies && r.answers(gap.department, &gap.requirement, gap.kind))
        .cloned()
        .map(|reply| view! { <GapReplyItem reply/> })
        .collect_view();
    let reply_link = current_viewer()
        .filter(|v| !bare && v.actor.may_reply(gap.department) && view.as_of.is_none())
        .map(|_| {
            let href = format!(
                "/departments/{}/{}/gaps/{}/reply",
                gap.department,
                gap.requirement,
                gap.kind.slug()
            );
            view! { <p><a class="button-link" href=href>{t(lang, "reply-new")}</a></p> }
        });
    let record_link = current_viewer()
        .filter(|v| !bare && offer_record && v.may_record.contains(&gap.department))
        .map(|_| {
            let href = format!("/departments/{}/{}/new", gap.department, gap.requirement);
            view! { <p><a class="button-link" href=href>{t(lang, "record-new")}</a></p> }
        });
    view! {
        <li class=format!("gap gap-{}", gap.severity.slug()) data-kind=gap.kind.slug()>
            <div class="gap-head">
                <SeverityBadge severity=gap.severity/>
                <span class="gap-kind">{kind}</span>
                {requirement}
                {department_link}
            </div>
            <p class="gap-message">{message}</p>
            {since.map(|s| view! { <p class="gap-since">{t(lang, "gap-since")}" "{s}</p> })}
            {replies}
            {reply_link}
            {record_link}
        </li>
    }
}
