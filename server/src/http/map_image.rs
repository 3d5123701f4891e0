//! `/map.svg` and `/map.png`: the compliance map as a standalone image (title, date, legend
//! and credit inside), for downloads and share previews. The PNG is rendered here with
//! resvg; both are cached per data version, date and language like the pages.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use http::header::CONTENT_TYPE;
use http::{HeaderMap, HeaderValue, StatusCode, Uri};
use resvg::{tiny_skia, usvg};
use serde::Deserialize;
use std::sync::{Arc, LazyLock};

use crate::api::error::{echo, ApiError};
use crate::http::state::AppState;
use app::map::standalone;
use vigia::ports::ComplianceReader;
use vigia::DepartmentCode;

/// The font the image's words are set in: DejaVu Sans from Debian's `fonts-dejavu-core`
/// (installed by `scripts/setup`), loaded by name so the image never depends on what else a
/// machine has.
const FONT_FILES: [&str; 2] = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
];

static FONTS: LazyLock<Arc<usvg::fontdb::Database>> = LazyLock::new(|| {
    let mut fonts = usvg::fontdb::Database::new();
    for file in FONT_FILES {
        match std::fs::read(file) {
            Ok(data) => fonts.load_font_data(data),
            Err(error) => {
                tracing::warn!(file, %error, "a font for the map images is missing: its text will not show (install fonts-dejavu-core)")
            }
        }
    }
    fonts.set_sans_serif_family("DejaVu Sans");
    Arc::new(fonts)
});

#[derive(Deserialize)]
pub struct MapQuery {
    /// The department to outline, if any.
    department: Option<String>,
    /// `YYYY-MM-DD`: the map as it stood that day.
    as_of: Option<String>,
}

/// The standalone SVG of the map the request asks for.
async fn svg_text(
    state: &AppState,
    uri: &Uri,
    headers: &HeaderMap,
    query: MapQuery,
) -> Result<String, ApiError> {
    let highlight = match query.department.as_deref().filter(|d| !d.is_empty()) {
        Some(code) => Some(
            DepartmentCode::parse(code)
                .map_err(|_| ApiError::BadRequest(format!("unknown department {}", echo(code))))?,
        ),
        None => None,
    };
    let as_of = crate::api::gaps::parse_filter::<chrono::NaiveDate>(
        "as_of (YYYY-MM-DD)",
        query.as_of.as_deref(),
    )?;
    let lang = crate::http::lang::request_lang(uri.query(), headers);
    let snapshot = state.store.snapshot().await?;
    let view = app::context::PublicView::build(snapshot, state.clock.today(), as_of);
    Ok(standalone::map_svg(
        &view,
        lang,
        highlight,
        &state.public_url,
    ))
}

pub async fn svg(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    Query(query): Query<MapQuery>,
) -> Result<Response, ApiError> {
    let text = svg_text(&state, &uri, &headers, query).await?;
    Ok((
        [(
            CONTENT_TYPE,
            HeaderValue::from_static("image/svg+xml; charset=utf-8"),
        )],
        text,
    )
        .into_response())
}

pub async fn png(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    Query(query): Query<MapQuery>,
) -> Result<Response, ApiError> {
    let text = svg_text(&state, &uri, &headers, query).await?;
    let rendered = tokio::task::spawn_blocking(move || render_png(&text))
        .await
        .map_err(|error| ApiError::Internal(error.into()))?;
    match rendered {
        Some(png) => {
            Ok(([(CONTENT_TYPE, HeaderValue::from_static("image/png"))], png).into_response())
        }
        None => Ok(StatusCode::INTERNAL_SERVER_ERROR.into_response()),
    }
}

/// The SVG drawn at its own size (1200×630) as a PNG.
pub fn render_png(svg: &str) -> Option<Vec<u8>> {
    let options = usvg::Options {
        fontdb: FONTS.clone(),
        font_family: "DejaVu Sans".to_owned(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options)
        .inspect_err(|error| tracing::error!(%error, "the map image is not valid SVG"))
        .ok()?;
    let mut pixmap = tiny_skia::Pixmap::new(standalone::WIDTH, standalone::HEIGHT)?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .inspect_err(|error| tracing::error!(%error, "the map image could not be encoded"))
        .ok()
}
