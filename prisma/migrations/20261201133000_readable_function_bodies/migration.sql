-- Every function of the earlier migrations again, with the same behaviour, written as a reader expects:
-- $$-quoted bodies with plain semicolons and ordinary '...' literals, so that grep finds what a trigger says
-- and does. The earlier migrations spelled bodies as E'' strings with each semicolon as \073 because the
-- runner then in use (Prisma's CLI through @prisma/adapter-pg's executeScript) cut scripts at every
-- semicolon; scripts/lib/migrate.ts now applies each file whole (see README.md in this folder). Those
-- migrations stay as they were: their checksums are recorded in every database that applied them.
--
-- One change besides the quoting: the append-only function is shared by audit_event and approval, and now
-- names the constraint of the table it guards (approval_append_only for approvals, as its trigger is
-- called) instead of audit_event_append_only for both (lib/db/constraints.ts maps both).


-- A registered version's identity, artifact, data and lineage never change. Only its stage,
-- description and model card change (tags live in their own table).
-- (first created in 20261125083609_init)
CREATE OR REPLACE FUNCTION "modelgate_refuse_version_mutation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."id" IS DISTINCT FROM OLD."id"
     OR NEW."model_id" IS DISTINCT FROM OLD."model_id"
     OR NEW."number" IS DISTINCT FROM OLD."number"
     OR NEW."semver" IS DISTINCT FROM OLD."semver"
     OR NEW."major" IS DISTINCT FROM OLD."major"
     OR NEW."minor" IS DISTINCT FROM OLD."minor"
     OR NEW."patch" IS DISTINCT FROM OLD."patch"
     OR NEW."data_version" IS DISTINCT FROM OLD."data_version"
     OR NEW."artifact_uri" IS DISTINCT FROM OLD."artifact_uri"
     OR NEW."artifact_digest" IS DISTINCT FROM OLD."artifact_digest"
     OR NEW."framework" IS DISTINCT FROM OLD."framework"
     OR NEW."hyperparameters" IS DISTINCT FROM OLD."hyperparameters"
     OR NEW."features" IS DISTINCT FROM OLD."features"
     OR NEW."training_data_hash" IS DISTINCT FROM OLD."training_data_hash"
     OR NEW."training_data_source" IS DISTINCT FROM OLD."training_data_source"
     OR NEW."code_commit" IS DISTINCT FROM OLD."code_commit"
     OR NEW."training_duration_sec" IS DISTINCT FROM OLD."training_duration_sec"
     OR NEW."training_resources" IS DISTINCT FROM OLD."training_resources"
     OR NEW."created_at" IS DISTINCT FROM OLD."created_at" THEN
    RAISE EXCEPTION 'model version % is immutable: only stage, description and model card may change', OLD."id"
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'model_version_immutable';
  END IF;
  RETURN NEW;
END
$$;

-- Stage moves the registry knows. The application checks the same table first (lib/registry/stages.ts),
-- this catches anything that goes around it. archived -> production is the rollback path.
-- (first created in 20261125083609_init)
CREATE OR REPLACE FUNCTION "modelgate_check_stage_transition"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."stage" IS DISTINCT FROM OLD."stage" AND NOT (
       (OLD."stage" = 'testing'    AND NEW."stage" IN ('staging', 'archived'))
    OR (OLD."stage" = 'staging'    AND NEW."stage" IN ('production', 'testing', 'archived'))
    OR (OLD."stage" = 'production' AND NEW."stage" = 'archived')
    OR (OLD."stage" = 'archived'   AND NEW."stage" IN ('testing', 'production'))
  ) THEN
    RAISE EXCEPTION 'stage transition % -> % is not allowed', OLD."stage", NEW."stage"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'model_version_stage_transition';
  END IF;
  IF NEW."stage" IS DISTINCT FROM OLD."stage" AND NEW."stage_changed_at" IS NOT DISTINCT FROM OLD."stage_changed_at" THEN
    NEW."stage_changed_at" := now();
  END IF;
  RETURN NEW;
END
$$;

-- New versions always start in testing, with a well-formed number, semver and digest.
-- (first created in 20261125083609_init)
CREATE OR REPLACE FUNCTION "modelgate_check_new_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."stage" <> 'testing' THEN
    RAISE EXCEPTION 'new versions must be registered in testing, not %', NEW."stage"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'model_version_created_in_testing';
  END IF;
  IF NEW."number" < 1 OR NEW."major" < 0 OR NEW."minor" < 0 OR NEW."patch" < 0
     OR NEW."semver" <> NEW."major" || '.' || NEW."minor" || '.' || NEW."patch" THEN
    RAISE EXCEPTION 'version number % / semver % is malformed', NEW."number", NEW."semver"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'model_version_semver_format';
  END IF;
  IF NEW."artifact_digest" IS NOT NULL AND NEW."artifact_digest" !~ '^sha256:[0-9a-f]{64}$' THEN
    RAISE EXCEPTION 'artifact digest must be sha256:<64 hex digits>'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'model_version_digest_format';
  END IF;
  RETURN NEW;
END
$$;

-- Metrics and lineage belong to the immutable record: no UPDATE, and DELETE only as part of deleting the
-- version itself (the cascade runs after the parent row is gone).
-- (first created in 20261125083609_init)
CREATE OR REPLACE FUNCTION "modelgate_refuse_child_mutation"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_id text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = TG_TABLE_NAME || '_immutable';
  END IF;
  IF TG_TABLE_NAME = 'metric' THEN parent_id := OLD."version_id"; ELSE parent_id := OLD."child_id"; END IF;
  IF EXISTS (SELECT 1 FROM "model_version" WHERE "id" = parent_id) THEN
    RAISE EXCEPTION '% rows of an existing version cannot be deleted', TG_TABLE_NAME
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = TG_TABLE_NAME || '_immutable';
  END IF;
  RETURN OLD;
END
$$;

-- The audit log is append-only.
-- (first created in 20261125083609_init)
CREATE OR REPLACE FUNCTION "modelgate_refuse_audit_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege', CONSTRAINT = TG_TABLE_NAME || '_append_only';
END
$$;

-- Nobody decides their own promotion request.
-- (first created in 20261125083609_init)
CREATE OR REPLACE FUNCTION "modelgate_refuse_self_approval"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "promotion_request" r WHERE r."id" = NEW."request_id" AND r."requested_by_id" = NEW."approver_id") THEN
    RAISE EXCEPTION 'the requester cannot decide their own promotion request'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'approval_not_by_requester';
  END IF;
  RETURN NEW;
END
$$;

-- The exact text that is hashed: a JSON array of the event's fields, in this order. Exports include it,
-- so an auditor can re-check sha256(prev_hash || canonical) = hash outside the app.
-- (first created in 20261125090500_audit_chain_grants_tokens)
CREATE OR REPLACE FUNCTION "modelgate_audit_canonical"(e "audit_event") RETURNS text LANGUAGE sql STABLE AS $$
  SELECT json_build_array(e.chain_key, e.chain_seq, to_char(e.at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), e.actor_id, e.actor_label,
    e.action, e.model_id, e.model_name, e.version_id, e.version_number, e.from_stage, e.to_stage, e.comment, e.override, e.data)::text
$$;

-- (first created in 20261125090500_audit_chain_grants_tokens)
CREATE OR REPLACE FUNCTION "modelgate_audit_hash"(prev_hash text, e "audit_event") RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(prev_hash || "modelgate_audit_canonical"(e), 'UTF8')), 'hex')
$$;

-- Every new event is linked to the tail of its chain. The advisory lock serialises appends to one chain
-- (services already hold the model's row lock by then, so this adds no new waiting for model events).
-- (first created in 20261125090500_audit_chain_grants_tokens)
CREATE OR REPLACE FUNCTION "modelgate_chain_audit_event"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tail record;
BEGIN
  NEW.chain_key := CASE WHEN NEW.model_id IS NULL THEN 'global' ELSE 'model:' || NEW.model_id END;
  PERFORM pg_advisory_xact_lock(hashtextextended(NEW.chain_key, 0));
  SELECT chain_seq, hash INTO tail FROM audit_event WHERE chain_key = NEW.chain_key ORDER BY chain_seq DESC LIMIT 1;
  NEW.chain_seq := COALESCE(tail.chain_seq, 0) + 1;
  NEW.prev_hash := COALESCE(tail.hash, repeat('0', 64));
  NEW.hash := "modelgate_audit_hash"(NEW.prev_hash, NEW);
  RETURN NEW;
END
$$;

-- The counts change in the same statement as the versions, so they are exactly as consistent as the versions.
-- Statement-level triggers with transition tables: one counter write per model and stage per statement, so a
-- bulk insert of 100,000 versions costs one upsert, not 100,000 updates of the same row. Counter rows are
-- written in (model, stage) order, so two statements never lock them crosswise, and every stage-changing
-- service takes the model row lock first anyway.
-- (first created in 20261125120000_stage_counts)
CREATE OR REPLACE FUNCTION "modelgate_count_inserted_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "model_stage_count" ("model_id", "stage", "versions")
    SELECT "model_id", "stage", count(*)::int FROM "added" GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("model_id", "stage") DO UPDATE SET "versions" = "model_stage_count"."versions" + EXCLUDED."versions";
  RETURN NULL;
END
$$;

-- Deletions only lower existing counters: when a whole model is deleted its counters are already gone.
-- (first created in 20261125120000_stage_counts)
CREATE OR REPLACE FUNCTION "modelgate_count_deleted_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "model_stage_count" c SET "versions" = c."versions" - r."n"
    FROM (SELECT "model_id", "stage", count(*)::int AS "n" FROM "removed" GROUP BY 1, 2) r
    WHERE c."model_id" = r."model_id" AND c."stage" = r."stage";
  RETURN NULL;
END
$$;

-- (first created in 20261125120000_stage_counts)
CREATE OR REPLACE FUNCTION "modelgate_count_moved_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "model_stage_count" ("model_id", "stage", "versions")
    SELECT "model_id", "stage", sum("delta")::int FROM (
      SELECT a."model_id", a."stage", 1 AS "delta" FROM "after" a JOIN "before" b ON b."id" = a."id" WHERE a."stage" <> b."stage"
      UNION ALL
      SELECT b."model_id", b."stage", -1 FROM "after" a JOIN "before" b ON b."id" = a."id" WHERE a."stage" <> b."stage"
    ) moves GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("model_id", "stage") DO UPDATE SET "versions" = "model_stage_count"."versions" + EXCLUDED."versions";
  RETURN NULL;
END
$$;

-- The aliases a model's policy protects, lower-cased: the policy's "protectedAliases" list when it has one,
-- else champion. The same rule as protectedAliasesOf() in lib/registry/serving.ts.
-- (first created in 20261201090000_serving_guards)
CREATE OR REPLACE FUNCTION "modelgate_protected_aliases"(p_model_id text) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT COALESCE(
    (SELECT ARRAY(SELECT lower(a) FROM jsonb_array_elements_text(p."gates"->'protectedAliases') a)
       FROM "model_policy" p
      WHERE p."model_id" = p_model_id AND jsonb_typeof(p."gates"->'protectedAliases') = 'array'),
    ARRAY['champion'])
$$;

-- A request is for Production (no weight) or for a canary share of 1-50 % — decided when it is opened.
-- (first created in 20261201090000_serving_guards)
CREATE OR REPLACE FUNCTION "modelgate_check_request_kind"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW."kind" = 'canary') <> (NEW."canary_weight" IS NOT NULL) OR NEW."canary_weight" NOT BETWEEN 1 AND 50 THEN
    RAISE EXCEPTION 'a canary request asks for 1-50 %% of traffic, a Production request for none'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'promotion_request_kind';
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW."kind" IS DISTINCT FROM OLD."kind" OR NEW."canary_weight" IS DISTINCT FROM OLD."canary_weight") THEN
    RAISE EXCEPTION 'what a promotion request asks for cannot change'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'promotion_request_kind';
  END IF;
  RETURN NEW;
END
$$;

-- A share exists only through its approved canary request: the request's own version and weight, and the
-- approvals its policy asked for (distinct approvers other than the requester, no rejection). Only the
-- weight served may change afterwards, between 0 and what was approved.
-- (first created in 20261201090000_serving_guards)
CREATE OR REPLACE FUNCTION "modelgate_check_canary_share"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
  approvals int;
BEGIN
  IF NEW."approved_weight" NOT BETWEEN 1 AND 50 OR NEW."weight" NOT BETWEEN 0 AND NEW."approved_weight" THEN
    RAISE EXCEPTION 'serving_guard: a canary share serves 0-% %% of traffic, not %', NEW."approved_weight", NEW."weight"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'serving_guard';
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF NEW."approved_weight" <> OLD."approved_weight" OR NEW."request_id" <> OLD."request_id" OR NEW."version_id" <> OLD."version_id"
       OR NEW."model_id" <> OLD."model_id" OR NEW."baseline_version_id" <> OLD."baseline_version_id" OR NEW."granted_at" <> OLD."granted_at" THEN
      RAISE EXCEPTION 'serving_guard: only the weight a canary share serves may change'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'serving_guard';
    END IF;
    RETURN NEW;
  END IF;
  SELECT * INTO r FROM "promotion_request" WHERE "id" = NEW."request_id";
  IF NOT FOUND OR r."kind" <> 'canary' OR r."status" <> 'approved' OR r."version_id" <> NEW."version_id"
     OR r."model_id" <> NEW."model_id" OR r."canary_weight" <> NEW."approved_weight" THEN
    RAISE EXCEPTION 'serving_guard: a canary share needs an approved canary request for that version and weight'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'serving_guard';
  END IF;
  SELECT count(DISTINCT "approver_id") INTO approvals FROM "approval"
   WHERE "request_id" = r."id" AND "decision" = 'approve' AND "approver_id" <> r."requested_by_id";
  IF approvals < r."required_approvals"
     OR EXISTS (SELECT 1 FROM "approval" WHERE "request_id" = r."id" AND "decision" = 'reject') THEN
    RAISE EXCEPTION 'serving_guard: the canary request has % of % approvals', approvals, r."required_approvals"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'serving_guard';
  END IF;
  RETURN NEW;
END
$$;

-- Who may serve, checked for a whole model when the transaction commits (so a service may archive the old
-- Production version before it moves the alias that pointed at it):
--   * every canary share is on a Staging version not tagged failed, judged against the Production version
--     that serves now (a new Production, or a rollback, ends every share), and the shares add up to 50 % at most;
--   * every alias the policy protects points at the Production version or at a version holding a share.
-- (first created in 20261201090000_serving_guards)
CREATE OR REPLACE FUNCTION "modelgate_check_serving"(p_model_id text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  bad record;
  production_id text;
  shared int;
BEGIN
  SELECT "id" INTO production_id FROM "model_version" WHERE "model_id" = p_model_id AND "stage" = 'production';
  SELECT v."number", v."stage" INTO bad
    FROM "canary_share" s JOIN "model_version" v ON v."id" = s."version_id"
   WHERE s."model_id" = p_model_id
     AND (v."model_id" <> s."model_id" OR v."stage" <> 'staging' OR s."baseline_version_id" IS DISTINCT FROM production_id
          OR EXISTS (SELECT 1 FROM "version_tag" t WHERE t."version_id" = v."id" AND t."key" = 'failed'))
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'serving_guard: the canary share of v% no longer holds (the version is in %, failed, or Production changed since its approval)', bad."number", bad."stage"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'serving_guard';
  END IF;
  SELECT COALESCE(sum("weight"), 0) INTO shared FROM "canary_share" WHERE "model_id" = p_model_id;
  IF shared > 50 THEN
    RAISE EXCEPTION 'serving_guard: canary shares add up to % %%; Production keeps at least half of the traffic', shared
      USING ERRCODE = 'check_violation', CONSTRAINT = 'serving_guard';
  END IF;
  SELECT a."alias", v."number", v."stage" INTO bad
    FROM "model_alias" a JOIN "model_version" v ON v."id" = a."version_id"
   WHERE a."model_id" = p_model_id
     AND lower(a."alias") = ANY ("modelgate_protected_aliases"(p_model_id))
     AND ((v."stage" <> 'production' AND NOT EXISTS (SELECT 1 FROM "canary_share" s WHERE s."version_id" = v."id"))
          OR EXISTS (SELECT 1 FROM "version_tag" t WHERE t."version_id" = v."id" AND t."key" = 'failed'))
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'serving_guard: @% may serve only the Production version or an approved canary; v% is in %', bad."alias", bad."number", bad."stage"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'serving_guard';
  END IF;
END
$$;

-- (first created in 20261201090000_serving_guards)
CREATE OR REPLACE FUNCTION "modelgate_serving_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_model_id text;
BEGIN
  IF TG_TABLE_NAME = 'version_tag' THEN
    SELECT "model_id" INTO row_model_id FROM "model_version" WHERE "id" = NEW."version_id";
  ELSIF TG_OP = 'DELETE' THEN
    row_model_id := OLD."model_id";
  ELSE
    row_model_id := NEW."model_id";
  END IF;
  IF row_model_id IS NOT NULL AND EXISTS (SELECT 1 FROM "registered_model" WHERE "id" = row_model_id) THEN
    PERFORM "modelgate_check_serving"(row_model_id);
  END IF;
  RETURN NULL;
END
$$;

-- Model names and redirects are one namespace: a model cannot take a name a redirect holds for another
-- model, nor a redirect a name a model has. The advisory lock on the name makes the two checks race-free.
-- (first created in 20261201090000_serving_guards)
CREATE OR REPLACE FUNCTION "modelgate_check_model_name"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'registered_model' THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('model-name:' || NEW."name", 0));
    IF EXISTS (SELECT 1 FROM "model_name_redirect" WHERE "old_name" = NEW."name" AND "model_id" <> NEW."id") THEN
      RAISE EXCEPTION 'the name % still redirects to another model; remove that redirect first', NEW."name"
        USING ERRCODE = 'unique_violation', CONSTRAINT = 'model_name_redirect_reserved';
    END IF;
  ELSE
    PERFORM pg_advisory_xact_lock(hashtextextended('model-name:' || NEW."old_name", 0));
    IF EXISTS (SELECT 1 FROM "registered_model" WHERE "name" = NEW."old_name") THEN
      RAISE EXCEPTION 'the name % belongs to a model and cannot redirect', NEW."old_name"
        USING ERRCODE = 'unique_violation', CONSTRAINT = 'model_name_redirect_reserved';
    END IF;
  END IF;
  RETURN NEW;
END
$$;

-- The outbox for webhooks registered through the webhooks API of MLflow 3 (webhook.format = mlflow).
-- Their events are the registry changes MLflow names: a model or version created, a version tag set or
-- deleted, an alias set or deleted. The app queues deliveries for Modelgate hooks itself, one statement
-- per subscribable event. Doing the same here would add a round trip to every registration and tag
-- change, so this trigger queues MLflow hooks in the same transaction as the audit event, with the same
-- payload the app writes (lib/services/internal/outbox.ts). Only the six actions fire it.
-- (first created in 20261201100000_mlflow_webhook_outbox)
CREATE OR REPLACE FUNCTION "modelgate_enqueue_mlflow_webhooks"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "webhook_delivery" ("delivery_id", "webhook_id", "event_type", "payload", "next_attempt_at", "created_at")
    SELECT gen_random_uuid()::text, w."id", NEW."action",
      jsonb_build_object(
        'event', NEW."action",
        'occurredAt', to_char(NEW."at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'actor', NEW."actor_label",
        'model', NEW."model_name",
        'version', NEW."version_number",
        'fromStage', NEW."from_stage",
        'toStage', NEW."to_stage",
        'comment', NEW."comment",
        'data', COALESCE(NEW."data", '{}'::jsonb)),
      now(), now()
    FROM "webhook" w
    WHERE w."format" = 'mlflow' AND w."active" AND NOT w."disabled" AND NEW."action" = ANY (w."events")
      AND (w."model_id" IS NULL OR w."model_id" = NEW."model_id");
  RETURN NULL;
END
$$;

-- (first created in 20261201110000_credentials_serving_sso_sign_in)
CREATE OR REPLACE FUNCTION "modelgate_api_token_owner"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."created_by_id" IS NULL THEN
    RAISE EXCEPTION 'api token % needs the person who created it', NEW."id"
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'api_token_owned_by_creator';
  END IF;
  IF NEW."owner_id" <> NEW."created_by_id"
     AND NOT EXISTS (SELECT 1 FROM "app_user" WHERE "id" = NEW."owner_id" AND "kind" = 'service') THEN
    RAISE EXCEPTION 'api token % must belong to its creator or to a service account', NEW."id"
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'api_token_owned_by_creator';
  END IF;
  RETURN NEW;
END
$$;

-- One function for both tables whose user column must name a person (the column is the trigger's argument):
-- approval.approver_id, user_identity.user_id.
-- (first created in 20261201110000_credentials_serving_sso_sign_in)
CREATE OR REPLACE FUNCTION "modelgate_person_only"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  subject_id text := to_jsonb(NEW) ->> TG_ARGV[0];
BEGIN
  IF EXISTS (SELECT 1 FROM "app_user" WHERE "id" = subject_id AND "kind" <> 'person') THEN
    RAISE EXCEPTION 'service account % cannot appear in %', subject_id, TG_TABLE_NAME
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = TG_TABLE_NAME || '_by_person';
  END IF;
  RETURN NEW;
END
$$;

-- (first created in 20261201120000_governed_rows)
CREATE OR REPLACE FUNCTION "modelgate_stamp_version_xid"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW."created_xid" := pg_current_xact_id();
  ELSIF NEW."created_xid" IS DISTINCT FROM OLD."created_xid" THEN
    RAISE EXCEPTION 'model version % is immutable: created_xid cannot change', OLD."id"
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'model_version_immutable';
  END IF;
  RETURN NEW;
END
$$;

-- (first created in 20261201120000_governed_rows)
CREATE OR REPLACE FUNCTION "modelgate_refuse_late_metric"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM "inserted" i
    WHERE NOT EXISTS (SELECT 1 FROM "model_version" v WHERE v."id" = i."version_id" AND v."created_xid" = pg_current_xact_id())
  ) THEN
    RAISE EXCEPTION 'metric rows are written only by the transaction that registers their version'
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'metric_immutable';
  END IF;
  RETURN NULL;
END
$$;

-- (first created in 20261201120000_governed_rows)
CREATE OR REPLACE FUNCTION "modelgate_refuse_late_lineage"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM "inserted" i
    WHERE NOT EXISTS (SELECT 1 FROM "model_version" v WHERE v."id" = i."child_id" AND v."created_xid" = pg_current_xact_id())
  ) THEN
    RAISE EXCEPTION 'version_lineage rows are written only by the transaction that registers the child version'
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'version_lineage_immutable';
  END IF;
  RETURN NULL;
END
$$;

-- 2. Production history is kept. A production_period row answers "what served at time T": it is opened when a
--    version reaches Production and closed (ended_at, ended_reason, once) when it leaves. Nothing else about it
--    changes, and it is never deleted — also not by a cascade from its version or model, so deleting a version
--    that ever served Production, or its model, fails here even when the check in the application is bypassed.
-- (first created in 20261201120000_governed_rows)
CREATE OR REPLACE FUNCTION "modelgate_guard_production_period"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW."id" IS NOT DISTINCT FROM OLD."id"
     AND NEW."model_id" IS NOT DISTINCT FROM OLD."model_id"
     AND NEW."version_id" IS NOT DISTINCT FROM OLD."version_id"
     AND NEW."started_at" IS NOT DISTINCT FROM OLD."started_at"
     AND NEW."started_by" IS NOT DISTINCT FROM OLD."started_by"
     AND (OLD."ended_at" IS NULL OR (NEW."ended_at" IS NOT DISTINCT FROM OLD."ended_at" AND NEW."ended_reason" IS NOT DISTINCT FROM OLD."ended_reason")) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'Production history is kept: % of production_period rows is refused (only closing an open period is allowed)', TG_OP
    USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'production_period_kept';
END
$$;

-- 3. Versions in Staging or Production, and versions that ever served Production, are never deleted (the
--    application refuses first, with a friendlier message: lib/services/internal/deletable.ts).
-- (first created in 20261201120000_governed_rows)
CREATE OR REPLACE FUNCTION "modelgate_refuse_governed_version_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."stage" IN ('staging', 'production') THEN
    RAISE EXCEPTION 'model version % is in %: versions in Staging or Production are never deleted', OLD."id", OLD."stage"
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'model_version_governed';
  END IF;
  IF EXISTS (SELECT 1 FROM "production_period" p WHERE p."version_id" = OLD."id") THEN
    RAISE EXCEPTION 'model version % served Production: Production history is kept, so it is never deleted', OLD."id"
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'model_version_governed';
  END IF;
  RETURN OLD;
END
$$;

-- (first created in 20261201130000_card_outline)
CREATE OR REPLACE FUNCTION "modelgate_guard_card_outline"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."model_card" IS DISTINCT FROM OLD."model_card" THEN
    NEW."card_outline" := NULL;
  ELSIF NEW."card_outline" IS DISTINCT FROM OLD."card_outline" AND NEW."card_outline" IS NOT NULL THEN
    RAISE EXCEPTION 'model version %: card_outline is written when the version is registered, never later', OLD."id"
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'model_version_immutable';
  END IF;
  RETURN NEW;
END
$$;
