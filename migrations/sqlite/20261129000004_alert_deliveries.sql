-- Alert subscriptions (email and webhooks) and their deliveries. Addresses are personal data:
-- kept only while the subscription lives; a deleted subscription leaves only the counts in
-- delivery_counts.

-- AUTOINCREMENT: an id is never reused, so a signed link to a deleted subscription opens
-- nothing later.
CREATE TABLE subscriptions (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    channel              TEXT NOT NULL,
    address              TEXT NOT NULL,
    -- For webhooks: whom to tell when deliveries keep failing.
    contact              TEXT,
    lang                 TEXT NOT NULL,
    digest               BOOLEAN NOT NULL DEFAULT FALSE,
    all_departments      BOOLEAN NOT NULL,
    -- pending (not confirmed yet), active, paused (a webhook that kept failing) or bounced
    -- (the mail server refused the address for good).
    state                TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    confirmed_at         TEXT,
    -- Confirmation emails sent on `confirmations_day` (at most three a day).
    confirmations_day    TEXT,
    confirmations_sent   INTEGER NOT NULL DEFAULT 0,
    -- Webhooks: the signing secret, the one it replaced (valid until secret_overlap_until).
    secret               TEXT,
    previous_secret      TEXT,
    secret_overlap_until TEXT,
    last_success_at      TEXT,
    last_error           TEXT,
    failing_since        TEXT,
    -- Digests: the last event id a digest covered.
    digest_after_event   INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX subscriptions_one_per_address ON subscriptions (channel, address);

CREATE TABLE subscription_departments (
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    department      TEXT NOT NULL REFERENCES departments (code),
    PRIMARY KEY (subscription_id, department)
);
CREATE TABLE subscription_kinds (
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    PRIMARY KEY (subscription_id, kind)
);
CREATE TABLE subscription_severities (
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    severity        TEXT NOT NULL,
    PRIMARY KEY (subscription_id, severity)
);
CREATE TABLE subscription_thresholds (
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    days            INTEGER NOT NULL,
    PRIMARY KEY (subscription_id, days)
);

-- One row per message to send: a change's events for a subscription, a daily digest, a
-- confirmation (or, for an address already subscribed, its management link), or the notice
-- to a webhook's contact that it was paused. State: pending, sending, sent, skipped (nothing
-- left to send after the filters changed) or failed. `sending` with an expired lease is a delivery whose
-- sender died: it is sent again, with the same message id.
CREATE TABLE deliveries (
    id              INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    purpose         TEXT NOT NULL,
    change_id       INTEGER REFERENCES changes (id),
    digest_day      TEXT,
    digest_from     INTEGER,
    digest_to       INTEGER,
    state           TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    lease_until     TEXT,
    last_error      TEXT,
    sent_at         TEXT,
    created_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX deliveries_once_per_change ON deliveries (change_id, subscription_id)
    WHERE change_id IS NOT NULL;
CREATE UNIQUE INDEX deliveries_one_digest_a_day ON deliveries (subscription_id, digest_day)
    WHERE digest_day IS NOT NULL;
CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at);

-- What stays of deliveries once their subscription is gone: counts, no addresses.
CREATE TABLE delivery_counts (
    channel TEXT NOT NULL,
    state   TEXT NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (channel, state)
);

-- Secrets the server keeps (the key that signs links in emails), shared by every process
-- on the database.
CREATE TABLE server_secrets (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
