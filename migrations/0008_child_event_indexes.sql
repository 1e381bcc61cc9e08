-- The log is read per child in log order (the record, the fold) and scanned whole (export).
-- Analytics counts from the projections, so nothing looks events up by type: that index only
-- slowed every write, and imports most of all.
DROP INDEX child_event_by_type;
DROP INDEX child_event_by_child;
CREATE INDEX child_event_by_child ON child_event (la_code, child_id, sequence);
