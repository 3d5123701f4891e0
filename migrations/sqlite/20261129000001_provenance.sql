-- Provenance a reader can check: whether a claim's status is stated by its source or
-- inferred by Vigía, the moment it describes (apart from when its source was published),
-- where in the source, how the source is credited, primary or report evidence, and
-- corrections that supersede a claim without deleting it.

-- `sources.date` is the publication date and `sources.publisher` the outlet that reported a
-- finding second-hand; their meaning is unchanged, so the columns keep their names.
ALTER TABLE sources ADD COLUMN attribution_es TEXT;
ALTER TABLE sources ADD COLUMN attribution_en TEXT;

ALTER TABLE claims ADD COLUMN basis TEXT NOT NULL DEFAULT 'stated';
ALTER TABLE claims ADD COLUMN event_date TEXT;
ALTER TABLE claims ADD COLUMN locator TEXT;
ALTER TABLE claims ADD COLUMN quote TEXT;

-- Claims recorded before this migration are about the moment their source was published:
-- that is what the tracker assumed then. Filling the new column is the one change made to
-- existing claims, so the append-only guard steps aside for it alone.
DROP TRIGGER claims_no_update;
UPDATE claims SET event_date = (SELECT s.date FROM sources s WHERE s.id = claims.source_id);
CREATE TRIGGER claims_no_update BEFORE UPDATE ON claims
BEGIN SELECT RAISE(ABORT, 'claims are append-only'); END;

ALTER TABLE claim_evidence ADD COLUMN kind TEXT NOT NULL DEFAULT 'report';

ALTER TABLE requirements ADD COLUMN in_force_needs_date BOOLEAN NOT NULL DEFAULT TRUE;

-- A later claim that corrects an earlier one: the corrected claim stays in the history, marked,
-- and no longer counts towards the current state or the gaps.
CREATE TABLE claim_corrections (
    corrected_claim_id  INTEGER PRIMARY KEY REFERENCES claims (id),
    correcting_claim_id INTEGER NOT NULL REFERENCES claims (id)
);
CREATE TRIGGER claim_corrections_no_update BEFORE UPDATE ON claim_corrections
BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END;
CREATE TRIGGER claim_corrections_no_delete BEFORE DELETE ON claim_corrections
BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END;

-- Which revision of the cited seed a database holds; later revisions are appended as
-- corrections, once.
CREATE TABLE seed_revisions (
    revision   INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL
);
