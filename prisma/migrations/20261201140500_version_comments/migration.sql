-- Discussion per version (issue 16, item 2): comments with markdown and mentions of users.
-- A comment is edited or withdrawn by its author (or withdrawn by an admin), never deleted: its text before
-- each change is in the audit event of that change, and a withdrawn comment keeps its row with an empty body.
-- Rows go only with their version, when a version that never served is deleted (the cascade runs after the
-- version row is gone, as for metrics). The app's database role has no DELETE on either table.
-- (Function bodies are E-strings with \073 for semicolons and $m$ quotes, as in the earlier migrations.)
CREATE TABLE "version_comment" (
  "id"         TEXT NOT NULL,
  "version_id" TEXT NOT NULL,
  "model_id"   TEXT NOT NULL,
  "author_id"  TEXT NOT NULL,
  "body"       TEXT NOT NULL,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "edited_at"  TIMESTAMP(3),
  "deleted_at" TIMESTAMP(3),
  "deleted_by" TEXT,
  CONSTRAINT "version_comment_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "version_comment_body_length" CHECK (char_length("body") <= 10000),
  CONSTRAINT "version_comment_body_present" CHECK (("deleted_at" IS NULL AND char_length(btrim("body")) > 0) OR ("deleted_at" IS NOT NULL AND "body" = '')),
  CONSTRAINT "version_comment_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "model_version"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "version_comment_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "registered_model"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "version_comment_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "version_comment_version_id_created_at_idx" ON "version_comment" ("version_id", "created_at");

CREATE TABLE "comment_mention" (
  "comment_id" TEXT NOT NULL,
  "user_id"    TEXT NOT NULL,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "comment_mention_pkey" PRIMARY KEY ("comment_id", "user_id"),
  CONSTRAINT "comment_mention_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "version_comment"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "comment_mention_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "comment_mention_user_id_idx" ON "comment_mention" ("user_id");

-- Who wrote what, on which version, and when stays as it was written: only the body and the edit and
-- withdrawal stamps change, and a withdrawn comment stays withdrawn.
CREATE FUNCTION "modelgate_guard_version_comment"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = $m$DELETE$m$ THEN
    IF NOT EXISTS (SELECT 1 FROM "model_version" WHERE "id" = OLD."version_id") THEN
      RETURN OLD\073
    END IF\073
    RAISE EXCEPTION $m$comment % is immutable: it is never deleted, only withdrawn$m$, OLD."id"
      USING ERRCODE = $m$integrity_constraint_violation$m$, CONSTRAINT = $m$version_comment_immutable$m$\073
  END IF\073
  IF NEW."id" IS DISTINCT FROM OLD."id" OR NEW."version_id" IS DISTINCT FROM OLD."version_id"
     OR NEW."model_id" IS DISTINCT FROM OLD."model_id" OR NEW."author_id" IS DISTINCT FROM OLD."author_id"
     OR NEW."created_at" IS DISTINCT FROM OLD."created_at" OR OLD."deleted_at" IS NOT NULL THEN
    RAISE EXCEPTION $m$comment % is immutable but for its text: it keeps its author, version and time, and a withdrawn comment stays withdrawn$m$, OLD."id"
      USING ERRCODE = $m$integrity_constraint_violation$m$, CONSTRAINT = $m$version_comment_immutable$m$\073
  END IF\073
  RETURN NEW\073
END ';

CREATE TRIGGER "version_comment_guard"
  BEFORE UPDATE OR DELETE ON "version_comment"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_guard_version_comment"();

-- The comment belongs to the version's own model (the model id is kept for per-model listing and scoping).
CREATE FUNCTION "modelgate_comment_model_matches"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "model_version" v WHERE v."id" = NEW."version_id" AND v."model_id" = NEW."model_id") THEN
    RAISE EXCEPTION $m$comment model does not match its version$m$
      USING ERRCODE = $m$integrity_constraint_violation$m$, CONSTRAINT = $m$version_comment_model$m$\073
  END IF\073
  RETURN NEW\073
END ';

CREATE TRIGGER "version_comment_model"
  BEFORE INSERT ON "version_comment"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_comment_model_matches"();
