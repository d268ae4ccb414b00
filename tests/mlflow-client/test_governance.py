"""Each governed refusal, as the unmodified client sees it: MLflow's error code, Modelgate's reason, and
never a 5xx (the client would retry those for minutes; these runs set no retries, so one would fail here)."""

from support import DIGEST, PRODUCTION_READY_TAGS, RegistryTestCase, approve_in_browser, as_user, modelgate_api, request_id_from, unique


class Refusals(RegistryTestCase):
    def staged(self, tags=None) -> str:
        name = self.new_model("gov")
        self.client.create_model_version(name, f"s3://b/{name}/1", tags=tags or {})
        self.client.transition_model_version_stage(name, "1", "Staging")
        return name

    def test_production_gates_name_what_is_missing(self):
        name = self.staged()
        error = self.assertRefused("INVALID_STATE", "gate(s) for Production failed", self.client.transition_model_version_stage, name, "1", "Production")
        self.assertIn("Missing: artifact digest, training data hash, code commit.", error.message)
        self.assertIn("Empty or missing sections: Intended use, Limitations, Evaluation data, Ethical considerations.", error.message)

    def test_production_needs_an_approval_by_someone_else(self):
        name = self.staged(PRODUCTION_READY_TAGS)
        first = self.assertRefused("PERMISSION_DENIED", "needs 1 approval(s) under the model's policy, and nobody approves their own request", self.client.transition_model_version_stage, name, "1", "Production")
        request_id = request_id_from(first.message)
        self.assertIn("/approvals", first.message)
        again = self.assertRefused("PERMISSION_DENIED", "is already waiting for approval", self.client.transition_model_version_stage, name, "1", "Production")
        self.assertIn(request_id, again.message)
        self.assertEqual(self.client.get_model_version(name, "1").current_stage, "Staging")

    def test_production_is_left_only_by_replacement_or_rollback(self):
        name = self.staged(PRODUCTION_READY_TAGS)
        request_id = request_id_from(self.assertRefused("PERMISSION_DENIED", "approval", self.client.transition_model_version_stage, name, "1", "Production").message)
        approve_in_browser(request_id)
        self.assertRefused("INVALID_PARAMETER_VALUE", "Production is left only when another version replaces it or by a rollback", self.client.transition_model_version_stage, name, "1", "Archived")
        self.assertRefused("INVALID_STATE", "never deleted", self.client.delete_model_version, name, "1")
        self.assertRefused("INVALID_STATE", "", self.client.delete_registered_model, name)
        self.assertEqual(self.client.get_model_version(name, "1").current_stage, "Production")

    def test_champion_is_for_approvers_and_production_ready_versions(self):
        name = self.staged()
        self.assertRefused("PERMISSION_DENIED", "", self.client.set_registered_model_alias, name, "champion", "1")
        with as_user("approver"):
            self.assertRefused("INVALID_STATE", "may point only at the Production version", self.client.set_registered_model_alias, name, "champion", "1")
        with self.assertRaises(Exception):
            self.client.get_model_version_by_alias(name, "champion")

    def test_blocking_staging_gates_still_block(self):
        name = self.new_model("strict")
        policy = {"staging": [{"kind": "required-metadata", "fields": ["artifactDigest"]}], "production": []}
        self.assertEqual(modelgate_api("PUT", f"/api/admin/policies/{name}", "admin", {"policy": policy}).status_code, 200)
        self.client.create_model_version(name, "s3://b/1")
        self.assertRefused("INVALID_STATE", "1 gate(s) for Staging failed: Missing: artifact digest.", self.client.transition_model_version_stage, name, "1", "Staging")
        self.client.create_model_version(name, "s3://b/2", tags={"artifact_digest": DIGEST})
        self.assertEqual(self.client.transition_model_version_stage(name, "2", "Staging").current_stage, "Staging")

    def test_roles_and_protected_tags(self):
        name = self.new_model("roles")
        self.client.create_model_version(name, "s3://b/1")
        with as_user("viewer"):
            self.assertEqual(self.client.get_registered_model(name).name, name)
            self.assertRefused("PERMISSION_DENIED", "", self.client.create_registered_model, unique("by-viewer"))
            self.assertRefused("PERMISSION_DENIED", "", self.client.create_model_version, name, "s3://b/2")
        self.assertRefused("INVALID_PARAMETER_VALUE", "holds the version's run_id", self.client.set_model_version_tag, name, "1", "mlflow.run_id", "forged")
        self.assertRefused("PERMISSION_DENIED", "written by rollbacks only", self.client.set_model_version_tag, name, "1", "failed", "true")

    def test_bad_input_is_INVALID_PARAMETER_VALUE(self):
        name = self.new_model("input")
        self.assertRefused("INVALID_PARAMETER_VALUE", "Invalid Model Version stage", self.client.transition_model_version_stage, name, "1", "Shipping")
        self.assertRefused("INVALID_PARAMETER_VALUE", "Invalid attribute key 'constructor'", self.client.search_model_versions, "constructor = 'x'")
        self.assertRefused("INVALID_PARAMETER_VALUE", "Invalid order by key '__proto__'", self.client.search_registered_models, order_by=["__proto__ DESC"])
        self.assertRefused("INVALID_PARAMETER_VALUE", "Only comparisons joined by AND", self.client.search_registered_models, f"name = '{name}' OR name = 'x'")
