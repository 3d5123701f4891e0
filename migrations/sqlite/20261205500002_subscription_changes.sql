-- New choices asked for an address that receives alerts already. The form cannot change
-- a subscription (a stranger could type anyone's address), so the request waits here until
-- the owner applies it from the email it gets, which names exactly this row.
CREATE TABLE subscription_changes (
    id              INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    request         TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    applied_at      TEXT
);
CREATE INDEX subscription_changes_by_subscription ON subscription_changes (subscription_id);
