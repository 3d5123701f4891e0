//! Numbered keys for the map where its names do not fit (phones, the embed): each department
//! a number on the map and a link in a list under it, numbered from north to south so the
//! list reads in the order the eye scans the map.

use super::paths::OUTLINES;

/// Each department's code, label anchor and key number (1 for the northernmost label).
pub fn numbered() -> Vec<(&'static str, (f32, f32), usize)> {
    let mut anchors: Vec<(&'static str, (f32, f32))> = OUTLINES
        .iter()
        .map(|(code, anchor, _)| (*code, *anchor))
        .collect();
    anchors.sort_by(|a, b| a.1 .1.total_cmp(&b.1 .1));
    anchors
        .into_iter()
        .enumerate()
        .map(|(i, (code, anchor))| (code, anchor, i + 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::numbered;
    use crate::map::KEY_RADIUS;

    #[test]
    fn every_department_has_one_number_from_one_to_nine() {
        let mut numbers: Vec<usize> = numbered().iter().map(|(_, _, n)| *n).collect();
        numbers.sort_unstable();
        assert_eq!(numbers, (1..=9).collect::<Vec<_>>());
        let mut codes: Vec<&str> = numbered().iter().map(|(c, _, _)| *c).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 9);
    }

    #[test]
    fn numbers_run_from_pando_in_the_north_to_tarija_in_the_south() {
        let keys = numbered();
        assert_eq!(keys.first().map(|k| k.0), Some("BO-N"));
        assert_eq!(keys.last().map(|k| k.0), Some("BO-T"));
        assert!(keys.windows(2).all(|w| w[0].1 .1 <= w[1].1 .1));
    }

    #[test]
    fn no_two_key_circles_touch() {
        let keys = numbered();
        for (i, a) in keys.iter().enumerate() {
            for b in &keys[i + 1..] {
                let distance = ((a.1 .0 - b.1 .0).powi(2) + (a.1 .1 - b.1 .1).powi(2)).sqrt();
                assert!(distance > 2.0 * KEY_RADIUS, "{} and {}", a.0, b.0);
            }
        }
    }
}
