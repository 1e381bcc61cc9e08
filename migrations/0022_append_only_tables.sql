-- The tables that are a record of what happened are added to, and never changed or emptied, by
-- any statement: TRUNCATE passed the row triggers of child_event and audit_event, an audit row
-- awaiting the chain could be changed and would then be chained as if genuine, and tombstones,
-- import batches and retention holds could be removed without trace. Each has two legitimate
-- ways to lose rows, both audited: a retention disposal removes a child's events, leaving a
-- tombstone (child_disposal, itself append-only) and an audit row in the same transaction; the
-- chaining pass moves audit rows awaiting the chain onto it, unchanged. A restore writes into an
-- empty database and needs neither.

CREATE FUNCTION refuse_truncate_of_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: it cannot be emptied', TG_TABLE_NAME;
END;
$$;
COMMENT ON FUNCTION refuse_truncate_of_record IS 'Refuses TRUNCATE of an append-only table (row triggers do not see a TRUNCATE).';

CREATE FUNCTION refuse_change_to_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: its rows cannot be changed or removed', TG_TABLE_NAME;
END;
$$;
COMMENT ON FUNCTION refuse_change_to_record IS 'Refuses UPDATE or DELETE of a row of an append-only table.';

CREATE TRIGGER child_event_cannot_be_emptied BEFORE TRUNCATE ON child_event FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_record();
CREATE TRIGGER audit_event_cannot_be_emptied BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_record();
CREATE TRIGGER audit_awaiting_chain_cannot_be_emptied BEFORE TRUNCATE ON audit_awaiting_chain FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_record();
CREATE TRIGGER audit_chain_head_cannot_be_emptied BEFORE TRUNCATE ON audit_chain_head FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_record();
CREATE TRIGGER import_batch_cannot_be_emptied BEFORE TRUNCATE ON import_batch FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_record();
CREATE TRIGGER child_disposal_cannot_be_emptied BEFORE TRUNCATE ON child_disposal FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_record();
CREATE TRIGGER retention_hold_cannot_be_emptied BEFORE TRUNCATE ON retention_hold FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_record();
CREATE TRIGGER retention_hold_lifted_cannot_be_emptied BEFORE TRUNCATE ON retention_hold_lifted FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_record();

-- Who imported what, disposals, and holds placed and lifted stay on file as written.
CREATE TRIGGER import_batch_is_append_only BEFORE UPDATE OR DELETE ON import_batch FOR EACH ROW EXECUTE FUNCTION refuse_change_to_record();
CREATE TRIGGER child_disposal_is_append_only BEFORE UPDATE OR DELETE ON child_disposal FOR EACH ROW EXECUTE FUNCTION refuse_change_to_record();
CREATE TRIGGER retention_hold_is_append_only BEFORE UPDATE OR DELETE ON retention_hold FOR EACH ROW EXECUTE FUNCTION refuse_change_to_record();
CREATE TRIGGER retention_hold_lifted_is_append_only BEFORE UPDATE OR DELETE ON retention_hold_lifted FOR EACH ROW EXECUTE FUNCTION refuse_change_to_record();

-- The chain's head moves on with every chaining, but a council's head is never removed.
CREATE TRIGGER audit_chain_head_is_never_removed BEFORE DELETE ON audit_chain_head FOR EACH ROW EXECUTE FUNCTION refuse_change_to_record();

-- An audit row awaiting the chain is never changed (an UPDATE is refused whatever rows it names);
-- it leaves only by being moved onto the chain.
CREATE TRIGGER audit_awaiting_chain_is_never_changed BEFORE UPDATE ON audit_awaiting_chain FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_record();

-- The chaining pass removes a council's oldest awaiting rows and appends them, unchanged, as the
-- council's newest chained rows, in one statement. Checked once that statement is done: the rows
-- removed, in the order they were written, must be the council's last rows on the chain, in
-- order, column for column. Paired by position (a backward scan of as many chained rows as were
-- moved, no hashing or sorting of their content), so the check costs a pass little.
CREATE FUNCTION refuse_removal_unless_chained() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  council record;
BEGIN
  FOR council IN SELECT la_code, count(*) AS moved FROM removed GROUP BY la_code LOOP
    IF EXISTS (
      SELECT 1
        FROM (SELECT row_number() OVER (ORDER BY awaiting_id) AS n, * FROM removed WHERE la_code = council.la_code) r
        FULL JOIN (SELECT row_number() OVER (ORDER BY audit_id) AS n, *
                     FROM (SELECT * FROM audit_event WHERE la_code = council.la_code ORDER BY audit_id DESC LIMIT council.moved) newest) e USING (n)
       WHERE (r.occurred_at, r.user_id, r.role, r.agency, r.action, r.resource, r.child_id, r.outcome, r.correlation_id, r.detail)
             IS DISTINCT FROM (e.occurred_at, e.user_id, e.role, e.agency, e.action, e.resource, e.child_id, e.outcome, e.correlation_id, e.detail)
    ) THEN
      RAISE EXCEPTION 'audit_awaiting_chain is append-only: its rows leave only by being moved onto the audit chain (LA %)', council.la_code;
    END IF;
  END LOOP;
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION refuse_removal_unless_chained IS 'Refuses a DELETE from audit_awaiting_chain whose rows did not, in the same statement, become the council''s newest rows of audit_event.';
CREATE TRIGGER audit_awaiting_chain_leaves_only_for_the_chain AFTER DELETE ON audit_awaiting_chain
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION refuse_removal_unless_chained();

-- A child's events leave the log only in a retention disposal, which writes the child's
-- tombstone first, in the same transaction (now() is the transaction's start, so a tombstone of
-- an earlier transaction does not count), with its audit row. The setting alone is not enough.
CREATE OR REPLACE FUNCTION refuse_change_to_child_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('safeguard.disposal', true) = 'on' AND EXISTS (
    SELECT 1 FROM child_disposal d WHERE d.la_code = OLD.la_code AND d.child_id = OLD.child_id AND d.disposed_at = now()
  ) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'child_event is append-only: record a correction instead of changing event %', OLD.event_id;
END;
$$;
