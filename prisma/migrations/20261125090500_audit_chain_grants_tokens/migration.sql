-- AlterTable
ALTER TABLE "audit_event" ADD COLUMN     "chain_key" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "chain_seq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "prev_hash" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "model_grant" (
    "user_id" TEXT NOT NULL,
    "model_id" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" TEXT,

    CONSTRAINT "model_grant_pkey" PRIMARY KEY ("user_id","model_id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "model_id" TEXT,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3),
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" TEXT,

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_failure" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_failure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "model_grant_model_id_idx" ON "model_grant"("model_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE INDEX "api_token_owner_id_idx" ON "api_token"("owner_id");

-- CreateIndex
CREATE INDEX "sign_in_failure_key_at_idx" ON "sign_in_failure"("key", "at");

-- CreateIndex
CREATE INDEX "audit_event_action_id_idx" ON "audit_event"("action", "id" DESC);

-- ===========================================================================
-- Tamper evidence (hand-written). Function bodies are E'' strings with semicolons spelled \073 and
-- literals dollar-quoted, as in the first migration.
-- ===========================================================================

-- The exact text that is hashed: a JSON array of the event's fields, in this order. Exports include it,
-- so an auditor can re-check sha256(prev_hash || canonical) = hash outside the app.
CREATE FUNCTION "modelgate_audit_canonical"(e "audit_event") RETURNS text LANGUAGE sql STABLE AS E'
  SELECT json_build_array(e.chain_key, e.chain_seq, to_char(e.at, $m$YYYY-MM-DD"T"HH24:MI:SS.MS"Z"$m$), e.actor_id, e.actor_label,
    e.action, e.model_id, e.model_name, e.version_id, e.version_number, e.from_stage, e.to_stage, e.comment, e.override, e.data)::text
';

CREATE FUNCTION "modelgate_audit_hash"(prev_hash text, e "audit_event") RETURNS text LANGUAGE sql STABLE AS E'
  SELECT encode(sha256(convert_to(prev_hash || "modelgate_audit_canonical"(e), $m$UTF8$m$)), $m$hex$m$)
';

-- Existing events join their chains in id order. The append-only trigger is lifted for this one backfill.
ALTER TABLE "audit_event" DISABLE TRIGGER "audit_event_append_only";
DO E'
DECLARE
  row_ record\073
  last_key text := NULL\073
  seq integer := 0\073
  prev text\073
BEGIN
  FOR row_ IN SELECT id, CASE WHEN model_id IS NULL THEN $m$global$m$ ELSE $m$model:$m$ || model_id END AS key FROM audit_event ORDER BY 2, id LOOP
    IF last_key IS DISTINCT FROM row_.key THEN
      last_key := row_.key\073
      seq := 0\073
      prev := repeat($m$0$m$, 64)\073
    END IF\073
    seq := seq + 1\073
    UPDATE audit_event SET chain_key = row_.key, chain_seq = seq, prev_hash = prev WHERE id = row_.id\073
    UPDATE audit_event e SET hash = "modelgate_audit_hash"(prev, e) WHERE id = row_.id RETURNING hash INTO prev\073
  END LOOP\073
END';
ALTER TABLE "audit_event" ENABLE TRIGGER "audit_event_append_only";

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_chain_key_chain_seq_key" ON "audit_event"("chain_key", "chain_seq");

-- AddForeignKey
ALTER TABLE "model_grant" ADD CONSTRAINT "model_grant_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_grant" ADD CONSTRAINT "model_grant_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "registered_model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "registered_model"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Every new event is linked to the tail of its chain. The advisory lock serialises appends to one chain
-- (services already hold the model's row lock by then, so this adds no new waiting for model events).
CREATE FUNCTION "modelgate_chain_audit_event"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  tail record\073
BEGIN
  NEW.chain_key := CASE WHEN NEW.model_id IS NULL THEN $m$global$m$ ELSE $m$model:$m$ || NEW.model_id END\073
  PERFORM pg_advisory_xact_lock(hashtextextended(NEW.chain_key, 0))\073
  SELECT chain_seq, hash INTO tail FROM audit_event WHERE chain_key = NEW.chain_key ORDER BY chain_seq DESC LIMIT 1\073
  NEW.chain_seq := COALESCE(tail.chain_seq, 0) + 1\073
  NEW.prev_hash := COALESCE(tail.hash, repeat($m$0$m$, 64))\073
  NEW.hash := "modelgate_audit_hash"(NEW.prev_hash, NEW)\073
  RETURN NEW\073
END';

CREATE TRIGGER "audit_event_chain"
  BEFORE INSERT ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_chain_audit_event"();
