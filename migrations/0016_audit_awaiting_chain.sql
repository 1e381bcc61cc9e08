-- Audit rows of writes, kept with the write until they join the chain. A write's audit row used to
-- be chained inside the write's own transaction, holding the council's chain head until that
-- transaction had committed: every other write, and every group of reads' audit rows, waited for
-- it. Now a write stores its audit row here, in its own transaction (so there is never a write
-- without its audit row), and the rows waiting here are moved onto the chain in groups, in the
-- order they were written, by a short transaction that alone takes the head.

CREATE TABLE audit_awaiting_chain (
  la_code        text        NOT NULL CHECK (la_code ~ '^\d{3}$'),
  awaiting_id    bigint      GENERATED ALWAYS AS IDENTITY,
  occurred_at    timestamptz NOT NULL,
  user_id        text        NOT NULL,
  role           text        NOT NULL,
  agency         text        NOT NULL,
  action         text        NOT NULL CHECK (action IN ('read', 'write', 'refused')),
  resource       text        NOT NULL,
  child_id       text,
  outcome        text        NOT NULL,
  correlation_id text        NOT NULL,
  detail         jsonb       NOT NULL,
  PRIMARY KEY (la_code, awaiting_id)
);
COMMENT ON TABLE audit_awaiting_chain IS 'Audit rows written with a write, in its transaction, and not yet moved onto the council''s audit chain (audit_event). Each is moved, unchanged, by the next chaining; rows left by a crash are chained when the service next starts or writes.';
