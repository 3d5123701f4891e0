-- Uploaded documents, departments' replies to gaps, the public's suggestions, and what the
-- public timeline needs to place each audit entry. All append-only: decisions are new rows.

-- Which department and record an audit entry concerns (NULL for account changes).
ALTER TABLE audit_log ADD COLUMN department TEXT REFERENCES departments (code);
ALTER TABLE audit_log ADD COLUMN requirement TEXT REFERENCES requirements (slug);

CREATE TABLE gap_replies (
    id           INTEGER PRIMARY KEY,
    department   TEXT NOT NULL REFERENCES departments (code),
    requirement  TEXT NOT NULL REFERENCES requirements (slug),
    gap_kind     TEXT NOT NULL,
    body         TEXT NOT NULL,
    evidence_url TEXT,
    replied_by   INTEGER NOT NULL REFERENCES users (id),
    replied_at   TEXT NOT NULL
);

-- An officer's reading of a reply. The gap itself closes only with a new claim.
CREATE TABLE reply_reviews (
    reply_id    INTEGER PRIMARY KEY REFERENCES gap_replies (id),
    note        TEXT NOT NULL,
    reviewed_by INTEGER NOT NULL REFERENCES users (id),
    reviewed_at TEXT NOT NULL
);

-- PDFs stored under VIGIA_DATA_DIR by their SHA-256; each belongs to a claim or a reply.
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL,
    filename    TEXT NOT NULL,
    size        INTEGER NOT NULL,
    claim_id    INTEGER REFERENCES claims (id),
    reply_id    INTEGER REFERENCES gap_replies (id),
    uploaded_by INTEGER REFERENCES users (id),
    uploaded_at TEXT NOT NULL
);
CREATE INDEX documents_by_sha256 ON documents (sha256);

-- Withholding keeps the entry and the hash public; the file itself is removed.
CREATE TABLE document_withholdings (
    document_id INTEGER PRIMARY KEY REFERENCES documents (id),
    reason      TEXT NOT NULL,
    withheld_by INTEGER NOT NULL REFERENCES users (id),
    withheld_at TEXT NOT NULL
);

-- Corrections suggested by anyone. Only what the form asks for is kept.
CREATE TABLE suggestions (
    id           INTEGER PRIMARY KEY,
    department   TEXT NOT NULL REFERENCES departments (code),
    requirement  TEXT REFERENCES requirements (slug),
    body         TEXT NOT NULL,
    source_url   TEXT,
    organisation TEXT,
    contact      TEXT,
    submitted_at TEXT NOT NULL
);

CREATE TABLE suggestion_decisions (
    suggestion_id INTEGER PRIMARY KEY REFERENCES suggestions (id),
    accepted      BOOLEAN NOT NULL,
    reason        TEXT NOT NULL,
    decided_by    INTEGER NOT NULL REFERENCES users (id),
    decided_at    TEXT NOT NULL
);

CREATE TRIGGER gap_replies_no_update BEFORE UPDATE ON gap_replies
BEGIN SELECT RAISE(ABORT, 'replies are append-only'); END;
CREATE TRIGGER gap_replies_no_delete BEFORE DELETE ON gap_replies
BEGIN SELECT RAISE(ABORT, 'replies are append-only'); END;
CREATE TRIGGER reply_reviews_no_update BEFORE UPDATE ON reply_reviews
BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
CREATE TRIGGER reply_reviews_no_delete BEFORE DELETE ON reply_reviews
BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents
BEGIN SELECT RAISE(ABORT, 'documents are append-only'); END;
CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
BEGIN SELECT RAISE(ABORT, 'documents are append-only'); END;
CREATE TRIGGER document_withholdings_no_update BEFORE UPDATE ON document_withholdings
BEGIN SELECT RAISE(ABORT, 'withholdings are append-only'); END;
CREATE TRIGGER document_withholdings_no_delete BEFORE DELETE ON document_withholdings
BEGIN SELECT RAISE(ABORT, 'withholdings are append-only'); END;
CREATE TRIGGER suggestion_decisions_no_update BEFORE UPDATE ON suggestion_decisions
BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
CREATE TRIGGER suggestion_decisions_no_delete BEFORE DELETE ON suggestion_decisions
BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
