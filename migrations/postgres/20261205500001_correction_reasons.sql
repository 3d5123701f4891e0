-- What an officer corrected in a claim, and why, said when recording the correction (the
-- seed's own corrections say it in their notes and leave it empty).
ALTER TABLE claim_corrections ADD COLUMN reason TEXT;
