-- CreateEnum
CREATE TYPE "Role" AS ENUM ('viewer', 'scientist', 'approver', 'admin');

-- CreateEnum
CREATE TYPE "Stage" AS ENUM ('testing', 'staging', 'production', 'archived');

-- CreateEnum
CREATE TYPE "MetricDirection" AS ENUM ('higher', 'lower');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('pending', 'approved', 'rejected', 'cancelled');

-- CreateEnum
CREATE TYPE "Decision" AS ENUM ('approve', 'reject');

-- CreateTable
CREATE TABLE "app_user" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "role" "Role" NOT NULL DEFAULT 'viewer',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "registered_model" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "owner_id" TEXT NOT NULL,
    "next_version_number" INTEGER NOT NULL DEFAULT 1,
    "last_stable_version_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "last_activity_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "registered_model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_version" (
    "id" TEXT NOT NULL,
    "model_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "semver" TEXT NOT NULL,
    "major" INTEGER NOT NULL,
    "minor" INTEGER NOT NULL,
    "patch" INTEGER NOT NULL,
    "data_version" TEXT NOT NULL,
    "stage" "Stage" NOT NULL DEFAULT 'testing',
    "artifact_uri" TEXT NOT NULL,
    "artifact_digest" TEXT,
    "framework" TEXT,
    "hyperparameters" JSONB NOT NULL DEFAULT '{}',
    "features" JSONB NOT NULL DEFAULT '[]',
    "training_data_hash" TEXT,
    "training_data_source" TEXT,
    "code_commit" TEXT,
    "training_duration_sec" DOUBLE PRECISION,
    "training_resources" JSONB,
    "description" TEXT NOT NULL DEFAULT '',
    "model_card" TEXT NOT NULL DEFAULT '',
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stage_changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "version_lineage" (
    "child_id" TEXT NOT NULL,
    "parent_id" TEXT NOT NULL,

    CONSTRAINT "version_lineage_pkey" PRIMARY KEY ("child_id","parent_id")
);

-- CreateTable
CREATE TABLE "metric" (
    "id" TEXT NOT NULL,
    "version_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "evaluation_set" TEXT NOT NULL DEFAULT 'default',
    "slice" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "metric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metric_definition" (
    "id" TEXT NOT NULL,
    "model_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "direction" "MetricDirection" NOT NULL DEFAULT 'higher',
    "is_primary" BOOLEAN NOT NULL DEFAULT false,
    "description" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "metric_definition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "version_tag" (
    "version_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "version_tag_pkey" PRIMARY KEY ("version_id","key")
);

-- CreateTable
CREATE TABLE "model_alias" (
    "model_id" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "version_id" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_alias_pkey" PRIMARY KEY ("model_id","alias")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT,
    "actor_label" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "model_id" TEXT,
    "model_name" TEXT,
    "version_id" TEXT,
    "version_number" INTEGER,
    "from_stage" "Stage",
    "to_stage" "Stage",
    "comment" TEXT,
    "override" BOOLEAN NOT NULL DEFAULT false,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promotion_request" (
    "id" TEXT NOT NULL,
    "model_id" TEXT NOT NULL,
    "version_id" TEXT NOT NULL,
    "target_stage" "Stage" NOT NULL DEFAULT 'production',
    "status" "RequestStatus" NOT NULL DEFAULT 'pending',
    "requested_by_id" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "gate_results" JSONB NOT NULL DEFAULT '[]',
    "required_approvals" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMP(3),

    CONSTRAINT "promotion_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approval" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "approver_id" TEXT NOT NULL,
    "decision" "Decision" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "approval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_policy" (
    "model_id" TEXT NOT NULL,
    "gates" JSONB NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" TEXT,

    CONSTRAINT "model_policy_pkey" PRIMARY KEY ("model_id")
);

-- CreateTable
CREATE TABLE "production_period" (
    "id" TEXT NOT NULL,
    "model_id" TEXT NOT NULL,
    "version_id" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMP(3),
    "started_by" TEXT NOT NULL,
    "ended_reason" TEXT,

    CONSTRAINT "production_period_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "registered_model_name_key" ON "registered_model"("name");

-- CreateIndex
CREATE INDEX "registered_model_last_activity_at_idx" ON "registered_model"("last_activity_at" DESC);

-- CreateIndex
CREATE INDEX "model_version_model_id_stage_number_idx" ON "model_version"("model_id", "stage", "number" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "model_version_model_id_number_key" ON "model_version"("model_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "model_version_model_id_semver_key" ON "model_version"("model_id", "semver");

-- CreateIndex
CREATE INDEX "version_lineage_parent_id_idx" ON "version_lineage"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "metric_version_id_key_evaluation_set_slice_key" ON "metric"("version_id", "key", "evaluation_set", "slice");

-- CreateIndex
CREATE UNIQUE INDEX "metric_definition_model_id_key_key" ON "metric_definition"("model_id", "key");

-- CreateIndex
CREATE INDEX "version_tag_key_value_idx" ON "version_tag"("key", "value");

-- CreateIndex
CREATE INDEX "audit_event_model_id_id_idx" ON "audit_event"("model_id", "id" DESC);

-- CreateIndex
CREATE INDEX "audit_event_actor_id_id_idx" ON "audit_event"("actor_id", "id" DESC);

-- CreateIndex
CREATE INDEX "audit_event_at_idx" ON "audit_event"("at");

-- CreateIndex
CREATE INDEX "promotion_request_status_created_at_idx" ON "promotion_request"("status", "created_at");

-- CreateIndex
CREATE INDEX "promotion_request_model_id_status_idx" ON "promotion_request"("model_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "approval_request_id_approver_id_key" ON "approval"("request_id", "approver_id");

-- CreateIndex
CREATE INDEX "production_period_model_id_started_at_idx" ON "production_period"("model_id", "started_at" DESC);

-- AddForeignKey
ALTER TABLE "registered_model" ADD CONSTRAINT "registered_model_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registered_model" ADD CONSTRAINT "registered_model_last_stable_version_id_fkey" FOREIGN KEY ("last_stable_version_id") REFERENCES "model_version"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_version" ADD CONSTRAINT "model_version_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "registered_model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_version" ADD CONSTRAINT "model_version_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "version_lineage" ADD CONSTRAINT "version_lineage_child_id_fkey" FOREIGN KEY ("child_id") REFERENCES "model_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "version_lineage" ADD CONSTRAINT "version_lineage_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "model_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metric" ADD CONSTRAINT "metric_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "model_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metric_definition" ADD CONSTRAINT "metric_definition_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "registered_model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "version_tag" ADD CONSTRAINT "version_tag_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "model_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_alias" ADD CONSTRAINT "model_alias_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "registered_model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_alias" ADD CONSTRAINT "model_alias_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "model_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_request" ADD CONSTRAINT "promotion_request_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "registered_model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_request" ADD CONSTRAINT "promotion_request_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "model_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_request" ADD CONSTRAINT "promotion_request_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval" ADD CONSTRAINT "approval_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "promotion_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval" ADD CONSTRAINT "approval_approver_id_fkey" FOREIGN KEY ("approver_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_policy" ADD CONSTRAINT "model_policy_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "registered_model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "production_period" ADD CONSTRAINT "production_period_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "registered_model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "production_period" ADD CONSTRAINT "production_period_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "model_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Function bodies are written as E'' strings with every semicolon spelled \073 and string literals
-- dollar-quoted ($m$...$m$): some migration runners (Prisma's driver-adapter path) split scripts on every
-- every semicolon, which would cut a dollar-quoted plpgsql body apart. Postgres stores the same function either way.
-- ===========================================================================
-- Invariants enforced by the database itself (hand-written, Prisma keeps them).
-- ===========================================================================

-- At most one Production version per model, whatever the application does.
CREATE UNIQUE INDEX "model_version_one_production_per_model"
  ON "model_version" ("model_id") WHERE "stage" = 'production';

-- At most one primary metric per model.
CREATE UNIQUE INDEX "metric_definition_one_primary_per_model"
  ON "metric_definition" ("model_id") WHERE "is_primary";

-- A registered version's identity, artifact, data and lineage never change. Only its stage,
-- description and model card change (tags live in their own table).
CREATE FUNCTION "modelgate_refuse_version_mutation"() RETURNS trigger LANGUAGE plpgsql AS E'
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
    RAISE EXCEPTION $m$model version % is immutable: only stage, description and model card may change$m$, OLD."id"
      USING ERRCODE = $m$integrity_constraint_violation$m$, CONSTRAINT = $m$model_version_immutable$m$\073
  END IF\073
  RETURN NEW\073
END ';

CREATE TRIGGER "model_version_immutable"
  BEFORE UPDATE ON "model_version"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_refuse_version_mutation"();

-- Stage moves the registry knows. The application checks the same table first (lib/registry/stages.ts),
-- this catches anything that goes around it. archived -> production is the rollback path.
CREATE FUNCTION "modelgate_check_stage_transition"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW."stage" IS DISTINCT FROM OLD."stage" AND NOT (
       (OLD."stage" = $m$testing$m$    AND NEW."stage" IN ($m$staging$m$, $m$archived$m$))
    OR (OLD."stage" = $m$staging$m$    AND NEW."stage" IN ($m$production$m$, $m$testing$m$, $m$archived$m$))
    OR (OLD."stage" = $m$production$m$ AND NEW."stage" = $m$archived$m$)
    OR (OLD."stage" = $m$archived$m$   AND NEW."stage" IN ($m$testing$m$, $m$production$m$))
  ) THEN
    RAISE EXCEPTION $m$stage transition % -> % is not allowed$m$, OLD."stage", NEW."stage"
      USING ERRCODE = $m$check_violation$m$, CONSTRAINT = $m$model_version_stage_transition$m$\073
  END IF\073
  IF NEW."stage" IS DISTINCT FROM OLD."stage" AND NEW."stage_changed_at" IS NOT DISTINCT FROM OLD."stage_changed_at" THEN
    NEW."stage_changed_at" := now()\073
  END IF\073
  RETURN NEW\073
END ';

CREATE TRIGGER "model_version_stage_transition"
  BEFORE UPDATE OF "stage" ON "model_version"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_check_stage_transition"();

-- New versions always start in testing, with a well-formed number, semver and digest.
CREATE FUNCTION "modelgate_check_new_version"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW."stage" <> $m$testing$m$ THEN
    RAISE EXCEPTION $m$new versions must be registered in testing, not %$m$, NEW."stage"
      USING ERRCODE = $m$check_violation$m$, CONSTRAINT = $m$model_version_created_in_testing$m$\073
  END IF\073
  IF NEW."number" < 1 OR NEW."major" < 0 OR NEW."minor" < 0 OR NEW."patch" < 0
     OR NEW."semver" <> NEW."major" || $m$.$m$ || NEW."minor" || $m$.$m$ || NEW."patch" THEN
    RAISE EXCEPTION $m$version number % / semver % is malformed$m$, NEW."number", NEW."semver"
      USING ERRCODE = $m$check_violation$m$, CONSTRAINT = $m$model_version_semver_format$m$\073
  END IF\073
  IF NEW."artifact_digest" IS NOT NULL AND NEW."artifact_digest" !~ $m$^sha256:[0-9a-f]{64}$$m$ THEN
    RAISE EXCEPTION $m$artifact digest must be sha256:<64 hex digits>$m$
      USING ERRCODE = $m$check_violation$m$, CONSTRAINT = $m$model_version_digest_format$m$\073
  END IF\073
  RETURN NEW\073
END'
;

-- (CHECK constraints would say this more briefly, but Prisma's schema describer cannot read them yet.)
CREATE TRIGGER "model_version_check_new"
  BEFORE INSERT ON "model_version"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_check_new_version"();

-- Metrics and lineage belong to the immutable record: no UPDATE, and DELETE only as part of deleting the
-- version itself (the cascade runs after the parent row is gone).
CREATE FUNCTION "modelgate_refuse_child_mutation"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  parent_id text\073
BEGIN
  IF TG_OP = $m$UPDATE$m$ THEN
    RAISE EXCEPTION $m$% rows are immutable$m$, TG_TABLE_NAME
      USING ERRCODE = $m$integrity_constraint_violation$m$, CONSTRAINT = TG_TABLE_NAME || $m$_immutable$m$\073
  END IF\073
  IF TG_TABLE_NAME = $m$metric$m$ THEN parent_id := OLD."version_id"\073 ELSE parent_id := OLD."child_id"\073 END IF\073
  IF EXISTS (SELECT 1 FROM "model_version" WHERE "id" = parent_id) THEN
    RAISE EXCEPTION $m$% rows of an existing version cannot be deleted$m$, TG_TABLE_NAME
      USING ERRCODE = $m$integrity_constraint_violation$m$, CONSTRAINT = TG_TABLE_NAME || $m$_immutable$m$\073
  END IF\073
  RETURN OLD\073
END ';

CREATE TRIGGER "metric_immutable"
  BEFORE UPDATE OR DELETE ON "metric"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_refuse_child_mutation"();

CREATE TRIGGER "version_lineage_immutable"
  BEFORE UPDATE OR DELETE ON "version_lineage"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_refuse_child_mutation"();

-- The audit log is append-only.
CREATE FUNCTION "modelgate_refuse_audit_change"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION $m$audit events are append-only (% refused)$m$, TG_OP
    USING ERRCODE = $m$insufficient_privilege$m$, CONSTRAINT = $m$audit_event_append_only$m$\073
END ';

CREATE TRIGGER "audit_event_append_only"
  BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_refuse_audit_change"();

CREATE TRIGGER "audit_event_no_truncate"
  BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "modelgate_refuse_audit_change"();

-- One pending promotion request per version, one open Production period per model.
CREATE UNIQUE INDEX "promotion_request_one_pending_per_version"
  ON "promotion_request" ("version_id") WHERE "status" = 'pending';

CREATE UNIQUE INDEX "production_period_one_open_per_model"
  ON "production_period" ("model_id") WHERE "ended_at" IS NULL;

-- Nobody decides their own promotion request.
CREATE FUNCTION "modelgate_refuse_self_approval"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF EXISTS (SELECT 1 FROM "promotion_request" r WHERE r."id" = NEW."request_id" AND r."requested_by_id" = NEW."approver_id") THEN
    RAISE EXCEPTION $m$the requester cannot decide their own promotion request$m$
      USING ERRCODE = $m$check_violation$m$, CONSTRAINT = $m$approval_not_by_requester$m$\073
  END IF\073
  RETURN NEW\073
END'
;

CREATE TRIGGER "approval_not_by_requester"
  BEFORE INSERT OR UPDATE ON "approval"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_refuse_self_approval"();

-- Decisions are part of the record: never rewritten.
CREATE TRIGGER "approval_append_only"
  BEFORE UPDATE OR DELETE ON "approval"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_refuse_audit_change"();
