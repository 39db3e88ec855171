-- A supervisor's override changes the drill's total and pass/fail everywhere (lists, filters, exports,
-- charts): the score after overrides is kept beside the automatic one, which stays in score_total.
ALTER TABLE drills ADD COLUMN override_total INTEGER;
ALTER TABLE drills ADD COLUMN override_passed BOOLEAN;
