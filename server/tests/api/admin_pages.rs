//! The admin's pages: departments by name, each account change confirmed, a confirmation
//! step before disabling, and no way to disable one's own account.

use crate::helpers::TestApp;

#[tokio::test]
async fn account_changes_are_confirmed_and_departments_named() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("a@example.org", "admin", &[]).await;
    let page = app.html_as(&admin, "/admin/users").await;
    assert!(page.contains(">Pando</label>"), "departments by name");
    assert!(!page.contains(">BO-N</label>"));

    let invite = [
        ("email", "new@example.org"),
        ("display_name", "Nueva Oficial"),
        ("role", "officer"),
        ("department", "BO-N"),
    ];
    let invited = app.post_form(&admin, "/admin/users", &invite).await;
    let (_, page) = app.next_page(&admin, invited).await;
    assert!(page.contains("Cuenta de Nueva Oficial creada."));
    assert!(page.contains("/account/set-password?token="));

    let id = app.user_id("new@example.org").await;
    let rescoped = app
        .post_form(
            &admin,
            &format!("/admin/users/{id}/scope"),
            &[("department", "BO-N"), ("department", "BO-L")],
        )
        .await;
    let (to, page) = app.next_page(&admin, rescoped).await;
    assert_eq!(to, format!("/admin/users#user-{id}"));
    assert!(page.contains("Departamentos de Nueva Oficial: La Paz, Pando."));

    let access = format!("/admin/users/{id}/access");
    let enabled = app
        .post_form(&admin, &access, &[("action", "enable")])
        .await;
    let (_, page) = app.next_page(&admin, enabled).await;
    assert!(page.contains("La cuenta de Nueva Oficial ya estaba así"));
}

#[tokio::test]
async fn disabling_asks_for_confirmation_first() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("a@example.org", "admin", &[]).await;
    let officer = app.signed_in("o@example.org", "officer", &["BO-N"]).await;
    let id = app.user_id("o@example.org").await;
    let access = format!("/admin/users/{id}/access");
    let list = app.html_as(&admin, "/admin/users").await;
    assert!(list.contains(&format!("href=\"/admin/users/{id}/disable\"")));

    let unconfirmed = app
        .post_form(
            &admin,
            &access,
            &[("action", "disable"), ("reason", "Left")],
        )
        .await;
    let (to, page) = app.next_page(&admin, unconfirmed).await;
    assert_eq!(to, format!("/admin/users/{id}/disable"));
    assert!(page.contains("Sí, desactivar la cuenta de Test officer"));
    assert!(page.contains("todas sus sesiones terminan en el acto"));
    assert!(page.contains("Pando"), "what they act for, by name");
    assert!(
        app.html_as(&officer, "/dashboard")
            .await
            .contains("Test officer"),
        "nothing happened yet"
    );

    let confirmed = app
        .post_form(
            &admin,
            &access,
            &[
                ("action", "disable"),
                ("confirm", "yes"),
                ("reason", "Left"),
            ],
        )
        .await;
    let (_, page) = app.next_page(&admin, confirmed).await;
    assert!(page.contains("Cuenta de Test officer desactivada; todas sus sesiones se cerraron."));
    let gone = officer.get(app.url("/dashboard")).send().await.unwrap();
    assert_eq!(gone.status(), 302, "their session ended");

    let enabled = app
        .post_form(&admin, &access, &[("action", "enable")])
        .await;
    let (_, page) = app.next_page(&admin, enabled).await;
    assert!(page.contains("Cuenta de Test officer reactivada."));
}

#[tokio::test]
async fn an_admin_cannot_disable_their_own_account() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in("a@example.org", "admin", &[]).await;
    let own = app.user_id("a@example.org").await;
    let list = app.html_as(&admin, "/admin/users").await;
    assert!(
        !list.contains(&format!("/admin/users/{own}/disable")),
        "not offered"
    );
    assert!(list.contains("No puede desactivar su propia cuenta."));
    let page = app
        .html_as(&admin, &format!("/admin/users/{own}/disable"))
        .await;
    assert!(
        !page.contains("Sí, desactivar"),
        "no confirmation for oneself"
    );

    let attempt = app
        .post_form(
            &admin,
            &format!("/admin/users/{own}/access"),
            &[("action", "disable"), ("confirm", "yes")],
        )
        .await;
    let (_, page) = app.next_page(&admin, attempt).await;
    assert!(page.contains("No puede desactivar su propia cuenta."));
    let history = app.json("/api/v1/history").await;
    assert!(
        !history.to_string().contains("user-disabled"),
        "nothing was written"
    );
    assert!(
        app.html_as(&admin, "/admin/users")
            .await
            .contains("Cuentas"),
        "still an admin"
    );
}
