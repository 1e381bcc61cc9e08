-- Single sign-on with the council's identity provider (OpenID Connect): sign-ins started and not yet
-- finished, and a sign-in attempt outcome for a reply from the provider that proves no one.

CREATE TABLE oidc_pending_sign_in (
  la_code        text        NOT NULL CHECK (la_code ~ '^\d{3}$'),
  token_hash     bytea       NOT NULL CHECK (length(token_hash) = 32),
  state          text        NOT NULL CHECK (length(state) BETWEEN 22 AND 200),
  nonce          text        NOT NULL CHECK (length(nonce) BETWEEN 22 AND 200),
  code_verifier  text        NOT NULL CHECK (length(code_verifier) BETWEEN 43 AND 128),
  -- A path on this site only: never another site's address (no open redirects).
  return_to      text        NOT NULL CHECK (return_to LIKE '/%' AND return_to NOT LIKE '//%' AND position(chr(92) IN return_to) = 0 AND length(return_to) <= 1000),
  created_at     timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL CHECK (expires_at > created_at),
  PRIMARY KEY (la_code, token_hash)
);
COMMENT ON TABLE oidc_pending_sign_in IS 'Sign-ins sent to the council''s identity provider and not yet back: PKCE code verifier, state, nonce and the page to return to. The browser holds a random token in a cookie; only its sha256 is stored. Each row is used once and lasts ten minutes.';
CREATE INDEX oidc_pending_sign_in_by_expiry ON oidc_pending_sign_in (la_code, expires_at);

ALTER TABLE sign_in_attempt DROP CONSTRAINT sign_in_attempt_outcome_check;
ALTER TABLE sign_in_attempt ADD CONSTRAINT sign_in_attempt_outcome_check
  CHECK (outcome IN ('signed-in', 'second-factor-required', 'wrong-password', 'wrong-code', 'unknown-user', 'locked', 'disabled', 'identity-not-proven'));
