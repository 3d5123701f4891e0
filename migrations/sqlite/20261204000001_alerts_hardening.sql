-- Takeovers of a delivery whose sender died holding its lease, counted apart from attempts:
-- a crash is not the receiver refusing, and must not use up the delivery's attempts.
ALTER TABLE deliveries ADD COLUMN takeovers INTEGER NOT NULL DEFAULT 0;

-- Email subscription forms, as checked, waiting for the worker to carry them out. Every form
-- post writes one row and nothing else, whether or not its address is known, so the answer
-- takes the same time for both: it must not tell who is subscribed. A row holds an address
-- until it is carried out, moments later.
CREATE TABLE subscription_requests (
    id         INTEGER PRIMARY KEY,
    request    TEXT NOT NULL,
    created_at TEXT NOT NULL
);
