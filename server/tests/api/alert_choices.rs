//! A subscription is exactly what its person chose: "all departments" and some departments
//! together are refused, not read as either; new choices for an address that receives alerts
//! already change nothing until its owner applies them from the email, which shows them.

use crate::alert_requests::driven;
use crate::alerts_email::{email_form, subscribed};
use crate::helpers::TestApp;
use crate::receivers::SmtpSink;

/// The departments a subscription follows (`*` for all), by its address.
async fn followed(app: &TestApp, address: &str) -> Vec<String> {
    let pool = app.database().await;
    let (id, all): (i64, i64) = sqlx::query_as(
        "SELECT id, CAST(all_departments AS INTEGER) FROM subscriptions WHERE address = $1",
    )
    .bind(address)
    .fetch_one(&pool)
    .await
    .unwrap();
    if all == 1 {
        return vec!["*".into()];
    }
    sqlx::query_as::<_, (String,)>(
        "SELECT department FROM subscription_departments WHERE subscription_id = $1 ORDER BY 1",
    )
    .bind(id)
    .fetch_all(&pool)
    .await
    .unwrap()
    .into_iter()
    .map(|(d,)| d)
    .collect()
}

/// The form with `scope` and these departments in place of the one `email_form` ticks.
fn scoped<'a>(
    address: &'a str,
    scope: &'a str,
    departments: &[&'a str],
) -> Vec<(&'a str, &'a str)> {
    let mut form = email_form(address, "", "each");
    form.retain(|(name, _)| *name != "departments");
    form.push(("scope", scope));
    form.extend(departments.iter().map(|d| ("departments", *d)));
    form
}

#[tokio::test]
async fn all_departments_and_some_departments_together_are_refused_not_widened() {
    let sink = SmtpSink::start().await;
    let app = driven(&sink).await;
    let browser = app.browser();
    let answer = app
        .post_form(
            &browser,
            "/alerts",
            &scoped("ana@example.org", "all", &["BO-C"]),
        )
        .await;
    let (_, page) = app.next_page(&browser, answer).await;
    assert!(
        page.contains("y también algunos departamentos"),
        "said beside the field"
    );
    assert!(
        page.contains("value=\"BO-C\" checked"),
        "what was ticked comes back as it was"
    );
    let answer = app
        .post_form(
            &browser,
            "/alerts",
            &scoped("ana@example.org", "chosen", &[]),
        )
        .await;
    let (_, page) = app.next_page(&browser, answer).await;
    assert!(!page.contains("Revise su correo"));
    app.dispatch_all_pending().await;
    assert!(
        sink.to("ana@example.org").is_empty(),
        "nothing was asked for"
    );

    let answer = app
        .post_form(
            &browser,
            "/alerts",
            &scoped("ana@example.org", "chosen", &["BO-C"]),
        )
        .await;
    let (_, page) = app.next_page(&browser, answer).await;
    assert!(
        page.contains("Revise su correo"),
        "the panel replaces the form"
    );
    assert!(
        page.contains("ana@example.org"),
        "it says where the link went"
    );
    assert!(
        !page.contains("name=\"address\" type"),
        "no empty form under it"
    );
    app.dispatch_all_pending().await;
    assert_eq!(followed(&app, "ana@example.org").await, ["BO-C"]);
    let confirmation = sink.wait_for("ana@example.org", 1).await.remove(0);
    assert!(
        confirmation.text().contains("Departments: Cochabamba"),
        "the email lists the choices: {}",
        confirmation.text()
    );
    let link = confirmation
        .link("http://vigia.test/alerts/confirm?token=")
        .unwrap();
    let page = app.html(&link.replace("http://vigia.test", "")).await;
    assert!(page.contains("recibirá exactamente esto"));
    assert!(
        page.contains("<dd>Cochabamba</dd>"),
        "the page lists them too"
    );
}

#[tokio::test]
async fn new_choices_for_a_subscribed_address_apply_only_from_the_email() {
    let sink = SmtpSink::start().await;
    let app = driven(&sink).await;
    let address = "red@example.org";
    subscribed(&app, &sink, address, "BO-N", "each").await;

    let mut again = scoped(address, "chosen", &["BO-L"]);
    again.push(("if_subscribed", "add"));
    let browser = app.browser();
    let answer = app.post_form(&browser, "/alerts", &again).await;
    let (_, page) = app.next_page(&browser, answer).await;
    assert!(
        page.contains("Revise su correo"),
        "the same answer as for anyone"
    );
    app.dispatch_all_pending().await;
    assert_eq!(
        followed(&app, address).await,
        ["BO-N"],
        "nothing changed yet"
    );

    let mail = sink.wait_for(address, 2).await.remove(1);
    let text = mail.text();
    assert!(text.contains("nothing was changed"), "{text}");
    assert!(
        !text.contains("will be deleted"),
        "a confirmed address is not deleted"
    );
    let now = text.find("What you receive now").unwrap();
    let asked = text.find("What was asked").unwrap();
    let after = text.find("is added to what you receive").unwrap();
    assert!(text[now..asked].contains("Departments: Pando"));
    assert!(text[asked..after].contains("Departments: La Paz"));
    assert!(text[after..].contains("Departments: La Paz, Pando"));
    let link = mail.link("http://vigia.test/alerts/apply?token=").unwrap();
    let path = link.replace("http://vigia.test", "");
    let page = app.html(&path).await;
    assert!(
        page.contains("<dd>La Paz, Pando</dd>"),
        "the page shows the result"
    );
    assert_eq!(
        followed(&app, address).await,
        ["BO-N"],
        "opening changes nothing"
    );

    let token = link.split("token=").nth(1).unwrap();
    let applied = app
        .post_form(&browser, "/alerts/apply", &[("token", token)])
        .await;
    assert_eq!(applied.status(), 303);
    assert_eq!(followed(&app, address).await, ["BO-L", "BO-N"]);
    let (location, page) = app.next_page(&browser, applied).await;
    assert!(location.starts_with("/alerts/manage?token="));
    assert!(page.contains("Se aplicaron los cambios"));
    let twice = app
        .post_form(&browser, "/alerts/apply", &[("token", token)])
        .await;
    let (_, page) = app.next_page(&browser, twice).await;
    assert!(page.contains("ya se aplicaron"));

    // Replacing, asked for and applied, leaves only what was asked.
    let mut replace = scoped(address, "chosen", &["BO-T"]);
    replace.push(("if_subscribed", "replace"));
    app.post_form(&app.browser(), "/alerts", &replace).await;
    app.dispatch_all_pending().await;
    let mail = sink.wait_for(address, 3).await.remove(2);
    assert!(mail.text().contains("replaces what you receive"));
    let link = mail.link("http://vigia.test/alerts/apply?token=").unwrap();
    let token = link.split("token=").nth(1).unwrap();
    app.post_form(&browser, "/alerts/apply", &[("token", token)])
        .await;
    assert_eq!(followed(&app, address).await, ["BO-T"]);
    // Posting the address again and again keeps one waiting change, not one per post.
    for _ in 0..3 {
        app.post_form(&app.browser(), "/alerts", &again).await;
        app.dispatch_all_pending().await;
    }
    let pool = app.database().await;
    let (waiting,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM subscription_changes WHERE applied_at IS NULL")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(waiting, 1, "a newer request replaces the one not applied");
}
