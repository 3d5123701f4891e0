//! `/signin` and `/account/set-password`: plain forms that post to the server and come back
//! here, through the flash, saying what was wrong (and, for signing in, with the email typed).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::{field_label, FieldProblems, Layout, PageMeta};
use crate::flash::form_flash;
use crate::i18n::{t, use_lang};

fn query(name: &str) -> String {
    use_query_map()
        .get_untracked()
        .get(name)
        .unwrap_or_default()
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let lang = use_lang();
    let email = form_flash().map(|f| f.field("email")).unwrap_or_default();
    view! {
        <PageMeta title=t(lang, "signin-title") description=t(lang, "signin-description")/>
        <Layout>
            <section class="form-page">
                <h1>{t(lang, "signin-title")}</h1>
                <p>{t(lang, "signin-intro")}</p>
                <form method="post" action="/signin" class="stacked-form">
                    <input type="hidden" name="next" value=query("next")/>
                    {field_label("email".into(), t(lang, "field-email"), true, None)}
                    <input id="email" name="email" type="email" autocomplete="username" required aria-required="true" value=email/>
                    {field_label("password".into(), t(lang, "field-password"), true, None)}
                    <input id="password" name="password" type="password" autocomplete="current-password" required aria-required="true"/>
                    <button type="submit">{t(lang, "signin-submit")}</button>
                </form>
                <p><a href="/account/forgot">{t(lang, "signin-forgot")}</a></p>
            </section>
        </Layout>
    }
}

/// `/account/forgot`: an email address, and the same answer whether or not it has an
/// account.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let lang = use_lang();
    let flash = form_flash().unwrap_or_default();
    let sent = flash.message.is_some() && flash.errors.is_empty();
    let email = flash.field("email");
    view! {
        <PageMeta title=t(lang, "reset-title") description=t(lang, "reset-intro")/>
        <Layout>
            <section class="form-page">
                <h1>{t(lang, "reset-title")}</h1>
                {(!sent).then(|| view! {
                    <p>{t(lang, "reset-intro")}</p>
                    <form method="post" action="/account/forgot" class="stacked-form">
                        {field_label("email".into(), t(lang, "field-email"), true, None)}
                        <FieldProblems id="email-error" problems=flash.errors_for("email")/>
                        <input id="email" name="email" type="email" autocomplete="username" required aria-required="true" aria-describedby="email-error" value=email/>
                        <button type="submit">{t(lang, "reset-submit")}</button>
                    </form>
                })}
                <p><a href="/signin">{t(lang, "reset-back")}</a></p>
            </section>
        </Layout>
    }
}

#[component]
pub fn SetPasswordPage() -> impl IntoView {
    let lang = use_lang();
    let differ = form_flash()
        .map(|f| f.errors_for("confirm"))
        .unwrap_or_default();
    provide_context(crate::components::FieldNames::from_catalog("field-"));
    view! {
        <PageMeta title=t(lang, "password-title") description=t(lang, "password-intro")/>
        <Layout>
            <section class="form-page">
                <h1>{t(lang, "password-title")}</h1>
                <p>{t(lang, "password-intro")}</p>
                <form method="post" action="/account/set-password" class="stacked-form">
                    <input type="hidden" name="token" value=query("token")/>
                    {field_label("password".into(), t(lang, "field-new-password"), true, None)}
                    <input id="password" name="password" type="password" autocomplete="new-password" minlength="12" required aria-required="true" aria-describedby="password-hint"/>
                    <p id="password-hint" class="hint">{t(lang, "password-hint")}</p>
                    {field_label("confirm".into(), t(lang, "field-confirm-password"), true, None)}
                    <input id="confirm" name="confirm" type="password" autocomplete="new-password" minlength="12" required aria-required="true"
                        aria-invalid=(!differ.is_empty()).then_some("true") aria-describedby=(!differ.is_empty()).then_some("confirm-error")/>
                    <FieldProblems id="confirm-error" problems=differ/>
                    <button type="submit">{t(lang, "password-submit")}</button>
                </form>
            </section>
        </Layout>
    }
}
