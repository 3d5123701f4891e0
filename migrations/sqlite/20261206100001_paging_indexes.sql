-- Pages and streamed exports read a bounded slice, so it must be found without a scan: one
-- department's history, newest first, a page at a time; the evidence of a batch of claims.
CREATE INDEX audit_log_by_department ON audit_log (department, id);
CREATE INDEX claim_evidence_by_claim ON claim_evidence (claim_id);
