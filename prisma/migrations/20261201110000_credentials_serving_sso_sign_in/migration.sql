-- Credentials: service accounts and serving tokens (issue 12, items 4 and 5), single sign-on bound to the
-- provider's (issuer, subject) (item 6), sign-in limits per account and client address (item 9).
--
-- Hand-written parts, after Prisma's generated statements:
--   * service accounts hold no password and are never admins (CHECK),
--   * a new token belongs to the person who creates it, or to a service account (trigger: the owner's kind
--     lives in another table, which a CHECK cannot read),
--   * approvals come from people only, and SSO identities link to people only (triggers).
-- Tokens created before this migration in someone else's name are kept (pipelines depend on them), but the
-- approval rule in lib/registry/approvals.ts refuses any decision made through them.

-- The old failure rows were keyed "account:…"/"address:…" strings. They are rate-limit state at most a day
-- old, so they are dropped rather than translated.
TRUNCATE "sign_in_failure";

-- CreateEnum
CREATE TYPE "UserKind" AS ENUM ('person', 'service');

-- CreateEnum
CREATE TYPE "TokenKind" AS ENUM ('standard', 'serving');

-- DropIndex
DROP INDEX "sign_in_failure_key_at_idx";

-- AlterTable
ALTER TABLE "api_token" ADD COLUMN     "kind" "TokenKind" NOT NULL DEFAULT 'standard';

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "kind" "UserKind" NOT NULL DEFAULT 'person';

-- AlterTable
ALTER TABLE "health_signal" ADD COLUMN     "counts_for_rollback" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reported_by" TEXT;

-- AlterTable
ALTER TABLE "model_version" ADD COLUMN     "created_via_token_id" TEXT;

-- AlterTable
ALTER TABLE "promotion_request" ADD COLUMN     "requested_via_token_id" TEXT;

-- AlterTable
ALTER TABLE "sign_in_failure" DROP COLUMN "key",
ADD COLUMN     "account" TEXT NOT NULL,
ADD COLUMN     "address" TEXT NOT NULL;

-- CreateTable
CREATE TABLE "user_identity" (
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "email" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_login_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_identity_pkey" PRIMARY KEY ("issuer","subject")
);

-- CreateTable
CREATE TABLE "sign_in_success" (
    "account" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_success_pkey" PRIMARY KEY ("account","address")
);

-- CreateIndex
CREATE UNIQUE INDEX "user_identity_user_id_issuer_key" ON "user_identity"("user_id", "issuer");

-- CreateIndex
CREATE INDEX "sign_in_success_at_idx" ON "sign_in_success"("at");

-- CreateIndex
CREATE INDEX "sign_in_failure_account_address_at_idx" ON "sign_in_failure"("account", "address", "at");

-- CreateIndex
CREATE INDEX "sign_in_failure_address_at_idx" ON "sign_in_failure"("address", "at");

-- CreateIndex
CREATE INDEX "sign_in_failure_at_idx" ON "sign_in_failure"("at");

-- AddForeignKey
ALTER TABLE "user_identity" ADD CONSTRAINT "user_identity_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ===========================================================================
-- Hand-written invariants. Function bodies are E'' strings with semicolons spelled \073 and literals
-- dollar-quoted, as in the earlier migrations: the migration runner used here splits scripts at every
-- semicolon, $$-quoted bodies included.
-- ===========================================================================

ALTER TABLE "app_user" ADD CONSTRAINT "app_user_service_account_limits"
  CHECK ("kind" = 'person' OR ("password_hash" IS NULL AND "role" <> 'admin'));

CREATE FUNCTION "modelgate_api_token_owner"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW."created_by_id" IS NULL THEN
    RAISE EXCEPTION $m$api token % needs the person who created it$m$, NEW."id"
      USING ERRCODE = $m$integrity_constraint_violation$m$, CONSTRAINT = $m$api_token_owned_by_creator$m$\073
  END IF\073
  IF NEW."owner_id" <> NEW."created_by_id"
     AND NOT EXISTS (SELECT 1 FROM "app_user" WHERE "id" = NEW."owner_id" AND "kind" = $m$service$m$) THEN
    RAISE EXCEPTION $m$api token % must belong to its creator or to a service account$m$, NEW."id"
      USING ERRCODE = $m$integrity_constraint_violation$m$, CONSTRAINT = $m$api_token_owned_by_creator$m$\073
  END IF\073
  RETURN NEW\073
END ';

CREATE TRIGGER "api_token_owned_by_creator"
  BEFORE INSERT OR UPDATE OF "owner_id", "created_by_id" ON "api_token"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_api_token_owner"();

-- One function for both tables whose user column must name a person (the column is the trigger's argument):
-- approval.approver_id, user_identity.user_id.
CREATE FUNCTION "modelgate_person_only"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  subject_id text := to_jsonb(NEW) ->> TG_ARGV[0]\073
BEGIN
  IF EXISTS (SELECT 1 FROM "app_user" WHERE "id" = subject_id AND "kind" <> $m$person$m$) THEN
    RAISE EXCEPTION $m$service account % cannot appear in %$m$, subject_id, TG_TABLE_NAME
      USING ERRCODE = $m$integrity_constraint_violation$m$, CONSTRAINT = TG_TABLE_NAME || $m$_by_person$m$\073
  END IF\073
  RETURN NEW\073
END ';

CREATE TRIGGER "approval_by_person"
  BEFORE INSERT OR UPDATE OF "approver_id" ON "approval"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_person_only"('approver_id');

CREATE TRIGGER "user_identity_by_person"
  BEFORE INSERT OR UPDATE OF "user_id" ON "user_identity"
  FOR EACH ROW EXECUTE FUNCTION "modelgate_person_only"('user_id');
