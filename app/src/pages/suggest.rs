//! `/departments/{code}/suggest`: anyone may suggest a correction. Only what the form asks
//! for is kept; the contact is optional and never published, and the text is published with
//! the decision unless the submitter asks to keep it private. Once sent, the page gives the
//! link to follow it.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::{field_label, FormField, Input, Layout, PageMeta, WithPublicView};
use crate::context::PublicView;
use crate::flash::form_flash;
use crate::i18n::{t, tr, use_lang};
use crate::islands::CopyButton;
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

/// The link to follow a suggestion just sent, shown once: the only way back to it.
#[component]
fn FollowLink(link: String) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="follow-link">
            <p>{t(lang, "suggestion-follow-intro")}</p>
            <p><a href=link.clone() id="follow-link">{link.clone()}</a></p>
            <CopyButton text=link label=t(lang, "follow-copy") done_label=t(lang, "follow-copied")/>
        </div>
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
    let follow = flash
        .errors
        .is_empty()
        .then(|| flash.field("follow"))
        .filter(|l| !l.is_empty());
    // After a suggestion was sent the form starts empty; after a refusal, as typed.
    let typed = if follow.is_some() {
        Default::default()
    } else {
        flash.clone()
    };
    let chosen = typed.field("requirement");
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
    let private = !typed.field("private").is_empty();
    view! {
        <PageMeta title=title.clone() description=title.clone()/>
        <Layout>
            <nav class="breadcrumb" aria-label=t(lang, "breadcrumb-label")>
                <a href=format!("/departments/{code}")>{department.name.clone()}</a>" › "<span>{t(lang, "suggest-link")}</span>
            </nav>
            <h1>{title}</h1>
            {follow.map(|link| view! { <FollowLink link/> })}
            <p>{t(lang, "suggest-intro")}</p>
            <form method="post" action=format!("/departments/{code}/suggestions") class="claim-form">
                <p class="hint">{t(lang, "form-marks")}</p>
                <div class="form-field">
                    {field_label("requirement".into(), t(lang, "suggest-field-requirement"), false, None)}
                    <select id="requirement" name="requirement">
                        <option value="">{t(lang, "suggest-requirement-any")}</option>
                        {options}
                    </select>
                </div>
                <FormField name="body" label=t(lang, "suggest-field-body") value=typed.field("body") input=Input::Text
                    problems=typed.errors_for("body") required=true/>
                <FormField name="source_url" label=t(lang, "suggest-field-source_url") value=typed.field("source_url")
                    input=Input::Line("url") problems=typed.errors_for("source_url")/>
                <FormField name="organisation" label=t(lang, "suggest-field-organisation") value=typed.field("organisation")
                    hint=t(lang, "suggest-hint-organisation") problems=typed.errors_for("organisation")/>
                <FormField name="contact" label=t(lang, "suggest-field-contact") value=typed.field("contact")
                    hint=t(lang, "suggest-hint-contact") problems=typed.errors_for("contact")/>
                <div class="form-field checkbox-field">
                    <span class="checkbox">
                        <input type="checkbox" id="private" name="private" value="yes" checked=private aria-describedby="private-hint"/>
                        <label for="private">{t(lang, "suggest-field-private")}</label>
                    </span>
                    <p class="hint" id="private-hint">{t(lang, "suggest-hint-private")}</p>
                </div>
                <button type="submit">{t(lang, "suggest-submit")}</button>
            </form>
        </Layout>
    }
    .into_any()
}
