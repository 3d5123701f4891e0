//! The page a person sees when their role or scope does not allow what the page offers: it
//! says so plainly and links to signing in with another account.

use leptos::prelude::*;

use crate::components::{Layout, PageMeta};
use crate::context::set_http_status;
use crate::i18n::{t, use_lang};

#[component]
pub fn Refused(
    title: String,
    /// Catalog key of the explanation.
    message: &'static str,
    /// Where signing in should lead back to.
    next: String,
    #[prop(default = 403)] status: u16,
) -> impl IntoView {
    let lang = use_lang();
    set_http_status(status);
    view! {
        <PageMeta title=title.clone() description=title.clone()/>
        <Layout>
            <h1>{title}</h1>
            <p class="form-error" role="alert">{t(lang, message)}</p>
            <p><a href=format!("/signin?next={next}")>{t(lang, "footer-signin")}</a></p>
        </Layout>
    }
}
