//! Loads the public view through the read port and hands it to a page, or shows a localised
//! error when the data store cannot answer.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::context::{load_public_view, set_http_status, Ports, PublicView};
use crate::format;
use crate::i18n::{t, tr, use_lang};

/// Says which day the page describes when it is not simply today.
#[component]
fn AsOfNotice(view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let past = view.as_of.map(|d| {
        let date = format::date(lang, d);
        view! { <p class="as-of" role="status">{tr(lang, "as-of-notice", &[("date", date.into())])}</p> }
    });
    let not_past = view.not_past.map(|d| {
        let date = format::date(lang, d);
        view! { <p class="as-of" role="status">{tr(lang, "as-of-not-past", &[("date", date.into())])}</p> }
    });
    view! { {past}{not_past} }
}

/// Renders `render` with the view as of today (or `?as_of=YYYY-MM-DD`).
#[component]
pub fn WithPublicView<F, V>(render: F) -> impl IntoView
where
    F: Fn(PublicView) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let ports = use_context::<Ports>();
    let as_of = use_query_map()
        .get_untracked()
        .get("as_of")
        .and_then(|raw| NaiveDate::parse_from_str(&raw, "%Y-%m-%d").ok());
    let lang = use_lang();
    view! {
        <Suspense fallback=|| ()>
            {
                let ports = ports.clone();
                let render = render.clone();
                Suspend::new(async move {
                    match load_public_view(ports, as_of).await {
                        Ok(view) => view! { <AsOfNotice view=view.clone()/>{render(view)} }.into_any(),
                        Err(_) => {
                            set_http_status(503);
                            view! {
                                <section class="error-page">
                                    <h1>{t(lang, "error-unavailable-title")}</h1>
                                    <p>{t(lang, "error-unavailable-body")}</p>
                                </section>
                            }
                                .into_any()
                        }
                    }
                })
            }
        </Suspense>
    }
}
