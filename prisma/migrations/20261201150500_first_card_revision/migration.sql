-- Revision 1 of a model card is written by the database with the version itself (issue 16 item 1): one
-- statement fewer per registration than writing it from the service, and no path that registers a version
-- (the services, the seed, SQL by hand) can leave it without one. Edits add the later revisions.
CREATE FUNCTION "modelgate_first_card_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "model_card_revision" ("version_id", "revision", "model_card", "actor_id", "actor_label", "created_at")
  VALUES (NEW."id", 1, NEW."model_card", NEW."created_by_id",
          COALESCE((SELECT "email" FROM "app_user" WHERE "id" = NEW."created_by_id"), 'registration'), NEW."created_at");
  RETURN NULL;
END $$;

CREATE TRIGGER "model_version_first_card_revision"
  AFTER INSERT ON "model_version"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_first_card_revision"();
