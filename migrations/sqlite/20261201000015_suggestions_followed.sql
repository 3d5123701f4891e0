-- Suggestions, honestly: the submitter may keep their text out of the public history, an
-- accepted suggestion names the claim it became (it is accepted only once that claim is
-- saved), and the officer who opened the claim form a suggestion asks for is shown as
-- handling it until then.
ALTER TABLE suggestions ADD COLUMN private BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE suggestion_decisions ADD COLUMN claim_id INTEGER REFERENCES claims (id);

-- Who is handling a pending suggestion; replaced when another officer takes it up. Not
-- history: the decision is, once made.
CREATE TABLE suggestion_handling (
    suggestion_id INTEGER PRIMARY KEY REFERENCES suggestions (id),
    handled_by    INTEGER NOT NULL REFERENCES users (id),
    since         TEXT NOT NULL
);
