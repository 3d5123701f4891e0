//! Tarija's plan after the end the newest source gives (El Andaluz: "concluirá en 2025"):
//! the gaps, the map, the table and the department page all read it as expired, Vigía's
//! inference from that end, with El País's 2028 shown beside it.

use serde_json::Value;

use crate::helpers::TestApp;

async fn in_december_2026() -> TestApp {
    TestApp::spawn_with(|s| s.today = Some("2026-12-04".parse().unwrap())).await
}

#[tokio::test]
async fn the_newest_end_raises_the_expired_gap_and_the_other_end_is_shown_beside_it() {
    let app = in_december_2026().await;
    let gaps: Value = app
        .json("/api/v1/gaps?department=BO-T&severity=critical")
        .await;
    let expired = gaps
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["requirement"] == "action-plan" && g["kind"] == "expired")
        .expect("an expired gap");
    assert_eq!(expired["since"], "2026-01-01");

    let page = app.html("/departments/BO-T").await;
    let current = page
        .split("class=\"current-state\"")
        .nth(1)
        .expect("a current state");
    let current = &current[..current.find("</p>").unwrap()];
    assert!(
        current.contains("badge status-expired inferred") && current.contains("deducción de Vigía"),
        "{current}"
    );
    assert!(page.contains("Las fuentes no coinciden") && page.contains("2023 – 2028"));

    let home = app.html("/").await;
    let tarija = home
        .split("<path ")
        .find(|p| p.contains("data-code=\"BO-T\""))
        .unwrap();
    assert!(tarija.contains("data-category=\"expired\""), "{tarija}");
    let figure = home.split("class=\"map-figure\"").nth(1).unwrap();
    let figure = &figure[..figure.find("</figure>").unwrap()];
    assert!(
        figure.contains("Vencido (deducción de Vigía)")
            && !figure.contains("Adoptado y vigente, solo informado"),
        "the map's legend shows no plan in force past its end"
    );
}
