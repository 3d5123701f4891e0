//! Change over time, drawn on the server as SVG: the compliance timeline on `/` (a stacked
//! step chart of how many departments stood in each state) and a department's status strip
//! per requirement. Each has a `<title>`, a text alternative and (the timeline) a table, so
//! they work without JavaScript. Colours are the map's (`map::palette`); the hatching and
//! dots refer to the patterns the page's map defines.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use crate::context::PublicView;
use crate::format;
use crate::i18n::{t, tr, use_lang, Lang};
use crate::map::{status_fill, tone_fill};
use crate::story::{self, Counts, StoryGroup};
use vigia::requirement::Requirement;
use vigia::{DepartmentCode, RequirementSlug};

const WIDTH: f64 = 600.0;
const LEFT: f64 = 34.0;
const RIGHT: f64 = 590.0;
const TOP: f64 = 8.0;
const BOTTOM: f64 = 200.0;

/// Where a day falls between `from` and `to` on a horizontal axis from `left` to `right`.
fn x_of(day: NaiveDate, from: NaiveDate, to: NaiveDate, left: f64, right: f64) -> f64 {
    let span = (to - from).num_days().max(1) as f64;
    left + (right - left) * ((day - from).num_days() as f64 / span).clamp(0.0, 1.0)
}

fn counts_text(lang: Lang, counts: &Counts) -> String {
    counts
        .present()
        .into_iter()
        .map(|(group, n)| {
            let label = t(lang, &format!("group-{}", group.slug())).to_lowercase();
            tr(
                lang,
                "timeline-count",
                &[("n", (n as i64).into()), ("label", label.into())],
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// How many departments stood in each state of the plan, from the first dated claim to the
/// day the page describes.
#[component]
pub fn ComplianceTimeline(view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let slug = RequirementSlug::parse(crate::map::MAP_REQUIREMENT).expect("slug");
    let steps = story::timeline(&view.snapshot, &slug, view.today);
    let (Some((from, first)), Some((_, last))) = (steps.first().copied(), steps.last().copied())
    else {
        return view! {
            <section class="change" aria-labelledby="timeline-heading">
                <h2 id="timeline-heading">{t(lang, "timeline-heading")}</h2>
                <p>{t(lang, "timeline-empty")}</p>
            </section>
        }
        .into_any();
    };
    let to = view.today;
    let total = last.total().max(1) as f64;
    let unit = (BOTTOM - TOP) / total;
    let mut bands = String::new();
    for (i, (day, counts)) in steps.iter().enumerate() {
        let x0 = x_of(*day, from, to, LEFT, RIGHT);
        let x1 = steps
            .get(i + 1)
            .map(|(next, _)| x_of(*next, from, to, LEFT, RIGHT))
            .unwrap_or(RIGHT);
        let mut y = BOTTOM;
        for (group, n) in counts.present() {
            let h = n as f64 * unit;
            y -= h;
            bands.push_str(&format!(
                r#"<rect x="{x0:.1}" y="{y:.1}" width="{:.1}" height="{h:.1}" fill="{}"/>"#,
                (x1 - x0).max(1.0),
                tone_fill(group.tone())
            ));
        }
    }
    // Years along the bottom; the count of departments up the side.
    let mut axes = format!(
        r#"<line x1="{LEFT}" y1="{BOTTOM}" x2="{RIGHT}" y2="{BOTTOM}" class="axis"/><text x="{}" y="{}" class="tick" text-anchor="end">0</text><text x="{}" y="{}" class="tick" text-anchor="end">{}</text>"#,
        LEFT - 6.0,
        BOTTOM,
        LEFT - 6.0,
        TOP + 16.0,
        last.total()
    );
    let years: Vec<i32> = (from.year() + 1..=to.year()).collect();
    let step = years.len().div_ceil(6).max(1);
    for year in years.into_iter().step_by(step) {
        let Some(jan) = NaiveDate::from_ymd_opt(year, 1, 1) else {
            continue;
        };
        let x = x_of(jan, from, to, LEFT, RIGHT);
        axes.push_str(&format!(
            r#"<line x1="{x:.1}" y1="{TOP}" x2="{x:.1}" y2="{}" class="grid"/><text x="{x:.1}" y="{}" class="tick" text-anchor="middle">{year}</text>"#,
            BOTTOM + 6.0,
            BOTTOM + 28.0
        ));
    }
    let from_text = format::date(lang, from);
    let to_text = format::date(lang, to);
    let title = tr(
        lang,
        "timeline-title",
        &[
            ("from", from_text.clone().into()),
            ("to", to_text.clone().into()),
        ],
    );
    let summary = tr(
        lang,
        "timeline-summary",
        &[
            ("from", from_text.into()),
            ("first", counts_text(lang, &first).into()),
            ("to", to_text.into()),
            ("last", counts_text(lang, &last).into()),
        ],
    );
    let mut used: Vec<StoryGroup> = steps
        .iter()
        .flat_map(|(_, c)| c.present().into_iter().map(|(g, _)| g))
        .collect();
    used.sort();
    used.dedup();
    let legend = used
        .iter()
        .map(|group| {
            view! {
                <li>
                    <svg class="swatch" viewBox="0 0 28 28" aria-hidden="true"><rect width="28" height="28" fill=tone_fill(group.tone())/></svg>
                    {t(lang, &format!("group-{}", group.slug()))}
                </li>
            }
        })
        .collect_view();
    let header = used
        .iter()
        .map(|g| view! { <th scope="col" class="number">{t(lang, &format!("group-{}", g.slug()))}</th> })
        .collect_view();
    let rows = steps
        .iter()
        .rev()
        .map(|(day, counts)| {
            let cells = used
                .iter()
                .map(|g| view! { <td class="number">{counts.get(*g)}</td> })
                .collect_view();
            view! {
                <tr>
                    <th scope="row"><a href=format!("/?as_of={day}")><time datetime=day.to_string()>{format::date(lang, *day)}</time></a></th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="change" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t(lang, "timeline-heading")}</h2>
            <p class="note">{t(lang, "timeline-intro")}</p>
            <figure class="timeline-figure">
                <svg class="timeline-chart" viewBox=format!("0 0 {WIDTH} 236") role="img" aria-labelledby="timeline-title timeline-desc" xmlns="http://www.w3.org/2000/svg">
                    <title id="timeline-title">{title}</title>
                    <desc id="timeline-desc">{summary.clone()}</desc>
                    <g inner_html=bands></g>
                    <g aria-hidden="true" inner_html=axes></g>
                </svg>
                <figcaption>
                    <ul class="legend">{legend}</ul>
                    <p class="timeline-summary">{summary}</p>
                </figcaption>
            </figure>
            <details class="timeline-data">
                <summary>{t(lang, "timeline-table-summary")}</summary>
                <div class="table-wrap">
                    <table>
                        <caption>{t(lang, "timeline-table-caption")}</caption>
                        <thead><tr><th scope="col">{t(lang, "timeline-col-from")}</th>{header}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        </section>
    }
    .into_any()
}

/// One requirement of one department over time: a strip of its states, and the same in words.
#[component]
pub fn StatusStrip(
    view: PublicView,
    code: DepartmentCode,
    requirement: Requirement,
) -> impl IntoView {
    let lang = use_lang();
    let steps = story::strip(&view.snapshot, code, &requirement.slug, view.today);
    let Some((from, _)) = steps.first().copied() else {
        return view! { <p class="strip-text">{t(lang, "strip-empty")}</p> }.into_any();
    };
    let to = view.today;
    let describe = |category: crate::map::MapCategory| {
        let label = format::status_label(lang, Some(&requirement), category.status);
        if category.inferred {
            format!("{label} ({})", t(lang, "basis-inferred"))
        } else if category.only_reported {
            format!("{label} ({})", t(lang, "evidence-reported"))
        } else {
            label
        }
    };
    let words: Vec<String> = steps
        .iter()
        .map(|(day, category)| {
            tr(
                lang,
                "strip-step",
                &[
                    ("date", format::date(lang, *day).into()),
                    ("status", describe(*category).into()),
                ],
            )
        })
        .collect();
    let rects = steps
        .iter()
        .enumerate()
        .map(|(i, (day, category))| {
            let x0 = x_of(*day, from, to, 0.0, WIDTH);
            let x1 = steps
                .get(i + 1)
                .map(|(next, _)| x_of(*next, from, to, 0.0, WIDTH))
                .unwrap_or(WIDTH);
            view! {
                <rect x=format!("{x0:.1}") y="0" width=format!("{:.1}", (x1 - x0).max(2.0)) height="24" fill=status_fill(*category)>
                    <title>{words[i].clone()}</title>
                </rect>
            }
        })
        .collect_view();
    let label = tr(
        lang,
        "strip-label",
        &[(
            "requirement",
            requirement.name.get(lang.is_spanish()).to_owned().into(),
        )],
    );
    let text_id = format!("strip-{}", requirement.slug);
    view! {
        <div class="status-strip">
            <svg viewBox=format!("0 0 {WIDTH} 24") preserveAspectRatio="none" role="img" aria-label=label aria-describedby=text_id.clone() xmlns="http://www.w3.org/2000/svg">
                {rects}
            </svg>
            <p class="strip-text" id=text_id>{words.join(" · ")}</p>
        </div>
    }
    .into_any()
}
