//! `/departments/{code}/suggest`: anyone may suggest a correction. Only what the form asks
//! for is kept; the contact is optional and never published.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::{FormField, Input, Layout, PageMeta, WithPublicView};
use crate::context::{form_flash, PublicView};
use crate::i18n::{t, tr, use_lang};
use crate::pages::NotFoundPage;
use vigia::DepartmentCode;

#[component]
pub fn SuggestPage() -> impl IntoView {
    let raw = use_params_map()
        .get_untracked()
        .get("code")
        .unwrap_or_default();
    match DepartmentCode::parse(&raw) {
        Ok(code) => {
            view! { <WithPublicView render=move |view| view! { <Suggest code view/> }/> }.into_any()
        }
        Err(_) => view! { <NotFoundPage/> }.into_any(),
    }
}

#[component]
fn Suggest(code: DepartmentCode, view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let Some(department) = view.snapshot.department(code).cloned() else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let title = tr(
        lang,
        "suggest-title",
        &[("department", department.name.clone().into())],
    );
    let flash = form_flash().unwrap_or_default();
    let chosen = flash.field("requirement");
    let options = view
        .snapshot
        .requirements
        .iter()
        .map(|r| {
            let slug = r.slug.to_string();
            let selected = chosen == slug;
            view! { <option value=slug selected=selected>{r.name.get(lang.is_spanish()).to_owned()}</option> }
        })
        .collect_view();
    let thanks = flash
        .notice
        .clone()
        .map(|key| view! { <p class="form-notice" role="status">{t(lang, &key)}</p> });
    view! {
        <PageMeta title=title.clone() description=title.clone()/>
        <Layout>
            <nav class="breadcrumb" aria-label=t(lang, "breadcrumb-label")>
                <a href=format!("/departments/{code}")>{department.name.clone()}</a>" › "<span>{t(lang, "suggest-link")}</span>
            </nav>
            <h1>{title}</h1>
            {thanks}
            <p>{t(lang, "suggest-intro")}</p>
            {(!flash.errors.is_empty()).then(|| view! { <p class="form-error" role="alert">{t(lang, "record-has-errors")}</p> })}
            <form method="post" action=format!("/departments/{code}/suggestions") class="claim-form">
                <div class="form-field">
                    <label for="requirement">{t(lang, "suggest-field-requirement")}</label>
                    <select id="requirement" name="requirement">
                        <option value="">{t(lang, "suggest-requirement-any")}</option>
                        {options}
                    </select>
                </div>
                <FormField name="body" label=t(lang, "suggest-field-body") value=flash.field("body") input=Input::Text
                    problems=flash.errors_for("body") required=true/>
                <FormField name="source_url" label=t(lang, "suggest-field-source_url") value=flash.field("source_url")
                    input=Input::Line("url") problems=flash.errors_for("source_url")/>
                <FormField name="organisation" label=t(lang, "suggest-field-organisation") value=flash.field("organisation")
                    hint=t(lang, "suggest-hint-organisation")/>
                <FormField name="contact" label=t(lang, "suggest-field-contact") value=flash.field("contact")
                    hint=t(lang, "suggest-hint-contact")/>
                <button type="submit">{t(lang, "suggest-submit")}</button>
            </form>
        </Layout>
    }
    .into_any()
}
