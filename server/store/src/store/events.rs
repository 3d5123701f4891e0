//! Events written with the changes that cause them, and the scheduler for what the calendar
//! changes. Both compare a record's gaps now with the gaps recorded as open, so the feeds
//! never disagree with the map.

use chrono::{DateTime, Utc};
use std::sync::atomic::Ordering;

use vigia::events::{
    approaching_deadline, gap_events, record_events, recorded_open_after, EventDraft, EventKind,
    OpenGap,
};
use vigia::gaps::gaps_for;
use vigia::ports::WriteError;
use vigia::requirement::Requirement;
use vigia::{ComplianceRecord, DepartmentCode, Glance, RequirementSlug};

use super::touched::Touched;
use super::written::Written;
use super::{read_failed, Store};
use crate::db::events::{self, Origin};
use crate::db::version::Effect;
use crate::db::{self, DbError, Tx};

/// The change a write or a scheduler run makes: created on its first event, so a write
/// that raises no event leaves no change behind.
pub struct Change {
    id: Option<i64>,
    origin: Origin,
    now: DateTime<Utc>,
    /// The data version the write began at, when it reads records it changes.
    begun_at: Option<u64>,
    /// The records as the change leaves them, kept once it commits.
    written: Vec<Written>,
    /// What it does to the rows a snapshot reads.
    effect: Effect,
    /// The records it changes, kept for caches of answers when it only adds claims and
    /// history entries (then they are all that those caches need to know); `None` otherwise.
    touched: Option<Vec<Touched>>,
}

impl Change {
    pub fn new(origin: Origin, now: DateTime<Utc>) -> Self {
        Self {
            id: None,
            origin,
            now,
            begun_at: None,
            written: Vec::new(),
            effect: Effect::Rewrites,
            touched: None,
        }
    }

    /// Marks a write that only adds claims (a correction's link included) and history entries.
    pub fn appending_only(self) -> Self {
        Self {
            effect: Effect::Appends,
            touched: Some(Vec::new()),
            ..self
        }
    }

    /// Marks a write of alert events and gap states only: no snapshot reads them (answers
    /// that list events do, so caches of answers still start afresh).
    fn events_only(self) -> Self {
        Self {
            effect: Effect::Appends,
            ..self
        }
    }

    /// A change to records, by a write that began at data version `version`.
    pub fn to_records(now: DateTime<Utc>, version: u64) -> Self {
        Self {
            begun_at: Some(version),
            ..Self::new(Origin::Write, now)
        }
    }

    fn touch(&mut self, record: Touched) {
        if let Some(touched) = &mut self.touched {
            touched.push(record);
        }
    }

    async fn id(&mut self, tx: &mut Tx<'_>) -> Result<i64, WriteError> {
        if let Some(id) = self.id {
            return Ok(id);
        }
        let id = events::new_change(tx, self.origin, self.now).await?;
        self.id = Some(id);
        Ok(id)
    }
}

impl Store {
    /// Commits a write with its change: a delivery for every subscription that wants any of
    /// the change's events is queued in the same transaction, so an alert is never lost nor
    /// sent for a change that did not happen.
    pub(super) async fn commit_change(
        &self,
        mut tx: Tx<'static>,
        change: Change,
    ) -> Result<(), WriteError> {
        let queued = match change.id {
            Some(id) => crate::db::deliveries::fan_out(&mut tx, id, change.now).await?,
            None => 0,
        };
        let version = self.commit_version(tx, change.effect).await?;
        if let Some(touched) = change.touched {
            self.touched
                .remember(version, vigia::la_paz_date(change.now), touched);
        }
        self.written.remember(version, change.written);
        if queued > 0 {
            self.queued.notify_one();
        }
        Ok(())
    }

    /// The requirements, as the gap rules need them.
    pub(super) async fn requirements(&self) -> Result<Vec<Requirement>, WriteError> {
        let reference = self.reference().await.map_err(read_failed)?;
        Ok(reference.requirements.clone())
    }

    /// Appends `drafts` to the change and keeps the recorded gaps in step, in a statement for
    /// each (not one per event: a write's round trips to the database are most of its time).
    pub(super) async fn write_events(
        &self,
        tx: &mut Tx<'_>,
        change: &mut Change,
        drafts: Vec<EventDraft>,
        history_entry: Option<i64>,
    ) -> Result<usize, WriteError> {
        if drafts.is_empty() {
            return Ok(0);
        }
        let id = change.id(tx).await?;
        let written = events::insert_all(tx, id, &drafts, history_entry, change.now).await?;
        let written: Vec<&EventDraft> = drafts
            .iter()
            .zip(written)
            .filter_map(|(draft, written)| written.then_some(draft))
            .collect();
        let opened: Vec<events::RecordGap<'_>> = written
            .iter()
            .filter(|d| d.kind == EventKind::GapOpened)
            .filter_map(|d| Some((d.department, &d.requirement, d.gap_kind?, d.severity?)))
            .collect();
        if !opened.is_empty() {
            events::record_opened(tx, &opened, Some(id)).await?;
        }
        let closed: Vec<_> = written
            .iter()
            .filter(|d| d.kind == EventKind::GapClosed)
            .filter_map(|d| Some((d.department, &d.requirement, d.gap_kind?)))
            .collect();
        if !closed.is_empty() {
            events::record_closed(tx, &closed, id).await?;
        }
        Ok(written.len())
    }

    /// After a write added the claims `added` to a record: its status change and the gaps
    /// that opened and closed, as events of `change`.
    pub(super) async fn record_changed(
        &self,
        tx: &mut Tx<'_>,
        change: &mut Change,
        (department, requirement): (DepartmentCode, &RequirementSlug),
        added: &[i64],
        requirements: &[Requirement],
        history_entry: Option<i64>,
    ) -> Result<(), WriteError> {
        let Some(requirement) = requirements.iter().find(|r| &r.slug == requirement) else {
            change.touch(Touched {
                department,
                requirement: requirement.clone(),
                glance_moved: true,
            });
            return Ok(());
        };
        let (before, after, kept_open) = self
            .before_and_after(tx, change.begun_at, department, &requirement.slug, added)
            .await?;
        let day = vigia::la_paz_date(change.now);
        change.touch(Touched {
            department,
            requirement: requirement.slug.clone(),
            glance_moved: Glance::of(before.current(), day) != Glance::of(after.current(), day),
        });
        let open = match kept_open {
            Some(open) => open,
            None => events::open_gaps(tx, department, &requirement.slug).await?,
        };
        let gaps = gaps_for(&after, requirement, self.clock.today());
        let drafts = record_events(&before, &after, &open, &gaps);
        let raised = drafts.len();
        let written = self.write_events(tx, change, drafts, history_entry).await?;
        change.written.push(Written {
            record: after,
            // Known only when every gap event was written.
            open: (written == raised).then(|| recorded_open_after(&open, &gaps)),
        });
        Ok(())
    }

    /// A record before and after the claims `added` to it in `tx`, a write that began at data
    /// version `begun_at`, and its gaps recorded open when known: when this instance knows
    /// the record at that version ([`Self::known_record`]), only the claims added are read;
    /// otherwise the whole record is, once, after the change, and the record before is it
    /// without `added`.
    async fn before_and_after(
        &self,
        tx: &mut Tx<'_>,
        begun_at: Option<u64>,
        department: DepartmentCode,
        requirement: &RequirementSlug,
        added: &[i64],
    ) -> Result<(ComplianceRecord, ComplianceRecord, Option<Vec<OpenGap>>), WriteError> {
        let kept = begun_at.and_then(|v| self.known_record(v, department, requirement));
        if let Some(Written {
            record: before,
            open,
        }) = kept
        {
            let since = before.claims.iter().map(|c| c.id).max().unwrap_or(0);
            let (claims, corrections) =
                db::load_record_since(tx, department, requirement, since).await?;
            if claims.len() == added.len() && claims.iter().all(|c| added.contains(&c.id)) {
                let after = before.with(claims, &corrections);
                return Ok((before, after, open));
            }
            tracing::warn!(
                department = %department,
                requirement = %requirement,
                "the record kept from the last write differs from the database's; reading it whole"
            );
        }
        self.read_whole.fetch_add(1, Ordering::Relaxed);
        let after = db::load_record(tx, department, requirement).await?;
        let before = after.without(added);
        Ok((before, after, None))
    }

    /// A record as it stood at data version `version`, when this instance holds it without
    /// reading the database: as the write that committed that version left it (with its gaps
    /// recorded open), or else from the snapshot of that version.
    fn known_record(
        &self,
        version: u64,
        department: DepartmentCode,
        requirement: &RequirementSlug,
    ) -> Option<Written> {
        self.written
            .take(version, department, requirement)
            .or_else(|| {
                Some(Written {
                    record: self.snapshot_record(version, department, requirement)?,
                    open: None,
                })
            })
    }

    /// A record as `tx`, which began at data version `version`, sees it: from the snapshot of
    /// that version when it is the one held, else read.
    async fn record_at(
        &self,
        tx: &mut Tx<'_>,
        version: u64,
        department: DepartmentCode,
        requirement: &RequirementSlug,
    ) -> Result<ComplianceRecord, DbError> {
        match self.snapshot_record(version, department, requirement) {
            Some(record) => Ok(record),
            None => db::load_record(tx, department, requirement).await,
        }
    }

    /// A record from the snapshot of data version `version`, if that is the one held. A
    /// snapshot holds exactly its version's data: it is read after its version was known,
    /// and a write committed since would have moved the version past it. At 100,000 claims
    /// the benchmark's slowest claim write, the first to its record, took 144 ms reading
    /// the record and 20 ms copying it from the snapshot.
    fn snapshot_record(
        &self,
        version: u64,
        department: DepartmentCode,
        requirement: &RequirementSlug,
    ) -> Option<ComplianceRecord> {
        Some(self.cached(version)?.record(department, requirement))
    }

    /// Records the gaps open now as the starting point, once, without raising events for
    /// them: alerts report what changes from here on.
    pub async fn ensure_gap_baseline(&self) -> Result<(), WriteError> {
        if events::has_gap_states(&self.pool).await? {
            return Ok(());
        }
        // Loaded first, so that the records are taken from it rather than read once more.
        vigia::ports::ComplianceReader::snapshot(self)
            .await
            .map_err(read_failed)?;
        let requirements = self.requirements().await?;
        let today = self.clock.today();
        let (mut tx, version) = self.begin_at().await?;
        let mut open = Vec::new();
        for department in DepartmentCode::ALL {
            for requirement in &requirements {
                let record = self
                    .record_at(&mut tx, version, department, &requirement.slug)
                    .await?;
                for gap in gaps_for(&record, requirement, today) {
                    open.push((department, &requirement.slug, gap.kind, gap.severity));
                }
            }
        }
        events::record_opened(&mut tx, &open, None).await?;
        // The version moves, so no write trusts gaps it kept from before the baseline; it
        // wrote only gap states, so the snapshot just loaded stands for the new version.
        self.commit_appending(tx).await
    }

    /// Compares every record's gaps today with those recorded as open and raises the
    /// approaching deadlines: each record's events are one change. Safe to run any number of
    /// times, on any number of processes: each fires once. Returns how many events it wrote.
    #[tracing::instrument(skip_all)]
    pub async fn run_scheduler(&self) -> Result<usize, WriteError> {
        self.ensure_gap_baseline().await?;
        let requirements = self.requirements().await?;
        let today = self.clock.today();
        let mut written = 0;
        for department in DepartmentCode::ALL {
            for requirement in &requirements {
                let (mut tx, version) = self.begin_at().await?;
                let record = self
                    .record_at(&mut tx, version, department, &requirement.slug)
                    .await?;
                let open = events::open_gaps(&mut tx, department, &requirement.slug).await?;
                let mut drafts = gap_events(&record, &open, &gaps_for(&record, requirement, today));
                if let Some(deadline) = approaching_deadline(&record, today) {
                    let key = deadline.dedupe_key.clone().unwrap_or_default();
                    if !events::fired(&mut tx, &key).await? {
                        drafts.push(deadline);
                    }
                }
                if drafts.is_empty() {
                    continue;
                }
                let mut change = Change::new(Origin::Scheduler, self.clock.now()).events_only();
                let count = self
                    .write_events(&mut tx, &mut change, drafts, None)
                    .await?;
                if count > 0 {
                    self.commit_change(tx, change).await?;
                    written += count;
                }
            }
        }
        if written > 0 {
            tracing::info!(events = written, "the scheduler raised events");
        }
        Ok(written)
    }
}

impl Store {
    /// Alert events matching `filter`, newest first, at most `limit` (the API, the Atom feed
    /// and the delivery worker read them here).
    pub async fn events(
        &self,
        filter: &crate::db::events::EventFilter,
        limit: i64,
    ) -> Result<Vec<vigia::events::Event>, crate::ReadError> {
        Ok(crate::db::events::list(&self.pool, filter, limit).await?)
    }
}
