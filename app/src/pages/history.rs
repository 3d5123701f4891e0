//! `/history/{id}`: one audit entry on its own page, the permalink NGOs and the Ombudsman
//! cite.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::{HistoryEntryItem, Layout, PageMeta, WithPublicView};
use crate::context::{set_http_status, PublicView};
use crate::i18n::{t, tr, use_lang};
use crate::pages::NotFoundPage;

#[component]
pub fn HistoryEntryPage() -> impl IntoView {
    let id = use_params_map()
        .get_untracked()
        .get("id")
        .and_then(|raw| raw.parse::<i64>().ok());
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
    let back = entry.department.map(|code| {
        view! { <p><a href=format!("/departments/{code}#history")>{t(lang, "history-back")}</a></p> }
    });
    view! {
        <PageMeta title=title.clone() description=title.clone()/>
        <Layout>
            <h1>{title}</h1>
            <ol class="timeline">
                <HistoryEntryItem entry snapshot=view.snapshot.clone()/>
            </ol>
            {back}
        </Layout>
    }
    .into_any()
}
