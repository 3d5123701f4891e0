//! `/dashboard`: what a signed-in person may act on. Every record in their scope, most severe
//! gaps first, with the action their role allows beside each; replies waiting for review.

use leptos::prelude::*;

use crate::components::{GapItem, Layout, PageMeta, SeverityBadge, StatusBadge, WithPublicView};
use crate::context::{current_viewer, redirect_to, PublicView, Viewer};
use crate::i18n::{t, tr, use_lang};
use vigia::DepartmentCode;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let lang = use_lang();
    let title = t(lang, "dashboard-title");
    let Some(viewer) = current_viewer() else {
        // Signed out, the dashboard is the sign-in form's next stop.
        redirect_to("/signin?next=%2Fdashboard");
        return view! {
            <PageMeta title=title.clone() description=title.clone()/>
            <Layout>
                <h1>{title.clone()}</h1>
                <p><a href="/signin?next=/dashboard">{t(lang, "footer-signin")}</a></p>
            </Layout>
        }
        .into_any();
    };
    view! { <WithPublicView render=move |view| view! { <Dashboard viewer=viewer.clone() view/> }/> }
        .into_any()
}

#[component]
fn Dashboard(viewer: Viewer, view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let title = t(lang, "dashboard-title");
    let scope: Vec<DepartmentCode> = DepartmentCode::ALL
        .into_iter()
        .filter(|d| viewer.actor.covers(*d))
        .collect();
    // Each department's gaps under its name with their count: folded when there are several
    // departments, open for a department's own people, whose work is answering them.
    let open = viewer.role == vigia::access::Role::Department || scope.len() == 1;
    let gaps = scope
        .iter()
        .filter_map(|code| {
            let of_department: Vec<_> = view
                .gaps
                .iter()
                .filter(|g| g.department == *code)
                .cloned()
                .collect();
            if of_department.is_empty() {
                return None;
            }
            let name = view
                .snapshot
                .department(*code)
                .map(|d| d.name.clone())
                .unwrap_or_else(|| code.to_string());
            let count = of_department.len() as i64;
            let items = of_department
                .into_iter()
                .map(|gap| view! { <GapItem gap view=view.clone() link_department=true offer_record=true/> })
                .collect_view();
            Some(view! {
                <details class="department-gaps" open=open>
                    <summary>{tr(lang, "dashboard-department-gaps", &[("department", name.into()), ("n", count.into())])}</summary>
                    <ul class="gap-list">{items}</ul>
                </details>
            })
        })
        .collect_view();
    // Records with the most severe gap first; records without gaps last.
    let worst = |record: &vigia::ComplianceRecord<&vigia::Claim>| {
        view.gaps
            .iter()
            .filter(|g| g.department == record.department && g.requirement == record.requirement)
            .map(|g| g.severity)
            .min()
    };
    let mut records: Vec<_> = scope
        .iter()
        .flat_map(|code| view.snapshot.borrowed_records_of(*code))
        .map(|record| (worst(&record), record))
        .collect();
    records.sort_by_key(|(severity, _)| severity.map_or(usize::MAX, |s| s as usize));
    let records = records
        .into_iter()
        .map(|(severity, record)| {
            let requirement = view.snapshot.requirement(&record.requirement).cloned();
            let name = requirement
                .as_ref()
                .map(|r| r.name.get(lang.is_spanish()).to_owned())
                .unwrap_or_default();
            let department = view
                .snapshot
                .department(record.department)
                .map(|d| d.name.clone())
                .unwrap_or_default();
            let status = record
                .current()
                .map(|c| c.status)
                .unwrap_or(vigia::Status::Unknown);
            let evidence = record.current().map(|c| c.evidence_level);
            let href = format!(
                "/departments/{}#req-{}",
                record.department, record.requirement
            );
            view! {
                <tr>
                    <th scope="row"><a href=href>{department}</a></th>
                    <td data-label=t(lang, "dashboard-requirement")>{name}</td>
                    <td data-label=t(lang, "dashboard-status")><StatusBadge status requirement=requirement evidence/></td>
                    <td data-label=t(lang, "dashboard-worst-gap")>{severity.map(|severity| view! { <SeverityBadge severity/> })}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <PageMeta title=title.clone() description=title.clone()/>
        <Layout>
            <h1>{title}</h1>
            <p>{tr(lang, "dashboard-intro", &[("name", viewer.display_name.clone().into())])}</p>
            <super::dashboard_todo::ToDo viewer=viewer.clone() view=view.clone()/>
            <h2>{t(lang, "dashboard-records")}</h2>
            <div class="table-scroll">
                <table class="records card-table">
                    <thead><tr><th scope="col">{t(lang, "table-department")}</th><th scope="col">{t(lang, "dashboard-requirement")}</th><th scope="col">{t(lang, "dashboard-status")}</th><th scope="col">{t(lang, "dashboard-worst-gap")}</th></tr></thead>
                    <tbody>{records}</tbody>
                </table>
            </div>
            <h2>{t(lang, "dashboard-gaps")}</h2>
            {gaps}
        </Layout>
    }
    .into_any()
}
