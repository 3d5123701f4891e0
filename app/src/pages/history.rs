//! `/history/{id}`: one audit entry on its own page, the permalink NGOs and the Ombudsman
//! cite. It stands alone: for a claim, everything the claim says, its source and documents;
//! and how to cite it.

use leptos::prelude::*;

use crate::components::{
    Citation, ClaimRecord, HistoryEntryItem, HowToCite, Layout, PageMeta, WithPublicView,
};
use crate::context::{set_http_status, PublicView};
use crate::i18n::{t, tr, use_lang};
use crate::pages::NotFoundPage;

#[component]
pub fn HistoryEntryPage() -> impl IntoView {
    let id = super::id_param();
    let Some(id) = id else {
        return view! { <NotFoundPage/> }.into_any();
    };
    view! { <WithPublicView render=move |view| view! { <HistoryEntryView id view/> }/> }.into_any()
}

#[component]
fn HistoryEntryView(id: i64, view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let Some(entry) = view.snapshot.history.iter().find(|e| e.id == id).cloned() else {
        set_http_status(404);
        return view! { <NotFoundPage/> }.into_any();
    };
    let title = tr(lang, "history-entry-title", &[("id", id.into())]);
    let department = entry
        .department
        .and_then(|code| view.snapshot.department(code));
    let what = t(lang, &format!("action-{}", entry.action.slug()));
    let what = match department {
        Some(d) => format!("{what}, {}", d.name),
        None => what,
    };
    let description = format!("{title}: {what}");
    let citation = Citation {
        title: tr(
            lang,
            "cite-entry-title",
            &[("id", id.into()), ("what", what.clone().into())],
        ),
        path: format!("/history/{id}"),
        updated: entry.local_date(),
        key: format!("vigia-history-{id}"),
    };
    let image = match entry.department {
        Some(code) => format!("/map.png?department={code}"),
        None => "/map.png".to_owned(),
    };
    let claim = entry
        .claim_id()
        .and_then(|claim_id| view.snapshot.claim(claim_id))
        .cloned()
        .map(
            |claim| view! { <ClaimRecord claim snapshot=view.snapshot.clone() today=view.today/> },
        );
    let back = entry.department.map(|code| {
        view! { <p><a href=format!("/departments/{code}#history")>{t(lang, "history-back")}</a></p> }
    });
    view! {
        <PageMeta title=title.clone() description image/>
        <Layout>
            <h1>{title.clone()}</h1>
            <ol class="timeline">
                <HistoryEntryItem entry snapshot=view.snapshot.clone()/>
            </ol>
            {claim}
            <crate::components::ShareLinks path=format!("/history/{id}") title=title.clone()/>
            <HowToCite citation/>
            {back}
        </Layout>
    }
    .into_any()
}
