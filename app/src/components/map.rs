//! The compliance map: one inline SVG path per department, coloured by the action plan's
//! status, each a link to the department's page. Works without JavaScript; hover and focus
//! highlighting is plain CSS.

use leptos::prelude::*;

use crate::context::PublicView;
use crate::format;
use crate::i18n::{t, use_lang};
use crate::map::paths::{OUTLINES, VIEW_BOX};
use vigia::{DepartmentCode, EvidenceLevel, RequirementSlug, Status};

/// The requirement the map colours by.
pub const MAP_REQUIREMENT: &str = "action-plan";

/// The CSS class for a department's fill: status, and whether an in-force plan is only reported.
fn fill_class(status: Option<Status>, evidence: Option<EvidenceLevel>) -> String {
    match (status, evidence) {
        (Some(Status::InForce), Some(EvidenceLevel::Reported)) => {
            "fill-in-force-reported".to_owned()
        }
        (Some(status), _) => format!("fill-{}", status.slug()),
        (None, _) => "fill-unknown".to_owned(),
    }
}

#[component]
pub fn ComplianceMap(
    view: PublicView,
    #[prop(optional)] highlight: Option<DepartmentCode>,
    #[prop(optional)] link_target: Option<&'static str>,
) -> impl IntoView {
    let lang = use_lang();
    let slug = RequirementSlug::parse(MAP_REQUIREMENT).expect("valid slug");
    let requirement = view.snapshot.requirement(&slug).cloned();
    let departments = OUTLINES
        .iter()
        .filter_map(|(code, (x, y), d)| {
            let code = DepartmentCode::parse(code).ok()?;
            let department = view.snapshot.department(code)?;
            let record = view.snapshot.record(code, &slug);
            let current = record.current();
            let status = current.map(|c| c.status);
            let label = status
                .map(|s| format::status_label(lang, requirement.as_ref(), s))
                .unwrap_or_else(|| t(lang, "status-unknown"));
            let class = fill_class(status, current.map(|c| c.evidence_level));
            let highlighted = highlight == Some(code);
            let name = department.name.clone();
            let description = format!("{name}: {label}");
            let aria_label = description.clone();
            Some(view! {
                <a href=format!("/departments/{code}") aria-label=aria_label target=link_target>
                    <path id=code.as_str() data-code=code.as_str() class=format!("department {class}{}", if highlighted { " highlighted" } else { "" }) d=*d>
                        <title>{description}</title>
                    </path>
                    <text x=*x y=*y class="map-label" aria-hidden="true">{name}</text>
                </a>
            })
        })
        .collect_view();
    view! {
        <svg class="map" viewBox=VIEW_BOX role="group" aria-labelledby="map-title" xmlns="http://www.w3.org/2000/svg">
            <title id="map-title">{t(lang, "map-title")}</title>
            <defs>
                <pattern id="hatch" patternUnits="userSpaceOnUse" width="24" height="24" patternTransform="rotate(45)">
                    <rect width="24" height="24" class="hatch-base"/>
                    <line x1="0" y1="0" x2="0" y2="24" class="hatch-line"/>
                </pattern>
            </defs>
            {departments}
        </svg>
    }
}

/// What each colour means.
#[component]
pub fn MapLegend() -> impl IntoView {
    let lang = use_lang();
    let entries = [
        ("fill-missing", "legend-missing"),
        ("fill-in-preparation", "legend-in-preparation"),
        ("fill-in-force", "legend-in-force-verified"),
        ("fill-in-force-reported", "legend-in-force-reported"),
        ("fill-expired", "legend-expired"),
        ("fill-unknown", "legend-unknown"),
    ];
    view! {
        <ul class="legend" aria-label=t(lang, "legend-label")>
            {entries
                .into_iter()
                .map(|(class, key)| {
                    view! {
                        <li>
                            <svg class="swatch" viewBox="0 0 24 24" aria-hidden="true"><rect width="24" height="24" class=class/></svg>
                            {t(lang, key)}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
