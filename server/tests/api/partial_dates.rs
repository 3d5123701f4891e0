//! A claim dated only to a year is drawn and worded as that year, never as a day of it: La
//! Paz's and Pando's plans, which InSight Crime said in 2020 they lacked.

use crate::helpers::TestApp;

#[tokio::test]
async fn a_claim_dated_2020_reads_as_the_year_2020_on_strips_and_the_timeline() {
    let app = TestApp::spawn().await;
    for (path, year_words) in [
        ("/departments/BO-L", "desde 2020, sin día preciso: sin plan"),
        (
            "/departments/BO-N?lang=en",
            "from 2020, no exact day: no plan",
        ),
        ("/", "2020, sin día preciso"),
    ] {
        let html = app.html(path).await;
        assert!(html.contains(year_words), "{path}: {year_words}");
        // The as-of rule shows the claim from the year's end; no page says that day.
        for day in ["31 de diciembre de 2020", "31 December 2020"] {
            assert!(!html.contains(day), "{path} invents {day}");
        }
        assert!(
            html.contains("class=\"uncertain\""),
            "{path} marks the year uncertain"
        );
    }
    // The timeline's row still opens the first day a view of the past shows it.
    let home = app.html("/").await;
    assert!(home.contains("href=\"/?as_of=2020-12-31\""));
}

#[tokio::test]
async fn each_status_strip_has_an_axis_of_years_in_order() {
    let app = TestApp::spawn().await;
    let html = app.html("/departments/BO-T").await;
    let axes: Vec<&str> = html
        .split("class=\"strip-axis\"")
        .skip(1)
        .map(|rest| &rest[..rest.find("</svg>").unwrap()])
        .collect();
    assert!(
        (1..=2).contains(&axes.len()),
        "one axis under each requirement's strip"
    );
    let plan: Vec<i32> = axes[0]
        .split("\">")
        .skip(1)
        .filter_map(|rest| rest.split('<').next()?.parse().ok())
        .collect();
    // Tarija's plan: from the first source (2018) to today, at most six labels, in order.
    assert!((1..=6).contains(&plan.len()), "{plan:?}");
    assert!(plan.windows(2).all(|w| w[0] < w[1]), "{plan:?}");
    assert!(plan[0] <= 2020, "{plan:?}");
}
