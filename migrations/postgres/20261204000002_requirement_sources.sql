-- The sources a requirement's legal basis cites (who says the law requires the instrument),
-- so that pages link each one and the methodology lists it with the other sources.
CREATE TABLE requirement_sources (
    requirement TEXT NOT NULL REFERENCES requirements (slug),
    source_id   BIGINT NOT NULL REFERENCES sources (id),
    position    BIGINT NOT NULL,
    PRIMARY KEY (requirement, source_id)
);
