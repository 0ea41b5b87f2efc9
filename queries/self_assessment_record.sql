-- self_assessment_record: records the board's red / amber / green rating of one domain with its
-- evidence; returns the new assessment_id. Earlier ratings are kept as history.
-- $area_code: ONS code of the area whose board made the assessment
-- $domain_id: catalogue domain id (choice, control, ...)
-- $rating: red, amber or green
-- $evidence: what the board based its rating on
-- $data_period: the data period the board looked at (or null)
-- $assessed_by: the editor recording it

insert into self_assessments (area_code, domain_id, rating, evidence, data_period, assessed_by, assessed_at)
values ($area_code, $domain_id, $rating, $evidence, $data_period, $assessed_by, current_timestamp)
returning assessment_id
