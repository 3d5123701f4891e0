//! "Ver el estado al …": a plain GET form that reloads the page as of a past day
//! (`?as_of=YYYY-MM-DD`), keeping the page's other choices as hidden fields.

use leptos::prelude::*;

use crate::context::PublicView;
use crate::i18n::{t, use_lang};

#[component]
pub fn AsOfForm(
    view: PublicView,
    /// Where the form goes (the page itself).
    #[prop(into)]
    action: String,
    /// Other query parameters to keep, such as the map's requirement.
    #[prop(optional)]
    keep: Vec<(&'static str, String)>,
    /// Catalog keys of the label, the hint and the button, where the date means something
    /// else than "the state on" (the data page's "data as of").
    #[prop(default = ["as-of-form-label", "as-of-form-hint", "as-of-form-submit"])]
    words: [&'static str; 3],
) -> impl IntoView {
    let lang = use_lang();
    // What was typed comes back as typed, even when it could not be read.
    let typed = leptos_router::hooks::use_query_map()
        .get_untracked()
        .get("as_of")
        .unwrap_or_default();
    let value = match view.as_of {
        Some(day) if typed.trim().is_empty() => day.to_string(),
        _ => typed,
    };
    let hidden = keep
        .into_iter()
        .map(|(name, value)| view! { <input type="hidden" name=name value=value/> })
        .collect_view();
    let back = view.as_of.map(|_| {
        view! { <a class="as-of-today" href=action.clone()>{t(lang, "as-of-form-today")}</a> }
    });
    view! {
        <form class="as-of-form" method="get" action=action.clone()>
            <label for="as-of-date">{t(lang, words[0])}</label>
            // A text field in the format shown, as every date in Vigía's forms (no native
            // picker: one way to enter dates everywhere).
            <input
                type="text"
                id="as-of-date"
                name="as_of"
                value=value
                inputmode="numeric"
                aria-describedby="as-of-hint"
                size="10"
            />
            <span id="as-of-hint" class="hint">{t(lang, words[1])}</span>
            {hidden}
            <button type="submit">{t(lang, words[2])}</button>
            {back}
        </form>
    }
}
