//! The map as a standalone image: an SVG with explicit fills (no stylesheet, no CSS
//! variables), its title, the date it describes, the legend and the credit inside it, so it
//! can be downloaded, rendered to PNG on the server (share previews) and reused in reports.
//! Its colours and patterns are the map's own (`map::palette`), so the image always matches
//! the page's map.

use std::fmt::Write as _;

use crate::components::{categories, legend_label};
use crate::context::PublicView;
use crate::format;
use crate::i18n::{t, tr, Lang};
use crate::map::paths::OUTLINES;
use crate::map::{palette, MapCategory, MAP_REQUIREMENT};
use vigia::{DepartmentCode, RequirementSlug, Status};

/// The image's size in pixels (the size share previews expect).
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
/// Where the map's own coordinates (its view box) land in the image.
const MAP_ORIGIN: (f32, f32) = (20.0, 20.0);
const MAP_SCALE: f32 = 590.0 / 1341.7;
/// Where the words start, right of the map.
const PANEL_X: f32 = 590.0;
const FONT: &str = "DejaVu Sans";

/// The pixel of the image where a point of the map's view box is drawn.
pub fn to_image(x: f32, y: f32) -> (f32, f32) {
    (MAP_ORIGIN.0 + x * MAP_SCALE, MAP_ORIGIN.1 + y * MAP_SCALE)
}

const STYLESHEET: &str = include_str!("../../../style/main.css");

/// A custom property of the stylesheet's `:root` (`--ink: #1b1f24;`): the page's ink, muted
/// and brand colours, for the image's words.
fn variable(name: &str) -> Option<String> {
    STYLESHEET
        .lines()
        .find_map(|line| line.trim().strip_prefix(name)?.trim().strip_prefix(':'))
        .map(|v| v.trim().trim_end_matches(';').trim().to_owned())
}

/// The plain colour of a status on the map (stated, and not only reported).
pub fn status_colour(status: Status) -> String {
    palette::swatch(palette::Tone::of(status, false)).base.hex()
}

fn patterns() -> String {
    format!("<defs>{}</defs>", palette::patterns_svg())
}

/// Text made safe inside SVG elements and attributes.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Words broken into lines of at most `width` characters (SVG text does not wrap).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// Lines of text from `y` down, `step` apart; returns where the next line would go.
fn text_lines(
    out: &mut String,
    lines: &[String],
    y: f32,
    size: u32,
    step: f32,
    style: &str,
) -> f32 {
    let mut y = y;
    for line in lines {
        let _ = write!(
            out,
            r#"<text x="{PANEL_X}" y="{y}" font-size="{size}" {style}>{}</text>"#,
            escape(line)
        );
        y += step;
    }
    y
}

/// The requirement the image maps: the plan, as on the first screen.
fn plan() -> RequirementSlug {
    RequirementSlug::parse(MAP_REQUIREMENT).expect("valid slug")
}

/// The map of `view` as a standalone SVG in `lang`, `highlight` outlined; `site` is the
/// address credited.
pub fn map_svg(
    view: &PublicView,
    lang: Lang,
    highlight: Option<DepartmentCode>,
    site: &str,
) -> String {
    let named = |name| variable(name).unwrap_or_else(|| "#1b1f24".to_owned());
    let (ink, muted, brand) = (named("--ink"), named("--muted"), named("--brand"));
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="{FONT}" role="img" aria-labelledby="title"><title id="title">{}</title>"#,
        escape(&t(lang, "map-title"))
    );
    out.push_str(&patterns());
    let _ = write!(
        out,
        r##"<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>"##
    );
    let _ = write!(
        out,
        r#"<g transform="translate({} {}) scale({MAP_SCALE})">"#,
        MAP_ORIGIN.0, MAP_ORIGIN.1
    );
    let drawn = categories(view, &plan());
    let mut labels = String::new();
    let mut outline = String::new();
    for (code, (x, y), d) in OUTLINES {
        let Ok(code) = DepartmentCode::parse(code) else {
            continue;
        };
        let Some(department) = view.snapshot.department(code) else {
            continue;
        };
        let category = drawn
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, category)| *category)
            .unwrap_or(MapCategory::of(None, view.today));
        let _ = write!(
            out,
            r##"<path id="{code}" d="{d}" fill="{}" stroke="#ffffff" stroke-width="3"/>"##,
            palette::status_fill(category)
        );
        if highlight == Some(code) {
            let _ = write!(
                outline,
                r#"<path d="{d}" fill="none" stroke="{ink}" stroke-width="9"/>"#
            );
        }
        let _ = write!(
            labels,
            r##"<text x="{x}" y="{y}" font-size="30" font-weight="bold" text-anchor="middle" fill="{ink}" stroke="#ffffff" stroke-width="7" paint-order="stroke">{}</text>"##,
            escape(&department.name)
        );
    }
    out.push_str(&outline);
    out.push_str(&labels);
    out.push_str("</g>");
    panel(
        &mut out,
        view,
        lang,
        highlight,
        site,
        (&ink, &muted, &brand),
    );
    out.push_str("</svg>");
    out
}

/// The words beside the map: title, date, highlighted department, legend and credit.
fn panel(
    out: &mut String,
    view: &PublicView,
    lang: Lang,
    highlight: Option<DepartmentCode>,
    site: &str,
    (ink, muted, brand): (&str, &str, &str),
) {
    let _ = write!(
        out,
        r#"<text x="{PANEL_X}" y="62" font-size="34" font-weight="bold" fill="{brand}">Vigía</text>"#
    );
    let title = wrap(&t(lang, "map-title"), 40);
    let mut y = text_lines(out, &title, 104.0, 24, 30.0, &format!(r#"fill="{ink}""#));
    let date = tr(
        lang,
        "map-image-date",
        &[("date", format::date(lang, view.today).into())],
    );
    y = text_lines(
        out,
        &[date],
        y + 4.0,
        20,
        28.0,
        &format!(r#"fill="{muted}""#),
    );
    if let Some(department) = highlight.and_then(|code| view.snapshot.department(code)) {
        let line = tr(
            lang,
            "map-image-highlight",
            &[("department", department.name.clone().into())],
        );
        y = text_lines(
            out,
            &[line],
            y,
            20,
            28.0,
            &format!(r#"fill="{ink}" font-weight="bold""#),
        );
    }
    y = text_lines(
        out,
        &[t(lang, "legend-label")],
        y + 14.0,
        20,
        34.0,
        &format!(r#"fill="{ink}" font-weight="bold""#),
    );
    let plan = plan();
    let requirement = view.snapshot.requirement(&plan);
    let mut in_use: Vec<MapCategory> = categories(view, &plan)
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    in_use.sort();
    in_use.dedup();
    for category in in_use {
        // The swatch is drawn at the map's scale, so its hatching and dots look the same.
        let side = 28.0 / MAP_SCALE;
        let _ = write!(
            out,
            r#"<g transform="translate({PANEL_X} {}) scale({MAP_SCALE})"><rect width="{side}" height="{side}" fill="{}" stroke="{muted}" stroke-width="2"/></g><text x="{}" y="{}" font-size="19" fill="{ink}">{}</text>"#,
            y - 22.0,
            palette::status_fill(category),
            PANEL_X + 40.0,
            y,
            escape(&legend_label(category, requirement, lang))
        );
        y += 38.0;
    }
    let credit = tr(lang, "map-image-credit", &[("site", site.into())]);
    let mut lines: Vec<String> =
        crate::story::credits::image_credits(lang, &view.snapshot, &plan, view.today)
            .iter()
            .flat_map(|line| wrap(line, 72))
            .collect();
    lines.extend(wrap(&credit, 72));
    lines.extend(wrap(&t(lang, "map-attribution"), 72));
    let top = HEIGHT as f32 - 16.0 - 20.0 * (lines.len() as f32 - 1.0);
    text_lines(
        out,
        &lines,
        top.max(y + 10.0),
        15,
        20.0,
        &format!(r#"fill="{muted}""#),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_come_from_the_palette_and_words_from_the_stylesheet() {
        for status in Status::ALL {
            assert!(status_colour(status).starts_with('#'), "{}", status.slug());
        }
        assert!(patterns().contains("<pattern"));
        for name in ["--ink", "--muted", "--brand"] {
            assert!(variable(name).is_some_and(|v| v.starts_with('#')), "{name}");
        }
    }

    #[test]
    fn lines_wrap_at_words() {
        assert_eq!(
            wrap("uno dos tres cuatro", 8),
            vec!["uno dos", "tres", "cuatro"]
        );
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
