-- Who receives traffic (issue 12, items 2 and 11). A version is served — through a protected alias, the
-- traffic split or resolve — only when it is the Production version or holds a canary share that approvers
-- granted through the same request-and-approval path as Production. The split moves from a JSON column
-- (traffic_split.routes, which nothing could check) to canary_share rows the triggers below can.
-- Renames keep the old name resolving through model_name_redirect.
--
-- Function bodies follow the convention of the first migration (E'' strings, semicolons as \073, literals
-- dollar-quoted as $m$…$m$): Prisma's driver-adapter migration runner splits scripts on every semicolon,
-- and a $$-quoted plpgsql body is cut apart ("unterminated dollar-quoted string").

-- CreateEnum
CREATE TYPE "RequestKind" AS ENUM ('production', 'canary');

-- AlterTable
ALTER TABLE "promotion_request" ADD COLUMN     "canary_weight" INTEGER,
ADD COLUMN     "kind" "RequestKind" NOT NULL DEFAULT 'production';

-- CreateTable
CREATE TABLE "canary_share" (
    "version_id" TEXT NOT NULL,
    "model_id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "approved_weight" INTEGER NOT NULL,
    "weight" INTEGER NOT NULL,
    "baseline_version_id" TEXT NOT NULL,
    "granted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "canary_share_pkey" PRIMARY KEY ("version_id")
);

-- CreateTable
CREATE TABLE "model_name_redirect" (
    "old_name" TEXT NOT NULL,
    "model_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" TEXT,

    CONSTRAINT "model_name_redirect_pkey" PRIMARY KEY ("old_name")
);

-- CreateIndex
CREATE UNIQUE INDEX "canary_share_request_id_key" ON "canary_share"("request_id");

-- CreateIndex
CREATE INDEX "canary_share_model_id_idx" ON "canary_share"("model_id");

-- CreateIndex
CREATE INDEX "model_name_redirect_model_id_idx" ON "model_name_redirect"("model_id");

-- AddForeignKey
ALTER TABLE "canary_share" ADD CONSTRAINT "canary_share_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "registered_model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "canary_share" ADD CONSTRAINT "canary_share_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "model_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "canary_share" ADD CONSTRAINT "canary_share_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "promotion_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_name_redirect" ADD CONSTRAINT "model_name_redirect_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "registered_model"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ===========================================================================
-- Data: nothing that was served without approval stays served.
-- ===========================================================================

-- A stored split sent traffic to Staging versions that no approval covered (there was no canary approval
-- before this migration): all traffic goes back to Production, and the audit says so.
INSERT INTO "audit_event" ("at", "actor_label", "action", "model_id", "model_name", "comment", "data")
SELECT now(), 'migration: serving guards', 'traffic.updated', m."id", m."name",
  'the split sent traffic to versions no approval covered',
  jsonb_build_object('summary', 'all traffic to Production', 'routes', '[]'::jsonb, 'removedRoutes', s."routes")
FROM "traffic_split" s JOIN "registered_model" m ON m."id" = s."model_id"
WHERE EXISTS (
  SELECT 1 FROM jsonb_array_elements(s."routes") r LEFT JOIN "model_version" v ON v."id" = r->>'versionId'
  WHERE v."stage" IS DISTINCT FROM 'production'
)
ORDER BY m."id";

ALTER TABLE "traffic_split" DROP CONSTRAINT "traffic_split_model_id_fkey";
DROP TABLE "traffic_split";

-- The aliases a model's policy protects, lower-cased: the policy's "protectedAliases" list when it has one,
-- else champion. The same rule as protectedAliasesOf() in lib/registry/serving.ts.
CREATE FUNCTION "modelgate_protected_aliases"(p_model_id text) RETURNS text[] LANGUAGE sql STABLE AS E'
  SELECT COALESCE(
    (SELECT ARRAY(SELECT lower(a) FROM jsonb_array_elements_text(p."gates"->$m$protectedAliases$m$) a)
       FROM "model_policy" p
      WHERE p."model_id" = p_model_id AND jsonb_typeof(p."gates"->$m$protectedAliases$m$) = $m$array$m$),
    ARRAY[$m$champion$m$])
';

-- Protected aliases on anything but the Production version are removed, and the audit says so.
INSERT INTO "audit_event" ("at", "actor_label", "action", "model_id", "model_name", "version_id", "version_number", "comment", "data")
SELECT now(), 'migration: serving guards', 'alias.deleted', m."id", m."name", v."id", v."number",
  'a protected alias may point only at the Production version or an approved canary',
  jsonb_build_object('alias', a."alias", 'stage', v."stage")
FROM "model_alias" a
JOIN "registered_model" m ON m."id" = a."model_id"
JOIN "model_version" v ON v."id" = a."version_id"
WHERE lower(a."alias") = ANY ("modelgate_protected_aliases"(a."model_id")) AND v."stage" <> 'production'
ORDER BY m."id", a."alias";

DELETE FROM "model_alias" a USING "model_version" v
WHERE v."id" = a."version_id" AND lower(a."alias") = ANY ("modelgate_protected_aliases"(a."model_id")) AND v."stage" <> 'production';

-- ===========================================================================
-- Invariants enforced by the database itself.
-- ===========================================================================

-- A request is for Production (no weight) or for a canary share of 1-50 % — decided when it is opened.
CREATE FUNCTION "modelgate_check_request_kind"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF (NEW."kind" = $m$canary$m$) <> (NEW."canary_weight" IS NOT NULL) OR NEW."canary_weight" NOT BETWEEN 1 AND 50 THEN
    RAISE EXCEPTION $m$a canary request asks for 1-50 %% of traffic, a Production request for none$m$
      USING ERRCODE = $m$check_violation$m$, CONSTRAINT = $m$promotion_request_kind$m$\073
  END IF\073
  IF TG_OP = $m$UPDATE$m$ AND (NEW."kind" IS DISTINCT FROM OLD."kind" OR NEW."canary_weight" IS DISTINCT FROM OLD."canary_weight") THEN
    RAISE EXCEPTION $m$what a promotion request asks for cannot change$m$
      USING ERRCODE = $m$check_violation$m$, CONSTRAINT = $m$promotion_request_kind$m$\073
  END IF\073
  RETURN NEW\073
END
';

CREATE TRIGGER "promotion_request_kind"
  BEFORE INSERT OR UPDATE ON "promotion_request"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_check_request_kind"();

-- A share exists only through its approved canary request: the request's own version and weight, and the
-- approvals its policy asked for (distinct approvers other than the requester, no rejection). Only the
-- weight served may change afterwards, between 0 and what was approved.
CREATE FUNCTION "modelgate_check_canary_share"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  r record\073
  approvals int\073
BEGIN
  IF NEW."approved_weight" NOT BETWEEN 1 AND 50 OR NEW."weight" NOT BETWEEN 0 AND NEW."approved_weight" THEN
    RAISE EXCEPTION $m$serving_guard: a canary share serves 0-% %% of traffic, not %$m$, NEW."approved_weight", NEW."weight"
      USING ERRCODE = $m$check_violation$m$, CONSTRAINT = $m$serving_guard$m$\073
  END IF\073
  IF TG_OP = $m$UPDATE$m$ THEN
    IF NEW."approved_weight" <> OLD."approved_weight" OR NEW."request_id" <> OLD."request_id" OR NEW."version_id" <> OLD."version_id"
       OR NEW."model_id" <> OLD."model_id" OR NEW."baseline_version_id" <> OLD."baseline_version_id" OR NEW."granted_at" <> OLD."granted_at" THEN
      RAISE EXCEPTION $m$serving_guard: only the weight a canary share serves may change$m$
        USING ERRCODE = $m$check_violation$m$, CONSTRAINT = $m$serving_guard$m$\073
    END IF\073
    RETURN NEW\073
  END IF\073
  SELECT * INTO r FROM "promotion_request" WHERE "id" = NEW."request_id"\073
  IF NOT FOUND OR r."kind" <> $m$canary$m$ OR r."status" <> $m$approved$m$ OR r."version_id" <> NEW."version_id"
     OR r."model_id" <> NEW."model_id" OR r."canary_weight" <> NEW."approved_weight" THEN
    RAISE EXCEPTION $m$serving_guard: a canary share needs an approved canary request for that version and weight$m$
      USING ERRCODE = $m$check_violation$m$, CONSTRAINT = $m$serving_guard$m$\073
  END IF\073
  SELECT count(DISTINCT "approver_id") INTO approvals FROM "approval"
   WHERE "request_id" = r."id" AND "decision" = $m$approve$m$ AND "approver_id" <> r."requested_by_id"\073
  IF approvals < r."required_approvals"
     OR EXISTS (SELECT 1 FROM "approval" WHERE "request_id" = r."id" AND "decision" = $m$reject$m$) THEN
    RAISE EXCEPTION $m$serving_guard: the canary request has % of % approvals$m$, approvals, r."required_approvals"
      USING ERRCODE = $m$check_violation$m$, CONSTRAINT = $m$serving_guard$m$\073
  END IF\073
  RETURN NEW\073
END
';

CREATE TRIGGER "canary_share_check"
  BEFORE INSERT OR UPDATE ON "canary_share"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_check_canary_share"();

-- Who may serve, checked for a whole model when the transaction commits (so a service may archive the old
-- Production version before it moves the alias that pointed at it):
--   * every canary share is on a Staging version not tagged failed, judged against the Production version
--     that serves now (a new Production, or a rollback, ends every share), and the shares add up to 50 % at most;
--   * every alias the policy protects points at the Production version or at a version holding a share.
CREATE FUNCTION "modelgate_check_serving"(p_model_id text) RETURNS void LANGUAGE plpgsql AS E'
DECLARE
  bad record\073
  production_id text\073
  shared int\073
BEGIN
  SELECT "id" INTO production_id FROM "model_version" WHERE "model_id" = p_model_id AND "stage" = $m$production$m$\073
  SELECT v."number", v."stage" INTO bad
    FROM "canary_share" s JOIN "model_version" v ON v."id" = s."version_id"
   WHERE s."model_id" = p_model_id
     AND (v."model_id" <> s."model_id" OR v."stage" <> $m$staging$m$ OR s."baseline_version_id" IS DISTINCT FROM production_id
          OR EXISTS (SELECT 1 FROM "version_tag" t WHERE t."version_id" = v."id" AND t."key" = $m$failed$m$))
   LIMIT 1\073
  IF FOUND THEN
    RAISE EXCEPTION $m$serving_guard: the canary share of v% no longer holds (the version is in %, failed, or Production changed since its approval)$m$, bad."number", bad."stage"
      USING ERRCODE = $m$check_violation$m$, CONSTRAINT = $m$serving_guard$m$\073
  END IF\073
  SELECT COALESCE(sum("weight"), 0) INTO shared FROM "canary_share" WHERE "model_id" = p_model_id\073
  IF shared > 50 THEN
    RAISE EXCEPTION $m$serving_guard: canary shares add up to % %%\073 Production keeps at least half of the traffic$m$, shared
      USING ERRCODE = $m$check_violation$m$, CONSTRAINT = $m$serving_guard$m$\073
  END IF\073
  SELECT a."alias", v."number", v."stage" INTO bad
    FROM "model_alias" a JOIN "model_version" v ON v."id" = a."version_id"
   WHERE a."model_id" = p_model_id
     AND lower(a."alias") = ANY ("modelgate_protected_aliases"(p_model_id))
     AND ((v."stage" <> $m$production$m$ AND NOT EXISTS (SELECT 1 FROM "canary_share" s WHERE s."version_id" = v."id"))
          OR EXISTS (SELECT 1 FROM "version_tag" t WHERE t."version_id" = v."id" AND t."key" = $m$failed$m$))
   LIMIT 1\073
  IF FOUND THEN
    RAISE EXCEPTION $m$serving_guard: @% may serve only the Production version or an approved canary\073 v% is in %$m$, bad."alias", bad."number", bad."stage"
      USING ERRCODE = $m$check_violation$m$, CONSTRAINT = $m$serving_guard$m$\073
  END IF\073
END
';

CREATE FUNCTION "modelgate_serving_guard"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  row_model_id text\073
BEGIN
  IF TG_TABLE_NAME = $m$version_tag$m$ THEN
    SELECT "model_id" INTO row_model_id FROM "model_version" WHERE "id" = NEW."version_id"\073
  ELSIF TG_OP = $m$DELETE$m$ THEN
    row_model_id := OLD."model_id"\073
  ELSE
    row_model_id := NEW."model_id"\073
  END IF\073
  IF row_model_id IS NOT NULL AND EXISTS (SELECT 1 FROM "registered_model" WHERE "id" = row_model_id) THEN
    PERFORM "modelgate_check_serving"(row_model_id)\073
  END IF\073
  RETURN NULL\073
END
';

CREATE CONSTRAINT TRIGGER "model_alias_serving_guard"
  AFTER INSERT OR UPDATE ON "model_alias" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "modelgate_serving_guard"();

CREATE CONSTRAINT TRIGGER "canary_share_serving_guard"
  AFTER INSERT OR UPDATE OR DELETE ON "canary_share" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "modelgate_serving_guard"();

-- Only moves that can change who may serve: leaving Staging (a canary) or Production, or entering Production
-- (a new baseline). Testing and Archived versions hold no share and no protected alias, so bulk moves between
-- them (a benchmark archiving 100,000 versions) check nothing.
CREATE CONSTRAINT TRIGGER "model_version_serving_guard"
  AFTER UPDATE OF "stage" ON "model_version" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD."stage" IS DISTINCT FROM NEW."stage" AND (OLD."stage" IN ('staging', 'production') OR NEW."stage" = 'production'))
  EXECUTE FUNCTION "modelgate_serving_guard"();

CREATE CONSTRAINT TRIGGER "model_policy_serving_guard"
  AFTER INSERT OR UPDATE ON "model_policy" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "modelgate_serving_guard"();

CREATE CONSTRAINT TRIGGER "version_tag_serving_guard"
  AFTER INSERT OR UPDATE ON "version_tag" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW."key" = 'failed')
  EXECUTE FUNCTION "modelgate_serving_guard"();

-- Model names and redirects are one namespace: a model cannot take a name a redirect holds for another
-- model, nor a redirect a name a model has. The advisory lock on the name makes the two checks race-free.
CREATE FUNCTION "modelgate_check_model_name"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_TABLE_NAME = $m$registered_model$m$ THEN
    PERFORM pg_advisory_xact_lock(hashtextextended($m$model-name:$m$ || NEW."name", 0))\073
    IF EXISTS (SELECT 1 FROM "model_name_redirect" WHERE "old_name" = NEW."name" AND "model_id" <> NEW."id") THEN
      RAISE EXCEPTION $m$the name % still redirects to another model\073 remove that redirect first$m$, NEW."name"
        USING ERRCODE = $m$unique_violation$m$, CONSTRAINT = $m$model_name_redirect_reserved$m$\073
    END IF\073
  ELSE
    PERFORM pg_advisory_xact_lock(hashtextextended($m$model-name:$m$ || NEW."old_name", 0))\073
    IF EXISTS (SELECT 1 FROM "registered_model" WHERE "name" = NEW."old_name") THEN
      RAISE EXCEPTION $m$the name % belongs to a model and cannot redirect$m$, NEW."old_name"
        USING ERRCODE = $m$unique_violation$m$, CONSTRAINT = $m$model_name_redirect_reserved$m$\073
    END IF\073
  END IF\073
  RETURN NEW\073
END
';

CREATE TRIGGER "registered_model_name_free"
  BEFORE INSERT OR UPDATE OF "name" ON "registered_model"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_check_model_name"();

CREATE TRIGGER "model_name_redirect_name_free"
  BEFORE INSERT OR UPDATE ON "model_name_redirect"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_check_model_name"();
