//! Text kept as its author wrote it (a source's title, an officer's note): on an English
//! page, Spanish text is marked `lang="es"` and labelled, so screen readers pronounce it
//! right and readers know why it is not translated; on a Spanish page, English text is
//! marked `lang="en"`.

use leptos::prelude::*;

use crate::i18n::{t, use_lang};

/// `text` as written; on an English page, marked and labelled when it reads as Spanish.
#[component]
pub fn AsWritten(text: String) -> impl IntoView {
    let lang = use_lang();
    if lang.is_spanish() {
        return match vigia::language::looks_english(&text) {
            true => view! { <span lang="en">{text}</span> }.into_any(),
            false => view! { {text} }.into_any(),
        };
    }
    if !vigia::language::looks_spanish(&text) {
        return view! { {text} }.into_any();
    }
    view! { <span lang="es">{text}</span>" "<span class="in-spanish">{t(lang, "in-spanish")}</span> }
        .into_any()
}

/// A link whose words are as written (a source's title), marked like [`AsWritten`].
#[component]
pub fn LinkAsWritten(href: String, text: String) -> impl IntoView {
    let lang = use_lang();
    let spanish = !lang.is_spanish() && vigia::language::looks_spanish(&text);
    let label =
        spanish.then(|| view! { " "<span class="in-spanish">{t(lang, "in-spanish")}</span> });
    view! {
        <a href=href rel="noopener external" lang=spanish.then_some("es")>{text}</a>
        {label}
    }
}
