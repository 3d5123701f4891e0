//! Text an admin hid from the public: what stays is why, and the hash of what it said, so
//! anyone holding the original can show it is the same. Admins get the form to hide.

use leptos::prelude::*;

use crate::components::ReasonInput;
use crate::context::current_viewer;
use crate::flash::form_flash;
use crate::i18n::{t, tr, use_lang};
use vigia::history::HiddenText;

#[component]
pub fn HiddenNotice(hidden: HiddenText) -> impl IntoView {
    let lang = use_lang();
    let short = hidden.sha256.chars().take(12).collect::<String>();
    view! {
        <p class="hidden-text">
            {tr(lang, "hidden-text", &[("reason", hidden.reason.clone().into())])}" "
            <code class="hash" title=hidden.sha256.clone()>{format!("SHA-256 {short}…")}</code>
        </p>
    }
}

/// For admins: hide this text from the public, with a reason (`kind` is `reply`, `claim`
/// or `suggestion`; `back_to` is where to return).
#[component]
pub fn HideForm(kind: &'static str, id: i64, back_to: String) -> impl IntoView {
    let lang = use_lang();
    let is_admin = current_viewer().is_some_and(|v| v.actor.may_manage_users());
    is_admin.then(|| {
        let field = format!("hide-{kind}:{id}");
        let problems = form_flash()
            .map(|f| f.errors_for(&field))
            .unwrap_or_default();
        let invalid = !problems.is_empty();
        // The id keeps only characters an HTML id takes well.
        let input_id = format!("hide-{kind}-{id}");
        view! {
            <details class="hide-form" open=invalid>
                <summary>{t(lang, "hide-summary")}</summary>
                <form method="post" action=format!("/hide/{kind}/{id}") class="inline-form">
                    <input type="hidden" name="next" value=back_to/>
                    <ReasonInput id=input_id name="reason" label=t(lang, "hide-reason") problems/>
                    <button type="submit">{t(lang, "hide-submit")}</button>
                </form>
            </details>
        }
    })
}
