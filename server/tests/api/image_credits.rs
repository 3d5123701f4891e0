//! The map images (`/map.svg`, `/map.png`, the share image `/map.png?department=…`) and
//! `/embed/map` name the sources of what they draw, and say InSight Crime's findings are
//! under its non-commercial terms, not CC BY 4.0.

use crate::helpers::{words, TestApp};
use vigia::{RequirementSlug, Snapshot};

/// "Author (year)" for every source of the claims today's plan map draws.
fn drawn_sources(snapshot: &Snapshot) -> Vec<String> {
    let plan = RequirementSlug::parse("action-plan").unwrap();
    snapshot
        .departments
        .iter()
        .filter_map(|d| snapshot.record(d.code, &plan).current().cloned())
        .map(|c| format!("{} ({})", c.source.author, c.source.published.year()))
        .collect()
}

const NON_COMMERCIAL: &str =
    "Los hallazgos de InSight Crime están bajo sus condiciones de uso no comercial, no bajo CC BY 4.0.";

#[tokio::test]
async fn map_images_and_the_embed_name_their_sources() {
    let (app, snapshot) = crate::helpers::seeded().await;
    let sources = drawn_sources(&snapshot);
    assert!(sources.iter().any(|s| s == "InSight Crime (2020)"));
    for path in ["/map.svg", "/map.svg?department=BO-T", "/embed/map"] {
        let body = words(&app.html(path).await);
        assert!(body.contains("Fuentes: "), "{path}");
        for source in &sources {
            assert!(body.contains(source.as_str()), "{path} names {source}");
        }
        assert!(body.contains(NON_COMMERCIAL), "{path}");
    }
    let english = words(&app.html("/map.svg?lang=en").await);
    assert!(english.contains("Sources: ") && english.contains("non-commercial terms"));
}

#[tokio::test]
async fn the_png_and_share_images_are_drawn_from_the_credited_svg() {
    let app = TestApp::spawn().await;
    for query in ["", "?department=BO-L"] {
        let svg = app.html(&format!("/map.svg{query}")).await;
        assert!(svg.contains("Fuentes: "));
        let png = app
            .get(&format!("/map.png{query}"))
            .await
            .bytes()
            .await
            .unwrap();
        let drawn = vigia_server::http::map_image::render_png(&svg).expect("renders");
        assert!(png.as_ref() == drawn.as_slice(), "/map.png{query}");
    }
}

#[tokio::test]
async fn a_past_map_names_only_the_sources_out_by_then() {
    let app = TestApp::spawn().await;
    let svg = words(&app.html("/map.svg?as_of=2019-12-31").await);
    assert!(
        svg.contains("Fuentes: FIIAPP (2018)."),
        "only FIIAPP wrote by then"
    );
    assert!(!svg.contains("InSight Crime"), "nor its terms");
}
