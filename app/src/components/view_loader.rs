//! Loads the public view through the read port and hands it to a page, or shows a localised
//! error when the data store cannot answer.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::context::{load_public_view, set_http_status, Ports, PublicView};
use crate::format;
use crate::i18n::{t, tr, use_lang};
use vigia::PartialDate;

/// Says which day the page describes when it is not simply today, and why a day asked for
/// was not read.
#[component]
fn AsOfNotice(view: PublicView, refused: Option<String>) -> impl IntoView {
    let lang = use_lang();
    let refused = refused.map(|typed| {
        view! { <p class="form-error" role="alert">{tr(lang, "as-of-refused", &[("typed", typed.into())])}</p> }
    });
    let past = view.as_of.map(|d| {
        let date = format::date(lang, d);
        view! { <p class="as-of" role="status">{tr(lang, "as-of-notice", &[("date", date.into())])}</p> }
    });
    let not_past = view.not_past.map(|d| {
        let date = format::date(lang, d);
        view! { <p class="as-of" role="status">{tr(lang, "as-of-not-past", &[("date", date.into())])}</p> }
    });
    view! { {refused}{past}{not_past} }
}

/// Renders `render` with the view as of today (or `?as_of=YYYY-MM-DD`).
#[component]
pub fn WithPublicView<F, V>(render: F) -> impl IntoView
where
    F: Fn(PublicView) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let ports = use_context::<Ports>();
    // A day typed as dd/mm/aaaa or aaaa-mm-dd; anything else is said, not ignored.
    let typed = use_query_map()
        .get_untracked()
        .get("as_of")
        .filter(|raw| !raw.trim().is_empty());
    let (as_of, refused) = match typed.map(|raw| (PartialDate::parse_typed_day(&raw), raw)) {
        Some((Ok(day), _)) => (Some(day), None),
        Some((Err(_), raw)) => (None, Some(raw)),
        None => (None, None),
    };
    let lang = use_lang();
    view! {
        <Suspense fallback=|| ()>
            {
                let ports = ports.clone();
                let render = render.clone();
                let refused = refused.clone();
                Suspend::new(async move {
                    if refused.is_some() {
                        set_http_status(400);
                    }
                    match load_public_view(ports, as_of).await {
                        Ok(view) => view! { <AsOfNotice view=view.clone() refused/>{render(view)} }.into_any(),
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
