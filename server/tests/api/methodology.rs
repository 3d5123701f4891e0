//! The methodology page: how Vigía checks what it shows, and every source it cites, listed
//! once with its link.

use std::collections::BTreeSet;

use crate::helpers::TestApp;

/// The methodology's source list: the part of the page after its heading.
fn source_list(html: &str) -> &str {
    let start = html.find("<h2 id=\"sources\"").expect("a source list");
    let rest = &html[start..];
    &rest[..rest.find("</ul>").expect("the list ends")]
}

/// On a database corrected from the second revision of the seed, where a source cited again
/// is a row of its own: every source that a claim, a national figure or a requirement's legal
/// basis cites is listed, once, with its link.
#[tokio::test]
async fn every_source_cited_anywhere_is_listed_once_with_its_link() {
    let dir = tempfile::tempdir().unwrap();
    crate::seed_corrections::revision_two_database(dir.path()).await;
    let url = crate::helpers::settings_in(dir.path()).database_url;
    let app = TestApp::spawn_with(move |s| s.database_url = url).await;
    let snapshot = vigia_store::db::load_snapshot(&app.database().await)
        .await
        .unwrap();
    let html = app.html("/methodology").await;
    let list = source_list(&html);
    let cited = crate::helpers::cited_sources(&snapshot);
    for source in &cited {
        let link = format!("href=\"{}\"", source.url.replace('&', "&amp;"));
        // One page may be cited for two findings (InSight Crime's own, and the Ombudsman's
        // as InSight Crime reports it): once for each way a citation shows it.
        let ways: BTreeSet<_> = cited
            .iter()
            .filter(|s| s.url == source.url)
            .map(|s| (&s.title, &s.author, &s.outlet, s.published.to_string()))
            .collect();
        assert_eq!(
            list.matches(&link).count(),
            ways.len(),
            "{} is listed, once for each way it is cited",
            source.url
        );
    }
    for page in ["https://fiiapp.org/?p=9010", "https://elandaluz.com.bo/"] {
        assert!(list.contains(page), "{page}");
    }
}

#[tokio::test]
async fn the_methodology_says_how_vigia_checks_and_what_nobody_has_read() {
    let app = TestApp::spawn().await;
    let spanish = app.html("/methodology").await;
    assert!(spanish.contains("<h2 id=\"how\">Cómo verificamos</h2>"));
    for term in [
        "Lo dice la fuente, o lo deducimos",
        "Quién lo halló y quién lo difundió",
        "La fecha de lo descrito y la de publicación",
        "Cómo avisar de un error",
    ] {
        assert!(spanish.contains(term), "{term}");
    }
    assert!(spanish.contains("href=\"/departments/BO-T/suggest\""));
    assert!(
        spanish.contains("InSight Crime no lo atribuye al informe de la Defensoría"),
        "what we know"
    );
    assert!(
        !spanish.contains("no lo dice el informe"),
        "not a claim about a report nobody here has read"
    );
    let english = app.html("/methodology?lang=en").await;
    assert!(english.contains("<h2 id=\"how\">How we check</h2>"));
    assert!(english.contains("does not attribute it to the Ombudsman's report"));
    assert!(!english.contains("it is not in the report"));
}
