//! Change over time, drawn on the server as SVG: the compliance timeline on `/` (a stacked
//! step chart of how many departments stood in each state) and a department's status strip
//! per requirement. Each has a `<title>`, a text alternative and (the timeline) a table, so
//! they work without JavaScript. Colours are the map's (`map::palette`); the hatching and
//! dots refer to the patterns the page's map defines.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use std::borrow::Cow;

use crate::context::PublicView;
use crate::format;
use crate::i18n::{t, tr, use_lang, Lang};
use crate::map::{status_fill, tone_fill, MapCategory};
use crate::story::{self, Counts, StepStart, StoryGroup};
use vigia::requirement::Requirement;
use vigia::{DepartmentCode, PartialDate, RequirementSlug};

const WIDTH: f64 = 600.0;
const LEFT: f64 = 34.0;
const RIGHT: f64 = 590.0;
const TOP: f64 = 8.0;
const BOTTOM: f64 = 200.0;

/// More steps than this are drawn a month at a time: the chart is some 560 px wide, so
/// narrower bands could not be told apart, and each costs the page bytes.
const DRAWN_STEPS: usize = 120;
/// The table lists this many of the latest changes; the data files hold every one.
const TABLE_ROWS: usize = 30;

/// The steps a chart draws, and whether they are months: past `DRAWN_STEPS`, each month as it
/// ended (`story::by_month`), so a long record costs what its months cost.
fn drawn_steps<T: Copy + PartialEq>(
    steps: &[(StepStart, T)],
    today: NaiveDate,
) -> (bool, Cow<'_, [(StepStart, T)]>) {
    if steps.len() > DRAWN_STEPS {
        (true, Cow::Owned(story::by_month(steps, today)))
    } else {
        (false, Cow::Borrowed(steps))
    }
}

/// Where a day falls between `from` and `to` on a horizontal axis from `left` to `right`.
fn x_of(day: NaiveDate, from: NaiveDate, to: NaiveDate, left: f64, right: f64) -> f64 {
    let span = (to - from).num_days().max(1) as f64;
    left + (right - left) * ((day - from).num_days() as f64 / span).clamp(0.0, 1.0)
}

/// The first of January of the years an axis from `from` to `to` labels: at most six, evenly
/// spaced, so labels never crowd a phone's width.
fn year_marks(from: NaiveDate, to: NaiveDate) -> Vec<(i32, NaiveDate)> {
    let years: Vec<i32> = (from.year() + 1..=to.year()).collect();
    let step = years.len().div_ceil(6).max(1);
    years
        .into_iter()
        .step_by(step)
        .filter_map(|year| Some((year, NaiveDate::from_ymd_opt(year, 1, 1)?)))
        .collect()
}

/// Where each step's band begins on the axis, and where it turns certain: a step whose change
/// fell at an unknown point of a month or year begins with that period, drawn as uncertain up
/// to its end. A period reaching back before the previous step begins there instead.
fn step_edges(
    starts: &[StepStart],
    from: NaiveDate,
    to: NaiveDate,
    (left, right): (f64, f64),
) -> Vec<(f64, f64)> {
    let mut edges: Vec<(f64, f64)> = Vec::with_capacity(starts.len());
    for start in starts {
        let floor = edges.last().map_or(left, |(x0, _)| *x0);
        let x0 = x_of(start.period.first_day(), from, to, left, right).max(floor);
        let certain = match start.period.last_day().succ_opt() {
            Some(after) if start.uncertain() => x_of(after, from, to, left, right).max(x0),
            _ => x0,
        };
        edges.push((x0, certain));
    }
    edges
}

/// One band of a step as SVG rectangles: the uncertain part faded, the rest solid.
fn band(x0: f64, certain: f64, x1: f64, y: f64, h: f64, fill: &str) -> String {
    let certain = certain.min(x1);
    let mut out = String::new();
    if certain > x0 {
        out.push_str(&format!(
            r#"<rect x="{x0:.1}" y="{y:.1}" width="{:.1}" height="{h:.1}" fill="{fill}" fill-opacity="0.45" class="uncertain"/>"#,
            certain - x0
        ));
    }
    if x1 > certain || certain <= x0 {
        out.push_str(&format!(
            r#"<rect x="{certain:.1}" y="{y:.1}" width="{:.1}" height="{h:.1}" fill="{fill}"/>"#,
            (x1 - certain).max(1.0)
        ));
    }
    out
}

/// A step's start in words, at its precision ("2020, sin día preciso").
fn start_text(lang: Lang, start: StepStart) -> String {
    let date = format::partial_date(lang, start.period);
    if start.uncertain() {
        tr(lang, "step-uncertain", &[("date", date.into())])
    } else {
        date
    }
}

/// A group's name: the status catalogue's words, as the map's legend and the table say them;
/// records without a stated status have their own.
fn group_label(lang: Lang, group: StoryGroup, requirement: Option<&Requirement>) -> String {
    match group.stated() {
        Some(category) => crate::components::legend_label(category, requirement, lang),
        None => t(lang, "group-unconfirmed"),
    }
}

fn counts_text(lang: Lang, counts: &Counts, requirement: Option<&Requirement>) -> String {
    counts
        .present()
        .into_iter()
        .map(|(group, n)| {
            let label = group_label(lang, group, requirement).to_lowercase();
            tr(
                lang,
                "timeline-count",
                &[("n", (n as i64).into()), ("label", label.into())],
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Below a table that lists only the latest changes: how many it lists, and the data files
/// that hold them all (of the same day, when the page shows the past).
fn whole_series(lang: Lang, as_of: Option<NaiveDate>, steps: usize) -> impl IntoView {
    let query = as_of.map_or(String::new(), |day| format!("?as_of={day}"));
    view! {
        <p class="note">
            {tr(lang, "timeline-table-latest", &[("shown", (TABLE_ROWS as i64).into()), ("steps", (steps as i64).into())])}" "
            <a href=format!("/data/spreadsheet/timeline.csv{query}") download>{t(lang, "timeline-download")}</a>" · "
            <a href=format!("/data{query}#data-timeline")>{t(lang, "timeline-data-page")}</a>
        </p>
    }
}

/// How many departments stood in each state of the plan, from the first dated claim to the
/// day the page describes.
#[component]
pub fn ComplianceTimeline(view: PublicView) -> impl IntoView {
    let lang = use_lang();
    let slug = RequirementSlug::parse(crate::map::MAP_REQUIREMENT).expect("slug");
    let requirement = view.snapshot.requirement(&slug).cloned();
    let steps = story::shared_timeline(&view.snapshot, &slug, view.today);
    let (Some((start, first)), Some((_, last))) = (steps.first().copied(), steps.last().copied())
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
    let (monthly, drawn) = drawn_steps(&steps, to);
    let from = drawn.first().map_or(to, |(s, _)| s.period.first_day());
    let total = last.total().max(1) as f64;
    let unit = (BOTTOM - TOP) / total;
    let starts: Vec<StepStart> = drawn.iter().map(|(s, _)| *s).collect();
    let edges = step_edges(&starts, from, to, (LEFT, RIGHT));
    let mut bands = String::new();
    for (i, (_, counts)) in drawn.iter().enumerate() {
        let (x0, certain) = edges[i];
        let x1 = edges.get(i + 1).map_or(RIGHT, |(next, _)| *next);
        let mut y = BOTTOM;
        for (group, n) in counts.present() {
            let h = n as f64 * unit;
            y -= h;
            bands.push_str(&band(x0, certain, x1, y, h, &tone_fill(group.tone())));
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
    for (year, jan) in year_marks(from, to) {
        let x = x_of(jan, from, to, LEFT, RIGHT);
        axes.push_str(&format!(
            r#"<line x1="{x:.1}" y1="{TOP}" x2="{x:.1}" y2="{}" class="grid"/><text x="{x:.1}" y="{}" class="tick" text-anchor="middle">{year}</text>"#,
            BOTTOM + 6.0,
            BOTTOM + 28.0
        ));
    }
    let title = tr(
        lang,
        "timeline-title",
        &[
            ("from", format::partial_date(lang, start.period).into()),
            ("to", format::date(lang, to).into()),
        ],
    );
    let summary = tr(
        lang,
        "timeline-summary",
        &[
            ("from", format::when(lang, start.period).into()),
            (
                "first",
                counts_text(lang, &first, requirement.as_ref()).into(),
            ),
            ("to", format::when(lang, PartialDate::day(to)).into()),
            (
                "last",
                counts_text(lang, &last, requirement.as_ref()).into(),
            ),
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
                    {group_label(lang, *group, requirement.as_ref())}
                </li>
            }
        })
        .collect_view();
    let header = used
        .iter()
        .map(|g| view! { <th scope="col" class="number">{group_label(lang, *g, requirement.as_ref())}</th> })
        .collect_view();
    let rows = steps
        .iter()
        .rev()
        .take(TABLE_ROWS)
        .map(|(start, counts)| {
            let cells = used
                .iter()
                .map(|g| view! { <td class="number">{counts.get(*g)}</td> })
                .collect_view();
            // The link opens the first day a view of the past shows the step.
            let day = start.shown_from;
            view! {
                <tr>
                    <th scope="row"><a href=format!("/?as_of={day}")><time datetime=start.period.to_string()>{start_text(lang, *start)}</time></a></th>
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
                    {monthly.then(|| view! { <p class="note">{tr(lang, "timeline-monthly", &[("steps", (steps.len() as i64).into())])}</p> })}
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
                {(steps.len() > TABLE_ROWS).then(|| whole_series(lang, view.as_of, steps.len()))}
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
    let changes = story::strip(&view.snapshot, code, &requirement.slug, view.today);
    let (monthly, steps) = drawn_steps(&changes, view.today);
    let Some((first, _)) = steps.first().copied() else {
        return view! { <p class="strip-text">{t(lang, "strip-empty")}</p> }.into_any();
    };
    let from = first.period.first_day();
    let to = view.today;
    let describe = |category: MapCategory| {
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
        .map(|(start, category)| {
            // A month drawn as it ended is worded so, not as a change on its first day.
            let (precision, period) = if monthly {
                ("month-end", PartialDate::month_of(start.period.first_day()))
            } else if start.uncertain() {
                ("period", start.period)
            } else {
                ("day", start.period)
            };
            tr(
                lang,
                "strip-step",
                &[
                    ("date", format::partial_date(lang, period).into()),
                    ("precision", precision.into()),
                    ("status", describe(*category).into()),
                ],
            )
        })
        .collect();
    let starts: Vec<StepStart> = steps.iter().map(|(s, _)| *s).collect();
    let edges = step_edges(&starts, from, to, (0.0, WIDTH));
    let rects = steps
        .iter()
        .enumerate()
        .map(|(i, (_, category))| {
            let (x0, certain) = edges[i];
            let x1 = edges
                .get(i + 1)
                .map_or(WIDTH, |(next, _)| *next)
                .max(x0 + 2.0);
            view! {
                <g>
                    <title>{words[i].clone()}</title>
                    <g inner_html=band(x0, certain, x1, 0.0, 24.0, &status_fill(*category))></g>
                </g>
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
    // The strip stretches to the page's width, which would stretch text too: the years sit in
    // a second SVG without a view box, placed in percent of its width.
    let marks = year_marks(from, to);
    let year_lines: String = marks
        .iter()
        .map(|(_, jan)| {
            let x = x_of(*jan, from, to, 0.0, WIDTH);
            format!(r#"<line x1="{x:.1}" y1="0" x2="{x:.1}" y2="24" class="strip-year" vector-effect="non-scaling-stroke"/>"#)
        })
        .collect();
    let year_labels: String = marks
        .iter()
        .map(|(year, jan)| {
            let percent = x_of(*jan, from, to, 0.0, 100.0);
            let anchor = match percent {
                p if p < 4.0 => "start",
                p if p > 96.0 => "end",
                _ => "middle",
            };
            format!(r#"<text x="{percent:.1}%" y="14" text-anchor="{anchor}">{year}</text>"#)
        })
        .collect();
    view! {
        <div class="status-strip">
            <svg viewBox=format!("0 0 {WIDTH} 24") preserveAspectRatio="none" role="img" aria-label=label aria-describedby=text_id.clone() xmlns="http://www.w3.org/2000/svg">
                {rects}
                <g inner_html=year_lines></g>
            </svg>
            <svg class="strip-axis" width="100%" height="18" aria-hidden="true" xmlns="http://www.w3.org/2000/svg" inner_html=year_labels></svg>
            {
                let text = view! { <p class="strip-text" id=text_id>{words.join(" · ")}</p> };
                if monthly {
                    // A month at a time is still a long paragraph on a phone: folded, and
                    // still the description of the strip a screen reader gives.
                    view! {
                        <details class="strip-words">
                            <summary>{t(lang, "strip-words-summary")}</summary>
                            {text}
                        </details>
                    }
                    .into_any()
                } else {
                    text.into_any()
                }
            }
            {monthly.then(|| view! { <p class="note">{tr(lang, "strip-monthly", &[("steps", (changes.len() as i64).into())])}</p> })}
        </div>
    }
    .into_any()
}
