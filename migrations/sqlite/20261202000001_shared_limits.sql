-- Rate limits kept in the database, so that several server processes share them.
-- One row per allowed use of a limited form, per client address (a sliding window).
CREATE TABLE limited_uses (
    id      INTEGER PRIMARY KEY,
    scope   TEXT NOT NULL,
    subject TEXT NOT NULL,
    at      TEXT NOT NULL
);
CREATE INDEX limited_uses_by_subject ON limited_uses (scope, subject, at);

-- Failed sign-ins, by account and client address, forgotten after the throttle's window.
CREATE TABLE sign_in_failures (
    id      INTEGER PRIMARY KEY,
    account TEXT NOT NULL,
    address TEXT NOT NULL,
    at      TEXT NOT NULL
);
CREATE INDEX sign_in_failures_by_account ON sign_in_failures (account, at);
CREATE INDEX sign_in_failures_by_address ON sign_in_failures (address, at);
