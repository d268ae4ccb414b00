-- MLflow 3 clients send tag values of up to 100,000 characters (2.x: 5,000). A btree entry holds about
-- 2,700 bytes, so the (key, value) index refused any long, incompressible value ("index row size exceeds
-- btree maximum"), which even a 5,000-character value from MLflow 2.x could hit. Keys keep a btree;
-- equality on a value (tag searches) uses a hash index, which stores a 4-byte hash whatever the length.
-- (No apostrophes in these comments: the offline migration runner reads them as string quotes.)
DROP INDEX "version_tag_key_value_idx";
CREATE INDEX "version_tag_key_idx" ON "version_tag"("key");
CREATE INDEX "version_tag_value_idx" ON "version_tag" USING HASH ("value");

-- Webhooks registered through the webhooks API of MLflow 3 keep their MLflow name, description and
-- status, and are delivered in the MLflow format (its payload and X-MLflow-Signature). Existing hooks
-- stay in the Modelgate format.
ALTER TABLE "webhook" ADD COLUMN "format" TEXT NOT NULL DEFAULT 'modelgate',
ADD COLUMN "name" TEXT,
ADD COLUMN "description" TEXT,
ADD COLUMN "disabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
