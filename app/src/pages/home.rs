//! `/`: the compliance map, its table, headline figures, national context and the embed code.

use leptos::prelude::*;

use leptos_router::hooks::use_query_map;

use crate::components::{
    map_requirement, AsOfForm, ComplianceMap, ComplianceTimeline, DataDates, FeedLink, FollowLinks,
    Layout, MapDownloads, MapKey, MapLegend, PageMeta, SourceCite, StatusBadge, WithPublicView,
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
        <p class="lede">{lede(lang, &view)}" "<a href="/methodology#unverified">{t(lang, "footer-unverified-link")}</a></p>
        <section class="map-section" aria-labelledby="map-heading">
            <h2 id="map-heading">{heading}</h2>
            <RequirementSwitch view=view.clone() current=slug.clone()/>
            <AsOfForm view=view.clone() action="/" keep/>
            <div class="map-layout">
                <figure class="map-figure">
                    <ComplianceMap view=view.clone() requirement=slug.clone()/>
                    <MapKey view=view.clone()/>
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

/// The lede cites 2018 and 2020 sources: a view of a past day says what Vigía does instead.
fn lede(lang: crate::i18n::Lang, view: &PublicView) -> String {
    match view.as_of {
        Some(_) => t(lang, "home-lede-as-of"),
        None => t(lang, "home-lede"),
    }
}

/// The finding in one sentence, each count with the sources and dates behind it, and the day
/// Vigía last recorded anything.
#[component]
fn Story(view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let plan = RequirementSlug::parse(crate::map::MAP_REQUIREMENT).expect("slug");
    let counts = story::Counts::of(
        story::categories(&view.snapshot, &plan, view.today)
            .into_iter()
            .map(|(_, c)| c),
    );
    let credits = story::credits::sources_by_group(&view.snapshot, &plan, view.today);
    view! {
        <p class="story">{story::sentence(lang, &counts, &credits)}</p>
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

/// The headline figures, each with the sources (and their dates) of the claims it counts.
#[component]
fn Headline(view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let plan = RequirementSlug::parse("action-plan").expect("valid slug");
    let in_force = |level: EvidenceLevel| -> Vec<vigia::Source> {
        view.snapshot
            .departments
            .iter()
            .filter_map(|d| view.snapshot.current(d.code, &plan).cloned())
            .filter(|c| c.status_on(view.today) == Status::InForce && c.evidence_level == level)
            .map(|c| c.source)
            .collect()
    };
    let critical_gaps: Vec<_> = view
        .gaps
        .iter()
        .filter(|g| g.severity == Severity::Critical)
        .collect();
    let critical: std::collections::BTreeSet<_> =
        critical_gaps.iter().map(|g| g.department).collect();
    let critical_sources: Vec<vigia::Source> = critical_gaps
        .iter()
        .filter_map(|g| g.claim_id)
        .filter_map(|id| view.snapshot.claim(id))
        .map(|c| c.source.clone())
        .collect();
    let verified = in_force(EvidenceLevel::Verified);
    let reported = in_force(EvidenceLevel::Reported);
    let figures = [
        (verified.len(), verified, t(lang, "headline-plans-verified")),
        (reported.len(), reported, t(lang, "headline-plans-reported")),
        (
            critical.len(),
            critical_sources,
            t(lang, "headline-critical-departments"),
        ),
    ];
    view! {
        <section class="headline" aria-label=t(lang, "headline-label")>
            <dl>
                {figures
                    .into_iter()
                    .map(|(value, sources, label)| {
                        let credit = (!sources.is_empty()).then(|| {
                            // The list names each source once however many claims cite it.
                            let who = story::credits::credit_list(lang, &sources);
                            view! { <dd class="headline-source">{tr(lang, "headline-source", &[("who", who.into())])}</dd> }
                        });
                        view! { <div><dt>{label}</dt><dd>{value}</dd>{credit}</div> }
                    })
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
                    let current = view.snapshot.current(d.code, &r.slug).cloned();
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
            let text = format::national_figure(lang, figure);
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
            {case_counts_disagree(&view.snapshot.national).then(|| view! { <p class="note">{t(lang, "national-disagreement-note")}</p> })}
        </section>
    }
}

/// Whether both accounts of the 2019 case counts are in the view: the note comparing them
/// quotes both, so it appears only once both were published.
fn case_counts_disagree(figures: &[NationalFigure]) -> bool {
    ["cases-reported", "police-trafficking-cases"]
        .iter()
        .all(|kind| {
            figures
                .iter()
                .any(|f| f.kind == *kind && f.period == "2019")
        })
}

#[component]
fn EmbedSnippet() -> impl IntoView {
    let lang = use_lang();
    let base = use_context::<SiteInfo>()
        .map(|s| s.public_url)
        .unwrap_or_default();
    // Full width up to the map's own size, its height from the aspect ratio, so it fits a
    // 320 px article as well as a wide one.
    let (width, height) = super::embed::EMBED_SIZE;
    let code = format!(
        r#"<iframe src="{base}/embed/map" title="{}" width="{width}" height="{height}" loading="lazy" style="border:0;display:block;width:100%;max-width:{width}px;height:auto;aspect-ratio:{width}/{height}"></iframe>"#,
        t(lang, "embed-iframe-title"),
    );
    view! {
        <section class="embed" aria-labelledby="embed-heading">
            <h2 id="embed-heading">{t(lang, "embed-heading")}</h2>
            <p>{t(lang, "embed-intro")}</p>
            <label for="embed-code">{t(lang, "embed-code-label")}</label>
            <textarea id="embed-code" readonly rows="4" aria-describedby="embed-how">{code}</textarea>
            <crate::components::CopyButton target="embed-code"/>
            <p id="embed-how" class="hint">{t(lang, "embed-how-to-copy")}</p>
        </section>
    }
}
