-- Vigía's schema. Portable on purpose (a PostgreSQL twin follows): dates are ISO-8601 text,
-- partial dates keep their precision in the text ("2023", "2023-03", "2023-03-23").

CREATE TABLE departments (
    code              TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    capital           TEXT NOT NULL,
    area_km2          INTEGER NOT NULL,
    population        INTEGER NOT NULL,
    population_year   INTEGER NOT NULL,
    population_source TEXT NOT NULL,
    position          INTEGER NOT NULL
);

-- Requirements are rows, so adding one needs no schema change.
CREATE TABLE requirements (
    slug                 TEXT PRIMARY KEY,
    name_es              TEXT NOT NULL,
    name_en              TEXT NOT NULL,
    legal_basis_es       TEXT NOT NULL,
    legal_basis_en       TEXT NOT NULL,
    legal_basis_verified BOOLEAN NOT NULL,
    has_quality_criteria BOOLEAN NOT NULL,
    position             INTEGER NOT NULL
);

CREATE TABLE requirement_status_labels (
    requirement TEXT NOT NULL REFERENCES requirements (slug),
    status      TEXT NOT NULL,
    label_es    TEXT NOT NULL,
    label_en    TEXT NOT NULL,
    PRIMARY KEY (requirement, status)
);

CREATE TABLE sources (
    id        INTEGER PRIMARY KEY,
    author    TEXT NOT NULL,
    publisher TEXT,
    title     TEXT NOT NULL,
    url       TEXT NOT NULL,
    date      TEXT NOT NULL
);

-- Append-only: the history of every record. Nothing updates or deletes a claim.
CREATE TABLE claims (
    id                   INTEGER PRIMARY KEY,
    department           TEXT NOT NULL REFERENCES departments (code),
    requirement          TEXT NOT NULL REFERENCES requirements (slug),
    status               TEXT NOT NULL,
    status_since         TEXT,
    due_date             TEXT,
    valid_from           TEXT,
    valid_until          TEXT,
    approving_instrument TEXT,
    evidence_level       TEXT NOT NULL,
    q_responsible        TEXT NOT NULL DEFAULT 'unknown',
    q_timetable          TEXT NOT NULL DEFAULT 'unknown',
    q_financing          TEXT NOT NULL DEFAULT 'unknown',
    q_indicators         TEXT NOT NULL DEFAULT 'unknown',
    q_published          TEXT NOT NULL DEFAULT 'unknown',
    note_es              TEXT NOT NULL,
    note_en              TEXT NOT NULL,
    source_id            INTEGER NOT NULL REFERENCES sources (id),
    recorded_at          TEXT NOT NULL
);
CREATE INDEX claims_by_record ON claims (department, requirement, id);

CREATE TRIGGER claims_no_update BEFORE UPDATE ON claims
BEGIN SELECT RAISE(ABORT, 'claims are append-only'); END;
CREATE TRIGGER claims_no_delete BEFORE DELETE ON claims
BEGIN SELECT RAISE(ABORT, 'claims are append-only'); END;

CREATE TABLE claim_evidence (
    id       INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES claims (id),
    label    TEXT NOT NULL,
    url      TEXT NOT NULL
);

CREATE TABLE national_figures (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,
    period    TEXT NOT NULL,
    value     TEXT,
    source_id INTEGER REFERENCES sources (id),
    position  INTEGER NOT NULL
);
