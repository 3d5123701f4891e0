//! A view of a past day shows only what was knowable that day: no source published later, no
//! figure or census count from one, and no sentence dated after it, on `/`, every department
//! page, `/gaps` and the API.

use chrono::{Datelike, NaiveDate};
use vigia::{DepartmentCode, Snapshot};

const DAYS: [&str; 2] = ["2019-12-31", "2022-12-31"];

/// The links of sources published after `day` (and of no source published by then).
fn later_links(snapshot: &Snapshot, day: NaiveDate) -> Vec<String> {
    let sources = crate::helpers::cited_sources(snapshot);
    let known = |url: &str| {
        sources
            .iter()
            .any(|s| s.url == url && s.published.last_day() <= day)
    };
    let mut links: Vec<String> = sources
        .iter()
        .filter(|s| !known(&s.url))
        .map(|s| format!("href=\"{}\"", s.url.replace('&', "&amp;")))
        .collect();
    links.sort();
    links.dedup();
    links
}

/// The text a reader sees in the page's main part, without tags, leaving out two things dated
/// by today on purpose: the as-of form's input hint (an example date) and "how to cite this
/// page", whose access date is the day the reader reads it.
fn main_text(html: &str) -> String {
    let start = html.find("<main").expect("a main element");
    let end = html.rfind("</main>").expect("main ends");
    let mut main = html[start..end].to_owned();
    if let Some(a) = main.find("id=\"as-of-hint\"") {
        let b = a + main[a..].find("</span>").expect("the hint ends");
        main.replace_range(a..b, ">");
    }
    if let Some(a) = main.find("<section id=\"cite\"") {
        let b = a + main[a..].find("</section>").expect("the section ends");
        main.replace_range(a..b, "");
    }
    crate::helpers::words(&main)
}

/// Years named in `text` after `year` (four digits standing alone, 2000–2099), each with
/// the words around it.
fn later_years(text: &str, year: i32) -> Vec<String> {
    let bytes = text.as_bytes();
    let digit = |j: usize| bytes.get(j).is_some_and(|b| b.is_ascii_digit());
    let mut found = Vec::new();
    for i in 0..bytes.len().saturating_sub(3) {
        let word = &bytes[i..i + 4];
        // A year right after "2018-" ends a period a source names ("Plan 2018-2021"), not
        // the date of a publication or an event.
        let ends_range = i >= 5 && bytes[i - 1] == b'-' && digit(i - 2);
        let alone = (i == 0 || !digit(i - 1)) && !digit(i + 4) && !ends_range;
        let named = std::str::from_utf8(word)
            .ok()
            .filter(|w| w.starts_with("20") && w.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|w| w.parse::<i32>().ok());
        if alone && named.is_some_and(|y| y > year) {
            let around =
                String::from_utf8_lossy(&bytes[i.saturating_sub(80)..(i + 40).min(bytes.len())]);
            found.push(around.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    found
}

/// The census count as a Spanish page writes it (3.022.566).
fn spanish_number(n: u32) -> String {
    app::format::number(app::i18n::Lang::Es, n)
}

/// `pages` and each department's page under `departments`, as of `day`.
fn views_of(day: &str, pages: &[&str], departments: &str) -> Vec<String> {
    let each = DepartmentCode::ALL
        .iter()
        .map(|code| format!("{departments}/{code}"));
    pages
        .iter()
        .map(|p| p.to_string())
        .chain(each)
        .map(|path| format!("{path}?as_of={day}"))
        .collect()
}

fn check_page(path: &str, html: &str, snapshot: &Snapshot, day: NaiveDate) {
    for link in later_links(snapshot, day) {
        assert!(!html.contains(&link), "{path} cites a later source: {link}");
    }
    let later = later_years(&main_text(html), day.year());
    assert!(later.is_empty(), "{path} names later years: {later:#?}");
    for department in &snapshot.departments {
        let census = department.census.as_ref().expect("seeded census");
        if !census.knowable_on(day) {
            let count = spanish_number(census.population);
            assert!(
                !html.contains(&count),
                "{path} shows the {} census",
                census.year
            );
        }
    }
}

#[tokio::test]
async fn past_views_show_nothing_published_after_their_day() {
    let (app, snapshot) = crate::helpers::seeded().await;
    // Today's pages do show what the past views must not, so the checks can fail.
    let today = app.html("/departments/BO-L").await;
    let census = snapshot.departments[0].census.as_ref().unwrap();
    assert!(today.contains(&spanish_number(census.population)));
    let home = app.html("/").await;
    assert!(!later_years(&main_text(&home), 2019).is_empty());
    assert!(later_links(&snapshot, "2019-12-31".parse().unwrap())
        .iter()
        .any(|link| home.contains(link)));

    for day in DAYS {
        let date: NaiveDate = day.parse().unwrap();
        for path in &views_of(day, &["/", "/gaps"], "/departments") {
            check_page(path, &app.html(path).await, &snapshot, date);
        }
    }
}

#[tokio::test]
async fn the_api_of_a_past_day_shows_nothing_published_after_it() {
    let (app, snapshot) = crate::helpers::seeded().await;
    for day in DAYS {
        let date: NaiveDate = day.parse().unwrap();
        let pages = ["/api/v1/departments", "/api/v1/gaps"];
        for path in &views_of(day, &pages, "/api/v1/departments") {
            let body = app.json(path).await.to_string();
            for link in later_links(&snapshot, date) {
                let url = link.trim_start_matches("href=").replace("&amp;", "&");
                assert!(!body.contains(&url), "{path} cites a later source: {url}");
            }
            let later = later_years(&body, date.year());
            assert!(later.is_empty(), "{path} names later years: {later:#?}");
        }
        let departments = app.json(&format!("/api/v1/departments?as_of={day}")).await;
        for department in departments.as_array().unwrap() {
            assert!(department["population"].is_null(), "{day}: {department}");
        }
    }
}

#[tokio::test]
async fn a_day_is_read_as_dd_mm_aaaa_and_a_date_that_cannot_be_read_is_said_not_ignored() {
    let app = crate::helpers::TestApp::spawn().await;
    let bolivian = app.get("/?as_of=31/12/2019").await;
    assert_eq!(bolivian.status(), 200);
    let page = bolivian.text().await.unwrap();
    assert!(
        page.contains("31 de diciembre de 2019"),
        "the day asked for"
    );
    for typed in ["2019-13-45", "12/31/2019", "ayer"] {
        let refused = app.get(&format!("/?as_of={typed}")).await;
        assert_eq!(refused.status(), 400, "{typed}");
        let page = refused.text().await.unwrap();
        assert!(
            page.contains(&format!("«{typed}» no es una fecha que podamos leer")),
            "{typed} is said beside the field"
        );
        assert!(page.contains(&format!("value=\"{typed}\"")), "{typed} kept");
    }
}
