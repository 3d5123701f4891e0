//! The figures on `/` carry the sources and dates of the facts behind them, not one "data as
//! of" date taken from the newest claim about anything.

use crate::helpers::words;
use app::i18n::Lang;
use vigia::{EvidenceLevel, RequirementSlug, Status};

#[tokio::test]
async fn each_headline_figure_names_the_sources_and_dates_it_counts() {
    let (app, snapshot) = crate::helpers::seeded().await;
    let today = crate::helpers::TEST_TODAY.parse().unwrap();
    let plan = RequirementSlug::parse("action-plan").unwrap();
    let credit = |c: &vigia::Claim| {
        let date = app::format::partial_date(Lang::Es, c.source.published);
        format!("{} ({date})", c.source.author)
    };
    let current: Vec<vigia::Claim> = snapshot
        .departments
        .iter()
        .filter_map(|d| snapshot.record(d.code, &plan).current().cloned())
        .collect();
    let reported: Vec<String> = current
        .iter()
        .filter(|c| c.status_on(today) == Status::InForce)
        .filter(|c| c.evidence_level == EvidenceLevel::Reported)
        .map(credit)
        .collect();
    let missing: Vec<String> = current
        .iter()
        .filter(|c| c.status_on(today) == Status::Missing)
        .map(credit)
        .collect();
    assert!(
        !reported.is_empty() && !missing.is_empty(),
        "the seed has both"
    );

    let html = app.html("/").await;
    let start = html.find("class=\"headline\"").expect("the headline");
    let headline = words(&html[start..start + html[start..].find("</section>").unwrap()]);
    for who in &reported {
        assert!(headline.contains(&format!("según {who}")), "{headline}");
    }
    let sentence = words(&html[html.find("<p class=\"story\"").unwrap()..]);
    for who in &missing {
        assert!(sentence.contains(&format!("no tienen plan, según {who}")));
    }
    assert!(!html.contains("Datos al") && html.contains("Actualizado el"));
}
