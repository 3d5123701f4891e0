//! "Download map (SVG, PNG)": the map as a standalone image with its title, date, legend
//! and credit, in the page's language and for the date the page shows.

use leptos::prelude::*;

use crate::context::PublicView;
use crate::i18n::{t, use_lang};
use vigia::DepartmentCode;

#[component]
pub fn MapDownloads(
    view: PublicView,
    #[prop(optional)] department: Option<DepartmentCode>,
) -> impl IntoView {
    let lang = use_lang();
    let mut query = Vec::new();
    if let Some(code) = department {
        query.push(format!("department={code}"));
    }
    if let Some(date) = view.as_of {
        query.push(format!("as_of={date}"));
    }
    query.push(format!("lang={}", lang.code()));
    let query = query.join("&");
    let name = match department {
        Some(code) => format!("vigia-{}", code.as_str().to_ascii_lowercase()),
        None => "vigia-mapa".to_owned(),
    };
    view! {
        <section class="map-downloads" aria-labelledby="map-downloads-heading">
            <h2 id="map-downloads-heading">{t(lang, "map-download-heading")}</h2>
            <p>{t(lang, "map-download-intro")}</p>
            <p>
                {t(lang, "map-download-label")}" "
                <a href=format!("/map.svg?{query}") download=format!("{name}.svg") type="image/svg+xml">{t(lang, "map-download-svg")}</a>
                " · "
                <a href=format!("/map.png?{query}") download=format!("{name}.png") type="image/png">{t(lang, "map-download-png")}</a>
            </p>
        </section>
    }
}
