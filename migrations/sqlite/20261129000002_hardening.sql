-- One write seam: every write bumps this counter in its own transaction, so every server
-- process (and the command line) sees a change by reading one row.
CREATE TABLE data_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO data_version (id, n) VALUES (1, 1);

-- Disabling an account moves its epoch on, which ends every session it had; re-enabling
-- does not move it back, so no old session comes back to life.
ALTER TABLE users ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;

-- Text an admin hid from the public (an abusive reply, suggestion or note): the entry, the
-- hash of the text and the reason stay public; the text does not.
CREATE TABLE hidden_texts (
    subject   TEXT PRIMARY KEY,
    sha256    TEXT NOT NULL,
    reason    TEXT NOT NULL,
    hidden_by INTEGER NOT NULL REFERENCES users (id),
    hidden_at TEXT NOT NULL
);
CREATE TRIGGER hidden_texts_no_update BEFORE UPDATE ON hidden_texts
BEGIN SELECT RAISE(ABORT, 'hidden texts are append-only'); END;
CREATE TRIGGER hidden_texts_no_delete BEFORE DELETE ON hidden_texts
BEGIN SELECT RAISE(ABORT, 'hidden texts are append-only'); END;
