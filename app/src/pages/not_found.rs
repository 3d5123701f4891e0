//! The localised 404 page.

use leptos::prelude::*;

use crate::components::{Layout, PageMeta};
use crate::context::set_http_status;
use crate::i18n::{t, use_lang};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let lang = use_lang();
    set_http_status(404);
    view! {
        <PageMeta title=t(lang, "not-found-title") description=t(lang, "not-found-body")/>
        <Layout>
            <section class="error-page">
                <h1>{t(lang, "not-found-title")}</h1>
                <p>{t(lang, "not-found-body")}</p>
                <p><a href="/">{t(lang, "not-found-home")}</a></p>
            </section>
        </Layout>
    }
}
