//! `/`: the compliance map, its table, headline figures, national context and the embed code.

use leptos::prelude::*;

use leptos_router::hooks::use_query_map;

use crate::components::{
    map_requirement, AsOfForm, ComplianceMap, ComplianceTimeline, DataDates, FeedLink, FollowLinks,
    Layout, MapDownloads, MapLegend, PageMeta, SourceCite, StatusBadge, WithPublicView,
};
use crate::context::{PublicView, SiteInfo};
use crate::format;
use crate::i18n::{t, tr, use_lang};
use crate::story;
use vigia::national::NationalFigure;
use vigia::{Basis, EvidenceLevel, RequirementSlug, Severity, Status};

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageMeta title=t(lang, "home-title") description=t(lang, "home-description") image="/map.png"/>
        <Layout>
            <WithPublicView render=move |view| view! { <Home view/> }/>
        </Layout>
    }
}

#[component]
fn Home(view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let asked = use_query_map().get_untracked().get("requirement");
    let slug = map_requirement(&view, asked.as_deref());
    let heading = view
        .snapshot
        .requirement(&slug)
        .filter(|r| r.slug.as_str() != crate::map::MAP_REQUIREMENT)
        .map(|r| r.name.get(lang.is_spanish()).to_owned())
        .unwrap_or_else(|| t(lang, "map-heading"));
    let keep = if slug.as_str() == crate::map::MAP_REQUIREMENT {
        Vec::new()
    } else {
        vec![("requirement", slug.to_string())]
    };
    view! {
        <h1>{t(lang, "home-heading")}</h1>
        <Story view=view.clone()/>
        <Headline view=view.clone()/>
        <p class="lede">{t(lang, "home-lede")}" "<a href="/methodology#unverified">{t(lang, "footer-unverified-link")}</a></p>
        <section class="map-section" aria-labelledby="map-heading">
            <h2 id="map-heading">{heading}</h2>
            <RequirementSwitch view=view.clone() current=slug.clone()/>
            <AsOfForm view=view.clone() action="/" keep/>
            <div class="map-layout">
                <figure class="map-figure">
                    <ComplianceMap view=view.clone() requirement=slug.clone()/>
                    <figcaption><MapLegend view=view.clone() requirement=slug/></figcaption>
                </figure>
                <ComplianceTable view=view.clone()/>
            </div>
        </section>
        <ComplianceTimeline view=view.clone()/>
        <NationalContext view=view.clone()/>
        <MapDownloads view=view.clone()/>
        <FeedLink/>
        <FollowLinks/>
        <EmbedSnippet/>
    }
}

/// The finding in one sentence, with the day the data describes apart from the day Vigía
/// last recorded anything, so a quiet period does not look like abandonment.
#[component]
fn Story(view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let plan = RequirementSlug::parse(crate::map::MAP_REQUIREMENT).expect("slug");
    let counts = story::Counts::of(
        story::categories(&view.snapshot, &plan, view.today)
            .into_iter()
            .map(|(_, c)| c),
    );
    view! {
        <p class="story">{story::sentence(lang, &counts)}</p>
        <DataDates view/>
    }
}

/// Plain links that recolour the map by another requirement (`?requirement=shelter`).
#[component]
fn RequirementSwitch(view: PublicView, current: RequirementSlug) -> impl IntoView {
    let lang = use_lang();
    let as_of = view.as_of.map(|d| format!("as_of={d}"));
    let links = view
        .snapshot
        .requirements
        .iter()
        .map(|r| {
            let mut query: Vec<String> = Vec::new();
            if r.slug.as_str() != crate::map::MAP_REQUIREMENT {
                query.push(format!("requirement={}", r.slug));
            }
            query.extend(as_of.clone());
            let href = if query.is_empty() {
                "/#map-heading".to_owned()
            } else {
                format!("/?{}#map-heading", query.join("&"))
            };
            let here = (r.slug == current).then_some("page");
            view! { <li><a href=href aria-current=here>{r.name.get(lang.is_spanish()).to_owned()}</a></li> }
        })
        .collect_view();
    view! {
        <nav class="requirement-switch" aria-label=t(lang, "map-switch-label")>
            <ul>{links}</ul>
        </nav>
    }
}

#[component]
fn Headline(view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let plan = RequirementSlug::parse("action-plan").expect("valid slug");
    let in_force = |level: EvidenceLevel| {
        view.snapshot
            .departments
            .iter()
            .filter(|d| {
                let record = view.snapshot.record(d.code, &plan);
                record.current().is_some_and(|c| {
                    c.status_on(view.today) == Status::InForce && c.evidence_level == level
                })
            })
            .count() as i64
    };
    let critical: std::collections::BTreeSet<_> = view
        .gaps
        .iter()
        .filter(|g| g.severity == Severity::Critical)
        .map(|g| g.department)
        .collect();
    let figures = [
        (
            in_force(EvidenceLevel::Verified).to_string(),
            t(lang, "headline-plans-verified"),
        ),
        (
            in_force(EvidenceLevel::Reported).to_string(),
            t(lang, "headline-plans-reported"),
        ),
        (
            critical.len().to_string(),
            t(lang, "headline-critical-departments"),
        ),
    ];
    view! {
        <section class="headline" aria-label=t(lang, "headline-label")>
            <dl>
                {figures
                    .into_iter()
                    .map(|(value, label)| view! { <div><dt>{label}</dt><dd>{value}</dd></div> })
                    .collect_view()}
            </dl>
        </section>
    }
}

/// The same facts as the map, for screen readers and for anyone who prefers a table.
#[component]
fn ComplianceTable(view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let requirements = view.snapshot.requirements.clone();
    let header = requirements
        .iter()
        .map(|r| view! { <th scope="col">{r.name.get(lang.is_spanish()).to_owned()}</th> })
        .collect_view();
    let rows = view
        .snapshot
        .departments
        .iter()
        .map(|d| {
            let critical = view.gaps.iter().filter(|g| g.department == d.code && g.severity == Severity::Critical).count() as i64;
            let cells = requirements
                .iter()
                .map(|r| {
                    let current = view.snapshot.record(d.code, &r.slug).current().cloned();
                    let status = current.as_ref().map(|c| c.status_on(view.today)).unwrap_or(Status::Unknown);
                    let evidence = current.as_ref().map(|c| c.evidence_level);
                    let basis = current.map(|c| match c.inferred_on(view.today) {
                        true => Basis::Inferred,
                        false => c.basis,
                    });
                    let label = r.name.get(lang.is_spanish()).to_owned();
                    view! { <td data-label=label><StatusBadge status requirement=Some(r.clone()) evidence basis=basis.unwrap_or_default()/></td> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row"><a href=format!("/departments/{}", d.code)>{d.name.clone()}</a></th>
                    {cells}
                    <td class="numeric" data-label=t(lang, "table-critical-gaps")>
                        {tr(lang, "critical-gap-count", &[("n", critical.into())])}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="compliance-table">
                <caption>{t(lang, "table-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(lang, "table-department")}</th>
                        {header}
                        <th scope="col">{t(lang, "table-critical-gaps")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn NationalContext(view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let today = view.today;
    let items = view
        .snapshot
        .national
        .iter()
        .map(|figure| {
            let text = national_figure_text(lang, figure);
            let source = figure
                .source
                .clone()
                .map(|source| view! { <SourceCite source today/> });
            view! { <li><span class="figure-text">{text}</span>" "{source}</li> }
        })
        .collect_view();
    view! {
        <section class="national" aria-labelledby="national-heading">
            <h2 id="national-heading">{t(lang, "national-heading")}</h2>
            <p>{t(lang, "national-intro")}</p>
            <ul class="national-list">{items}</ul>
            <p class="note">{t(lang, "national-disagreement-note")}</p>
        </section>
    }
}

fn national_figure_text(lang: crate::i18n::Lang, figure: &NationalFigure) -> String {
    let value = match (figure.kind.as_str(), &figure.value) {
        ("tip-tier", Some(tier)) => t(lang, &format!("tip-{tier}")),
        // Spanish writes decimals with a comma (71,8 %).
        (_, Some(value)) if lang.is_spanish() => value.replace('.', ","),
        (_, Some(value)) => value.clone(),
        (_, None) => t(lang, "unknown"),
    };
    let who = figure
        .source
        .as_ref()
        .map(|s| format::attribution(lang, s))
        .unwrap_or_default();
    tr(
        lang,
        &format!("national-{}", figure.kind),
        &[
            ("value", value.into()),
            ("period", figure.period.clone().into()),
            ("who", who.into()),
        ],
    )
}

#[component]
fn EmbedSnippet() -> impl IntoView {
    let lang = use_lang();
    let base = use_context::<SiteInfo>()
        .map(|s| s.public_url)
        .unwrap_or_default();
    let code = format!(
        r#"<iframe src="{base}/embed/map" title="{}" width="{}" height="{}" loading="lazy" style="border:0"></iframe>"#,
        t(lang, "embed-iframe-title"),
        super::embed::EMBED_SIZE.0,
        super::embed::EMBED_SIZE.1
    );
    view! {
        <section class="embed" aria-labelledby="embed-heading">
            <h2 id="embed-heading">{t(lang, "embed-heading")}</h2>
            <p>{t(lang, "embed-intro")}</p>
            <label for="embed-code">{t(lang, "embed-code-label")}</label>
            <textarea id="embed-code" readonly rows="3" aria-describedby="embed-how">{code}</textarea>
            <p id="embed-how" class="hint">{t(lang, "embed-how-to-copy")}</p>
        </section>
    }
}
