//! `/admin/import`: an admin uploads a CSV with the export's columns, sees every row checked,
//! and confirms. Nothing is stored until the confirmation, and then all rows or none.

use leptos::prelude::*;

use crate::components::{Layout, PageMeta, Refused, WithPublicView};
use crate::context::{current_viewer, import_preview, ImportPreview, PublicView};
use crate::i18n::{t, tr, use_lang, Lang};
use vigia::new_claim::Problem;
use vigia::RequirementSlug;

#[component]
pub fn ImportPage() -> impl IntoView {
    let lang = use_lang();
    let title = t(lang, "import-title");
    // Admins import for every department, officers for theirs (other rows are refused in
    // the preview, with the reason).
    if current_viewer().is_none_or(|v| v.may_record.is_empty()) {
        return view! { <Refused title message="import-not-allowed" next="/admin/import".to_owned()/> }
            .into_any();
    }
    let preview = import_preview().unwrap_or_default();
    let windows = preview.encoding == "windows-1252";
    view! {
        <PageMeta title=title.clone() description=title.clone()/>
        <Layout>
            <h1>{title}</h1>
            <p>{t(lang, "import-intro")}</p>
            <p><a href="/api/v1/export.csv">{t(lang, "import-template")}</a></p>
            <WithPublicView render=move |view| view! { <Preview preview=preview.clone() view/> }/>
            <form method="post" action="/admin/import" enctype="multipart/form-data" class="claim-form">
                <div class="form-field">
                    <label for="table">{t(lang, "import-field-file")}</label>
                    <p class="hint" id="table-hint">{t(lang, "import-hint-file")}</p>
                    <input id="table" name="table" type="file" accept=".csv,text/csv" required aria-describedby="table-hint"/>
                </div>
                <div class="form-field">
                    <label for="encoding">{t(lang, "import-field-encoding")}</label>
                    <select id="encoding" name="encoding">
                        <option value="" selected=!windows>{t(lang, "import-encoding-utf8")}</option>
                        <option value="windows-1252" selected=windows>{t(lang, "import-encoding-windows")}</option>
                    </select>
                </div>
                <button type="submit">{t(lang, "import-preview-submit")}</button>
            </form>
        </Layout>
    }
    .into_any()
}

/// "status: elija uno de missing, in-preparation, …" for a choice; "note: Este dato es
/// obligatorio." otherwise. Problems name the sheet's column, not the form's field.
fn cell_problem(lang: Lang, field: &str, problem: Problem, tracked: &[RequirementSlug]) -> String {
    let column = vigia::import::column_of(field).to_owned();
    // A department out of the person's scope is a valid value they may not use.
    let choices = match problem {
        Problem::OutOfScope => None,
        _ => vigia::import::allowed_values(field, tracked),
    };
    match choices {
        Some(values) => tr(
            lang,
            "import-choose-one",
            &[
                ("column", column.into()),
                ("values", values.join(", ").into()),
            ],
        ),
        None => format!("{column}: {}", crate::format::problem(lang, problem)),
    }
}

/// A requirement's name and a status's label, as the pages write them, for what the table
/// gives as codes; a code that names nothing is shown as written.
fn named(view: &PublicView, lang: Lang, requirement: &str, status: &str) -> (String, String) {
    let found = view
        .snapshot
        .requirements
        .iter()
        .find(|r| r.slug.as_str() == requirement.trim());
    let name = found.map_or_else(
        || requirement.to_owned(),
        |r| r.name.get(lang.is_spanish()).to_owned(),
    );
    let label = status
        .trim()
        .parse::<vigia::Status>()
        .map(|s| crate::format::status_label(lang, found, s))
        .unwrap_or_else(|_| status.to_owned());
    (name, label)
}

#[component]
fn Preview(preview: ImportPreview, view: PublicView) -> impl IntoView {
    let lang = use_lang();
    if let Some(n) = preview.imported {
        return view! { <p class="form-notice" role="status">{tr(lang, "import-done", &[("n", (n as i64).into())])}</p> }.into_any();
    }
    if let Some(problem) = preview.problem.clone() {
        let message = match preview.problem_line {
            Some(line) => tr(lang, &problem, &[("line", (line as i64).into())]),
            None => t(lang, &problem),
        };
        return view! { <p class="form-error" role="alert">{message}</p> }.into_any();
    }
    if preview.rows.is_empty() {
        return ().into_any();
    }
    let ready = preview.ready();
    let failing = preview.rows.iter().filter(|r| !r.errors.is_empty()).count() as i64;
    let tracked = preview.requirements.clone();
    let rows = preview
        .rows
        .into_iter()
        .map(|row| {
            let problems = row
                .errors
                .iter()
                .map(|(field, problem)| cell_problem(lang, field, *problem, &tracked))
                .collect::<Vec<_>>();
            let ok = problems.is_empty();
            let (requirement, status) = named(&view, lang, &row.requirement, &row.status);
            let dates = row
                .dates
                .iter()
                .map(|(column, value)| format!("{}: {value}", vigia::import::column_of(column)))
                .collect::<Vec<_>>()
                .join(" · ");
            view! {
                <tr class=if ok { "row-ok" } else { "row-error" }>
                    <th scope="row">{tr(lang, "import-line", &[("line", (row.line as i64).into())])}</th>
                    // The check first: on a phone each row is a card, and its error must be
                    // in view, not off to the side.
                    <td data-label=t(lang, "import-col-check") class="import-check">{if ok { t(lang, "import-row-ok") } else { problems.join(" · ") }}</td>
                    <td data-label=t(lang, "table-department")>{row.department}</td>
                    <td data-label=t(lang, "dashboard-requirement")>{requirement}</td>
                    <td data-label=t(lang, "dashboard-status")>{status}</td>
                    <td data-label=t(lang, "import-col-dates")>{dates}</td>
                    <td data-label=t(lang, "import-col-note") class="import-note">{row.note}</td>
                    <td data-label=t(lang, "import-col-source") class="import-source">{row.source}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2>{t(lang, "import-preview-heading")}</h2>
        {if ready {
            view! { <p class="form-notice" role="status">{t(lang, "import-ready")}</p> }.into_any()
        } else {
            view! { <p class="form-error" role="alert">{tr(lang, "import-has-errors", &[("n", failing.into())])}</p> }.into_any()
        }}
        <div class="table-scroll">
            <table class="records card-table import-preview">
                <thead><tr>
                    <th scope="col">{t(lang, "import-col-line")}</th>
                    <th scope="col">{t(lang, "import-col-check")}</th>
                    <th scope="col">{t(lang, "table-department")}</th>
                    <th scope="col">{t(lang, "dashboard-requirement")}</th>
                    <th scope="col">{t(lang, "dashboard-status")}</th>
                    <th scope="col">{t(lang, "import-col-dates")}</th>
                    <th scope="col">{t(lang, "import-col-note")}</th>
                    <th scope="col">{t(lang, "import-col-source")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {ready.then(|| view! {
            <form method="post" action="/admin/import/confirm">
                <button type="submit">{t(lang, "import-confirm")}</button>
            </form>
        })}
    }
    .into_any()
}
