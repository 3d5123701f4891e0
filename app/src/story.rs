//! The finding in one sentence, and how it changed over time: how many departments stand in
//! each state of a requirement, today and on every day the record changed. Pure functions of
//! the snapshot, so the sentence, the timeline and their tests share one counting.

pub mod credits;
mod replay;
#[cfg(test)]
mod sweep_matches_replay;

use chrono::{Datelike, Months, NaiveDate};
use std::sync::Arc;

use crate::i18n::{tr, Lang};
use crate::map::{MapCategory, Tone};
use crate::memo::SnapshotMemo;
use replay::Replay;
use vigia::{Claim, DatePrecision, DepartmentCode, PartialDate, RequirementSlug, Snapshot, Status};

/// The groups the sentence and the timeline count, in the order the sentence names them:
/// what is lacking first. Anything Vigía inferred, or nobody stated, is "unconfirmed".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StoryGroup {
    Missing,
    Expired,
    InPreparation,
    Reported,
    Verified,
    Unconfirmed,
}

impl StoryGroup {
    pub const ALL: [StoryGroup; 6] = [
        StoryGroup::Missing,
        StoryGroup::Expired,
        StoryGroup::InPreparation,
        StoryGroup::Reported,
        StoryGroup::Verified,
        StoryGroup::Unconfirmed,
    ];

    pub fn of(category: MapCategory) -> StoryGroup {
        if category.inferred {
            return StoryGroup::Unconfirmed;
        }
        match (category.status, category.only_reported) {
            (Status::Missing, _) => StoryGroup::Missing,
            (Status::Expired, _) => StoryGroup::Expired,
            (Status::InPreparation, _) => StoryGroup::InPreparation,
            (Status::InForce, true) => StoryGroup::Reported,
            (Status::InForce, false) => StoryGroup::Verified,
            (Status::Unknown, _) => StoryGroup::Unconfirmed,
        }
    }

    /// The stated status a group counts, drawn as the map draws it; `None` for the group of
    /// records with no stated status (unknown, or inferred by Vigía).
    pub fn stated(self) -> Option<MapCategory> {
        let (status, only_reported) = match self {
            StoryGroup::Missing => (Status::Missing, false),
            StoryGroup::Expired => (Status::Expired, false),
            StoryGroup::InPreparation => (Status::InPreparation, false),
            StoryGroup::Reported => (Status::InForce, true),
            StoryGroup::Verified => (Status::InForce, false),
            StoryGroup::Unconfirmed => return None,
        };
        Some(MapCategory {
            status,
            only_reported,
            inferred: false,
        })
    }

    /// The map colour the group is drawn in.
    pub fn tone(self) -> Tone {
        match self {
            StoryGroup::Missing => Tone::Missing,
            StoryGroup::Expired => Tone::Expired,
            StoryGroup::InPreparation => Tone::InPreparation,
            StoryGroup::Reported => Tone::InForceReported,
            StoryGroup::Verified => Tone::InForceVerified,
            StoryGroup::Unconfirmed => Tone::Unknown,
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            StoryGroup::Missing => "missing",
            StoryGroup::Expired => "expired",
            StoryGroup::InPreparation => "in-preparation",
            StoryGroup::Reported => "reported",
            StoryGroup::Verified => "verified",
            StoryGroup::Unconfirmed => "unconfirmed",
        }
    }

    fn index(self) -> usize {
        StoryGroup::ALL
            .iter()
            .position(|g| *g == self)
            .expect("listed")
    }
}

/// How many departments are in each group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts([usize; 6]);

impl Counts {
    pub fn of(categories: impl IntoIterator<Item = MapCategory>) -> Counts {
        let mut counts = Counts::default();
        for category in categories {
            counts.0[StoryGroup::of(category).index()] += 1;
        }
        counts
    }

    pub fn get(&self, group: StoryGroup) -> usize {
        self.0[group.index()]
    }

    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }

    /// The groups with at least one department, in the sentence's order.
    pub fn present(&self) -> Vec<(StoryGroup, usize)> {
        StoryGroup::ALL
            .into_iter()
            .map(|g| (g, self.get(g)))
            .filter(|(_, n)| *n > 0)
            .collect()
    }
}

/// The categories of every department for one requirement in `snapshot`.
pub fn categories(
    snapshot: &Snapshot,
    slug: &RequirementSlug,
    day: NaiveDate,
) -> Vec<(DepartmentCode, MapCategory)> {
    snapshot
        .departments
        .iter()
        .map(|d| (d.code, MapCategory::of(snapshot.current(d.code, slug), day)))
        .collect()
}

/// "De los 9 departamentos, 2 no tienen plan, según InSight Crime (2020), 1 tiene … y 6 …":
/// each count with the sources behind it (`credits`, from `credits::sources_by_group`).
pub fn sentence(
    lang: Lang,
    counts: &Counts,
    credits: &[(StoryGroup, Vec<vigia::Source>)],
) -> String {
    let parts: Vec<String> = counts
        .present()
        .into_iter()
        .map(|(group, n)| {
            let part = tr(
                lang,
                &format!("story-{}", group.slug()),
                &[("n", (n as i64).into())],
            );
            let sources = credits
                .iter()
                .find(|(g, _)| *g == group)
                .map_or(&[][..], |(_, s)| s.as_slice());
            credits::credited(lang, group, part, sources)
        })
        .collect();
    let Some((last, rest)) = parts.split_last() else {
        return String::new();
    };
    let list = if rest.is_empty() {
        last.clone()
    } else {
        tr(
            lang,
            "story-list",
            // The parts carry commas of their own (their credits), so semicolons part them.
            &[
                ("rest", rest.join("; ").into()),
                ("last", last.clone().into()),
            ],
        )
    };
    tr(
        lang,
        "story-sentence",
        &[
            ("total", (counts.total() as i64).into()),
            ("list", list.into()),
        ],
    )
}

/// When a step of the timeline or a strip begins: the period its change falls in, at the
/// precision the dates behind it give (a claim about "2020" from a "2020" article changes
/// things in 2020, on no particular day), and the day `?as_of=` first shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepStart {
    pub period: PartialDate,
    /// The day the counts of the step are rebuilt for, as a view of that day would show them.
    pub shown_from: NaiveDate,
}

impl StepStart {
    /// Whether the change happened at some unknown point of a month or year, so it is drawn
    /// over that whole period, marked as uncertain, and worded at its precision.
    pub fn uncertain(self) -> bool {
        self.period.precision() != DatePrecision::Day
    }
}

/// The starts at which the state of `slug` could change, up to `today`, in the order views of
/// the past show them: when a claim became knowable, and the day after a validity it gives
/// ended (an instrument in force lapses then with no new claim; the gap rules count that day).
fn change_starts<'a>(claims: impl Iterator<Item = &'a Claim>, today: NaiveDate) -> Vec<StepStart> {
    let mut starts: Vec<StepStart> = claims
        .flat_map(|c| {
            let period = c.knowable_in();
            let known = StepStart {
                period,
                shown_from: c.knowable_from(),
            };
            // A validity that ended before anyone could know of it changes nothing then.
            let lapse = c
                .valid_until
                .and_then(|until| until.last_day().succ_opt())
                .filter(|lapse| *lapse > known.shown_from)
                .map(|lapse| StepStart {
                    period: PartialDate::day(lapse),
                    shown_from: lapse,
                });
            [Some(known), lapse]
        })
        .flatten()
        .filter(|s| s.shown_from <= today)
        .collect();
    // Of starts shown from the same day, the widest period is kept: what is uncertain stays
    // marked so.
    starts.sort_by_key(|s| (s.shown_from, s.period.first_day()));
    starts.dedup_by_key(|s| s.shown_from);
    starts
}

/// How many departments stood in each group from each start on: one step per change, in the
/// order views of the past show them, as `?as_of=` would rebuild each of those days (each
/// record from the claims knowable then; nothing else in the snapshot bears on a record's
/// category). Each record is replayed once over its change points, not rebuilt per day.
pub fn timeline(
    snapshot: &Snapshot,
    slug: &RequirementSlug,
    today: NaiveDate,
) -> Vec<(StepStart, Counts)> {
    let mut replays: Vec<Replay> = snapshot
        .departments
        .iter()
        .map(|d| Replay::new(snapshot.claims_of(d.code, slug)))
        .collect();
    let starts = change_starts(replays.iter().flat_map(|r| r.claims()), today);
    let mut steps: Vec<(StepStart, Counts)> = Vec::new();
    for start in starts {
        let day = start.shown_from;
        let counts = Counts::of(
            replays
                .iter_mut()
                .map(|replay| MapCategory::of(replay.current_on(day), day)),
        );
        if steps.last().is_none_or(|(_, previous)| *previous != counts) {
            steps.push((start, counts));
        }
    }
    steps
}

/// A timeline's steps, shared by the pages that show them.
pub type Steps = Arc<[(StepStart, Counts)]>;

/// `timeline` for a version every page of which shows the same series (`/`, `/data` and the
/// data file): derived once per version, requirement and day.
pub fn shared_timeline(
    snapshot: &Arc<Snapshot>,
    slug: &RequirementSlug,
    today: NaiveDate,
) -> Steps {
    // Both requirements of the version shown today and of one more (a past date, say).
    static TIMELINES: SnapshotMemo<(RequirementSlug, NaiveDate), Steps> = SnapshotMemo::new(4);
    TIMELINES.get(snapshot, (slug.clone(), today), || {
        timeline(snapshot, slug, today).into()
    })
}

/// The same series a month at a time, for a chart too narrow to draw every change: each
/// month (from the first step's) with the value it ended with (counts, or a category), the
/// current month with today's, and a month only where that differs from the month before.
/// A change undone within one month does not appear.
pub fn by_month<T: Copy + PartialEq>(
    steps: &[(StepStart, T)],
    today: NaiveDate,
) -> Vec<(StepStart, T)> {
    let Some((first, _)) = steps.first() else {
        return Vec::new();
    };
    let mut months: Vec<(StepStart, T)> = Vec::new();
    let mut month = first
        .shown_from
        .with_day(1)
        .expect("every month has a first day");
    let mut next_step = 0;
    let mut current = None;
    while month <= today {
        let following = month
            .checked_add_months(Months::new(1))
            .expect("a month after a day the record reaches");
        let end = following.pred_opt().expect("a day before").min(today);
        while let Some((start, counts)) = steps.get(next_step) {
            if start.shown_from > end {
                break;
            }
            current = Some(*counts);
            next_step += 1;
        }
        if let Some(counts) = current {
            if months
                .last()
                .is_none_or(|(_, previous)| *previous != counts)
            {
                let start = StepStart {
                    period: PartialDate::day(month),
                    shown_from: end,
                };
                months.push((start, counts));
            }
        }
        month = following;
    }
    months
}

/// The category of one department's requirement from each start it changed, oldest first.
pub fn strip(
    snapshot: &Snapshot,
    code: DepartmentCode,
    slug: &RequirementSlug,
    today: NaiveDate,
) -> Vec<(StepStart, MapCategory)> {
    let mut replay = Replay::new(snapshot.claims_of(code, slug));
    let mut steps: Vec<(StepStart, MapCategory)> = Vec::new();
    for start in change_starts(replay.claims(), today) {
        let day = start.shown_from;
        let category = MapCategory::of(replay.current_on(day), day);
        if steps
            .last()
            .is_none_or(|(_, previous)| *previous != category)
        {
            steps.push((start, category));
        }
    }
    steps
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use vigia::requirement::{Bilingual, Requirement};
    use vigia::{Basis, Department, EvidenceLevel, PartialDate, Quality, Source};

    pub(super) fn pd(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap()
    }

    pub(super) fn plan() -> RequirementSlug {
        RequirementSlug::parse("action-plan").unwrap()
    }

    pub(crate) fn claim(id: i64, code: DepartmentCode, status: Status, event: &str) -> Claim {
        Claim {
            id,
            department: code,
            requirement: plan(),
            status,
            basis: Basis::Stated,
            event_date: pd(event),
            status_since: None,
            due_date: None,
            valid_from: None,
            valid_until: None,
            approving_instrument: None,
            evidence: Vec::new(),
            documents: Vec::new(),
            evidence_level: EvidenceLevel::Verified,
            quality: Quality::default(),
            note_es: String::new(),
            note_en: String::new(),
            source: Source {
                id,
                author: "Defensoría".into(),
                outlet: None,
                title: "t".into(),
                url: "https://example.org".into(),
                published: pd(event),
                attribution: None,
            },
            locator: None,
            quote: None,
            recorded_at: chrono::DateTime::UNIX_EPOCH,
            recorded_by: None,
            corrected_by: None,
            corrects: None,
            correction_reason: None,
            note_hidden: None,
        }
    }

    pub(crate) fn snapshot(claims: Vec<Claim>) -> Snapshot {
        Snapshot {
            departments: DepartmentCode::ALL
                .into_iter()
                .map(|code| Department {
                    code,
                    name: code.to_string(),
                    capital: String::new(),
                    area_km2: 1,
                    census: None,
                })
                .collect(),
            requirements: vec![Requirement {
                slug: plan(),
                name: Bilingual::default(),
                legal_basis: Bilingual::default(),
                legal_basis_verified: false,
                legal_basis_sources: Vec::new(),
                has_quality_criteria: true,
                in_force_needs_date: true,
                status_labels: Vec::new(),
                position: 1,
            }],
            claims: claims.into(),
            ..Snapshot::default()
        }
    }

    fn sample() -> Snapshot {
        use DepartmentCode::*;
        let mut reported = claim(3, Oruro, Status::InForce, "2023-05");
        reported.evidence_level = EvidenceLevel::Reported;
        let mut inferred = claim(4, Potosi, Status::Missing, "2024-01-10");
        inferred.basis = Basis::Inferred;
        snapshot(vec![
            claim(1, LaPaz, Status::Missing, "2020"),
            claim(2, Pando, Status::Missing, "2022-03-01"),
            claim(5, Tarija, Status::InForce, "2023-02-01"),
            reported,
            inferred,
            // La Paz later adopts one: the newest claim stands.
            claim(6, LaPaz, Status::InForce, "2024-06-01"),
        ])
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
    }

    #[test]
    fn counts_put_inferred_and_unknown_states_in_unconfirmed() {
        let counts = Counts::of(
            categories(&sample(), &plan(), today())
                .into_iter()
                .map(|(_, c)| c),
        );
        assert_eq!(
            counts.present(),
            vec![
                (StoryGroup::Missing, 1),
                (StoryGroup::Reported, 1),
                (StoryGroup::Verified, 2),
                (StoryGroup::Unconfirmed, 5),
            ]
        );
        assert_eq!(counts.total(), 9);
    }

    #[test]
    fn the_timeline_counts_what_as_of_rebuilds_on_each_of_its_days() {
        let mut snapshot = sample();
        // A claim corrected by a later one: the correction counts only once knowable.
        let mut corrected = claim(7, DepartmentCode::Cochabamba, Status::InForce, "2021-01-01");
        corrected.corrected_by = Some(8);
        let correction = claim(8, DepartmentCode::Cochabamba, Status::Missing, "2023-08-01");
        snapshot.claims.extend([corrected, correction]);
        let steps = timeline(&snapshot, &plan(), today());
        assert!(!steps.is_empty());
        for (start, counts) in steps {
            let day = start.shown_from;
            let rebuilt = Counts::of(
                categories(&snapshot.as_of(day), &plan(), day)
                    .into_iter()
                    .map(|(_, c)| c),
            );
            assert_eq!(counts, rebuilt, "{day}");
        }
    }

    /// A plan in force "until 2025" is drawn expired from 2026, as Vigía's inference: the map
    /// says what the `expired` gap says.
    #[test]
    fn a_plan_past_the_end_its_source_gives_is_expired_by_inference() {
        let mut ending = claim(9, DepartmentCode::Tarija, Status::InForce, "2024-09-24");
        ending.valid_until = Some(PartialDate::parse("2025").unwrap());
        let snapshot = snapshot(vec![ending]);
        let tarija = |day: NaiveDate| {
            categories(&snapshot, &plan(), day)
                .into_iter()
                .find(|(code, _)| *code == DepartmentCode::Tarija)
                .map(|(_, c)| (c.status, c.inferred))
                .unwrap()
        };
        let day = |text: &str| text.parse::<NaiveDate>().unwrap();
        assert_eq!(tarija(day("2025-12-31")), (Status::InForce, false));
        assert_eq!(tarija(day("2026-01-01")), (Status::Expired, true));
        // Like every inference, it leaves the plan unconfirmed in the sentence and timeline,
        // which step on the day it lapses, with no new claim.
        let steps = timeline(&snapshot, &plan(), day("2026-06-01"));
        let unconfirmed = |counts: &Counts| {
            counts
                .present()
                .into_iter()
                .find(|(group, _)| *group == StoryGroup::Unconfirmed)
                .map_or(0, |(_, n)| n)
        };
        let days: Vec<(String, usize)> = steps
            .iter()
            .map(|(d, counts)| (d.shown_from.to_string(), unconfirmed(counts)))
            .collect();
        assert_eq!(
            days,
            [("2024-09-24".to_owned(), 8), ("2026-01-01".to_owned(), 9)]
        );
    }

    #[test]
    fn the_timeline_steps_on_the_days_the_record_changed() {
        let steps = timeline(&sample(), &plan(), today());
        let days: Vec<String> = steps
            .iter()
            .map(|(d, _)| d.shown_from.to_string())
            .collect();
        // "2020" is shown once the year its source was published ends; Potosí's inferred
        // status (2024-01-10) leaves it unconfirmed, so that day is no step.
        assert_eq!(
            days,
            [
                "2020-12-31",
                "2022-03-01",
                "2023-02-01",
                "2023-05-31",
                "2024-06-01"
            ]
        );
        // Each step is drawn and worded at the precision its dates give: the year 2020 and
        // the month of May 2023, not their last days.
        let periods: Vec<(String, bool)> = steps
            .iter()
            .map(|(d, _)| (d.period.to_string(), d.uncertain()))
            .collect();
        assert_eq!(
            periods,
            [
                ("2020".to_owned(), true),
                ("2022-03-01".to_owned(), false),
                ("2023-02-01".to_owned(), false),
                ("2023-05".to_owned(), true),
                ("2024-06-01".to_owned(), false)
            ]
        );
        let (_, first) = steps[0];
        assert_eq!(
            (
                first.get(StoryGroup::Missing),
                first.get(StoryGroup::Unconfirmed)
            ),
            (1, 8)
        );
        let (_, last) = steps[steps.len() - 1];
        assert_eq!(last.get(StoryGroup::Missing), 1);
        assert_eq!(last.get(StoryGroup::Verified), 2);
        assert!(steps.iter().all(|(_, c)| c.total() == 9));
        // Nothing after the day asked about.
        let early = timeline(
            &sample(),
            &plan(),
            NaiveDate::from_ymd_opt(2022, 12, 31).unwrap(),
        );
        assert_eq!(early.len(), 2);
    }

    #[test]
    fn by_month_draws_each_month_as_it_ended() {
        let day = |text: &str| text.parse::<NaiveDate>().unwrap();
        let step = |text: &str, missing: usize| {
            let start = StepStart {
                period: PartialDate::day(day(text)),
                shown_from: day(text),
            };
            (start, Counts([missing, 0, 0, 0, 0, 9 - missing]))
        };
        let steps = [
            step("2020-01-15", 1),
            step("2020-01-20", 2),
            // Undone within March: March ends as February did.
            step("2020-03-10", 1),
            step("2020-03-12", 2),
            step("2020-05-31", 3),
            step("2020-07-11", 4),
        ];
        let today = day("2020-07-10");
        let months = by_month(&steps, today);
        let drawn: Vec<(String, String, usize)> = months
            .iter()
            .map(|(start, counts)| {
                let missing = counts.get(StoryGroup::Missing);
                (
                    start.period.to_string(),
                    start.shown_from.to_string(),
                    missing,
                )
            })
            .collect();
        assert_eq!(
            drawn,
            [
                ("2020-01-01".to_owned(), "2020-01-31".to_owned(), 2),
                ("2020-05-01".to_owned(), "2020-05-31".to_owned(), 3)
            ]
        );
        // On every month's last day (and today), the month drawn holds what the steps say.
        let at =
            |series: &[(StepStart, Counts)], on: NaiveDate, key: fn(&StepStart) -> NaiveDate| {
                series
                    .iter()
                    .rev()
                    .find(|(start, _)| key(start) <= on)
                    .map(|(_, counts)| *counts)
            };
        let mut month = day("2020-01-01");
        while month <= today {
            let following = month.checked_add_months(Months::new(1)).unwrap();
            let end = following.pred_opt().unwrap().min(today);
            let drawn = at(&months, end, |s| s.period.first_day());
            assert_eq!(drawn, at(&steps, end, |s| s.shown_from), "{end}");
            month = following;
        }
        assert!(by_month::<Counts>(&[], today).is_empty());
    }

    #[test]
    fn a_department_strip_follows_its_own_record() {
        let strip = strip(&sample(), DepartmentCode::LaPaz, &plan(), today());
        let statuses: Vec<(String, Status)> = strip
            .iter()
            .map(|(d, c)| (d.period.to_string(), c.status))
            .collect();
        assert_eq!(
            statuses,
            [
                ("2020".to_owned(), Status::Missing),
                ("2024-06-01".to_owned(), Status::InForce)
            ]
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_sentence_states_the_finding_in_both_languages() {
        let snapshot = sample();
        let counts = Counts::of(
            categories(&snapshot, &plan(), today())
                .into_iter()
                .map(|(_, c)| c),
        );
        let credits = credits::sources_by_group(&snapshot, &plan(), today());
        assert_eq!(
            sentence(Lang::Es, &counts, &credits),
            "De los 9 departamentos, 1 no tiene plan, según Defensoría (1 de marzo de 2022); 1 tiene un plan vigente que una fuente solo informa, según Defensoría (mayo de 2023); 2 tienen un plan vigente verificado con el documento, según Defensoría (1 de junio de 2024) y Defensoría (1 de febrero de 2023) y 5 no tienen información confirmada, con datos de Defensoría (10 de enero de 2024)."
        );
        assert_eq!(
            sentence(Lang::En, &counts, &credits),
            "Of the 9 departments, 1 has no plan, according to Defensoría (1 March 2022); 1 has a plan in force that a source only reports, according to Defensoría (May 2023); 2 have a plan in force verified against the document, according to Defensoría (1 June 2024) and Defensoría (1 February 2023) and 5 have no confirmed information, with data from Defensoría (10 January 2024)."
        );
        let one = Counts::of([MapCategory::of(None, today())]);
        assert_eq!(
            sentence(Lang::Es, &one, &[]),
            "De 1 departamento, 1 no tiene información confirmada."
        );
        assert_eq!(sentence(Lang::En, &Counts::default(), &[]), "");
    }
}
