//! `/account/password`: a signed-in person changes their password: the current one, then the
//! new one twice. A refusal comes back through the flash with the field at fault marked;
//! passwords are never sent back.

use leptos::prelude::*;

use crate::components::{field_label, FieldProblems, Layout, PageMeta, Refused};
use crate::context::current_viewer;
use crate::flash::form_flash;
use crate::i18n::{t, use_lang};
use vigia::new_claim::Problem;

/// A password field with its label, its problems and, for a new password, the hint.
#[component]
fn PasswordField(
    name: &'static str,
    label: String,
    autocomplete: &'static str,
    problems: Vec<Problem>,
    #[prop(optional)] hint: Option<String>,
) -> impl IntoView {
    let error_id = format!("{name}-error");
    let hint_id = format!("{name}-hint");
    let described = match (problems.is_empty(), hint.is_some()) {
        (false, true) => Some(format!("{error_id} {hint_id}")),
        (false, false) => Some(error_id.clone()),
        (true, true) => Some(hint_id.clone()),
        (true, false) => None,
    };
    let invalid = (!problems.is_empty()).then_some("true");
    let minimum = (autocomplete == "new-password").then_some("12");
    view! {
        {field_label(name.into(), label, true, None)}
        <FieldProblems id=error_id problems/>
        <input id=name name=name type="password" autocomplete=autocomplete minlength=minimum
            required aria-required="true" aria-invalid=invalid aria-describedby=described/>
        {hint.map(|hint| view! { <p id=hint_id class="hint">{hint}</p> })}
    }
}

#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    let lang = use_lang();
    let title = t(lang, "password-change-title");
    if current_viewer().is_none() {
        return view! {
            <Refused title message="password-change-sign-in" next="/account/password".into() status=401/>
        }
        .into_any();
    }
    let flash = form_flash().unwrap_or_default();
    view! {
        <PageMeta title=title.clone() description=t(lang, "password-change-intro")/>
        <Layout>
            <section class="form-page">
                <h1>{title}</h1>
                <p>{t(lang, "password-change-intro")}</p>
                <form method="post" action="/account/password" class="stacked-form">
                    <PasswordField name="current" label=t(lang, "field-current-password")
                        autocomplete="current-password" problems=flash.errors_for("current")/>
                    <PasswordField name="password" label=t(lang, "field-new-password")
                        autocomplete="new-password" problems=flash.errors_for("password")
                        hint=t(lang, "password-hint")/>
                    <PasswordField name="confirm" label=t(lang, "field-confirm-password")
                        autocomplete="new-password" problems=flash.errors_for("confirm")/>
                    <button type="submit">{t(lang, "password-change-submit")}</button>
                </form>
                <p><a href="/account/forgot">{t(lang, "signin-forgot")}</a></p>
            </section>
        </Layout>
    }
    .into_any()
}
