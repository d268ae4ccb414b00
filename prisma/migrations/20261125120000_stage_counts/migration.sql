-- Versions per model and stage, kept by a trigger, so the board and the model list read four numbers
-- instead of counting a model's versions on every request (a count over 100,000 versions took 120-250 ms).

-- CreateTable
CREATE TABLE "model_stage_count" (
    "model_id" TEXT NOT NULL,
    "stage" "Stage" NOT NULL,
    "versions" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "model_stage_count_pkey" PRIMARY KEY ("model_id","stage")
);

-- AddForeignKey
ALTER TABLE "model_stage_count" ADD CONSTRAINT "model_stage_count_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "registered_model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The counts change in the same statement as the versions, so they are exactly as consistent as the versions.
-- Statement-level triggers with transition tables: one counter write per model and stage per statement, so a
-- bulk insert of 100,000 versions costs one upsert, not 100,000 updates of the same row. Counter rows are
-- written in (model, stage) order, so two statements never lock them crosswise, and every stage-changing
-- service takes the model row lock first anyway.
CREATE FUNCTION "modelgate_count_inserted_versions"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "model_stage_count" ("model_id", "stage", "versions")
    SELECT "model_id", "stage", count(*)::int FROM "added" GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("model_id", "stage") DO UPDATE SET "versions" = "model_stage_count"."versions" + EXCLUDED."versions"\073
  RETURN NULL\073
END ';

-- Deletions only lower existing counters: when a whole model is deleted its counters are already gone.
CREATE FUNCTION "modelgate_count_deleted_versions"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "model_stage_count" c SET "versions" = c."versions" - r."n"
    FROM (SELECT "model_id", "stage", count(*)::int AS "n" FROM "removed" GROUP BY 1, 2) r
    WHERE c."model_id" = r."model_id" AND c."stage" = r."stage"\073
  RETURN NULL\073
END ';

CREATE FUNCTION "modelgate_count_moved_versions"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "model_stage_count" ("model_id", "stage", "versions")
    SELECT "model_id", "stage", sum("delta")::int FROM (
      SELECT a."model_id", a."stage", 1 AS "delta" FROM "after" a JOIN "before" b ON b."id" = a."id" WHERE a."stage" <> b."stage"
      UNION ALL
      SELECT b."model_id", b."stage", -1 FROM "after" a JOIN "before" b ON b."id" = a."id" WHERE a."stage" <> b."stage"
    ) moves GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("model_id", "stage") DO UPDATE SET "versions" = "model_stage_count"."versions" + EXCLUDED."versions"\073
  RETURN NULL\073
END ';

CREATE TRIGGER "model_version_count_inserted"
  AFTER INSERT ON "model_version" REFERENCING NEW TABLE AS "added"
  FOR EACH STATEMENT EXECUTE FUNCTION "modelgate_count_inserted_versions"();

CREATE TRIGGER "model_version_count_deleted"
  AFTER DELETE ON "model_version" REFERENCING OLD TABLE AS "removed"
  FOR EACH STATEMENT EXECUTE FUNCTION "modelgate_count_deleted_versions"();

CREATE TRIGGER "model_version_count_moved"
  AFTER UPDATE ON "model_version" REFERENCING OLD TABLE AS "before" NEW TABLE AS "after"
  FOR EACH STATEMENT EXECUTE FUNCTION "modelgate_count_moved_versions"();

-- Backfill from the versions that exist.
INSERT INTO "model_stage_count" ("model_id", "stage", "versions")
  SELECT "model_id", "stage", count(*)::int FROM "model_version" GROUP BY "model_id", "stage";
