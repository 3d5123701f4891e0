//! "actualizado el …": the day Vigía last recorded anything. The dates of the facts go with
//! the facts themselves (each count of the sentence on `/` names its sources and their dates),
//! not in one "data as of" that would date them all by the newest claim about anything.

use leptos::prelude::*;

use crate::context::PublicView;
use crate::format;
use crate::i18n::{tr, use_lang};

#[component]
pub fn DataDates(view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let updated = view.snapshot.last_update().map(|d| {
        let text = tr(
            lang,
            "story-updated",
            &[("date", format::date(lang, d).into())],
        );
        view! { <span class="story-updated"><time datetime=d.to_string()>{text}</time></span> }
    });
    view! { <p class="story-dates">{updated}</p> }
}
