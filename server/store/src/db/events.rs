//! Alert events and the gaps recorded as open.

use chrono::{DateTime, NaiveDate, Utc};

use vigia::events::{Event, EventDraft, EventKind, OpenGap};
use vigia::gaps::{GapKind, Severity};
use vigia::{DepartmentCode, RequirementSlug};

use super::snapshot::{corrupt, instant, parse};
use super::{stamp, DbError, Param, Pool, Statement, Tx};

/// What wrote a change.
#[derive(Debug, Clone, Copy)]
pub enum Origin {
    Write,
    Scheduler,
}

pub async fn new_change(
    tx: &mut Tx<'_>,
    origin: Origin,
    now: DateTime<Utc>,
) -> Result<i64, DbError> {
    let origin = match origin {
        Origin::Write => "write",
        Origin::Scheduler => "scheduler",
    };
    let (id,): (i64,) =
        sqlx::query_as("INSERT INTO changes (at, origin) VALUES ($1, $2) RETURNING id")
            .bind(stamp(now))
            .bind(origin)
            .fetch_one(&mut **tx)
            .await?;
    Ok(id)
}

/// Rows per statement when many are inserted at once: far below either engine's limit on
/// bound values.
const ROWS_PER_STATEMENT: usize = 64;

/// Appends `drafts` to change `change`, in one statement for every 64; says of each draft
/// whether it was written (one whose dedupe key fired already is not).
pub async fn insert_all(
    tx: &mut Tx<'_>,
    change: i64,
    drafts: &[EventDraft],
    history_entry: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Vec<bool>, DbError> {
    let at = stamp(now);
    let mut fired = Vec::new();
    for chunk in drafts.chunks(ROWS_PER_STATEMENT) {
        let mut statement = Statement::new(
            "INSERT INTO events (change_id, at, kind, department, requirement, gap_kind, severity, \
             threshold_days, deadline, refers_to, status_before, status_after, claim_id, reply_id, \
             history_entry, dedupe_key) VALUES ",
        );
        for (n, event) in chunk.iter().enumerate() {
            let row: [Param; 16] = [
                change.into(),
                at.as_str().into(),
                event.kind.slug().into(),
                event.department.as_str().into(),
                event.requirement.as_str().into(),
                event.gap_kind.map(|k| k.slug()).into(),
                event.severity.map(|s| s.slug()).into(),
                event.threshold_days.map(i64::from).into(),
                event.deadline.map(|d| d.slug()).into(),
                event.refers_to.map(|d| d.to_string()).into(),
                event.status_before.map(|s| s.slug()).into(),
                event.status_after.map(|s| s.slug()).into(),
                event.claim_id.into(),
                event.reply_id.into(),
                history_entry.into(),
                event.dedupe_key.clone().into(),
            ];
            statement.push(if n == 0 { "(" } else { ", (" });
            statement.bind_all(row);
            statement.push(")");
        }
        statement.push(" ON CONFLICT (dedupe_key) DO NOTHING RETURNING dedupe_key");
        let rows: Vec<(Option<String>,)> = statement.query_as().fetch_all(&mut **tx).await?;
        fired.extend(rows.into_iter().filter_map(|(key,)| key));
    }
    Ok(drafts
        .iter()
        .map(|d| d.dedupe_key.as_ref().is_none_or(|key| fired.contains(key)))
        .collect())
}

/// Whether a date-driven event with this key has fired.
pub async fn fired(tx: &mut Tx<'_>, key: &str) -> Result<bool, DbError> {
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM events WHERE dedupe_key = $1")
        .bind(key)
        .fetch_one(&mut **tx)
        .await?;
    Ok(count > 0)
}

pub async fn open_gaps(
    tx: &mut Tx<'_>,
    department: DepartmentCode,
    requirement: &RequirementSlug,
) -> Result<Vec<OpenGap>, DbError> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT gap_kind, severity FROM gap_states \
         WHERE department = $1 AND requirement = $2 AND closed_change IS NULL",
    )
    .bind(department.as_str())
    .bind(requirement.as_str())
    .fetch_all(&mut **tx)
    .await?;
    rows.into_iter()
        .map(|(kind, severity)| {
            Ok(OpenGap {
                kind: parse(&kind)?,
                severity: parse(&severity)?,
            })
        })
        .collect()
}

/// A record's gap as the gap states name it.
pub type RecordGap<'a> = (DepartmentCode, &'a RequirementSlug, GapKind, Severity);

/// Records `gaps` as open since change `change` (`None` for the baseline).
pub async fn record_opened(
    tx: &mut Tx<'_>,
    gaps: &[RecordGap<'_>],
    change: Option<i64>,
) -> Result<(), DbError> {
    for chunk in gaps.chunks(ROWS_PER_STATEMENT) {
        let mut statement = Statement::new(
            "INSERT INTO gap_states (department, requirement, gap_kind, severity, opened_change) \
             VALUES ",
        );
        for (n, (department, requirement, kind, severity)) in chunk.iter().enumerate() {
            statement.push(if n == 0 { "(" } else { ", (" });
            statement.bind_all([
                department.as_str().into(),
                requirement.as_str().into(),
                kind.slug().into(),
                severity.slug().into(),
                change.into(),
            ]);
            statement.push(")");
        }
        statement.query().execute(&mut **tx).await?;
    }
    Ok(())
}

/// Records the open gaps of these kinds, in these records, as closed by change `change`.
pub async fn record_closed(
    tx: &mut Tx<'_>,
    gaps: &[(DepartmentCode, &RequirementSlug, GapKind)],
    change: i64,
) -> Result<(), DbError> {
    for chunk in gaps.chunks(ROWS_PER_STATEMENT) {
        let mut statement = Statement::new("UPDATE gap_states SET closed_change = ");
        statement.bind(change);
        statement.push(" WHERE closed_change IS NULL AND (");
        for (n, (department, requirement, kind)) in chunk.iter().enumerate() {
            statement.push(if n == 0 {
                "(department = "
            } else {
                " OR (department = "
            });
            statement
                .bind(department.as_str())
                .push(" AND requirement = ");
            statement
                .bind(requirement.as_str())
                .push(" AND gap_kind = ");
            statement.bind(kind.slug()).push(")");
        }
        statement.push(")");
        statement.query().execute(&mut **tx).await?;
    }
    Ok(())
}

/// Whether any gap state was ever recorded (the baseline is taken once).
pub async fn has_gap_states(pool: &Pool) -> Result<bool, DbError> {
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM gap_states")
        .fetch_one(pool)
        .await?;
    Ok(count > 0)
}

#[derive(sqlx::FromRow)]
struct EventRow {
    id: i64,
    change_id: i64,
    at: String,
    kind: String,
    department: String,
    requirement: String,
    gap_kind: Option<String>,
    severity: Option<String>,
    threshold_days: Option<i64>,
    deadline: Option<String>,
    refers_to: Option<String>,
    status_before: Option<String>,
    status_after: Option<String>,
    claim_id: Option<i64>,
    reply_id: Option<i64>,
    history_entry: Option<i64>,
}

fn optional<T: std::str::FromStr>(text: Option<String>) -> Result<Option<T>, DbError>
where
    T::Err: std::fmt::Display,
{
    text.map(|t| parse(&t)).transpose()
}

impl EventRow {
    fn into_event(self) -> Result<Event, DbError> {
        let kind: EventKind = parse(&self.kind)?;
        let mut draft = EventDraft::new(
            kind,
            DepartmentCode::parse(&self.department).map_err(corrupt)?,
            RequirementSlug::parse(&self.requirement).map_err(corrupt)?,
        );
        draft.gap_kind = optional(self.gap_kind)?;
        draft.severity = optional(self.severity)?;
        draft.threshold_days = self.threshold_days.map(|d| d as u32);
        draft.deadline = optional(self.deadline)?;
        draft.refers_to = optional::<NaiveDate>(self.refers_to)?;
        draft.status_before = optional(self.status_before)?;
        draft.status_after = optional(self.status_after)?;
        draft.claim_id = self.claim_id;
        draft.reply_id = self.reply_id;
        Ok(Event {
            id: self.id,
            change_id: self.change_id,
            at: instant(&self.at)?,
            draft,
            history_entry: self.history_entry,
        })
    }
}

/// Which events a reader asks for.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub department: Option<DepartmentCode>,
    pub kind: Option<EventKind>,
    /// Events with a severity (gap events) must have this one; others pass.
    pub severity: Option<Severity>,
    /// Only events after this id (for readers catching up).
    pub after: Option<i64>,
    /// Only events before this id (for older pages).
    pub before: Option<i64>,
    /// Only the events of this change.
    pub change: Option<i64>,
}

/// Events matching `filter`, newest first, at most `limit`.
pub async fn list(pool: &Pool, filter: &EventFilter, limit: i64) -> Result<Vec<Event>, DbError> {
    let mut query = super::Statement::new(
        "SELECT id, change_id, at, kind, department, requirement, gap_kind, severity, threshold_days, \
         deadline, refers_to, status_before, status_after, claim_id, reply_id, history_entry \
         FROM events WHERE 1 = 1",
    );
    if let Some(department) = filter.department {
        query.push(" AND department = ").bind(department.as_str());
    }
    if let Some(kind) = filter.kind {
        query.push(" AND kind = ").bind(kind.slug());
    }
    if let Some(severity) = filter.severity {
        query
            .push(" AND (severity IS NULL OR severity = ")
            .bind(severity.slug())
            .push(")");
    }
    if let Some(after) = filter.after {
        query.push(" AND id > ").bind(after);
    }
    if let Some(before) = filter.before {
        query.push(" AND id < ").bind(before);
    }
    if let Some(change) = filter.change {
        query.push(" AND change_id = ").bind(change);
    }
    query.push(" ORDER BY id DESC LIMIT ").bind(limit);
    let rows: Vec<EventRow> = query.query_as().fetch_all(pool).await?;
    rows.into_iter().map(EventRow::into_event).collect()
}

/// Events written so far, by every process.
pub async fn count(pool: &Pool) -> Result<i64, DbError> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM events")
        .fetch_one(pool)
        .await?;
    Ok(n)
}
