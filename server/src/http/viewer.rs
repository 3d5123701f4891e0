//! Tells the pages who is signed in, without giving them the account record, and hands each
//! page what the last form post left for it (a confirmation or a refused form).

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::header::{HeaderValue, CACHE_CONTROL};
use tower_sessions::Session;

use app::context::Viewer;
use app::flash::FormFlash;
use vigia::DepartmentCode;

use crate::auth::AuthSession;

/// Where a form leaves what the next page should show.
pub const FORM_FLASH_KEY: &str = "form_flash";

pub async fn provide(mut request: Request, next: Next) -> Response {
    let user = request
        .extensions()
        .get::<AuthSession>()
        .and_then(|session| session.user.clone());
    let signed_in = user.is_some();
    if let Some(user) = user {
        let actor = user.actor();
        let may_record = DepartmentCode::ALL
            .into_iter()
            .filter(|d| actor.may_record_claim(*d))
            .collect();
        request.extensions_mut().insert(Viewer {
            account_id: user.id,
            display_name: user.display_name.clone(),
            role: user.role,
            may_record,
            actor,
        });
    }
    if request.method() == http::Method::GET {
        if let Some(session) = request.extensions().get::<Session>().cloned() {
            let path = request.uri().path().to_owned();
            if path == super::import::IMPORT_PAGE {
                if let Ok(Some(preview)) = session
                    .get::<app::context::ImportPreview>(super::import::PREVIEW_KEY)
                    .await
                {
                    request.extensions_mut().insert(preview);
                }
            }
            if let Ok(Some(flash)) = session.get::<FormFlash>(FORM_FLASH_KEY).await {
                if flash.path == path {
                    let _ = session.remove::<FormFlash>(FORM_FLASH_KEY).await;
                    request.extensions_mut().insert(flash);
                }
            }
        }
    }
    let mut response = next.run(request).await;
    if signed_in {
        // A page that names its reader must not be stored by shared caches.
        response
            .headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    }
    response
}
