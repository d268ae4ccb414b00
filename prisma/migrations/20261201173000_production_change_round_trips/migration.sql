-- A change of Production in fewer round trips (issue 15): an approval that deploys sent 20 statements, a
-- rollback 21. These functions do the mechanics of those statements in one round trip each. Every rule stays
-- where it was: who may decide, the tally, the gates, the rollback target, what follows Production are
-- TypeScript (lib/registry, called by lib/services); the stage trigger, the one-Production index, the open-period
-- index, the audit chain and the serving guard check what the functions write exactly as they checked the
-- statements they replace.
--
-- The lock-then-read functions take a row lock first and read afterwards. In a plpgsql function every statement
-- gets a fresh snapshot, so what they read after the lock includes everything committed before the lock was
-- granted (a queued second approver sees the first one's decision; a queued rollback sees the Production the
-- first one left). One plain SQL statement would read the older snapshot it started with.

-- Ids that sort by the time they were made, after every earlier (cuid, "c…") id: production periods and
-- decisions are ordered by (time, id), and the time may repeat within a millisecond.
CREATE FUNCTION "modelgate_time_ordered_id"() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT 'q' || to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS') || substr(md5(random()::text || clock_timestamp()::text), 1, 10)
$$;

-- What gates look at for one version (lib/services/internal/gate-context.ts maps it): the model's policy and
-- metric definitions, the candidate's metrics, metadata and card, the current Production version's metrics.
CREATE FUNCTION "modelgate_gate_inputs"(p_model_id text, p_version_id text) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT json_build_object(
    'gates', (SELECT p."gates" FROM "model_policy" p WHERE p."model_id" = p_model_id),
    'definitions', (SELECT json_agg(json_build_object('key', d."key", 'direction', d."direction", 'isPrimary', d."is_primary") ORDER BY d."id")
       FROM "metric_definition" d WHERE d."model_id" = p_model_id),
    'candidate', (SELECT json_build_object('artifactDigest', c."artifact_digest", 'trainingDataHash', c."training_data_hash", 'codeCommit', c."code_commit",
        'modelCard', c."model_card", 'cardOutline', c."card_outline", 'modelSizeBytes', c."model_size_bytes",
        'metrics', (SELECT json_agg(json_build_object('key', m."key", 'value', m."value", 'evaluationSet', m."evaluation_set", 'slice', m."slice") ORDER BY m."evaluation_set", m."key", m."slice")
          FROM "metric" m WHERE m."version_id" = c."id"))
       FROM "model_version" c WHERE c."id" = p_version_id),
    'baseline', (SELECT json_build_object('id', b."id", 'number', b."number",
        'metrics', (SELECT json_agg(json_build_object('key', m."key", 'value', m."value", 'evaluationSet', m."evaluation_set", 'slice', m."slice") ORDER BY m."evaluation_set", m."key", m."slice")
          FROM "metric" m WHERE m."version_id" = b."id"))
       FROM "model_version" b WHERE b."model_id" = p_model_id AND b."stage" = 'production' AND b."id" <> p_version_id LIMIT 1))
$$;

-- The model's Production periods, newest first, as the rollback rule (lib/registry/rollback.ts) reads them:
-- the version of each, where it is now and whether it is tagged failed.
CREATE FUNCTION "modelgate_production_holders"(p_model_id text, p_limit int) RETURNS json LANGUAGE sql STABLE AS $$
  SELECT COALESCE(json_agg(json_build_object('versionId', v."id", 'number', v."number", 'semver', v."semver", 'stage', v."stage",
      'failed', EXISTS (SELECT 1 FROM "version_tag" t WHERE t."version_id" = v."id" AND t."key" = 'failed')) ORDER BY h."started_at" DESC, h."id" DESC), '[]')
  FROM (SELECT pp."id", pp."version_id", pp."started_at" FROM "production_period" pp WHERE pp."model_id" = p_model_id
        ORDER BY pp."started_at" DESC, pp."id" DESC LIMIT p_limit) h
  JOIN "model_version" v ON v."id" = h."version_id"
$$;

-- Locks a promotion request, then reads it with its version, model, the decisions so far and who stands behind
-- it (for the four-eyes rule). NULL when there is no such request.
CREATE FUNCTION "modelgate_lock_request"(p_request_id text) RETURNS json LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "promotion_request" WHERE "id" = p_request_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  RETURN (
    SELECT json_build_object('id', r."id", 'kind', r."kind", 'status', r."status", 'comment', r."comment",
      'requiredApprovals', r."required_approvals", 'canaryWeight', r."canary_weight",
      'version', json_build_object('id', v."id", 'number', v."number", 'stage', v."stage"),
      'model', json_build_object('id', m."id", 'name', m."name"),
      'decisions', COALESCE((SELECT json_agg(json_build_object('approverId', a."approver_id", 'decision', a."decision") ORDER BY a."created_at", a."id")
        FROM "approval" a WHERE a."request_id" = r."id"), '[]'),
      'separation', json_build_object('requester', r."requested_by_id", 'requesterTokenCreator', rt."created_by_id",
        'author', v."created_by_id", 'authorTokenCreator', vt."created_by_id", 'policy', p."gates"))
    FROM "promotion_request" r
    JOIN "model_version" v ON v."id" = r."version_id"
    JOIN "registered_model" m ON m."id" = r."model_id"
    LEFT JOIN "api_token" rt ON rt."id" = r."requested_via_token_id"
    LEFT JOIN "api_token" vt ON vt."id" = v."created_via_token_id"
    LEFT JOIN "model_policy" p ON p."model_id" = r."model_id"
    WHERE r."id" = p_request_id);
END
$$;

-- Locks the model, then reads the gate inputs for one version and, with p_request_id, how many Production
-- periods began after that request was made.
CREATE FUNCTION "modelgate_lock_model_for_gates"(p_model_id text, p_version_id text, p_request_id text) RETURNS json LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "registered_model" WHERE "id" = p_model_id FOR UPDATE;
  RETURN json_build_object(
    'inputs', "modelgate_gate_inputs"(p_model_id, p_version_id),
    'productionChanges', CASE WHEN p_request_id IS NULL THEN NULL ELSE
      (SELECT count(*) FROM "production_period" pp WHERE pp."model_id" = p_model_id
         AND pp."started_at" > (SELECT r."created_at" FROM "promotion_request" r WHERE r."id" = p_request_id)) END);
END
$$;

-- Finds a model by name and locks it, then reads its Production version and Production periods (see
-- modelgate_production_holders). NULL when there is no such model.
CREATE FUNCTION "modelgate_lock_model_for_rollback"(p_name text, p_lookback int) RETURNS json LANGUAGE plpgsql AS $$
DECLARE
  v_model_id text;
BEGIN
  SELECT "id" INTO v_model_id FROM "registered_model" WHERE "name" = p_name FOR UPDATE;
  IF v_model_id IS NULL THEN
    RETURN NULL;
  END IF;
  RETURN json_build_object(
    'model', (SELECT json_build_object('id', m."id", 'name', m."name") FROM "registered_model" m WHERE m."id" = v_model_id),
    'production', (SELECT json_build_object('id', v."id", 'number', v."number") FROM "model_version" v
       WHERE v."model_id" = v_model_id AND v."stage" = 'production' LIMIT 1),
    'holders', "modelgate_production_holders"(v_model_id, p_lookback));
END
$$;

-- Moves p_version_id (now in p_from_stage) into Production and the current Production version, if any, to
-- Archived, ending its Production period and opening the new one — what lib/services/internal/production.ts
-- sent as six statements. The caller holds the model's row lock. Returns, read after the swap, what the
-- cleanup of serving decides on (lib/services/internal/serving.ts): the replaced version, the model's canary
-- shares, and the protected aliases on the replaced version.
CREATE FUNCTION "modelgate_swap_production"(p_model_id text, p_version_id text, p_from_stage "Stage", p_started_by text, p_ended_reason text, p_now timestamp(3))
RETURNS json LANGUAGE plpgsql AS $$
DECLARE
  v_current_id text;
  v_current_number int;
  v_moved int;
BEGIN
  SELECT "id", "number" INTO v_current_id, v_current_number FROM "model_version"
   WHERE "model_id" = p_model_id AND "stage" = 'production';
  IF v_current_id = p_version_id THEN
    RAISE EXCEPTION 'version % is already in production', p_version_id
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'production_swap_already_production';
  END IF;
  IF v_current_id IS NOT NULL THEN
    UPDATE "model_version" SET "stage" = 'archived', "stage_changed_at" = p_now WHERE "id" = v_current_id;
    UPDATE "production_period" SET "ended_at" = p_now, "ended_reason" = p_ended_reason
     WHERE "model_id" = p_model_id AND "ended_at" IS NULL;
  END IF;
  UPDATE "model_version" SET "stage" = 'production', "stage_changed_at" = p_now
   WHERE "id" = p_version_id AND "model_id" = p_model_id AND "stage" = p_from_stage;
  GET DIAGNOSTICS v_moved = ROW_COUNT;
  IF v_moved <> 1 THEN
    RAISE EXCEPTION 'version % is no longer in %', p_version_id, p_from_stage
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'production_swap_candidate_moved';
  END IF;
  INSERT INTO "production_period" ("id", "model_id", "version_id", "started_at", "started_by")
  VALUES ("modelgate_time_ordered_id"(), p_model_id, p_version_id, p_now, p_started_by);
  RETURN json_build_object(
    'replaced', CASE WHEN v_current_id IS NULL THEN NULL ELSE json_build_object('id', v_current_id, 'number', v_current_number) END,
    'shares', COALESCE((SELECT json_agg(json_build_object('versionId', s."version_id", 'requestId', s."request_id", 'number', v."number", 'weight', s."weight", 'approvedWeight', s."approved_weight") ORDER BY s."granted_at", s."version_id")
       FROM "canary_share" s JOIN "model_version" v ON v."id" = s."version_id" WHERE s."model_id" = p_model_id), '[]'),
    'replacedAliases', COALESCE((SELECT json_agg(a."alias" ORDER BY a."alias") FROM "model_alias" a
       WHERE a."model_id" = p_model_id AND a."version_id" = v_current_id AND lower(a."alias") = ANY ("modelgate_protected_aliases"(p_model_id))), '[]'));
END
$$;
