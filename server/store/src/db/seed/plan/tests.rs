//! The seed checked as the officers' forms check claims, and as the public record needs it:
//! every claim citable, every source listed with its own page's title, address and date.

use super::*;

fn la_paz_today() -> NaiveDate {
    vigia::la_paz_date(chrono::Utc::now())
}

#[test]
fn every_seeded_claim_passes_the_officers_validation() {
    let seed = seed_file().unwrap();
    for today in [la_paz_today(), NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()] {
        let claims = claims(&seed, today).unwrap_or_else(|e| panic!("on {today}: {e}"));
        assert_eq!(
            claims.len(),
            2 + 7 + 4 + 1 + 1 + 2 + 5 + 2,
            "one claim per department named"
        );
    }
}

#[test]
fn no_source_pairs_one_pages_title_with_another_pages_address_or_date() {
    let seed = seed_file().unwrap();
    for a in &seed.sources {
        for b in &seed.sources {
            if a.url == b.url {
                assert_eq!(
                    (&a.title, &a.published),
                    (&b.title, &b.published),
                    "{} / {}",
                    a.key,
                    b.key
                );
            }
            if a.title == b.title {
                assert_eq!(a.url, b.url, "{} / {}", a.key, b.key);
            }
        }
    }
}

/// A reader can check every seeded claim: its source's page, the words it rests on and where
/// in the page they are.
#[test]
fn every_seeded_claim_has_a_link_a_quotation_and_a_locator() {
    let seed = seed_file().unwrap();
    for claim in claims(&seed, la_paz_today()).unwrap() {
        let c = &claim.claim;
        let what = format!("{} {} {}", c.department, c.requirement, c.status.slug());
        let url = c.source.url.as_deref().unwrap_or_default();
        assert!(vigia::new_claim::is_web_url(url), "{what}: link {url:?}");
        assert!(
            c.quote.as_ref().is_some_and(|q| q.len() > 20),
            "{what}: quotation"
        );
        assert!(
            c.locator.as_ref().is_some_and(|l| !l.is_empty()),
            "{what}: locator"
        );
    }
}

/// Every source the seed cites (claims, figures, the requirements' legal basis) is a
/// declared source, and every declared source is cited: the methodology lists exactly these.
#[test]
fn every_cited_source_is_declared_with_its_link_and_every_declared_one_is_cited() {
    let seed = seed_file().unwrap();
    let cited: Vec<&str> = seed
        .claims
        .iter()
        .map(|c| c.source.as_str())
        .chain(seed.national_figures.iter().map(|f| f.source.as_str()))
        .chain(
            seed.requirements
                .iter()
                .flat_map(|r| r.sources.iter().map(String::as_str)),
        )
        .collect();
    for key in &cited {
        let source = seed.sources.iter().find(|s| s.key == *key);
        assert!(
            source.is_some_and(|s| vigia::new_claim::is_web_url(&s.url)),
            "{key}"
        );
    }
    for source in &seed.sources {
        assert!(
            cited.contains(&source.key.as_str()),
            "{} is cited",
            source.key
        );
    }
    for r in &seed.requirements {
        assert!(
            !r.sources.is_empty(),
            "{}: who says the law requires it",
            r.slug
        );
    }
}

/// Corrections are told to the databases that held what they correct.
#[test]
fn a_claim_changed_since_a_revision_says_why_to_databases_that_hold_it() {
    let seed = seed_file().unwrap();
    for entry in &seed.claims {
        assert!(entry.revised <= seed.revision, "{:?}", entry.departments);
        for held in entry.corrections.keys() {
            assert!(
                *held < entry.revised,
                "{:?}: revision {held}",
                entry.departments
            );
        }
    }
}

#[test]
fn la_paz_and_pando_are_credited_to_insight_crime_and_the_seven_others_inferred() {
    let seed = seed_file().unwrap();
    let claims = claims(&seed, la_paz_today()).unwrap();
    let plans: Vec<_> = claims
        .iter()
        .filter(|c| c.claim.requirement.as_str() == "action-plan")
        .collect();
    for code in ["BO-L", "BO-N"] {
        let claim = &plans
            .iter()
            .find(|c| c.claim.department.as_str() == code)
            .unwrap()
            .claim;
        assert_eq!(claim.status, Status::Missing);
        assert_eq!(claim.basis, vigia::Basis::Stated);
        assert_eq!(claim.source.author, "InSight Crime");
        assert!(!claim.note.contains("citando a expertos"), "{}", claim.note);
    }
    let inferred = plans
        .iter()
        .filter(|c| c.claim.basis == vigia::Basis::Inferred)
        .count();
    assert_eq!(
        inferred, 7,
        "the seven others are Vigía's inference of unknown"
    );
}

/// Tarija's plan as each source states it (SEED-FACTS, "Tarija's departmental plan: what each
/// source says"): FIIAPP's 2014–2017 plan and the 2018–2021 one being drafted, El País's
/// approval of the 2023–2028 plan, El Andaluz's five-year plan ending in 2025. No other
/// department's plan is in force.
#[test]
fn tarijas_plan_is_what_each_source_states() {
    let seed = seed_file().unwrap();
    let claims = claims(&seed, la_paz_today()).unwrap();
    let mut tarija: Vec<(&str, Status, String, String)> = claims
        .iter()
        .filter(|c| c.claim.requirement.as_str() == "action-plan")
        .filter(|c| c.claim.department.as_str() == "BO-T" && c.claim.basis == vigia::Basis::Stated)
        .map(|c| {
            let c = &c.claim;
            let date = |d: Option<vigia::PartialDate>| d.map(|d| d.to_string()).unwrap_or_default();
            let validity = format!("{}–{}", date(c.valid_from), date(c.valid_until));
            (
                c.source.author.as_str(),
                c.status,
                c.event_date.to_string(),
                validity,
            )
        })
        .collect();
    tarija.sort_by(|a, b| a.2.cmp(&b.2));
    let expected = vec![
        ("FIIAPP", Status::InForce, "2017", "2014–2017"),
        ("FIIAPP", Status::InPreparation, "2018-03-23", "–"),
        (
            "El País (Tarija)",
            Status::InForce,
            "2023-03-22",
            "2023–2028",
        ),
        ("El Andaluz", Status::InForce, "2024-09-24", "–2025"),
    ];
    let actual: Vec<(&str, Status, &str, &str)> = tarija
        .iter()
        .map(|(a, s, e, v)| (*a, *s, e.as_str(), v.as_str()))
        .collect();
    assert_eq!(actual, expected);
    let elsewhere = claims.iter().any(|c| {
        c.claim.requirement.as_str() == "action-plan"
            && c.claim.department.as_str() != "BO-T"
            && c.claim.status == Status::InForce
    });
    assert!(
        !elsewhere,
        "no source states another department's plan in force"
    );
}
