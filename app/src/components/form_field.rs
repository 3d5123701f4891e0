//! A labelled form field with its hint and its problems beside it, for the smaller forms
//! (replies, suggestions, moderation, accounts).

use leptos::prelude::*;

use crate::i18n::use_lang;
use vigia::new_claim::Problem;

/// How the field is entered.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Line(&'static str),
    Text,
}

#[component]
pub fn FormField(
    /// The field's name, also its id (made unique with `id_suffix`).
    name: &'static str,
    label: String,
    value: String,
    #[prop(default = Input::Line("text"))] input: Input,
    #[prop(optional)] hint: Option<String>,
    #[prop(optional)] problems: Vec<Problem>,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] id_suffix: String,
) -> impl IntoView {
    let lang = use_lang();
    let id = format!("{name}{id_suffix}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let invalid = !problems.is_empty();
    let described = [
        hint.as_ref().map(|_| hint_id.clone()),
        invalid.then(|| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let messages = problems
        .iter()
        .map(|p| crate::format::problem(lang, *p))
        .collect::<Vec<_>>()
        .join(" ");
    let control = match input {
        Input::Line(kind) => view! {
            <input id=id.clone() name=name type=kind value=value required=required
                aria-invalid=invalid.then_some("true") aria-describedby=described.clone()/>
        }
        .into_any(),
        Input::Text => view! {
            <textarea id=id.clone() name=name rows="4" required=required
                aria-invalid=invalid.then_some("true") aria-describedby=described.clone()>{value}</textarea>
        }
        .into_any(),
    };
    view! {
        <div class="form-field">
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            {control}
            {invalid.then(|| view! { <p class="field-error" id=error_id.clone()>{messages}</p> })}
        </div>
    }
}
