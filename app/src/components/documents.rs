//! The PDFs attached to a claim or reply: a download link with size and hash, or, once an
//! admin withheld one, the reason in its place. Admins get the withholding form beside it.

use leptos::prelude::*;

use crate::components::ReasonInput;
use crate::context::current_viewer;
use crate::flash::form_flash;
use crate::i18n::{t, tr, use_lang};
use vigia::access::Role;
use vigia::Document;

#[component]
pub fn DocumentList(documents: Vec<Document>, back_to: String) -> impl IntoView {
    let lang = use_lang();
    let admin = current_viewer().is_some_and(|v| v.role == Role::Admin);
    let items = documents
        .into_iter()
        .map(|doc| {
            let short_hash = doc.sha256.chars().take(12).collect::<String>();
            let size = tr(lang, "document-size", &[("kb", (doc.size.div_ceil(1024) as i64).into())]);
            let hash = view! { <code class="hash" title=doc.sha256.clone()>{format!("SHA-256 {short_hash}…")}</code> };
            match doc.withheld_reason.clone() {
                Some(reason) => view! {
                    <li class="document withheld">
                        <span>{doc.filename.clone()}</span>" "{hash}
                        <p class="withheld-reason">{tr(lang, "document-withheld", &[("reason", reason.into())])}</p>
                    </li>
                }
                .into_any(),
                None => {
                    let withhold = admin.then(|| {
                        let field = format!("withhold-{}", doc.id);
                        let problems = form_flash()
                            .map(|f| f.errors_for(&field))
                            .unwrap_or_default();
                        // Secondary and behind its own step: withholding is rare and never sits
                        // between a reply and its review. A refused attempt opens again.
                        let refused = !problems.is_empty();
                        view! {
                            <details class="secondary-action" open=refused>
                                <summary>{t(lang, "withhold-open")}</summary>
                                <form method="post" action=format!("/documents/{}/withhold", doc.id) class="withhold-form inline-form">
                                    <input type="hidden" name="next" value=back_to.clone()/>
                                    <ReasonInput id=field name="reason" label=t(lang, "withhold-reason") problems/>
                                    <button type="submit" class="secondary">{t(lang, "withhold-submit")}</button>
                                </form>
                            </details>
                        }
                    });
                    view! {
                        <li class="document">
                            <a href=format!("/documents/{}", doc.id) download=doc.filename.clone()>{doc.filename.clone()}</a>
                            " "<span class="document-size">{size}</span>" "{hash}
                            {withhold}
                        </li>
                    }
                    .into_any()
                }
            }
        })
        .collect_view();
    view! { <ul class="documents">{items}</ul> }
}
