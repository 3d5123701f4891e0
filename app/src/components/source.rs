//! A citation: who made the finding (and who reported it), the link, when it was published
//! and how long ago; for a claim, also where in the source and its own words.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::components::{AsWritten, LinkAsWritten};
use crate::format;
use crate::i18n::{t, tr, use_lang};
use vigia::{Claim, Source};

#[component]
pub fn SourceCite(source: Source, today: NaiveDate) -> impl IntoView {
    let lang = use_lang();
    let names = format::source_names(lang, &source);
    let published = tr(
        lang,
        "source-published",
        &[("date", format::partial_date(lang, source.published).into())],
    );
    let age = format::age(lang, source.published.first_day(), today);
    view! {
        <span class="source">
            <span class="source-label">{t(lang, "source-label")}</span>" "
            {names}", "
            <LinkAsWritten href=source.url.clone() text=source.title.clone()/>
            " ("{published}", "<span class="age">{age}</span>")"
        </span>
    }
}

/// The claim's source with the page or section and the quotation it rests on, if given.
#[component]
pub fn ClaimSource(claim: Claim, today: NaiveDate) -> impl IntoView {
    let lang = use_lang();
    let locator = claim
        .locator
        .as_deref()
        .map(str::to_owned)
        .map(|place| view! { " "<span class="locator">{t(lang, "source-where")}" "<AsWritten text=place/></span> });
    let quote = claim.quote.as_deref().map(str::to_owned).map(|words| {
        view! {
            <blockquote class="source-quote" aria-label=t(lang, "source-quote-label")>
                <p><AsWritten text=words/></p>
            </blockquote>
        }
    });
    view! {
        <p><SourceCite source=claim.source.clone() today/>{locator}</p>
        {quote}
    }
}
