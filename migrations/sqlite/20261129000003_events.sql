-- Alert events, written in the same transaction as the change that causes them.

-- A change: one write, or one scheduler run for one record. Its events travel together.
CREATE TABLE changes (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    origin TEXT NOT NULL
);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    change_id      INTEGER NOT NULL REFERENCES changes (id),
    at             TEXT NOT NULL,
    kind           TEXT NOT NULL,
    department     TEXT NOT NULL REFERENCES departments (code),
    requirement    TEXT NOT NULL REFERENCES requirements (slug),
    gap_kind       TEXT,
    severity       TEXT,
    threshold_days INTEGER,
    deadline       TEXT,
    refers_to      TEXT,
    status_before  TEXT,
    status_after   TEXT,
    claim_id       INTEGER REFERENCES claims (id),
    reply_id       INTEGER REFERENCES gap_replies (id),
    history_entry  INTEGER REFERENCES audit_log (id),
    -- Date-driven events fire once however often the scheduler runs.
    dedupe_key     TEXT UNIQUE
);
CREATE INDEX events_by_department ON events (department, id);
CREATE INDEX events_by_change ON events (change_id);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- The gaps recorded as open, so a change (or the scheduler) raises only what differs. A gap
-- that closes keeps its row; reopening adds one. The partial index allows one open row per
-- gap, so two processes can never both open it.
CREATE TABLE gap_states (
    id            INTEGER PRIMARY KEY,
    department    TEXT NOT NULL REFERENCES departments (code),
    requirement   TEXT NOT NULL REFERENCES requirements (slug),
    gap_kind      TEXT NOT NULL,
    severity      TEXT NOT NULL,
    -- NULL for the gaps found open when events began (no event was raised for them).
    opened_change INTEGER REFERENCES changes (id),
    closed_change INTEGER REFERENCES changes (id)
);
CREATE UNIQUE INDEX gap_states_one_open ON gap_states (department, requirement, gap_kind)
    WHERE closed_change IS NULL;
