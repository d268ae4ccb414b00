-- CreateIndex
CREATE INDEX "model_version_model_id_major_minor_patch_idx" ON "model_version"("model_id", "major" DESC, "minor" DESC, "patch" DESC);

-- CreateIndex
CREATE INDEX "model_version_model_id_artifact_digest_idx" ON "model_version"("model_id", "artifact_digest");


