-- Sign-in hardening.
--
-- A one-time code is good once: the time step of the last code accepted for an account is kept, and
-- a code from that step or an earlier one is refused, even within the clock-drift tolerance. A new
-- secret starts again from none.

ALTER TABLE user_account ADD COLUMN totp_last_step bigint CHECK (totp_last_step >= 0);
COMMENT ON COLUMN user_account.totp_last_step IS 'Time step (RFC 6238, 30 s) of the last one-time code accepted: that code and any earlier are refused.';

-- Lockout counts the failures of every name tried, whether or not an account has it, so that
-- locking does not tell which usernames exist (unknown-user was already recorded; it now counts).
COMMENT ON TABLE sign_in_attempt IS 'Every sign-in attempt, for known and unknown names alike. Lockout (with back-off) is worked out from the failures since the name last signed in.';
