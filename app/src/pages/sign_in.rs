//! `/signin` and `/account/set-password`: plain forms that post to the server and come back
//! here with an error code when something is wrong.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::{Layout, PageMeta};
use crate::i18n::{t, use_lang};

fn query(name: &str) -> String {
    use_query_map()
        .get_untracked()
        .get(name)
        .unwrap_or_default()
}

/// A known error code from the query string, as a catalog key; unknown codes show nothing.
fn error_message(prefix: &str, codes: &[&str]) -> Option<String> {
    let code = query("error");
    codes
        .contains(&code.as_str())
        .then(|| format!("{prefix}-{code}"))
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let lang = use_lang();
    let error = error_message("signin-error", &["invalid", "too-many", "unavailable"]);
    view! {
        <PageMeta title=t(lang, "signin-title") description=t(lang, "signin-description")/>
        <Layout>
            <section class="form-page">
                <h1>{t(lang, "signin-title")}</h1>
                <p>{t(lang, "signin-intro")}</p>
                {error.map(|key| view! { <p class="form-error" role="alert">{t(lang, &key)}</p> })}
                <form method="post" action="/signin" class="stacked-form">
                    <input type="hidden" name="next" value=query("next")/>
                    <label for="email">{t(lang, "field-email")}</label>
                    <input id="email" name="email" type="email" autocomplete="username" required value=query("email")/>
                    <label for="password">{t(lang, "field-password")}</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required/>
                    <button type="submit">{t(lang, "signin-submit")}</button>
                </form>
            </section>
        </Layout>
    }
}

#[component]
pub fn SetPasswordPage() -> impl IntoView {
    let lang = use_lang();
    let error = error_message(
        "password-error",
        &[
            "too-short",
            "too-long",
            "mismatch",
            "invalid-link",
            "unavailable",
        ],
    );
    view! {
        <PageMeta title=t(lang, "password-title") description=t(lang, "password-intro")/>
        <Layout>
            <section class="form-page">
                <h1>{t(lang, "password-title")}</h1>
                <p>{t(lang, "password-intro")}</p>
                {error.map(|key| view! { <p class="form-error" role="alert">{t(lang, &key)}</p> })}
                <form method="post" action="/account/set-password" class="stacked-form">
                    <input type="hidden" name="token" value=query("token")/>
                    <label for="password">{t(lang, "field-new-password")}</label>
                    <input id="password" name="password" type="password" autocomplete="new-password" minlength="12" required aria-describedby="password-hint"/>
                    <p id="password-hint" class="hint">{t(lang, "password-hint")}</p>
                    <label for="confirm">{t(lang, "field-confirm-password")}</label>
                    <input id="confirm" name="confirm" type="password" autocomplete="new-password" minlength="12" required/>
                    <button type="submit">{t(lang, "password-submit")}</button>
                </form>
            </section>
        </Layout>
    }
}
