-- A case's entries, found by what they name (its case number; its creation by its id): the dossier's audit
-- excerpt looks them up by (object_type, object_id) instead of reading the whole log.
CREATE INDEX audit_log_object ON audit_log(object_type, object_id);
