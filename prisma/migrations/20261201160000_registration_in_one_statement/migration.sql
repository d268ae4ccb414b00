-- Registration in one statement (issue 15). A registration reads what it must know (the model's version
-- counter, the latest semver, an idempotency key, a same-digest version) without a lock, decides in the
-- service (lib/registry: semver bump, clashes), then writes the version, its children and its audit event
-- in one statement that takes the model's row lock through this function. The counter is the model's
-- registration stamp: every registration increments it under the row lock, so when it still holds the value
-- that was read, nothing the decision depended on has changed. Otherwise the statement is refused with
-- registration_state_changed and the service decides again under the lock (register-version.ts).
-- The UPDATE waits for the row lock and re-checks its WHERE on the newest row version, so a registration
-- that committed while this one waited is seen here.
CREATE FUNCTION "modelgate_take_version_number"(p_model_id text, p_expected integer, p_at timestamptz) RETURNS integer
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "registered_model"
  SET "next_version_number" = "next_version_number" + 1, "last_activity_at" = p_at, "updated_at" = p_at
  WHERE "id" = p_model_id AND "next_version_number" = p_expected;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'another version of model % was registered since its state was read', p_model_id
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'registration_state_changed';
  END IF;
  RETURN p_expected;
END $$;
