-- The two functions of 20261201140500_version_comments again, same behaviour, with $$-quoted bodies and
-- ordinary literals, as prisma/migrations/README.md asks of every function (that migration was written with
-- E'' bodies like the ones before it; it stays as it is, since databases recorded its checksum).

-- Who wrote what, on which version, and when stays as it was written: only the body and the edit and
-- withdrawal stamps change, and a withdrawn comment stays withdrawn.
-- (first created in 20261201140500_version_comments)
CREATE OR REPLACE FUNCTION "modelgate_guard_version_comment"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM "model_version" WHERE "id" = OLD."version_id") THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'comment % is immutable: it is never deleted, only withdrawn', OLD."id"
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'version_comment_immutable';
  END IF;
  IF NEW."id" IS DISTINCT FROM OLD."id" OR NEW."version_id" IS DISTINCT FROM OLD."version_id"
     OR NEW."model_id" IS DISTINCT FROM OLD."model_id" OR NEW."author_id" IS DISTINCT FROM OLD."author_id"
     OR NEW."created_at" IS DISTINCT FROM OLD."created_at" OR OLD."deleted_at" IS NOT NULL THEN
    RAISE EXCEPTION 'comment % is immutable but for its text: it keeps its author, version and time, and a withdrawn comment stays withdrawn', OLD."id"
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'version_comment_immutable';
  END IF;
  RETURN NEW;
END
$$;

-- The comment belongs to the version's own model (the model id is kept for per-model listing and scoping).
-- (first created in 20261201140500_version_comments)
CREATE OR REPLACE FUNCTION "modelgate_comment_model_matches"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "model_version" v WHERE v."id" = NEW."version_id" AND v."model_id" = NEW."model_id") THEN
    RAISE EXCEPTION 'comment model does not match its version'
      USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'version_comment_model';
  END IF;
  RETURN NEW;
END
$$;
