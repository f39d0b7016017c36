-- Each entry signed by the account whose session appended it (victimcare.security.audit): who signed,
-- which of its keys (a short id of the Ed25519 public key) and the signature over the entry hash.
ALTER TABLE audit_log ADD COLUMN signed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN key_id TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN sig TEXT NOT NULL DEFAULT '';
