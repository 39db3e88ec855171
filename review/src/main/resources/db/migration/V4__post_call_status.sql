-- A phone drill's score comes from its post-call transcript once that pass is done (issue 12, item 4); until
-- then (or if it failed) the score is the live recognition's. The pass's state ('pending', 'done', 'failed';
-- null for text drills and drills from before the pass) is kept beside the score for lists and exports.
-- Rows copied before this column existed get it when their report is next copied.
ALTER TABLE drills ADD COLUMN post_call VARCHAR(10);
