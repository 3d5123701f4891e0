//! The HTTP surface: pages, API, language switch, health and metrics, and the layers around
//! them (caching with ETags, compression, request ids and logs).

mod account;
mod admin;
pub mod cache;
mod claims;
mod csrf;
mod form;
mod import;
mod lang;
pub mod metrics;
pub mod ops;
mod replies;
mod request_id;
mod security;
mod suggestions;
mod viewer;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::{middleware, Router};
use http::header::{HeaderName, HeaderValue};
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::auth::Backend;
use crate::state::AppState;

/// Sessions and authentication, built where the database is at hand.
pub type AuthLayer = axum_login::AuthManagerLayer<Backend, tower_sessions_sqlx_store::SqliteStore>;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");
/// The session cookie's name; its presence means someone may be signed in.
pub const SESSION_COOKIE: &str = "vigia_session";

/// Where a redirect may go when a request names it: a path on this site, never `//host`,
/// `https://…` or a backslash trick, so our redirects cannot send people elsewhere.
pub fn local_path(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') {
        next
    } else {
        "/"
    }
}

/// A refusal worded in both languages: it answers form posts, whose page language the
/// server does not track.
pub fn refusal(status: http::StatusCode, key: &str) -> axum::response::Response {
    use app::i18n::{t, Lang};
    use axum::response::IntoResponse;
    let text = format!("{}\n\n{}", t(Lang::Es, key), t(Lang::En, key));
    (status, text).into_response()
}

/// The answer to an action the person's role or scope does not allow.
pub fn forbidden() -> axum::response::Response {
    refusal(http::StatusCode::FORBIDDEN, "not-allowed")
}

pub fn router(state: AppState, auth: AuthLayer) -> Router {
    let routes = generate_route_list(app::App);
    let pkg_dir = std::path::Path::new(&*state.leptos_options.site_root).join("pkg");
    let ui_state = state.clone();
    let fallback_state = state.clone();
    let pages = Router::new()
        .leptos_routes_with_context(&state, routes, move || ui_state.provide_ui_context(), {
            let options = state.leptos_options.clone();
            move || app::shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(
            move || fallback_state.provide_ui_context(), app::shell
        ));
    let routes = Router::new()
        .merge(crate::api::router())
        .route("/lang/{code}", get(lang::switch))
        .route("/signin", post(account::sign_in))
        .route("/signout", post(account::sign_out))
        .route("/account/set-password", post(account::set_password))
        .route(
            "/departments/{code}/{requirement}/claims",
            post(claims::record).layer(DefaultBodyLimit::max(form::UPLOAD_BODY_LIMIT)),
        )
        .route(
            "/departments/{code}/{requirement}/gaps/{kind}/replies",
            post(replies::post_reply).layer(DefaultBodyLimit::max(form::UPLOAD_BODY_LIMIT)),
        )
        .route("/replies/{id}/review", post(replies::review))
        .route(
            "/departments/{code}/suggestions",
            post(suggestions::suggest),
        )
        .route("/moderation/{id}", post(suggestions::decide))
        .route("/admin/import", post(import::preview))
        .route("/admin/import/confirm", post(import::confirm))
        .route("/admin/users", post(admin::invite))
        .route("/admin/users/{id}/access", post(admin::set_access))
        .route("/admin/users/{id}/scope", post(admin::set_scope))
        .route("/documents/{id}", get(crate::documents::download))
        .route("/documents/{id}/withhold", post(crate::documents::withhold))
        .route("/metrics", get(ops::metrics))
        .nest_service("/pkg", ServeDir::new(pkg_dir))
        .merge(pages)
        .with_state(state.clone());
    // The layers wrap the whole router rather than each route, so a cached answer is sent
    // without routing or cloning any handler (it roughly doubles throughput on `/`).
    let service = ServiceBuilder::new()
        .layer(SetRequestIdLayer::new(REQUEST_ID, request_id::CountingRequestId::default()))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &http::Request<axum::body::Body>| {
                    let id = request.headers().get(REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
                    tracing::info_span!("request", id = %id, method = %request.method(), path = %request.uri().path())
                })
                .on_request(())
                .on_response(DefaultOnResponse::new().level(Level::INFO).latency_unit(tower_http::LatencyUnit::Micros)),
        )
        .layer(SetResponseHeaderLayer::if_not_present(
            http::header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            http::header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(tower::util::option_layer(state.settings.secure_cookies.then(|| {
            SetResponseHeaderLayer::if_not_present(
                http::header::STRICT_TRANSPORT_SECURITY,
                HeaderValue::from_static("max-age=31536000; includeSubDomains"),
            )
        })))
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(state.clone(), metrics::record))
        .layer(middleware::from_fn_with_state(state, cache::cached_with_etag))
        .layer(middleware::from_fn(csrf::guard))
        .layer(auth)
        .layer(middleware::from_fn(viewer::provide))
        .service(routes);
    Router::new().fallback_service(service)
}
