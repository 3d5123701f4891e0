//! The summary at the top of a form that came back with problems, as GOV.UK does it: "Hay 3
//! problemas", each a link to its field. It takes the focus when the page loads (so a screen
//! reader reads it first); following a link moves the focus to the field, which browsers do
//! for a fragment naming a focusable element, with or without JavaScript.

use leptos::prelude::*;
use std::sync::Arc;

use crate::i18n::{tr, use_lang, Lang};
use vigia::new_claim::Problem;

/// How a page names its fields in the summary ("Nota: Este dato es obligatorio."), provided
/// by pages whose fields have labels the summary can repeat.
#[derive(Clone)]
pub struct FieldNames(pub Arc<NameOf>);

/// A field's name in a language, when the page knows it.
pub type NameOf = dyn Fn(Lang, &str) -> Option<String> + Send + Sync;

impl FieldNames {
    /// Names from the catalog: `{prefix}{field}` for each field.
    pub fn from_catalog(prefix: &'static str) -> Self {
        Self(Arc::new(move |lang, field| {
            let key = format!("{prefix}{field}");
            let name = crate::i18n::t(lang, &key);
            (name != key && !name.is_empty()).then_some(name)
        }))
    }
}

#[component]
pub fn ErrorSummary(errors: Vec<(String, Problem)>) -> impl IntoView {
    let lang = use_lang();
    let names = use_context::<FieldNames>();
    let count = errors.len() as i64;
    let items = errors
        .into_iter()
        .map(|(field, problem)| {
            let message = crate::format::problem(lang, problem);
            let text = match names.as_ref().and_then(|names| (names.0)(lang, &field)) {
                Some(name) => format!("{name}: {message}"),
                None => message,
            };
            view! { <li><a href=format!("#{field}")>{text}</a></li> }
        })
        .collect_view();
    view! {
        <div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">{tr(lang, "error-summary-title", &[("n", count.into())])}</h2>
            <ul>{items}</ul>
        </div>
    }
}
