-- Accounts for oversight officers, departmental representatives and admins, and the
-- append-only audit trail of what they do.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    role          TEXT NOT NULL,
    -- Argon2id PHC string; NULL until the person sets a password through their link.
    password_hash TEXT,
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TEXT NOT NULL
);

CREATE TABLE user_departments (
    user_id    INTEGER NOT NULL REFERENCES users (id),
    department TEXT NOT NULL REFERENCES departments (code),
    PRIMARY KEY (user_id, department)
);

-- One-time sign-in links. Only a SHA-256 of the token is kept.
CREATE TABLE sign_in_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    expires_at TEXT NOT NULL,
    used_at    TEXT
);

CREATE TABLE audit_log (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    actor_id INTEGER REFERENCES users (id),
    action   TEXT NOT NULL,
    subject  TEXT NOT NULL,
    reason   TEXT NOT NULL DEFAULT ''
);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Who recorded a claim; NULL for the cited seed data.
ALTER TABLE claims ADD COLUMN recorded_by INTEGER REFERENCES users (id);
