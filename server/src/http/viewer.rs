//! Tells the pages who is signed in, without giving them the account record.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::header::{HeaderValue, CACHE_CONTROL};

use crate::auth::AuthSession;

pub async fn provide(mut request: Request, next: Next) -> Response {
    let user = request
        .extensions()
        .get::<AuthSession>()
        .and_then(|session| session.user.clone());
    let signed_in = user.is_some();
    if let Some(user) = user {
        request.extensions_mut().insert(app::context::Viewer {
            display_name: user.display_name.clone(),
            role: user.role,
        });
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
