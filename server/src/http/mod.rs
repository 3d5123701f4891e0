//! The HTTP surface: pages, API, language switch, health and metrics, and the layers around
//! them (error pages, caching with ETags, compression, request ids and logs).

mod account;
mod admin;
pub mod alerts;
pub mod assets;
pub mod cache;
mod claims;
pub mod client;
pub mod connections;
mod csrf;
mod documents;
mod downloads;
pub mod encoding;
pub mod error;
pub mod flash;
pub mod form;
mod hits;
mod import;
mod kept;
pub mod lang;
mod lang_links;
pub mod limits;
pub mod map_image;
pub mod metrics;
pub mod ops;
mod pages;
mod password_change;
mod password_reset;
mod places;
mod replies;
mod request_id;
mod security;
pub mod state;
mod suggestions;

use axum::extract::DefaultBodyLimit;
use axum::extract::FromRef;
use axum::routing::{get, post};
use axum::{middleware, Router};
use http::header::HeaderName;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower::ServiceBuilder;
use tower_http::compression::predicate::NotForContentType;
use tower_http::compression::{CompressionLayer, DefaultPredicate, Predicate};
use tower_http::request_id::PropagateRequestIdLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::auth::Backend;
use crate::http::state::AppState;

/// Answers the cache coded itself are not compressed again.
type CompressionPredicate =
    fn(http::StatusCode, http::Version, &http::HeaderMap, &http::Extensions) -> bool;

/// Sessions and authentication, built where the database is at hand.
pub type AuthLayer = axum_login::AuthManagerLayer<Backend, crate::auth::sessions::Sessions>;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");
/// The session cookie's name; its presence means someone may be signed in.
pub const SESSION_COOKIE: &str = "vigia_session";

/// Where a redirect may go when a request names it: a path on this site. Browsers drop tabs
/// and line breaks from addresses, so they are dropped before checking; what remains must be
/// printable ASCII starting with one `/` and no authority (`//host`, `/\host`), else `/`.
pub fn local_path(next: &str) -> String {
    let cleaned: String = next
        .chars()
        .filter(|c| !matches!(c, '\t' | '\r' | '\n'))
        .collect();
    let printable = cleaned.chars().all(|c| c.is_ascii_graphic());
    let local = cleaned.starts_with('/')
        && !cleaned.starts_with("//")
        && !cleaned.starts_with("/\\")
        && !cleaned.contains('\\');
    if printable && local {
        cleaned
    } else {
        "/".to_owned()
    }
}

/// The form posts, each with the body limit its form needs and the cross-site guard.
fn forms(state: AppState) -> Router<AppState> {
    let text = Router::new()
        .route("/signin", post(account::sign_in))
        .route("/signout", post(account::sign_out))
        .route("/account/set-password", post(account::set_password))
        .route("/account/forgot", post(password_reset::forgot))
        .route(
            password_change::CHANGE_PASSWORD,
            post(password_change::change_password),
        )
        .route("/replies/{id}/review", post(replies::review))
        .route(
            "/departments/{code}/suggestions",
            post(suggestions::suggest),
        )
        .route("/moderation/{id}", post(suggestions::decide))
        .route("/admin/import/confirm", post(import::confirm))
        .route("/admin/users", post(admin::invite))
        .route("/admin/users/{id}/access", post(admin::set_access))
        .route("/admin/users/{id}/scope", post(admin::set_scope))
        .route("/hide/{kind}/{id}", post(admin::hide))
        .route("/documents/{id}/withhold", post(documents::withhold))
        .route("/alerts", post(alerts::subscribe))
        .route("/alerts/confirm", post(alerts::confirm))
        .route("/alerts/manage", post(alerts::manage))
        .route("/alerts/apply", post(alerts::apply))
        .route("/admin/alerts/deliveries/{id}/retry", post(alerts::retry))
        .route("/admin/alerts/webhooks/{id}/resume", post(alerts::resume))
        .route_layer(middleware::from_fn(limits::text_form))
        .layer(DefaultBodyLimit::max(limits::TEXT_FORM));
    let uploads = Router::new()
        .route(
            "/departments/{code}/{requirement}/claims",
            post(claims::record),
        )
        .route(
            "/departments/{code}/{requirement}/gaps/{kind}/replies",
            post(replies::post_reply),
        )
        .route("/admin/import", post(import::preview))
        .route_layer(middleware::from_fn(limits::upload_form))
        .layer(DefaultBodyLimit::max(limits::UPLOAD_FORM));
    // Layered per route (not around the router), so a method a route does not have answers
    // 405 with `Allow` before any guard runs.
    let guarded = text
        .merge(uploads)
        .route_layer(middleware::from_fn_with_state(state, csrf::guard));
    // Mail providers post one-click unsubscribes with no cookie and no Origin (RFC 8058):
    // the signed token in the address is the only credential, so no cross-site guard.
    let one_click = Router::new()
        .route(alerts::UNSUBSCRIBE_PATH, post(alerts::unsubscribe))
        .route_layer(middleware::from_fn(limits::text_form))
        .layer(DefaultBodyLimit::max(limits::TEXT_FORM));
    guarded.merge(one_click)
}

/// Every route, behind the layers. Not an axum `Router`: one around the layers would match
/// each request against its routes before a cache hit is answered.
pub fn router(
    state: AppState,
    auth: AuthLayer,
) -> impl tower::Service<
    axum::extract::Request,
    Response = axum::response::Response,
    Error = std::convert::Infallible,
    Future: Send + 'static,
> + Clone
       + Send
       + Sync
       + 'static {
    let routes = generate_route_list(app::App);
    let pkg_dir = std::path::Path::new(&*state.leptos_options.site_root).join("pkg");
    let pages = Router::new()
        .leptos_routes_with_handler(routes, pages::render)
        .fallback(pages::fallback);
    let data = crate::open_data::DataState::new(
        crate::present::Reading::from_ref(&state),
        state.settings.data_dir.clone(),
    );
    let routes = Router::new()
        .merge(crate::api::router().with_state(crate::present::Reading::from_ref(&state)))
        .merge(crate::open_data::descriptor(&data))
        .merge(
            crate::open_data::files(&data).route_layer(middleware::from_fn_with_state(
                downloads::Downloads::from_settings(
                    &state.settings,
                    state.metrics.refusals(metrics::Refusal::DataDownloads),
                ),
                downloads::hold_a_place,
            )),
        )
        .merge(forms(state.clone()))
        .route("/lang/{code}", get(lang::switch))
        .route("/documents/{id}", get(documents::download))
        .route("/map.svg", get(map_image::svg))
        .route("/map.png", get(map_image::png))
        .route("/feeds/events.atom", get(crate::feeds::events_atom))
        .route("/feeds/deadlines.ics", get(crate::feeds::deadlines_ics))
        .route("/metrics", get(ops::metrics))
        .nest_service("/pkg", assets::pkg_files(&pkg_dir))
        .merge(pages)
        .layer(middleware::from_fn(assets::cache_control))
        .with_state(state.clone());
    // The layers wrap the whole router rather than each route, so a cached answer is sent
    // without routing or cloning any handler (it roughly doubles throughput on `/`).
    let ids = request_id::CountingRequestId::default();
    ServiceBuilder::new()
        .layer(hits::ServeHitsLayer::new(state.clone(), ids.clone()))
        .layer(middleware::from_fn_with_state(ids, request_id::name_request))
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
            security::NOSNIFF,
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            http::header::REFERRER_POLICY,
            security::REFERRER_POLICY,
        ))
        .layer(tower::util::option_layer(state.settings.secure_cookies.then(|| {
            SetResponseHeaderLayer::if_not_present(
                http::header::STRICT_TRANSPORT_SECURITY,
                security::HSTS,
            )
        })))
        // What the cache has not coded (downloads, exports, signed-in pages) is compressed as
        // it streams, in zstd when the browser accepts it (ties go to zstd): at 20,000 claims
        // the claims file took 0.53 s in brotli and 0.09 s in zstd, 5 % larger.
        .layer(
            CompressionLayer::new().compress_when(
                DefaultPredicate::new()
                    .and(cache::not_coded_by_cache as CompressionPredicate)
                    // PDFs are compressed inside already, and a compressed answer loses its
                    // byte ranges: a download cut off on a rural link could not resume.
                    .and(NotForContentType::const_new("application/pdf"))
                    // A workbook is a zip file: compressing it again saved 3 % for 0.1 s.
                    .and(NotForContentType::const_new("application/vnd.openxmlformats")),
            ),
        )
        .layer(middleware::from_fn_with_state(state.clone(), metrics::record))
        .layer(middleware::from_fn_with_state(state.clone(), cache::cached_with_etag))
        .layer(middleware::from_fn(lang_links::keep_lang))
        .layer(middleware::from_fn_with_state(state.clone(), error::error_pages))
        .layer(auth)
        .layer(middleware::from_fn(lang::provide))
        .service(routes)
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_local_paths_pass() {
        for (next, expected) in [
            ("/gaps?kind=missing", "/gaps?kind=missing"),
            ("/departments/BO-L#history", "/departments/BO-L#history"),
            ("//evil.example", "/"),
            ("https://evil.example", "/"),
            ("/\\evil.example", "/"),
            ("/\t/evil.example/x", "/"),
            ("/\r\n/evil.example", "/"),
            ("/%09/evil.example", "/%09/evil.example"),
            ("/ñ", "/"),
            ("", "/"),
            ("/a\u{0}b", "/"),
        ] {
            assert_eq!(local_path(next), expected, "{next:?}");
        }
    }
}
