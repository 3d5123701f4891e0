//! The compliance map: one inline SVG path per department, coloured by one requirement's
//! status (the action plan unless the page asks for another), each a link to the department's
//! page. Works without JavaScript; hover and focus highlighting is plain CSS. A status Vigía
//! inferred is drawn dotted, never like a stated one. Colours come from `map::palette`.

use leptos::prelude::*;

use crate::context::PublicView;
use crate::format;
use crate::i18n::{t, tr, use_lang};
use crate::map::palette::{patterns_svg, status_fill};
use crate::map::paths::{OUTLINES, VIEW_BOX};
pub use crate::map::{MapCategory, MAP_REQUIREMENT};
use vigia::{DepartmentCode, RequirementSlug};

/// The requirement a page's `?requirement=` names, when the data knows it; the plan otherwise.
pub fn map_requirement(view: &PublicView, asked: Option<&str>) -> RequirementSlug {
    asked
        .and_then(|raw| RequirementSlug::parse(raw).ok())
        .filter(|slug| view.snapshot.requirement(slug).is_some())
        .unwrap_or_else(|| RequirementSlug::parse(MAP_REQUIREMENT).expect("valid slug"))
}

/// The category of each department on the map, in the map's order.
pub fn categories(view: &PublicView, slug: &RequirementSlug) -> Vec<(DepartmentCode, MapCategory)> {
    view.snapshot
        .departments
        .iter()
        .map(|d| {
            (
                d.code,
                MapCategory::of(view.snapshot.current(d.code, slug), view.today),
            )
        })
        .collect()
}

/// A legend entry in the words the table and every page use for the status (one catalogue:
/// the requirement's own labels, "Sin plan" for the plan), with how far an in-force status was
/// checked and whether Vigía inferred it.
pub fn legend_label(
    category: MapCategory,
    requirement: Option<&vigia::Requirement>,
    lang: crate::i18n::Lang,
) -> String {
    let status = format::status_label(lang, requirement, category.status);
    let mut chars = status.chars();
    let status: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => status,
    };
    let label = match (category.status, category.only_reported) {
        (vigia::Status::InForce, true) => {
            tr(lang, "legend-status-reported", &[("status", status.into())])
        }
        (vigia::Status::InForce, false) => {
            tr(lang, "legend-status-verified", &[("status", status.into())])
        }
        _ => status,
    };
    if category.inferred {
        tr(lang, "legend-inferred", &[("label", label.into())])
    } else {
        label
    }
}

#[component]
pub fn ComplianceMap(
    view: PublicView,
    #[prop(optional)] highlight: Option<DepartmentCode>,
    #[prop(optional)] link_target: Option<&'static str>,
    /// The requirement coloured (the action plan when not given).
    #[prop(optional)]
    requirement: Option<RequirementSlug>,
) -> impl IntoView {
    let lang = use_lang();
    let slug =
        requirement.unwrap_or_else(|| RequirementSlug::parse(MAP_REQUIREMENT).expect("valid slug"));
    let requirement = view.snapshot.requirement(&slug).cloned();
    // The highlighted department is drawn last, so no neighbour covers its outline.
    let mut outlines: Vec<_> = OUTLINES.iter().collect();
    outlines.sort_by_key(|(code, _, _)| highlight.is_some_and(|h| h.as_str() == *code));
    let departments = outlines
        .into_iter()
        .filter_map(|(code, _, d)| {
            let code = DepartmentCode::parse(code).ok()?;
            let department = view.snapshot.department(code)?;
            let category = MapCategory::of(view.snapshot.current(code, &slug), view.today);
            let mut label = format::status_label(lang, requirement.as_ref(), category.status);
            if category.inferred {
                label = format!("{label} ({})", t(lang, "basis-inferred"));
            }
            let highlighted = highlight == Some(code);
            let description = format!("{}: {label}", department.name);
            let aria_label = description.clone();
            let class = match (highlighted, category.inferred) {
                (true, true) => "department highlighted inferred",
                (true, false) => "department highlighted",
                (false, true) => "department inferred",
                (false, false) => "department",
            };
            Some(view! {
                <a href=format!("/departments/{code}") aria-label=aria_label target=link_target>
                    <path id=code.as_str() data-code=code.as_str() data-category=category.tone().slug()
                        class=class
                        fill=status_fill(category) d=*d>
                        <title>{description}</title>
                    </path>
                </a>
            })
        })
        .collect_view();
    // Names go over every outline, so no neighbour drawn later cuts one off.
    let labels = OUTLINES
        .iter()
        .filter_map(|(code, (x, y), _)| {
            let department = view
                .snapshot
                .department(DepartmentCode::parse(code).ok()?)?;
            Some(view! { <text x=*x y=*y class="map-label">{department.name.clone()}</text> })
        })
        .collect_view();
    // Where the names do not fit (phones, the embed), CSS shows these numbers instead; the
    // list under the map (`MapKey`) names each number.
    let keys = crate::map::keys::numbered()
        .into_iter()
        .map(|(_, (x, y), number)| {
            view! {
                <circle cx=x cy=y r=crate::map::KEY_RADIUS class="map-key-dot"/>
                <text x=x y=y class="map-key-number" dy="0.35em">{number}</text>
            }
        })
        .collect_view();
    let title = match requirement {
        Some(r) => tr(
            lang,
            "map-title-requirement",
            &[(
                "requirement",
                r.name.get(lang.is_spanish()).to_owned().into(),
            )],
        ),
        None => t(lang, "map-title"),
    };
    view! {
        <svg class="map" viewBox=VIEW_BOX role="group" aria-labelledby="map-title" xmlns="http://www.w3.org/2000/svg">
            <title id="map-title">{title}</title>
            <defs inner_html=patterns_svg()></defs>
            {departments}
            <g class="map-keys" aria-hidden="true">{keys}</g>
            <g class="map-labels" aria-hidden="true">{labels}</g>
        </svg>
    }
}

/// The map's numbers named, each a link to its department's page large enough to tap: shown
/// only where the map shows numbers instead of names.
#[component]
pub fn MapKey(
    view: PublicView,
    #[prop(optional)] link_target: Option<&'static str>,
) -> impl IntoView {
    let lang = use_lang();
    let entries = crate::map::keys::numbered()
        .into_iter()
        .filter_map(|(code, _, number)| {
            let department = view
                .snapshot
                .department(DepartmentCode::parse(code).ok()?)?;
            Some(view! {
                <li>
                    <a href=format!("/departments/{code}") target=link_target>
                        <span class="map-key-badge" aria-hidden="true">{number}</span>
                        {department.name.clone()}
                    </a>
                </li>
            })
        })
        .collect_view();
    view! { <ol class="map-key" aria-label=t(lang, "map-key-label")>{entries}</ol> }
}

/// What each colour and pattern means, listing only those the map uses.
#[component]
pub fn MapLegend(
    view: PublicView,
    /// The requirement coloured (the action plan when not given).
    #[prop(optional)]
    requirement: Option<RequirementSlug>,
) -> impl IntoView {
    let lang = use_lang();
    let slug =
        requirement.unwrap_or_else(|| RequirementSlug::parse(MAP_REQUIREMENT).expect("valid slug"));
    let requirement = view.snapshot.requirement(&slug).cloned();
    let mut in_use: Vec<MapCategory> = categories(&view, &slug)
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    in_use.sort();
    in_use.dedup();
    let any_inferred = in_use.iter().any(|c| c.inferred);
    let entries = in_use
        .into_iter()
        .map(|category| {
            view! {
                <li>
                    // The patterns are the map's own, defined once in its SVG.
                    <svg class="swatch" viewBox="0 0 28 28" aria-hidden="true">
                        <rect width="28" height="28" fill=status_fill(category)/>
                    </svg>
                    {legend_label(category, requirement.as_ref(), lang)}
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="legend" aria-label=t(lang, "legend-label")>{entries}</ul>
        {any_inferred.then(|| view! { <p class="legend-note">{t(lang, "legend-inferred-note")}</p> })}
    }
}
