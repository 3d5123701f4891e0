//! Every page goes through one handler, which hands the renderer what this request knows: who
//! is signed in (`Viewer`), what the last form post left for this page (`FormFlash`), an
//! admin's import preview, and the request's path, query and language (`RequestInfo`). Pages
//! read them from Leptos context (`app::context`); nothing else puts request data in their way.

use axum::extract::{Request, State};
use axum::response::Response;
use http::header::{HeaderValue, CACHE_CONTROL};
use leptos::prelude::provide_context;
use tower_sessions::Session;

use app::context::{ImportPreview, RequestInfo, Viewer};
use app::flash::FormFlash;
use vigia::DepartmentCode;

use super::flash::FORM_FLASH_KEY;
use super::state::AppState;
use crate::auth::{AuthSession, User};

/// What a page is rendered with, beyond the ports every page gets.
#[derive(Clone)]
struct Given {
    request: RequestInfo,
    viewer: Option<Viewer>,
    flash: Option<FormFlash>,
    preview: Option<ImportPreview>,
}

fn viewer_of(user: &User) -> Viewer {
    let actor = user.actor();
    Viewer {
        account_id: user.id,
        display_name: user.display_name.clone(),
        role: user.role,
        may_record: DepartmentCode::ALL
            .into_iter()
            .filter(|d| actor.may_record_claim(*d))
            .collect(),
        actor,
    }
}

/// What the request's session keeps for the page at `path`: the flash of the form that sent
/// the reader here (given once, then forgotten) and, on the import page, the preview.
async fn kept_for(session: &Session, path: &str) -> (Option<FormFlash>, Option<ImportPreview>) {
    let preview = if path == super::import::IMPORT_PAGE {
        session
            .get::<ImportPreview>(super::import::PREVIEW_KEY)
            .await
            .ok()
            .flatten()
    } else {
        None
    };
    let flash = match session.get::<FormFlash>(FORM_FLASH_KEY).await {
        Ok(Some(flash)) if flash.path == path => {
            let _ = session.remove::<FormFlash>(FORM_FLASH_KEY).await;
            Some(flash)
        }
        _ => None,
    };
    (flash, preview)
}

/// The request as pages see it, and whether it is a GET. Read before anything is awaited: a
/// request's body is not `Sync`, so no reference to it may be held across an await.
fn read(request: &Request) -> (RequestInfo, bool) {
    let info = RequestInfo {
        path: request.uri().path().to_owned(),
        query: request.uri().query().unwrap_or_default().to_owned(),
        lang: super::lang::request_lang(request.uri().query(), request.headers()),
    };
    (info, request.method() == http::Method::GET)
}

async fn given(auth_session: &AuthSession, (info, get): (RequestInfo, bool)) -> Given {
    let viewer = auth_session.user.as_ref().map(viewer_of);
    let (flash, preview) = if get {
        kept_for(&auth_session.session, &info.path).await
    } else {
        (None, None)
    };
    Given {
        request: info,
        viewer,
        flash,
        preview,
    }
}

/// The Leptos context of one page: the ports, and what this request gave it.
fn context(state: AppState, given: Given) -> impl Fn() + Clone + Send + Sync + 'static {
    move || {
        state.provide_ui_context();
        provide_context(given.request.clone());
        if let Some(viewer) = given.viewer.clone() {
            provide_context(viewer);
        }
        if let Some(flash) = given.flash.clone() {
            provide_context(flash);
        }
        if let Some(preview) = given.preview.clone() {
            provide_context(preview);
        }
    }
}

/// A page that names its reader must not be stored by shared caches.
fn private_if_signed_in(mut response: Response, signed_in: bool) -> Response {
    if signed_in {
        response
            .headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    }
    response
}

/// Renders the page the request's route names, whole, before it leaves the server (pages
/// work without JavaScript).
pub async fn render(
    State(state): State<AppState>,
    auth_session: AuthSession,
    request: Request,
) -> Response {
    let given = given(&auth_session, read(&request)).await;
    let signed_in = given.viewer.is_some();
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_async_with_context(context(state, given), move || {
        app::shell(options.clone())
    });
    private_if_signed_in(handler(request).await, signed_in)
}

/// What no route names: a static file from the site's folder, or the 404 page, rendered with
/// the same context as every other page.
pub async fn fallback(
    State(state): State<AppState>,
    auth_session: AuthSession,
    request: Request,
) -> Response {
    let given = given(&auth_session, read(&request)).await;
    let signed_in = given.viewer.is_some();
    let uri = request.uri().clone();
    let handler = leptos_axum::file_and_error_handler_with_context::<AppState, _>(
        context(state.clone(), given),
        app::shell,
    );
    private_if_signed_in(handler(uri, State(state), request).await, signed_in)
}
