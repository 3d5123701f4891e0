//! `/data`: the open data for journalists and researchers, as Our World in Data offers it:
//! each table for spreadsheets and for programs, one workbook, the data dictionary, the
//! licence and a citation naming the version, so the same files can be downloaded again.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use crate::components::{AsOfForm, CopyButton, Layout, PageMeta, WithPublicView};
use crate::context::{PublicView, SiteInfo};
use crate::data_dictionary::{allowed_values, label_meaning, meaning};
use crate::format;
use crate::i18n::{t, tr, use_lang};
use vigia::open_data::{as_recorded, DataVersion, Table, TABLES};
use vigia::Snapshot;

#[component]
pub fn DataPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageMeta title=t(lang, "data-title") description=t(lang, "data-description")/>
        <Layout>
            <WithPublicView render=move |view| view! { <Data view/> }/>
        </Layout>
    }
}

/// `?as_of=` for a version's files.
fn version_query(version: DataVersion) -> String {
    format!("?as_of={}", version.as_of)
}

#[component]
fn Data(view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let (recorded, version) = as_recorded(&view.snapshot, view.today);
    // Most days nothing is later than the day shown: the view's own gaps are the file's.
    let gaps = if std::sync::Arc::ptr_eq(&recorded, &view.snapshot) {
        view.gaps.clone()
    } else {
        recorded.gaps(view.today)
    };
    let counts = move |table: Table| match table.name {
        "records" => recorded.departments.len() * recorded.requirements.len(),
        "claims" => recorded.claims.len(),
        "gaps" => gaps.len(),
        "timeline" => recorded
            .requirements
            .iter()
            .map(|r| crate::story::shared_timeline(&recorded, &r.slug, view.today).len())
            .sum(),
        _ => recorded.national.len(),
    };
    let query = version_query(version);
    let downloads = TABLES
        .iter()
        .map(|table| {
            let rows = tr(lang, "data-rows", &[("count", (counts(*table) as i64).into())]);
            view! {
                <li class="data-table">
                    <h3 id=format!("data-{}", table.name)>{t(lang, &format!("data-table-{}-title", table.name))}" "<span class="hint">"("{rows}")"</span></h3>
                    <p>{t(lang, &format!("data-table-{}-about", table.name))}</p>
                    <p class="data-links">
                        <a href=format!("/data/spreadsheet/{}.csv{query}", table.name) download aria-describedby=format!("data-{}", table.name)>{t(lang, "data-download-spreadsheet")}</a>
                        <a href=format!("/data/{}.csv{query}", table.name) download aria-describedby=format!("data-{}", table.name)>{t(lang, "data-download-plain")}</a>
                    </p>
                </li>
            }
        })
        .collect_view();
    let today_note = view
        .as_of
        .is_none()
        .then(|| view! { <p class="hint">{t(lang, "data-as-of-today")}</p> });
    view! {
        <h1>{t(lang, "data-title")}</h1>
        <p>{t(lang, "data-intro")}</p>
        <p>
            {t(lang, "data-licence-label")}" "
            <a href=if lang.is_spanish() { "https://creativecommons.org/licenses/by/4.0/deed.es" } else { "https://creativecommons.org/licenses/by/4.0/" } rel="license">{t(lang, "data-licence-name")}</a>". "
            {t(lang, "data-licence-terms")}
        </p>
        <AsOfForm view=view.clone() action="/data" words=["data-as-of-label", "data-as-of-hint", "data-as-of-submit"]/>
        <p class="data-version">{tr(lang, "data-version", &[
            ("version", version.label().into()),
            ("date", format::date(lang, version.as_of).into()),
            ("entry", version.entry.into()),
        ])}</p>
        {today_note}
        <DataCitation version/>
        <section aria-labelledby="data-downloads">
            <h2 id="data-downloads">{t(lang, "data-downloads-heading")}</h2>
            <p class="hint">{t(lang, "data-download-spreadsheet-hint")}</p>
            <ul class="data-tables">{downloads}</ul>
            <p class="data-links">
                <a href=format!("/data/vigia.xlsx{query}") download>{t(lang, "data-download-xlsx")}</a>
            </p>
            <p class="hint">{t(lang, "data-download-xlsx-about")}</p>
        </section>
        <Dictionary snapshot=view.snapshot.clone()/>
        <section aria-labelledby="data-programmers">
            <h2 id="data-programmers">{t(lang, "data-programmers-heading")}</h2>
            <p>{t(lang, "data-programmers-text")}</p>
            <ul>
                <li><a href="/api/openapi.json">{t(lang, "data-programmers-api")}</a></li>
                <li><a href=format!("/data/datapackage.json{query}")>{t(lang, "data-programmers-package")}</a></li>
            </ul>
        </section>
    }
}

/// The ready citation of this version, in a read-only field with its copy button.
#[component]
fn DataCitation(version: DataVersion) -> impl IntoView {
    let lang = use_lang();
    let site = use_context::<SiteInfo>()
        .map(|s| s.public_url)
        .unwrap_or_default();
    let citation = citation_text(lang, &site, version);
    view! {
        <section class="cite" aria-labelledby="data-cite">
            <h2 id="data-cite">{t(lang, "data-cite-heading")}</h2>
            <label for="data-citation">{t(lang, "data-cite-label")}</label>
            <textarea id="data-citation" readonly rows="6">{citation}</textarea>
            <CopyButton target="data-citation"/>
        </section>
    }
}

fn citation_text(lang: crate::i18n::Lang, site: &str, version: DataVersion) -> String {
    let date: NaiveDate = version.as_of;
    tr(
        lang,
        "data-cite-text",
        &[
            ("year", i64::from(date.year()).into()),
            ("version", version.label().into()),
            ("date", format::date(lang, date).into()),
            (
                "url",
                format!("{site}/data{}", version_query(version)).into(),
            ),
        ],
    )
}

/// Each table's columns: name, type, meaning, allowed values, and the label columns
/// spreadsheets get. A list, not a table, so it reads on a phone.
#[component]
fn Dictionary(snapshot: std::sync::Arc<Snapshot>) -> impl IntoView {
    let lang = use_lang();
    let tables = TABLES
        .iter()
        .map(|table| {
            let columns = table
                .columns
                .iter()
                .map(|column| {
                    let values = allowed_values(column, &snapshot);
                    let values = (!values.is_empty()).then(|| view! {
                        <br/><span class="data-values">{t(lang, "data-dictionary-values")}": "<code>{values.join(", ")}</code></span>
                    });
                    let required = column.required.then(|| view! { " · "{t(lang, "data-dictionary-required")} });
                    let labels = label_meaning(lang, column).map(|text| view! { <br/><span class="hint">{text}</span> });
                    view! {
                        <dt><code>{column.name}</code></dt>
                        <dd>
                            <span class="data-type">{t(lang, &format!("data-type-{}", column.field_type.slug()))}{required}</span><br/>
                            {meaning(lang, column.name)}
                            {values}
                            {labels}
                        </dd>
                    }
                })
                .collect_view();
            view! {
                <details class="data-dictionary">
                    <summary>{t(lang, &format!("data-table-{}-title", table.name))}" ("<code>{table.name}</code>")"</summary>
                    <dl>{columns}</dl>
                </details>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="data-dictionary">
            <h2 id="data-dictionary">{t(lang, "data-dictionary-heading")}</h2>
            <p>{t(lang, "data-dictionary-intro")}</p>
            <p class="hint">{t(lang, "data-formula-guard")}</p>
            {tables}
        </section>
    }
}
