-- The release desk (issue 16, item 1): what may change after registration, and what may not.
-- (Function bodies are $$-quoted, as prisma/migrations/README.md asks: scripts/lib/migrate.ts applies the file whole.)
--
-- 1. New fields of a version. The changelog and the migration notes are documentation and may be edited like
--    the description and the card. The environment requirements and the size of the artifact describe the
--    artifact itself, so they are written at registration and never change.
ALTER TABLE "model_version" ADD COLUMN "changelog" TEXT NOT NULL DEFAULT '';
ALTER TABLE "model_version" ADD COLUMN "migration_notes" TEXT NOT NULL DEFAULT '';
ALTER TABLE "model_version" ADD COLUMN "environment" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "model_version" ADD COLUMN "model_size_bytes" DOUBLE PRECISION;

-- 2. The record stays immutable, now with the new artifact fields and the token it was registered with:
--    an UPDATE of any of these columns is refused by the database, whatever the application does.
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
     OR NEW."environment" IS DISTINCT FROM OLD."environment"
     OR NEW."model_size_bytes" IS DISTINCT FROM OLD."model_size_bytes"
     OR NEW."created_via_token_id" IS DISTINCT FROM OLD."created_via_token_id"
     OR NEW."created_at" IS DISTINCT FROM OLD."created_at" THEN
    RAISE EXCEPTION 'model version % is immutable: only stage, description, model card, changelog and migration notes may change', OLD."id"
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'model_version_immutable';
  END IF;
  RETURN NEW;
END $$;

-- 3. A card edit recomputes the outline the gates read. The statement that changes the card may write the
--    outline of the new card (the application parses it, as at registration). A card change without a new
--    outline clears it (the gates then parse the card), and the outline alone never changes.
CREATE OR REPLACE FUNCTION "modelgate_guard_card_outline"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."model_card" IS DISTINCT FROM OLD."model_card" THEN
    IF NEW."card_outline" IS NOT DISTINCT FROM OLD."card_outline" THEN
      NEW."card_outline" := NULL;
    END IF;
  ELSIF NEW."card_outline" IS DISTINCT FROM OLD."card_outline" AND NEW."card_outline" IS NOT NULL THEN
    RAISE EXCEPTION 'model version %: card_outline changes only with the card', OLD."id"
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'model_version_immutable';
  END IF;
  RETURN NEW;
END $$;

-- 4. Every state of every card: revision 1 is the card registered, each edit adds the next. Append-only (the
--    runtime role may only SELECT and INSERT it, and a trigger refuses UPDATE, and DELETE while the version exists).
CREATE TABLE "model_card_revision" (
  "id" BIGSERIAL NOT NULL,
  "version_id" TEXT NOT NULL,
  "revision" INTEGER NOT NULL,
  "model_card" TEXT NOT NULL,
  "actor_id" TEXT,
  "actor_label" TEXT NOT NULL,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "model_card_revision_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "model_card_revision_version_id_revision_key" ON "model_card_revision"("version_id", "revision");
ALTER TABLE "model_card_revision" ADD CONSTRAINT "model_card_revision_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "model_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION "modelgate_keep_card_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' OR EXISTS (SELECT 1 FROM "model_version" WHERE "id" = OLD."version_id") THEN
    RAISE EXCEPTION 'model_card_revision rows are immutable'
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'model_card_revision_immutable';
  END IF;
  RETURN OLD;
END $$;

CREATE TRIGGER "model_card_revision_immutable"
  BEFORE UPDATE OR DELETE ON "model_card_revision"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_keep_card_revision"();

-- Versions registered before this keep the card they were registered with (nothing could edit a card until now).
INSERT INTO "model_card_revision" ("version_id", "revision", "model_card", "actor_id", "actor_label", "created_at")
SELECT v."id", 1, v."model_card", v."created_by_id", COALESCE(u."email", 'unknown'), v."created_at"
FROM "model_version" v LEFT JOIN "app_user" u ON u."id" = v."created_by_id";
