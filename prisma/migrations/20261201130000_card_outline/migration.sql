-- The sections of a version's model card, parsed once at registration (lib/registry/model-card.ts), so that
-- gate evaluations, which every viewer of a version triggers, never parse a 200 KB card of someone else.
-- Only the registering INSERT writes it. An UPDATE may not set it (the app role may update other columns of
-- the version, so a forged outline could otherwise pass the card gate for an empty card): changing the card
-- clears it, and gates then parse the card itself. Versions registered before this have none and are parsed.
-- (Function bodies are E-strings with \073 for semicolons, as in the earlier migrations.)
ALTER TABLE "model_version" ADD COLUMN "card_outline" JSONB;

CREATE FUNCTION "modelgate_guard_card_outline"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW."model_card" IS DISTINCT FROM OLD."model_card" THEN
    NEW."card_outline" := NULL\073
  ELSIF NEW."card_outline" IS DISTINCT FROM OLD."card_outline" AND NEW."card_outline" IS NOT NULL THEN
    RAISE EXCEPTION $m$model version %: card_outline is written when the version is registered, never later$m$, OLD."id"
      USING ERRCODE = $m$integrity_constraint_violation$m$, CONSTRAINT = $m$model_version_immutable$m$\073
  END IF\073
  RETURN NEW\073
END ';

CREATE TRIGGER "model_version_card_outline"
  BEFORE UPDATE OF "model_card", "card_outline" ON "model_version"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_guard_card_outline"();
