-- A child's projection row no longer carries the sequence of the last event folded into it:
-- nothing reads it, and it made every event rewrite the child's row and its indexes even when
-- nothing shown about the child had changed.
ALTER TABLE child DROP COLUMN last_sequence;

-- Refuses, with its own error code, what a statement sent ahead of the write expected and did not
-- find (e.g. that a child's log is still as the writer last read it); the transaction then rolls
-- back and the writer reads the record again.
CREATE FUNCTION safeguard_expect(holds boolean, expectation text) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  IF holds IS NOT TRUE THEN
    RAISE EXCEPTION 'expected: %', expectation USING ERRCODE = 'SG001';
  END IF;
END
$$;
COMMENT ON FUNCTION safeguard_expect(boolean, text) IS 'Raises SQLSTATE SG001 unless holds is true.';
