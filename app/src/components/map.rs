//! The compliance map: one inline SVG path per department, coloured by the action plan's
//! status, each a link to the department's page. Works without JavaScript; hover and focus
//! highlighting is plain CSS. A status Vigía inferred is drawn dotted, never like a stated one.

use leptos::prelude::*;

use crate::context::PublicView;
use crate::format;
use crate::i18n::{t, tr, use_lang};
use crate::map::paths::{OUTLINES, VIEW_BOX};
use vigia::{Basis, Claim, DepartmentCode, EvidenceLevel, RequirementSlug, Status};

/// The requirement the map colours by.
pub const MAP_REQUIREMENT: &str = "action-plan";

/// How a department is drawn: its status, whether an in-force status is only reported, and
/// whether Vigía inferred it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MapCategory {
    pub status: Status,
    pub only_reported: bool,
    pub inferred: bool,
}

impl MapCategory {
    pub fn of(current: Option<&Claim>) -> Self {
        match current {
            None => Self {
                status: Status::Unknown,
                only_reported: false,
                inferred: false,
            },
            Some(c) => Self {
                status: c.status,
                only_reported: c.status == Status::InForce
                    && c.evidence_level == EvidenceLevel::Reported,
                inferred: c.basis == Basis::Inferred,
            },
        }
    }

    /// The CSS class of the fill.
    pub fn class(self) -> String {
        let base = if self.only_reported {
            "in-force-reported".to_owned()
        } else {
            self.status.slug().to_owned()
        };
        if self.inferred {
            format!("fill-{base} fill-inferred")
        } else {
            format!("fill-{base}")
        }
    }

    fn legend_key(self) -> &'static str {
        match (self.status, self.only_reported) {
            (Status::Missing, _) => "legend-missing",
            (Status::InPreparation, _) => "legend-in-preparation",
            (Status::InForce, false) => "legend-in-force-verified",
            (Status::InForce, true) => "legend-in-force-reported",
            (Status::Expired, _) => "legend-expired",
            (Status::Unknown, _) => "legend-unknown",
        }
    }

    /// What the legend says of this category.
    pub fn legend_label(self, lang: crate::i18n::Lang) -> String {
        let label = t(lang, self.legend_key());
        if self.inferred {
            tr(lang, "legend-inferred", &[("label", label.into())])
        } else {
            label
        }
    }
}

/// The category of each department on the map, in the map's order.
pub fn categories(view: &PublicView) -> Vec<(DepartmentCode, MapCategory)> {
    let slug = RequirementSlug::parse(MAP_REQUIREMENT).expect("valid slug");
    view.snapshot
        .departments
        .iter()
        .map(|d| {
            (
                d.code,
                MapCategory::of(view.snapshot.record(d.code, &slug).current()),
            )
        })
        .collect()
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
            let category = MapCategory::of(current);
            let mut label = format::status_label(lang, requirement.as_ref(), category.status);
            if category.inferred {
                label = format!("{label} ({})", t(lang, "basis-inferred"));
            }
            let highlighted = highlight == Some(code);
            let name = department.name.clone();
            let description = format!("{name}: {label}");
            let aria_label = description.clone();
            Some(view! {
                <a href=format!("/departments/{code}") aria-label=aria_label target=link_target>
                    <path id=code.as_str() data-code=code.as_str() class=format!("department {}{}", category.class(), if highlighted { " highlighted" } else { "" }) d=*d>
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
            <MapPatterns/>
            {departments}
        </svg>
    }
}

/// The fills that are patterns: hatching for "in force, only reported" and dots over any
/// status Vigía inferred.
#[component]
fn MapPatterns() -> impl IntoView {
    let dots = vigia::Status::ALL
        .into_iter()
        .map(|status| {
            let id = format!("dots-{}", status.slug());
            view! {
                <pattern id=id patternUnits="userSpaceOnUse" width="28" height="28">
                    <rect width="28" height="28" class=format!("dots-base-{}", status.slug())/>
                    <circle cx="7" cy="7" r="5" class="dot"/>
                    <circle cx="21" cy="21" r="5" class="dot"/>
                </pattern>
            }
        })
        .collect_view();
    view! {
        <defs>
            <pattern id="hatch" patternUnits="userSpaceOnUse" width="24" height="24" patternTransform="rotate(45)">
                <rect width="24" height="24" class="hatch-base"/>
                <line x1="0" y1="0" x2="0" y2="24" class="hatch-line"/>
            </pattern>
            {dots}
        </defs>
    }
}

/// What each colour and pattern means, listing only those the map uses.
#[component]
pub fn MapLegend(view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let mut in_use: Vec<MapCategory> = categories(&view).into_iter().map(|(_, c)| c).collect();
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
                        <rect width="28" height="28" class=category.class()/>
                    </svg>
                    {category.legend_label(lang)}
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="legend" aria-label=t(lang, "legend-label")>{entries}</ul>
        {any_inferred.then(|| view! { <p class="legend-note">{t(lang, "legend-inferred-note")}</p> })}
    }
}
