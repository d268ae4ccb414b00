-- The governed record, kept by the database itself (issue 12, item 14): what served Production stays, and the
-- metrics and lineage of a registered version cannot grow after the fact.
-- (Function bodies are E-strings with \073 for semicolons and $m$ quotes, as in the earlier migrations: the
-- migration runner splits statements on every semicolon outside single quotes, in comments too.)
--
-- 1. The metrics and parents of a version are written only by the transaction that registers it. Before,
--    the immutability triggers guarded UPDATE and DELETE only, so a later INSERT into "metric" or
--    "version_lineage" added a metric or a parent that the version page then showed as part of the record.
--    "created_xid" is the id of the registering transaction (xid8: never wraps), set by the database on
--    INSERT whatever the statement says and never changed afterwards: the check compares it with the id of
--    the inserting transaction (top-level, so savepoints change nothing). It runs once per statement, over
--    its new rows, so registering 10,000 metrics costs one lookup per version, not one per row.
--    Existing versions get the id of the transaction that runs this migration, which never comes again.
ALTER TABLE "model_version" ADD COLUMN "created_xid" xid8 NOT NULL DEFAULT pg_current_xact_id();

CREATE FUNCTION "modelgate_stamp_version_xid"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = $m$INSERT$m$ THEN
    NEW."created_xid" := pg_current_xact_id()\073
  ELSIF NEW."created_xid" IS DISTINCT FROM OLD."created_xid" THEN
    RAISE EXCEPTION $m$model version % is immutable: created_xid cannot change$m$, OLD."id"
      USING ERRCODE = $m$integrity_constraint_violation$m$, CONSTRAINT = $m$model_version_immutable$m$\073
  END IF\073
  RETURN NEW\073
END ';

CREATE TRIGGER "model_version_stamp_xid"
  BEFORE INSERT OR UPDATE OF "created_xid" ON "model_version"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_stamp_version_xid"();

CREATE FUNCTION "modelgate_refuse_late_metric"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF EXISTS (
    SELECT 1 FROM "inserted" i
    WHERE NOT EXISTS (SELECT 1 FROM "model_version" v WHERE v."id" = i."version_id" AND v."created_xid" = pg_current_xact_id())
  ) THEN
    RAISE EXCEPTION $m$metric rows are written only by the transaction that registers their version$m$
      USING ERRCODE = $m$integrity_constraint_violation$m$, CONSTRAINT = $m$metric_immutable$m$\073
  END IF\073
  RETURN NULL\073
END ';

CREATE TRIGGER "metric_only_at_registration"
  AFTER INSERT ON "metric" REFERENCING NEW TABLE AS "inserted"
  FOR EACH STATEMENT EXECUTE FUNCTION "modelgate_refuse_late_metric"();

CREATE FUNCTION "modelgate_refuse_late_lineage"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF EXISTS (
    SELECT 1 FROM "inserted" i
    WHERE NOT EXISTS (SELECT 1 FROM "model_version" v WHERE v."id" = i."child_id" AND v."created_xid" = pg_current_xact_id())
  ) THEN
    RAISE EXCEPTION $m$version_lineage rows are written only by the transaction that registers the child version$m$
      USING ERRCODE = $m$integrity_constraint_violation$m$, CONSTRAINT = $m$version_lineage_immutable$m$\073
  END IF\073
  RETURN NULL\073
END ';

CREATE TRIGGER "version_lineage_only_at_registration"
  AFTER INSERT ON "version_lineage" REFERENCING NEW TABLE AS "inserted"
  FOR EACH STATEMENT EXECUTE FUNCTION "modelgate_refuse_late_lineage"();

-- 2. Production history is kept. A production_period row answers "what served at time T": it is opened when a
--    version reaches Production and closed (ended_at, ended_reason, once) when it leaves. Nothing else about it
--    changes, and it is never deleted — also not by a cascade from its version or model, so deleting a version
--    that ever served Production, or its model, fails here even when the check in the application is bypassed.
CREATE FUNCTION "modelgate_guard_production_period"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = $m$UPDATE$m$
     AND NEW."id" IS NOT DISTINCT FROM OLD."id"
     AND NEW."model_id" IS NOT DISTINCT FROM OLD."model_id"
     AND NEW."version_id" IS NOT DISTINCT FROM OLD."version_id"
     AND NEW."started_at" IS NOT DISTINCT FROM OLD."started_at"
     AND NEW."started_by" IS NOT DISTINCT FROM OLD."started_by"
     AND (OLD."ended_at" IS NULL OR (NEW."ended_at" IS NOT DISTINCT FROM OLD."ended_at" AND NEW."ended_reason" IS NOT DISTINCT FROM OLD."ended_reason")) THEN
    RETURN NEW\073
  END IF\073
  RAISE EXCEPTION $m$Production history is kept: % of production_period rows is refused (only closing an open period is allowed)$m$, TG_OP
    USING ERRCODE = $m$integrity_constraint_violation$m$, CONSTRAINT = $m$production_period_kept$m$\073
END ';

CREATE TRIGGER "production_period_kept"
  BEFORE UPDATE OR DELETE ON "production_period"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_guard_production_period"();

CREATE TRIGGER "production_period_no_truncate"
  BEFORE TRUNCATE ON "production_period"
  FOR EACH STATEMENT EXECUTE FUNCTION "modelgate_guard_production_period"();

-- 3. Versions in Staging or Production, and versions that ever served Production, are never deleted (the
--    application refuses first, with a friendlier message: lib/services/internal/deletable.ts).
CREATE FUNCTION "modelgate_refuse_governed_version_delete"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF OLD."stage" IN ($m$staging$m$, $m$production$m$) THEN
    RAISE EXCEPTION $m$model version % is in %: versions in Staging or Production are never deleted$m$, OLD."id", OLD."stage"
      USING ERRCODE = $m$integrity_constraint_violation$m$, CONSTRAINT = $m$model_version_governed$m$\073
  END IF\073
  IF EXISTS (SELECT 1 FROM "production_period" p WHERE p."version_id" = OLD."id") THEN
    RAISE EXCEPTION $m$model version % served Production: Production history is kept, so it is never deleted$m$, OLD."id"
      USING ERRCODE = $m$integrity_constraint_violation$m$, CONSTRAINT = $m$model_version_governed$m$\073
  END IF\073
  RETURN OLD\073
END ';

CREATE TRIGGER "model_version_governed"
  BEFORE DELETE ON "model_version"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_refuse_governed_version_delete"();
