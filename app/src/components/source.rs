//! A citation: who said it (and who reported it), the link, the date and how old it is.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::format;
use crate::i18n::{t, use_lang};
use vigia::Source;

#[component]
pub fn SourceCite(source: Source, today: NaiveDate) -> impl IntoView {
    let lang = use_lang();
    let names = format::source_names(lang, &source.author, source.publisher.as_deref());
    let when = format::partial_date(lang, source.date);
    let age = format::age(lang, source.date.first_day(), today);
    view! {
        <span class="source">
            <span class="source-label">{t(lang, "source-label")}</span>" "
            {names}", "
            <a href=source.url.clone() rel="noopener external">{source.title.clone()}</a>
            " ("{when}", "<span class="age">{age}</span>")"
        </span>
    }
}
