-- A tamper-evident audit log. Each council's audit rows form a chain: every row carries the hash
-- of the row before it and its own hash over its content and that previous hash, so changing or
-- removing a row breaks the chain at that row (`safeguard audit verify` says where). The chain's
-- head (its last row) is kept in audit_chain_head; writers lock it, which also orders rows.

ALTER TABLE audit_event ADD COLUMN previous_hash bytea, ADD COLUMN row_hash bytea;

CREATE TABLE audit_chain_head (
  la_code       text   NOT NULL CHECK (la_code ~ '^\d{3}$'),
  last_audit_id bigint NOT NULL,
  last_hash     bytea  NOT NULL,
  PRIMARY KEY (la_code)
);
COMMENT ON TABLE audit_chain_head IS 'The last row of each council''s audit chain. Moved on by every audit write, under a row lock: it is the chain''s pointer, not a record of anything.';

-- What a row's hash covers, as bytes. Times are written in UTC to the microsecond so the content
-- does not depend on the session's time zone; jsonb prints its keys in one order.
CREATE FUNCTION audit_row_content(
  la_code text, occurred_at timestamptz, user_id text, role text, agency text, action text, resource text, child_id text,
  outcome text, correlation_id text, detail jsonb
) RETURNS bytea LANGUAGE sql STABLE AS $$
  SELECT convert_to(json_build_array(
    la_code, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), user_id, role, agency, action, resource, child_id,
    outcome, correlation_id, detail::text
  )::text, 'UTF8')
$$;
COMMENT ON FUNCTION audit_row_content IS 'The bytes an audit row''s hash covers (with the previous row''s hash before them).';

-- Rows written before the chain existed join it, in the order they were written.
DO $$
DECLARE
  r record;
  previous bytea;
  current_la text := NULL;
  hash bytea;
BEGIN
  FOR r IN SELECT * FROM audit_event ORDER BY la_code, audit_id LOOP
    IF current_la IS DISTINCT FROM r.la_code THEN
      IF current_la IS NOT NULL THEN
        INSERT INTO audit_chain_head (la_code, last_audit_id, last_hash) SELECT current_la, max(audit_id), previous FROM audit_event WHERE la_code = current_la;
      END IF;
      current_la := r.la_code;
      previous := '\x'::bytea;
    END IF;
    hash := sha256(previous || audit_row_content(r.la_code, r.occurred_at, r.user_id, r.role, r.agency, r.action, r.resource, r.child_id,
      r.outcome, r.correlation_id, r.detail));
    UPDATE audit_event SET previous_hash = previous, row_hash = hash WHERE la_code = r.la_code AND audit_id = r.audit_id;
    previous := hash;
  END LOOP;
  IF current_la IS NOT NULL THEN
    INSERT INTO audit_chain_head (la_code, last_audit_id, last_hash) SELECT current_la, max(audit_id), previous FROM audit_event WHERE la_code = current_la;
  END IF;
END
$$;

ALTER TABLE audit_event ALTER COLUMN previous_hash SET NOT NULL, ALTER COLUMN row_hash SET NOT NULL;
COMMENT ON COLUMN audit_event.previous_hash IS 'row_hash of the council''s previous audit row (empty for its first).';
COMMENT ON COLUMN audit_event.row_hash IS 'sha256(previous_hash || audit_row_content(...)).';

CREATE FUNCTION refuse_change_to_audit_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: audit row % cannot be changed or removed', OLD.audit_id;
END;
$$;
CREATE TRIGGER audit_event_is_append_only
  BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION refuse_change_to_audit_event();
