-- A user can be disabled (a judge who left, a leaked password): they can no longer sign in, and
-- their sessions end. Nothing is deleted: marks and audit entries keep pointing at the user.
ALTER TABLE users ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;
