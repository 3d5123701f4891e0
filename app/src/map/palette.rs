//! The map's colours, in one table that every drawing of the map uses (the page, the embed,
//! downloads and share images). Taken from the Okabe–Ito palette, chosen so that every pair of
//! legend categories stays apart for readers with deuteranopia or protanopia (a test below
//! simulates both). Colour is never the only cue: "in force, only reported" is hatched, a
//! status Vigía inferred is dotted, and every department's status is also written out.

use super::category::MapCategory;
use vigia::Status;

/// A colour as red, green and blue bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`, for SVG and CSS.
    pub fn hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }
}

/// What a legend entry stands for, before the "inferred" dots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tone {
    Missing,
    InPreparation,
    InForceVerified,
    InForceReported,
    Expired,
    Unknown,
}

impl Tone {
    pub const ALL: [Tone; 6] = [
        Tone::Missing,
        Tone::InPreparation,
        Tone::InForceVerified,
        Tone::InForceReported,
        Tone::Expired,
        Tone::Unknown,
    ];

    pub fn of(status: Status, only_reported: bool) -> Tone {
        match (status, only_reported) {
            (Status::Missing, _) => Tone::Missing,
            (Status::InPreparation, _) => Tone::InPreparation,
            (Status::InForce, false) => Tone::InForceVerified,
            (Status::InForce, true) => Tone::InForceReported,
            (Status::Expired, _) => Tone::Expired,
            (Status::Unknown, _) => Tone::Unknown,
        }
    }

    /// A name for ids and classes (`in-force-reported`).
    pub fn slug(self) -> &'static str {
        match self {
            Tone::Missing => "missing",
            Tone::InPreparation => "in-preparation",
            Tone::InForceVerified => "in-force",
            Tone::InForceReported => "in-force-reported",
            Tone::Expired => "expired",
            Tone::Unknown => "unknown",
        }
    }
}

/// How one tone is painted: a plain colour, or a base with hatching lines over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Swatch {
    pub base: Rgb,
    /// The colour of the hatching lines (half the area), when the tone is hatched.
    pub hatch: Option<Rgb>,
}

/// The one table of the map's colours.
pub const fn swatch(tone: Tone) -> Swatch {
    let (base, hatch) = match tone {
        // Okabe–Ito vermillion, yellow, bluish green, sky blue with blue, reddish purple.
        Tone::Missing => (Rgb(0xD5, 0x5E, 0x00), None),
        Tone::InPreparation => (Rgb(0xF0, 0xE4, 0x42), None),
        Tone::InForceVerified => (Rgb(0x00, 0x9E, 0x73), None),
        Tone::InForceReported => (Rgb(0x56, 0xB4, 0xE9), Some(Rgb(0x00, 0x72, 0xB2))),
        Tone::Expired => (Rgb(0xCC, 0x79, 0xA7), None),
        Tone::Unknown => (Rgb(0xD9, 0xD9, 0xD9), None),
    };
    Swatch { base, hatch }
}

/// The id of the pattern that paints `tone` hatched or, when `inferred`, dotted. The
/// patterns are drawn by [`patterns_svg`] (the map's `<defs>`).
pub fn pattern_id(tone: Tone, inferred: bool) -> String {
    if inferred {
        format!("dots-{}", tone.slug())
    } else {
        format!("hatch-{}", tone.slug())
    }
}

/// The SVG paint of a map category: a colour, or a pattern from [`patterns_svg`].
pub fn status_fill(category: MapCategory) -> String {
    if category.inferred {
        format!("url(#{})", pattern_id(category.tone(), true))
    } else {
        tone_fill(category.tone())
    }
}

/// The SVG paint of a tone without the "inferred" dots (for charts that count categories).
pub fn tone_fill(tone: Tone) -> String {
    match swatch(tone).hatch {
        Some(_) => format!("url(#{})", pattern_id(tone, false)),
        None => swatch(tone).base.hex(),
    }
}

/// The `<pattern>` elements [`status_fill`] refers to, for a `<defs>` (as markup, so any SVG
/// drawing of the map, on a page or in a file, can hold the same ones).
pub fn patterns_svg() -> String {
    let mut out = String::new();
    for tone in Tone::ALL {
        let s = swatch(tone);
        if let Some(line) = s.hatch {
            out.push_str(&format!(
                r#"<pattern id="{}" patternUnits="userSpaceOnUse" width="24" height="24" patternTransform="rotate(45)"><rect width="24" height="24" fill="{}"/><line x1="6" y1="0" x2="6" y2="24" stroke="{}" stroke-width="12"/></pattern>"#,
                pattern_id(tone, false),
                s.base.hex(),
                line.hex()
            ));
        }
        // Dots over the tone's own paint (its hatching, if it has one).
        let under = match s.hatch {
            Some(_) => format!("url(#{})", pattern_id(tone, false)),
            None => s.base.hex(),
        };
        out.push_str(&format!(
            r##"<pattern id="{}" patternUnits="userSpaceOnUse" width="28" height="28"><rect width="28" height="28" fill="{under}"/><circle cx="7" cy="7" r="5" fill="#fff" stroke="#1b1f24" stroke-width="1"/><circle cx="21" cy="21" r="5" fill="#fff" stroke="#1b1f24" stroke-width="1"/></pattern>"##,
            pattern_id(tone, true)
        ));
    }
    out
}

/// The colour a reader sees from a distance: the base, or the mean of base and hatching.
pub fn perceived(tone: Tone) -> [f64; 3] {
    let s = swatch(tone);
    let base = linear(s.base);
    match s.hatch {
        Some(line) => {
            let line = linear(line);
            [0, 1, 2].map(|i| (base[i] + line[i]) / 2.0)
        }
        None => base,
    }
}

fn linear(c: Rgb) -> [f64; 3] {
    [c.0, c.1, c.2].map(|v| {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Machado, Oliveira and Fernandes (2009), severity 1, on linear RGB.
    const DEUTERANOPIA: [[f64; 3]; 3] = [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ];
    const PROTANOPIA: [[f64; 3]; 3] = [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ];
    const TYPICAL: [[f64; 3]; 3] = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];

    fn simulate(m: &[[f64; 3]; 3], c: [f64; 3]) -> [f64; 3] {
        [0, 1, 2].map(|i| (m[i][0] * c[0] + m[i][1] * c[1] + m[i][2] * c[2]).clamp(0.0, 1.0))
    }

    /// CIELAB (D65) of a linear RGB colour.
    fn lab(c: [f64; 3]) -> [f64; 3] {
        let x = (0.4124 * c[0] + 0.3576 * c[1] + 0.1805 * c[2]) / 0.95047;
        let y = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
        let z = (0.0193 * c[0] + 0.1192 * c[1] + 0.9505 * c[2]) / 1.08883;
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        let (fx, fy, fz) = (f(x), f(y), f(z));
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    }

    fn distance(a: [f64; 3], b: [f64; 3]) -> f64 {
        (0..3).map(|i| (a[i] - b[i]).powi(2)).sum::<f64>().sqrt()
    }

    /// Well above the ΔE of about 2 at which two colours become just noticeably different,
    /// so that two map areas read as different categories at a glance.
    const MIN_DISTANCE: f64 = 15.0;

    #[test]
    fn every_pair_of_categories_stays_apart_for_common_colour_vision_deficiencies() {
        let mut too_close = Vec::new();
        for (vision, matrix) in [
            ("typical", TYPICAL),
            ("deuteranopia", DEUTERANOPIA),
            ("protanopia", PROTANOPIA),
        ] {
            for (i, a) in Tone::ALL.iter().enumerate() {
                for b in &Tone::ALL[i + 1..] {
                    let d = distance(
                        lab(simulate(&matrix, perceived(*a))),
                        lab(simulate(&matrix, perceived(*b))),
                    );
                    if d < MIN_DISTANCE {
                        too_close.push(format!("{vision}: {a:?} and {b:?} ΔE {d:.1}"));
                    }
                }
            }
        }
        assert!(too_close.is_empty(), "{too_close:#?}");
    }

    #[test]
    fn the_check_would_catch_red_and_green() {
        let red = linear(Rgb(0xD0, 0x30, 0x30));
        let green = linear(Rgb(0x50, 0x90, 0x30));
        let typical = distance(lab(red), lab(green));
        let deutan = distance(
            lab(simulate(&DEUTERANOPIA, red)),
            lab(simulate(&DEUTERANOPIA, green)),
        );
        assert!(
            typical > MIN_DISTANCE && deutan < MIN_DISTANCE,
            "{typical} {deutan}"
        );
    }

    #[test]
    fn fills_are_colours_or_patterns_that_exist() {
        let patterns = patterns_svg();
        for status in Status::ALL {
            for only_reported in [false, true] {
                for inferred in [false, true] {
                    let fill = status_fill(MapCategory {
                        status,
                        only_reported: only_reported && status == Status::InForce,
                        inferred,
                    });
                    match fill.strip_prefix("url(#") {
                        Some(id) => {
                            let id = id.trim_end_matches(')');
                            assert!(patterns.contains(&format!(r#"id="{id}""#)), "{id}");
                        }
                        None => assert!(fill.starts_with('#') && fill.len() == 7, "{fill}"),
                    }
                }
            }
        }
        assert_eq!(Rgb(0xD5, 0x5E, 0x00).hex(), "#D55E00");
    }
}
