//! What the server hands the UI through Leptos context, once per request, from its one page
//! handler: the ports and the clock, who is signed in (`Viewer`), what the last form post
//! left for this page (`FormFlash`), an admin's import preview, and the request itself
//! (`RequestInfo`). Pages read them here; nothing else puts request data in their way.

use chrono::NaiveDate;
use std::sync::Arc;

use crate::memo::SnapshotMemo;

use vigia::gaps::Gap;
use vigia::ports::{ComplianceReader, PortError};
use vigia::{Clock, Snapshot};

/// The ports a page needs. Provided by the server for every request.
#[derive(Clone)]
pub struct Ports {
    pub reader: Arc<dyn ComplianceReader>,
    pub clock: Arc<dyn Clock>,
}

/// Site-wide settings the pages show (share previews, embed snippet).
#[derive(Clone, Debug)]
pub struct SiteInfo {
    pub public_url: String,
    /// The stylesheet's address, with its content hash when the site's files are hashed.
    pub stylesheet: String,
    /// The query parameters a page's route understands (as the page cache keys it), so its
    /// canonical address keeps those and no others; `None` for routes not cached.
    pub route_parameters: fn(&str) -> Option<&'static [&'static str]>,
}

/// The state a page shows: as of today, or as of a past date the reader asked for.
#[derive(Clone, Debug)]
pub struct PublicView {
    pub snapshot: Arc<Snapshot>,
    /// The day the view describes: today, or the past date asked for.
    pub today: NaiveDate,
    /// The past date shown, when one was asked for.
    pub as_of: Option<NaiveDate>,
    /// A date asked for that is today or later: today's state is shown instead.
    pub not_past: Option<NaiveDate>,
    pub gaps: Vec<Gap>,
}

impl PublicView {
    pub fn build(snapshot: Arc<Snapshot>, today: NaiveDate, asked: Option<NaiveDate>) -> Self {
        let as_of = asked.filter(|d| *d < today);
        let (snapshot, day) = match as_of {
            Some(date) => (Arc::new(snapshot.as_of(date)), date),
            None => (snapshot, today),
        };
        let gaps = match as_of {
            Some(_) => snapshot.gaps(day),
            None => todays_gaps(&snapshot, day),
        };
        Self {
            snapshot,
            today: day,
            as_of,
            not_past: asked.filter(|d| *d >= today),
            gaps,
        }
    }
}

/// The gaps of the versions today's views were last built on. Views of a past date build
/// their own (their snapshot is new each time, and their pages are cached).
static TODAYS_GAPS: SnapshotMemo<NaiveDate, Vec<Gap>> = SnapshotMemo::new(2);

fn todays_gaps(snapshot: &Arc<Snapshot>, today: NaiveDate) -> Vec<Gap> {
    TODAYS_GAPS.get(snapshot, today, || snapshot.gaps(today))
}

/// Loads the view through the read port.
pub async fn load_public_view(
    ports: Option<Ports>,
    as_of: Option<NaiveDate>,
) -> Result<PublicView, PortError> {
    let ports = ports.ok_or(PortError::Unavailable)?;
    let snapshot = ports.reader.snapshot().await?;
    Ok(PublicView::build(snapshot, ports.clock.today(), as_of))
}

/// Today in La Paz by the server's clock, even on a page showing a past date.
pub fn real_today() -> Option<NaiveDate> {
    leptos::prelude::use_context::<Ports>().map(|ports| ports.clock.today())
}

/// Sets the HTTP status of the page being rendered (404 for an unknown department, say).
pub fn set_http_status(code: u16) {
    respond(Some(code), &[]);
}

/// Marks the page being rendered as for its reader only (a follow link's page): no shared
/// cache may keep it, and no referrer carries its address elsewhere.
pub fn keep_private() {
    respond(
        None,
        &[
            ("cache-control", "private, no-store"),
            ("referrer-policy", "no-referrer"),
        ],
    );
}

/// Sends the reader to `path` (a redirect from the server) instead of this page.
pub fn redirect_to(path: &str) {
    // Not `leptos_axum::redirect`, which redirects only requests that accept HTML.
    respond(Some(302), &[("location", path)]);
}

/// Sets the status and headers of the answer being rendered (on the server; pages render
/// nowhere else).
fn respond(status: Option<u16>, headers: &[(&'static str, &str)]) {
    #[cfg(feature = "ssr")]
    if let Some(options) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        if let Some(status) = status.and_then(|code| http::StatusCode::from_u16(code).ok()) {
            options.set_status(status);
        }
        for (name, value) in headers {
            if let Ok(value) = http::HeaderValue::from_str(value) {
                options.insert_header(http::HeaderName::from_static(name), value);
            }
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = (status, headers);
}

/// The request a page is rendered for, as the server read it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RequestInfo {
    pub path: String,
    /// The query string, without its `?` (empty when none).
    pub query: String,
    /// `?lang=`, else the cookie, else Accept-Language.
    pub lang: crate::i18n::Lang,
}

/// The request being rendered (an empty one where there is none: the browser).
pub fn request_info() -> RequestInfo {
    leptos::prelude::use_context::<RequestInfo>().unwrap_or_default()
}

/// The signed-in person, as pages may show them (never their email or password).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Viewer {
    /// Their account, so pages can tell their own apart (an admin cannot disable it).
    pub account_id: i64,
    pub display_name: String,
    pub role: vigia::access::Role,
    /// Departments whose records this person may add claims to.
    pub may_record: Vec<vigia::DepartmentCode>,
    /// What the rules know of them, so pages offer only what the server would allow.
    pub actor: vigia::access::Actor,
}

/// The signed-in person of the current request.
pub fn current_viewer() -> Option<Viewer> {
    leptos::prelude::use_context::<Viewer>()
}

/// What a session keeps of a refused form, however much was sent: each field cut to a
/// length no valid field reaches, and a bounded number of fields and errors, so refused
/// posts cannot fill the session store.
pub fn bounded<T: serde::Serialize + serde::de::DeserializeOwned + Default>(value: &T) -> T {
    fn cut(value: serde_json::Value, budget: &mut usize) -> serde_json::Value {
        match value {
            // Short strings (choices, problem codes) are kept whole, so the form still reads.
            serde_json::Value::String(text) if text.len() <= 64 => serde_json::Value::String(text),
            serde_json::Value::String(text) => {
                let keep = text
                    .chars()
                    .take(FIELD_KEPT.min(*budget))
                    .collect::<String>();
                *budget = budget.saturating_sub(keep.chars().count());
                serde_json::Value::String(keep)
            }
            serde_json::Value::Array(items) => serde_json::Value::Array(
                items
                    .into_iter()
                    .take(ITEMS_KEPT)
                    .map(|v| cut(v, budget))
                    .collect(),
            ),
            serde_json::Value::Object(map) => serde_json::Value::Object(
                map.into_iter()
                    .take(ITEMS_KEPT)
                    .map(|(k, v)| (k, cut(v, budget)))
                    .collect(),
            ),
            other => other,
        }
    }
    let mut budget = FORM_KEPT;
    serde_json::to_value(value)
        .map(|v| cut(v, &mut budget))
        .and_then(serde_json::from_value)
        .unwrap_or_default()
}

/// Characters kept of one field of a refused form: far above every field's limit, so even a
/// note pasted twice over comes back whole, with its length and the limit.
const FIELD_KEPT: usize = 32 * 1024;
/// Characters kept of a whole refused form.
const FORM_KEPT: usize = 128 * 1024;
/// Fields, and errors, kept of a refused form.
const ITEMS_KEPT: usize = 64;

/// What only signed-in staff see, provided by the server; pages check rights first.
#[derive(Clone)]
pub struct OfficePorts {
    pub reader: Arc<dyn vigia::ports::OfficeReader>,
}

/// Where a suggestion stands, for the holder of its follow link.
#[derive(Clone)]
pub struct FollowPorts {
    pub tracker: Arc<dyn vigia::ports::SuggestionTracker>,
}

/// A bulk import's preview: every row with its problems, before anything is stored.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ImportPreview {
    pub filename: String,
    pub rows: Vec<PreviewRow>,
    /// A catalog key when the file as a whole could not be read or imported.
    pub problem: Option<String>,
    /// The line the problem is on, when it is on one.
    #[serde(default)]
    pub problem_line: Option<usize>,
    /// The encoding chosen for the file (`windows-1252`, or UTF-8 when empty).
    #[serde(default)]
    pub encoding: String,
    /// Set once confirmed: how many claims were appended.
    pub imported: Option<usize>,
    /// The instruments Vigía tracks, for saying what a `requirement` cell may hold.
    #[serde(default)]
    pub requirements: Vec<vigia::RequirementSlug>,
}

impl ImportPreview {
    pub fn ready(&self) -> bool {
        self.problem.is_none()
            && self.imported.is_none()
            && !self.rows.is_empty()
            && self.rows.iter().all(|r| r.errors.is_empty())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PreviewRow {
    /// The line in the file (the header is line 1).
    pub line: usize,
    /// The department's name (or the cell as written, when it names none).
    pub department: String,
    pub requirement: String,
    pub status: String,
    /// The claim's note, as it will be published.
    #[serde(default)]
    pub note: String,
    /// Who said it and where: author, title and link, as written.
    #[serde(default)]
    pub source: String,
    /// Every date of the row, by the column it came from, as written.
    #[serde(default)]
    pub dates: Vec<(String, String)>,
    pub errors: Vec<(String, vigia::new_claim::Problem)>,
}

/// The import preview kept for the admin's session, if any.
pub fn import_preview() -> Option<ImportPreview> {
    leptos::prelude::use_context::<ImportPreview>()
}

/// A link from an alert email (to confirm, manage or leave a subscription), as the server
/// checked it.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AlertLink {
    pub token: String,
    /// What the link opens; `None` when it is not a link we signed, has expired, or its
    /// subscription is gone.
    pub subscription: Option<vigia::subscriptions::Subscription>,
}

/// The alerts' reads (what an email's link opens, the admins' overview), provided by the
/// server.
#[derive(Clone)]
pub struct AlertPorts {
    pub reader: Arc<dyn vigia::ports::AlertReader>,
}

pub use vigia::subscriptions::{DeliveryRow, WebhookRow};

pub use vigia::subscriptions::AlertsOverview;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::tests::{claim, snapshot};
    use vigia::{DepartmentCode, Status};

    /// Today's gaps are remembered for one snapshot and one day, never handed to another.
    #[test]
    fn todays_gaps_follow_the_snapshot_and_the_day() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        let missing = Arc::new(snapshot(vec![claim(
            1,
            DepartmentCode::LaPaz,
            Status::Missing,
            "2026-01-10",
        )]));
        let in_force = Arc::new(snapshot(vec![claim(
            1,
            DepartmentCode::LaPaz,
            Status::InForce,
            "2026-01-10",
        )]));
        for day in [today, today.succ_opt().unwrap()] {
            for snapshot in [&missing, &in_force, &in_force, &missing] {
                let view = PublicView::build(snapshot.clone(), day, None);
                assert_eq!(view.gaps, snapshot.gaps(day));
            }
        }
        let later = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        assert_ne!(missing.gaps(today), in_force.gaps(today));
        assert_ne!(in_force.gaps(today), in_force.gaps(later));
        PublicView::build(in_force.clone(), today, None);
        let view = PublicView::build(in_force.clone(), later, None);
        assert_eq!(view.gaps, in_force.gaps(later));
    }
}
