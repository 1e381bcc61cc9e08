-- The figures read one timescale rule's duties for a window (allocation within 48 hours, ICPC
-- within 15 working days, reviews, core groups); without this each figure scans every duty of
-- the council, half of which are contact decisions.
CREATE INDEX duty_by_rule ON duty (la_code, rule_id, started_on);
