-- A half-filled intake form, kept when the screen locks and offered back at the next sign-in: one per
-- account, in the sensitive compartment because a draft may hold everything the form asks.
CREATE TABLE intake_drafts(
    account TEXT PRIMARY KEY,
    data TEXT NOT NULL,                     -- the form's values as JSON (a photo as base64)
    saved_at TEXT NOT NULL
) STRICT;
