//! Who and when each count of the sentence rests on: "2 no tienen plan, según InSight Crime
//! (2020)". A count carries the date of the facts behind it, not the date of the newest
//! claim about anything.

use chrono::NaiveDate;

use super::StoryGroup;
use crate::format;
use crate::i18n::{t, tr, Lang};
use crate::map::MapCategory;
use vigia::{PartialDate, RequirementSlug, Snapshot, Source};

/// The sources of the claims each group's departments stand on, in the order first met
/// (departments in their usual order), each source once per group.
pub fn sources_by_group(
    snapshot: &Snapshot,
    slug: &RequirementSlug,
    day: NaiveDate,
) -> Vec<(StoryGroup, Vec<Source>)> {
    let mut credits: Vec<(StoryGroup, Vec<Source>)> = Vec::new();
    for department in &snapshot.departments {
        let current = snapshot.current(department.code, slug);
        let group = StoryGroup::of(MapCategory::of(current, day));
        let index = match credits.iter().position(|(g, _)| *g == group) {
            Some(index) => index,
            None => {
                credits.push((group, Vec::new()));
                credits.len() - 1
            }
        };
        let sources = &mut credits[index].1;
        if let Some(claim) = current {
            if !sources.iter().any(|s| s.id == claim.source.id) {
                sources.push(claim.source.clone());
            }
        }
    }
    credits
}

/// "InSight Crime (2020) y Defensoría del Pueblo (18 de febrero de 2020)": each author with
/// its publication date at the precision known.
pub fn credit_list(lang: Lang, sources: &[Source]) -> String {
    listed(lang, &names(lang, sources, format::partial_date))
}

/// Each source as its author and a date `date` words, once per wording.
fn names(lang: Lang, sources: &[Source], date: fn(Lang, PartialDate) -> String) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for source in sources {
        let name = tr(
            lang,
            "story-credit-source",
            &[
                ("author", source.author.as_str().into()),
                ("date", date(lang, source.published).into()),
            ],
        );
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// "A, B y C".
fn listed(lang: Lang, names: &[String]) -> String {
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => tr(
            lang,
            "story-list",
            &[
                ("rest", rest.join(", ").into()),
                ("last", last.clone().into()),
            ],
        ),
    }
}

/// Authors whose findings Vigía shows under their own non-commercial terms, not under Vigía's
/// CC BY 4.0 (InSight Crime allows non-commercial copying with attribution).
const NON_COMMERCIAL_AUTHORS: [&str; 1] = ["InSight Crime"];

/// The footer of an image or embed of the map of `slug`: "Fuentes: InSight Crime (2020),
/// Defensoría del Pueblo (2020) …" (the sources of the claims it draws, each author once per
/// year), and, when one of them is InSight Crime, that its findings are under its
/// non-commercial terms, not CC BY 4.0.
pub fn image_credits(
    lang: Lang,
    snapshot: &Snapshot,
    slug: &RequirementSlug,
    day: NaiveDate,
) -> Vec<String> {
    let sources: Vec<Source> = sources_by_group(snapshot, slug, day)
        .into_iter()
        .flat_map(|(_, sources)| sources)
        .collect();
    if sources.is_empty() {
        return Vec::new();
    }
    let year = |_: Lang, date: PartialDate| date.year().to_string();
    let list = listed(lang, &names(lang, &sources, year));
    let mut lines = vec![tr(lang, "map-sources", &[("list", list.into())])];
    if sources
        .iter()
        .any(|s| NON_COMMERCIAL_AUTHORS.contains(&s.author.as_str()))
    {
        lines.push(t(lang, "map-sources-non-commercial"));
    }
    lines
}

/// One part of the sentence with the credit for its count: stated states "según" their
/// sources; the unconfirmed group only names the data it rests on, which does not state it.
pub fn credited(lang: Lang, group: StoryGroup, part: String, sources: &[Source]) -> String {
    if sources.is_empty() {
        return part;
    }
    let key = if group == StoryGroup::Unconfirmed {
        "story-credit-data"
    } else {
        "story-credit"
    };
    tr(
        lang,
        key,
        &[
            ("part", part.into()),
            ("who", credit_list(lang, sources).into()),
        ],
    )
}
