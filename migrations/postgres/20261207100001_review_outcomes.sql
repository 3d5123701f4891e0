-- What an officer decided about a reply: accepted, or more requested from the department.
-- Reviews given before officers chose one keep none.
ALTER TABLE reply_reviews ADD COLUMN outcome TEXT;
