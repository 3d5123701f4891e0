//! `/gaps`: every open gap, most severe first, filtered with plain query parameters so the
//! form works without JavaScript.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::{FeedLink, FollowLinks, GapItem, Layout, PageMeta, WithPublicView};
use crate::context::PublicView;
use crate::i18n::{t, tr, use_lang};
use vigia::gaps::{Gap, GapKind, Severity};
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
    let shown: Vec<Gap> = view
        .gaps
        .iter()
        .filter(|g| filters.department.is_none_or(|d| g.department == d))
        .filter(|g| filters.kind.is_none_or(|k| g.kind == k))
        .filter(|g| filters.severity.is_none_or(|s| g.severity == s))
        .cloned()
        .collect();
    let count = tr(lang, "gaps-count", &[("n", (shown.len() as i64).into())]);
    let (notices, serious): (Vec<Gap>, Vec<Gap>) = shown
        .into_iter()
        .partition(|g| g.severity == Severity::Notice);
    let serious_list = if serious.is_empty() {
        view! { <p class="no-gaps">{t(lang, "gaps-serious-none")}</p> }.into_any()
    } else {
        view! { <ByDepartment gaps=serious view=view.clone()/> }.into_any()
    };
    let folded = (!notices.is_empty()).then(|| {
        let summary = tr(
            lang,
            "gaps-notices",
            &[("n", (notices.len() as i64).into())],
        );
        let open = filters.severity == Some(Severity::Notice);
        view! {
            <details class="notices" open=open>
                <summary>{summary}</summary>
                <ByDepartment gaps=notices view=view.clone()/>
            </details>
        }
    });
    let csv = csv_link(&filters, &view, lang);
    view! {
        <FilterForm view=view.clone() filters=filters.clone()/>
        {filters.invalid.then(|| view! { <p class="form-error" role="alert">{t(lang, "gaps-invalid-filter")}</p> })}
        <p class="gaps-count" aria-live="polite">{count}" · "<a href=csv type="text/csv" download>{t(lang, "gaps-csv")}</a></p>
        {serious_list}
        {folded}
    }
}

/// The same list as CSV: the API's file, with the same filters, language and day.
fn csv_link(filters: &Filters, view: &PublicView, lang: crate::i18n::Lang) -> String {
    let mut query = vec![format!("lang={}", lang.code())];
    if let Some(d) = filters.department {
        query.push(format!("department={d}"));
    }
    if let Some(k) = filters.kind {
        query.push(format!("kind={}", k.slug()));
    }
    if let Some(s) = filters.severity {
        query.push(format!("severity={}", s.slug()));
    }
    if let Some(d) = view.as_of {
        query.push(format!("as_of={d}"));
    }
    format!("/api/v1/gaps.csv?{}", query.join("&"))
}

/// Gaps under a heading per department, in the map's order, most severe first within each.
#[component]
fn ByDepartment(gaps: Vec<Gap>, view: PublicView) -> impl IntoView {
    let lang = use_lang();
    DepartmentCode::ALL
        .into_iter()
        .filter_map(|code| {
            let mine: Vec<Gap> = gaps.iter().filter(|g| g.department == code).cloned().collect();
            if mine.is_empty() {
                return None;
            }
            let name = view.snapshot.department(code).map(|d| d.name.clone()).unwrap_or_default();
            let n = tr(lang, "gaps-department-count", &[("n", (mine.len() as i64).into())]);
            let items = mine
                .into_iter()
                .map(|gap| view! { <GapItem gap view=view.clone() name_requirement=true/> })
                .collect_view();
            Some(view! {
                <section class="gap-group">
                    <h2><a href=format!("/departments/{code}")>{name}</a>" "<span class="gap-group-count">{n}</span></h2>
                    <ul class="gap-list">{items}</ul>
                </section>
            })
        })
        .collect_view()
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
