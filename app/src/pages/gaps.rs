//! `/gaps`: every open gap, most severe first, filtered with plain query parameters so the
//! form works without JavaScript.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::{FeedLink, FollowLinks, GapItem, Layout, PageMeta, WithPublicView};
use crate::context::PublicView;
use crate::i18n::{t, tr, use_lang};
use vigia::gaps::{GapKind, Severity};
use vigia::DepartmentCode;

/// The filters as typed; values that do not parse are reported, not silently dropped.
#[derive(Clone, Debug, Default, PartialEq)]
struct Filters {
    department: Option<DepartmentCode>,
    kind: Option<GapKind>,
    severity: Option<Severity>,
    invalid: bool,
}

fn read_filters() -> Filters {
    let query = use_query_map().get_untracked();
    let mut filters = Filters::default();
    let take = |name: &str| query.get(name).filter(|v| !v.is_empty());
    if let Some(raw) = take("department") {
        filters.department = DepartmentCode::parse(&raw).ok();
        filters.invalid |= filters.department.is_none();
    }
    if let Some(raw) = take("kind") {
        filters.kind = raw.parse().ok();
        filters.invalid |= filters.kind.is_none();
    }
    if let Some(raw) = take("severity") {
        filters.severity = raw.parse().ok();
        filters.invalid |= filters.severity.is_none();
    }
    filters
}

#[component]
pub fn GapsPage() -> impl IntoView {
    let lang = use_lang();
    let filters = read_filters();
    view! {
        <PageMeta title=t(lang, "gaps-title") description=t(lang, "gaps-description")/>
        <Layout>
            <h1>{t(lang, "gaps-title")}</h1>
            <WithPublicView render=move |view| view! { <Gaps view filters=filters.clone()/> }/>
            <FeedLink/>
            <FollowLinks/>
        </Layout>
    }
}

#[component]
fn Gaps(view: PublicView, filters: Filters) -> impl IntoView {
    let lang = use_lang();
    let shown: Vec<_> = view
        .gaps
        .iter()
        .filter(|g| filters.department.is_none_or(|d| g.department == d))
        .filter(|g| filters.kind.is_none_or(|k| g.kind == k))
        .filter(|g| filters.severity.is_none_or(|s| g.severity == s))
        .cloned()
        .collect();
    let count = tr(lang, "gaps-count", &[("n", (shown.len() as i64).into())]);
    let items = shown
        .into_iter()
        .map(|gap| view! { <GapItem gap view=view.clone() link_department=true/> })
        .collect_view();
    view! {
        <FilterForm view=view.clone() filters=filters.clone()/>
        {filters.invalid.then(|| view! { <p class="form-error" role="alert">{t(lang, "gaps-invalid-filter")}</p> })}
        <p class="gaps-count" aria-live="polite">{count}</p>
        <ul class="gap-list">{items}</ul>
    }
}

#[component]
fn FilterForm(view: PublicView, filters: Filters) -> impl IntoView {
    let lang = use_lang();
    let departments = view
        .snapshot
        .departments
        .iter()
        .map(|d| view! { <option value=d.code.as_str() selected=filters.department == Some(d.code)>{d.name.clone()}</option> })
        .collect_view();
    let kinds = GapKind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.slug() selected=filters.kind == Some(k)>{t(lang, &format!("gap-kind-{}", k.slug()))}</option> })
        .collect_view();
    let severities = Severity::ALL
        .into_iter()
        .map(|s| view! { <option value=s.slug() selected=filters.severity == Some(s)>{t(lang, &format!("severity-{}", s.slug()))}</option> })
        .collect_view();
    view! {
        <form class="filters" method="get" action="/gaps" role="search" aria-label=t(lang, "filters-label")>
            <div class="field">
                <label for="filter-department">{t(lang, "filter-department")}</label>
                <select id="filter-department" name="department">
                    <option value="">{t(lang, "filter-all")}</option>
                    {departments}
                </select>
            </div>
            <div class="field">
                <label for="filter-kind">{t(lang, "filter-kind")}</label>
                <select id="filter-kind" name="kind">
                    <option value="">{t(lang, "filter-all")}</option>
                    {kinds}
                </select>
            </div>
            <div class="field">
                <label for="filter-severity">{t(lang, "filter-severity")}</label>
                <select id="filter-severity" name="severity">
                    <option value="">{t(lang, "filter-all")}</option>
                    {severities}
                </select>
            </div>
            <button type="submit">{t(lang, "filter-apply")}</button>
            <a class="filter-reset" href="/gaps">{t(lang, "filter-reset")}</a>
        </form>
    }
}
