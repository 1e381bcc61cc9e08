-- The files of documents kept on a child's record (letters, reports, conference minutes, photos of
-- a safety plan). What a document is (its title, kind, file name, detected type, size, SHA-256 and
-- the event it belongs to) is the child's event document.added; its bytes are here, written in the
-- same transaction as that event, so the embedded database serves them and a backup carries them.
--
-- A file belongs to the document.added event that first recorded it: removing that event (which
-- only a retention disposal may do, migration 0022) removes the file with it. The reference is
-- checked at commit, as the file is written before the event in the same transaction.

CREATE TABLE document_content (
  la_code      text NOT NULL,
  document_id  uuid NOT NULL,
  child_id     text NOT NULL,
  event_id     uuid NOT NULL,
  content_type text NOT NULL CHECK (content_type IN (
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.oasis.opendocument.text',
    'image/jpeg', 'image/png', 'image/heic', 'image/heif',
    'text/plain')),
  size_bytes   bigint NOT NULL CHECK (size_bytes > 0 AND size_bytes = octet_length(content)),
  sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content      bytea NOT NULL,
  stored_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (la_code, document_id),
  UNIQUE (la_code, event_id),
  FOREIGN KEY (la_code, event_id) REFERENCES child_event (la_code, event_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  CHECK (sha256 = encode(sha256(content), 'hex'))
);
COMMENT ON TABLE document_content IS 'The bytes of each document on a child''s record, as uploaded, with the content type detected from them (never from the file''s name). The document itself is the child''s event document.added (event_id); written with it, removed with it by a retention disposal, otherwise never changed.';
COMMENT ON COLUMN document_content.content_type IS 'Detected from the file''s bytes when it was uploaded: what a download is served as.';
COMMENT ON COLUMN document_content.sha256 IS 'Hex SHA-256 of content, as the event records it: checked here, so the two cannot differ.';
CREATE INDEX document_content_by_child ON document_content (la_code, child_id);

-- Added to, never changed; a file leaves only with its event, in a retention disposal (the
-- tombstone written in the same transaction, as for child_event).
CREATE FUNCTION refuse_change_to_document_content() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('safeguard.disposal', true) = 'on' AND EXISTS (
    SELECT 1 FROM child_disposal d WHERE d.la_code = OLD.la_code AND d.child_id = OLD.child_id AND d.disposed_at = now()
  ) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'document_content is append-only: a document''s file leaves only when its record is disposed of';
END;
$$;
COMMENT ON FUNCTION refuse_change_to_document_content IS 'Refuses UPDATE of a document''s file, and DELETE except in a retention disposal of its child.';
CREATE TRIGGER document_content_is_append_only BEFORE UPDATE OR DELETE ON document_content FOR EACH ROW EXECUTE FUNCTION refuse_change_to_document_content();
CREATE TRIGGER document_content_cannot_be_emptied BEFORE TRUNCATE ON document_content FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_record();
