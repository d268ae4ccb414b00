-- Registration in one statement (issue 15). A registration reads what it must know (the model's version
-- counter, the latest semver, an idempotency key, a same-digest version) without a lock, decides in the
-- service (lib/registry: semver bump, clashes), then writes the version, its children and its audit event
-- in one statement that takes the model's row lock through this function. The counter is the model's
-- registration stamp: every registration increments it under the row lock, so when it still holds the value
-- that was read, nothing the decision depended on has changed. Otherwise — or when someone else holds the
-- row at this moment, so that waiting would most likely end in a changed counter — the statement is refused
-- with registration_state_changed at once, and the service decides again under the lock (register-version.ts).
-- FOR UPDATE reads the newest committed row version, whatever the statement's snapshot saw.
CREATE FUNCTION "modelgate_take_version_number"(p_model_id text, p_expected integer, p_at timestamptz) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  current integer;
BEGIN
  SELECT "next_version_number" INTO current FROM "registered_model" WHERE "id" = p_model_id FOR UPDATE SKIP LOCKED;
  IF NOT FOUND OR current <> p_expected THEN
    RAISE EXCEPTION 'another version of model % was registered since its state was read, or is being registered', p_model_id
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'registration_state_changed';
  END IF;
  UPDATE "registered_model"
  SET "next_version_number" = "next_version_number" + 1, "last_activity_at" = p_at, "updated_at" = p_at
  WHERE "id" = p_model_id;
  RETURN p_expected;
END $$;
