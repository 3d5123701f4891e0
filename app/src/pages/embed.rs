//! `/embed/map`: the map with minimal chrome, for other sites to frame. Everything (the
//! whole map, its numbered key, a compact legend, the date, the sources and the credit) fits
//! the size the snippet on `/` declares: the map takes whatever height the rest leaves.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::{ComplianceMap, DataDates, MapKey, MapLegend, PageMeta, WithPublicView};
use crate::i18n::{t, use_lang};
use vigia::DepartmentCode;

/// The size the embed snippet declares, in CSS pixels: tall enough for the numbered key
/// under the map, which the embed shows at this width.
pub const EMBED_SIZE: (u32, u32) = (400, 760);

#[component]
pub fn EmbedMapPage() -> impl IntoView {
    let lang = use_lang();
    let highlight = use_query_map()
        .get_untracked()
        .get("department")
        .and_then(|c| DepartmentCode::parse(&c).ok());
    view! {
        <PageMeta title=t(lang, "embed-title") description=t(lang, "home-description")/>
        <main class="embed-page">
            <WithPublicView render=move |view| {
                let legend_view = view.clone();
                let key_view = view.clone();
                let dates_view = view.clone();
                let plan = vigia::RequirementSlug::parse(crate::map::MAP_REQUIREMENT).expect("slug");
                let sources = crate::story::credits::image_credits(lang, &view.snapshot, &plan, view.today)
                    .into_iter()
                    .map(|line| view! { <p class="embed-sources">{line}</p> })
                    .collect_view();
                let map = match highlight {
                    Some(code) => view! { <ComplianceMap view highlight=code link_target="_blank"/> }.into_any(),
                    None => view! { <ComplianceMap view link_target="_blank"/> }.into_any(),
                };
                view! {
                    <p class="embed-title"><a href="/" target="_blank">{t(lang, "embed-title")}</a></p>
                    {map}
                    <MapKey view=key_view link_target="_blank"/>
                    <div class="embed-foot">
                        <MapLegend view=legend_view/>
                        <DataDates view=dates_view/>
                        {sources}
                        <p class="embed-credit"><a href="/methodology#licence" target="_blank">{t(lang, "embed-credit")}</a></p>
                    </div>
                }
            }/>
        </main>
    }
}
