//! One gap, explained in plain words.

use leptos::prelude::*;

use crate::components::SeverityBadge;
use crate::context::PublicView;
use crate::explain::gap_message;
use crate::format;
use crate::i18n::{t, use_lang};
use vigia::gaps::Gap;

#[component]
pub fn GapItem(
    gap: Gap,
    view: PublicView,
    #[prop(optional)] link_department: bool,
) -> impl IntoView {
    let lang = use_lang();
    let message = gap_message(lang, &gap, &view.snapshot);
    let since = gap.since.map(|d| format::date(lang, d));
    let kind = t(lang, &format!("gap-kind-{}", gap.kind.slug()));
    let department_link = link_department.then(|| {
        let name = view.snapshot.department(gap.department).map(|d| d.name.clone()).unwrap_or_default();
        view! { <a class="gap-department" href=format!("/departments/{}", gap.department)>{name}</a> }
    });
    view! {
        <li class=format!("gap gap-{}", gap.severity.slug()) data-kind=gap.kind.slug()>
            <div class="gap-head">
                <SeverityBadge severity=gap.severity/>
                <span class="gap-kind">{kind}</span>
                {department_link}
            </div>
            <p class="gap-message">{message}</p>
            {since.map(|s| view! { <p class="gap-since">{t(lang, "gap-since")}" "{s}</p> })}
        </li>
    }
}
