//! `/departments/{code}/{requirement}/gaps/{kind}/reply`: a department's representative
//! answers a gap, with a link or a PDF as evidence.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::{
    field_label, FieldProblems, FormField, GapItem, Input, Layout, PageMeta, Refused,
    WithPublicView,
};
use crate::context::{current_viewer, PublicView};
use crate::flash::form_flash;
use crate::i18n::{t, tr, use_lang};
use crate::islands::DocumentInput;
use crate::pages::NotFoundPage;
use vigia::{DepartmentCode, GapKind, RequirementSlug};

#[component]
pub fn ReplyPage() -> impl IntoView {
    let params = use_params_map().get_untracked();
    let code = DepartmentCode::parse(&params.get("code").unwrap_or_default()).ok();
    let slug = RequirementSlug::parse(&params.get("requirement").unwrap_or_default()).ok();
    let kind = params.get("kind").and_then(|k| k.parse::<GapKind>().ok());
    let (Some(code), Some(slug), Some(kind)) = (code, slug, kind) else {
        return view! { <NotFoundPage/> }.into_any();
    };
    view! { <WithPublicView render=move |view| view! { <Reply code slug=slug.clone() kind view/> }/> }.into_any()
}

#[component]
fn Reply(
    code: DepartmentCode,
    slug: RequirementSlug,
    kind: GapKind,
    view: PublicView,
) -> impl IntoView {
    let lang = use_lang();
    let gap = view
        .gaps
        .iter()
        .find(|g| g.department == code && g.requirement == slug && g.kind == kind)
        .cloned();
    let (Some(gap), Some(department)) = (gap, view.snapshot.department(code).cloned()) else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let title = tr(
        lang,
        "reply-title",
        &[("department", department.name.clone().into())],
    );
    let here = format!("/departments/{code}/{slug}/gaps/{}/reply", kind.slug());
    if !current_viewer().is_some_and(|v| v.actor.may_reply(code)) {
        return view! { <Refused title message="reply-not-allowed" next=here/> }.into_any();
    }
    let flash = form_flash().unwrap_or_default();
    provide_context(crate::components::FieldNames::from_catalog("reply-field-"));
    view! {
        <PageMeta title=title.clone() description=title.clone()/>
        <Layout>
            <nav class="breadcrumb" aria-label=t(lang, "breadcrumb-label")>
                <a href=format!("/departments/{code}")>{department.name.clone()}</a>" › "<span>{t(lang, "reply-new")}</span>
            </nav>
            <h1>{title}</h1>
            <ul class="gap-list"><GapItem gap view=view.clone() bare=true/></ul>
            <form method="post" action=format!("/departments/{code}/{slug}/gaps/{}/replies", kind.slug()) enctype="multipart/form-data" class="claim-form">
                <p class="hint">{t(lang, "form-marks")}</p>
                <FormField name="body" label=t(lang, "reply-field-body") value=flash.field("body") input=Input::Text
                    hint=t(lang, "reply-hint-body") problems=flash.errors_for("body") required=true/>
                <FormField name="evidence_url" label=t(lang, "reply-field-evidence_url") value=flash.field("evidence_url")
                    input=Input::Line("url") hint=t(lang, "reply-hint-evidence") problems=flash.errors_for("evidence_url")/>
                {super::claim_form::KeptNotice::of(&flash).map(|kept| view! { <super::claim_form::KeptDocument kept/> })}
                <div class="form-field">
                    {field_label("document".into(), t(lang, "claim-field-document"), false, None)}
                    <p class="hint" id="document-hint">{t(lang, "reply-hint-document")}</p>
                    <DocumentInput too_large=t(lang, "problem-document-too-large") not_pdf=t(lang, "problem-document-not-pdf")/>
                    <FieldProblems id="document-error" problems=flash.errors_for("document")/>
                </div>
                <button type="submit">{t(lang, "reply-submit")}</button>
            </form>
        </Layout>
    }
    .into_any()
}
