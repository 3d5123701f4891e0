//! "Datos al … · actualizado el …": the day the data describes (the newest event any standing
//! claim is about) apart from the day Vigía last recorded anything, so a quiet period does
//! not look like abandonment.

use leptos::prelude::*;

use crate::context::PublicView;
use crate::format;
use crate::i18n::{tr, use_lang};

#[component]
pub fn DataDates(view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let data = view.snapshot.newest_event().map(|d| {
        let key = if d.precision() == vigia::DatePrecision::Day {
            "story-data-day"
        } else {
            "story-data-period"
        };
        let text = tr(lang, key, &[("date", format::partial_date(lang, d).into())]);
        view! { <span class="story-data"><time datetime=d.to_string()>{text}</time></span> }
    });
    let updated = view.snapshot.last_update().map(|d| {
        let text = tr(
            lang,
            "story-updated",
            &[("date", format::date(lang, d).into())],
        );
        view! { <span class="story-updated"><time datetime=d.to_string()>{text}</time></span> }
    });
    let separator = (data.is_some() && updated.is_some()).then_some(" · ");
    view! { <p class="story-dates">{data}{separator}{updated}</p> }
}
