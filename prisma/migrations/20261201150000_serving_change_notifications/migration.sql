-- Change notifications for the serving caches (issue 15, serving path). Every app instance keeps what
-- resolve, route and the bearer-token check read in memory and LISTENs on modelgate_change: these triggers
-- send a NOTIFY in the same transaction as the change, so it is delivered exactly when the change commits
-- (and never for a change that rolled back). Payloads:
--   model:<id>  the versions in Staging or Production, the aliases or the canary shares of one model changed
--   auth        a token, a person or a per-model grant changed (revocation, role, disabling)
--   all         a model was created, renamed or deleted, or a former name was added or removed
-- Postgres folds identical notifications of one transaction into one, so a bulk change sends one per model.
-- Registering a version (stage none) sends nothing: resolve and route never answer with such a version.
--
-- Function bodies are $$-quoted, as prisma/migrations/README.md says.

CREATE FUNCTION "modelgate_notify_model_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('modelgate_change', 'model:' || OLD."model_id");
  ELSE
    PERFORM pg_notify('modelgate_change', 'model:' || NEW."model_id");
    IF TG_OP = 'UPDATE' AND OLD."model_id" IS DISTINCT FROM NEW."model_id" THEN
      PERFORM pg_notify('modelgate_change', 'model:' || OLD."model_id");
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION "modelgate_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('modelgate_change', TG_ARGV[0]);
  RETURN NULL;
END
$$;

-- Versions: only rows that are, or were, in a stage resolve answers for (Staging, Production).
CREATE TRIGGER "model_version_notify_insert" AFTER INSERT ON "model_version"
  FOR EACH ROW WHEN (NEW."stage" IN ('staging', 'production')) EXECUTE FUNCTION "modelgate_notify_model_change"();

CREATE TRIGGER "model_version_notify_update"
  AFTER UPDATE OF "stage", "artifact_uri", "artifact_digest", "semver", "number", "stage_changed_at", "model_id" ON "model_version"
  FOR EACH ROW WHEN ((OLD."stage" IN ('staging', 'production') OR NEW."stage" IN ('staging', 'production')) AND (
    OLD."stage" IS DISTINCT FROM NEW."stage" OR OLD."artifact_uri" IS DISTINCT FROM NEW."artifact_uri"
    OR OLD."artifact_digest" IS DISTINCT FROM NEW."artifact_digest" OR OLD."semver" IS DISTINCT FROM NEW."semver"
    OR OLD."number" IS DISTINCT FROM NEW."number" OR OLD."stage_changed_at" IS DISTINCT FROM NEW."stage_changed_at"
    OR OLD."model_id" IS DISTINCT FROM NEW."model_id"))
  EXECUTE FUNCTION "modelgate_notify_model_change"();

CREATE TRIGGER "model_version_notify_delete" AFTER DELETE ON "model_version"
  FOR EACH ROW WHEN (OLD."stage" IN ('staging', 'production')) EXECUTE FUNCTION "modelgate_notify_model_change"();

-- Aliases (an alias can point at a version in any stage) and canary shares: every change.
CREATE TRIGGER "model_alias_notify" AFTER INSERT OR UPDATE OR DELETE ON "model_alias"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_notify_model_change"();

CREATE TRIGGER "canary_share_notify" AFTER INSERT OR UPDATE OR DELETE ON "canary_share"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_notify_model_change"();

-- Names: a model created, renamed or deleted, a former name added or removed. Rare, so everything is dropped.
CREATE TRIGGER "registered_model_notify_insert_delete" AFTER INSERT OR DELETE ON "registered_model"
  FOR EACH STATEMENT EXECUTE FUNCTION "modelgate_notify_change"('all');

CREATE TRIGGER "registered_model_notify_rename" AFTER UPDATE OF "name" ON "registered_model"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION "modelgate_notify_change"('all');

CREATE TRIGGER "model_name_redirect_notify" AFTER INSERT OR UPDATE OR DELETE ON "model_name_redirect"
  FOR EACH STATEMENT EXECUTE FUNCTION "modelgate_notify_change"('all');

-- Who may call: tokens (not last_used_at, which is written once a minute per token), people, grants.
CREATE TRIGGER "api_token_notify_update"
  AFTER UPDATE OF "revoked_at", "expires_at", "role", "kind", "model_id", "owner_id", "token_hash", "name" ON "api_token"
  FOR EACH STATEMENT EXECUTE FUNCTION "modelgate_notify_change"('auth');

CREATE TRIGGER "api_token_notify_delete" AFTER DELETE ON "api_token"
  FOR EACH STATEMENT EXECUTE FUNCTION "modelgate_notify_change"('auth');

CREATE TRIGGER "app_user_notify" AFTER UPDATE OF "role", "disabled", "kind", "email" ON "app_user"
  FOR EACH STATEMENT EXECUTE FUNCTION "modelgate_notify_change"('auth');

CREATE TRIGGER "app_user_notify_delete" AFTER DELETE ON "app_user"
  FOR EACH STATEMENT EXECUTE FUNCTION "modelgate_notify_change"('auth');

CREATE TRIGGER "model_grant_notify" AFTER INSERT OR UPDATE OR DELETE ON "model_grant"
  FOR EACH STATEMENT EXECUTE FUNCTION "modelgate_notify_change"('auth');
