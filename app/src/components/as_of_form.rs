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
) -> impl IntoView {
    let lang = use_lang();
    let value = view.as_of.map(|d| d.to_string()).unwrap_or_default();
    let hidden = keep
        .into_iter()
        .map(|(name, value)| view! { <input type="hidden" name=name value=value/> })
        .collect_view();
    let back = view.as_of.map(|_| {
        view! { <a class="as-of-today" href=action.clone()>{t(lang, "as-of-form-today")}</a> }
    });
    view! {
        <form class="as-of-form" method="get" action=action.clone()>
            <label for="as-of-date">{t(lang, "as-of-form-label")}</label>
            // A text field in the format shown, as every date in Vigía's forms (no native
            // picker: one way to enter dates everywhere).
            <input
                type="text"
                id="as-of-date"
                name="as_of"
                value=value
                inputmode="numeric"
                pattern="[0-9]{4}-[0-9]{2}-[0-9]{2}"
                aria-describedby="as-of-hint"
                size="10"
            />
            <span id="as-of-hint" class="hint">{t(lang, "claim-hint-day")}</span>
            {hidden}
            <button type="submit">{t(lang, "as-of-form-submit")}</button>
            {back}
        </form>
    }
}
