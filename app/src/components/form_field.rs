//! A labelled form field with its hint and its problems beside it. Every field says whether
//! it is required (visibly, and with `aria-required`), optional, or needed only in some case.

use leptos::prelude::*;

use crate::i18n::{t, use_lang};
use vigia::new_claim::Problem;

/// How the field is entered.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Line(&'static str),
    Text,
}

/// A field's label with what it takes: "(obligatorio)", "(opcional)" or the case in which
/// it is needed (`condition`). The required mark is hidden from screen readers, which hear
/// `aria-required` on the control instead.
pub fn field_label(
    id: String,
    label: String,
    required: bool,
    condition: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let mark = match (required, condition) {
        (true, _) => view! { " "<span class="required-mark" aria-hidden="true">{t(lang, "field-required")}</span> }.into_any(),
        (false, Some(condition)) => view! { " "<span class="optional-mark">{condition}</span> }.into_any(),
        (false, None) => view! { " "<span class="optional-mark">{t(lang, "field-optional")}</span> }.into_any(),
    };
    view! { <label for=id>{label}{mark}</label> }
}

/// The problems of one field, worded for the reader (nothing when there are none). A text
/// over its limit says how long it is (`length`), so the reader knows how much to cut.
#[component]
pub fn FieldProblems(
    #[prop(into)] id: String,
    problems: Vec<Problem>,
    #[prop(optional)] length: Option<usize>,
) -> impl IntoView {
    let lang = use_lang();
    let messages = problems
        .iter()
        .map(|p| match (p, length) {
            (Problem::TooLong(max), Some(length)) => crate::i18n::tr(
                lang,
                "problem-too-long-count",
                &[
                    ("count", (length as i64).into()),
                    ("max", i64::from(*max).into()),
                ],
            ),
            _ => crate::format::problem(lang, *p),
        })
        .collect::<Vec<_>>()
        .join(" ");
    (!problems.is_empty()).then(|| view! { <p class="field-error" id=id>{messages}</p> })
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
    /// When the field is needed only in some case, that case (instead of "(opcional)").
    #[prop(optional)]
    condition: Option<String>,
    #[prop(optional, into)] id_suffix: String,
) -> impl IntoView {
    let id = format!("{name}{id_suffix}");
    let length = value.chars().count();
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
    let aria_required = required.then_some("true");
    let control = match input {
        Input::Line(kind) => view! {
            <input id=id.clone() name=name type=kind value=value required=required aria-required=aria_required
                aria-invalid=invalid.then_some("true") aria-describedby=described.clone()/>
        }
        .into_any(),
        Input::Text => view! {
            <textarea id=id.clone() name=name rows="4" required=required aria-required=aria_required
                aria-invalid=invalid.then_some("true") aria-describedby=described.clone()>{value}</textarea>
        }
        .into_any(),
    };
    view! {
        <div class="form-field">
            {field_label(id.clone(), label, required, condition)}
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            {control}
            <FieldProblems id=error_id problems length/>
        </div>
    }
}

/// A required one-line reason or note inside an inline form (a review, a withholding, a
/// hiding, a rejection), with its problems beside it.
#[component]
pub fn ReasonInput(
    #[prop(into)] id: String,
    name: &'static str,
    label: String,
    #[prop(optional)] problems: Vec<Problem>,
    #[prop(optional)] value: String,
) -> impl IntoView {
    let invalid = !problems.is_empty();
    let error_id = format!("{id}-error");
    view! {
        {field_label(id.clone(), label, true, None)}
        <input id=id.clone() name=name value=value required aria-required="true"
            aria-invalid=invalid.then_some("true") aria-describedby=invalid.then(|| error_id.clone())/>
        <FieldProblems id=error_id problems/>
    }
}
