-- Portfolio bulk actions (issue 16, item 4): one operation per bulk change, one item row per model or version
-- it touches. An item's row is updated in the same transaction as the change it records (and that change's
-- audit event), so a crash never leaves a change without its recorded outcome, nor an outcome without its change.
CREATE TYPE "PortfolioStatus" AS ENUM ('running', 'done');

CREATE TABLE "portfolio_operation" (
  "id"          TEXT NOT NULL,
  "actor_id"    TEXT,
  "actor_label" TEXT NOT NULL,
  "idempotency_key" TEXT,
  "action"      JSONB NOT NULL,
  "selection"   JSONB NOT NULL,
  "status"      "PortfolioStatus" NOT NULL DEFAULT 'running',
  "created_at"  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "finished_at" TIMESTAMP(3),
  CONSTRAINT "portfolio_operation_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "portfolio_operation_actor_id_idempotency_key_key" ON "portfolio_operation" ("actor_id", "idempotency_key");
CREATE INDEX "portfolio_operation_actor_id_created_at_idx" ON "portfolio_operation" ("actor_id", "created_at" DESC);

CREATE TABLE "portfolio_item" (
  "operation_id"   TEXT NOT NULL,
  "seq"            INTEGER NOT NULL,
  "key"            TEXT NOT NULL,
  "model_name"     TEXT NOT NULL,
  "version_number" INTEGER,
  "outcome"        TEXT NOT NULL DEFAULT 'pending',
  "code"           TEXT,
  "reason"         TEXT,
  "before"         TEXT,
  "after"          TEXT,
  "expected"       TEXT,
  "events"         TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  "done_at"        TIMESTAMP(3),
  CONSTRAINT "portfolio_item_pkey" PRIMARY KEY ("operation_id", "seq"),
  CONSTRAINT "portfolio_item_operation_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "portfolio_operation"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
