"""Every model-registry call of MLflow 2.x's MlflowClient, unmodified, against Modelgate."""

from mlflow.entities.model_registry import ModelVersion, RegisteredModel

from support import RegistryTestCase, as_user, unique


class RegisteredModelCalls(RegistryTestCase):
    def test_create_get_update_rename_delete(self):
        name = unique("calls")
        created = self.client.create_registered_model(name, tags={"team": "risk"}, description="Card fraud scorer")
        self.assertIsInstance(created, RegisteredModel)
        self.assertEqual((created.name, created.tags, created.description), (name, {"team": "risk"}, "Card fraud scorer"))
        self.assertGreater(created.creation_timestamp, 0)
        got = self.client.get_registered_model(name)
        self.assertEqual((got.name, got.tags, got.latest_versions, got.aliases), (name, {"team": "risk"}, [], {}))
        updated = self.client.update_registered_model(name, description="Card fraud scorer, v2 features")
        self.assertEqual(updated.description, "Card fraud scorer, v2 features")
        # MlflowClient 2.x returns nothing from a rename (its store returns the renamed model, which 3.x passes on).
        self.client.rename_registered_model(name, f"{name}-renamed")
        self.assertRefused("RESOURCE_DOES_NOT_EXIST", "not found", self.client.get_registered_model, name)
        self.assertEqual(self.client.get_registered_model(f"{name}-renamed").description, "Card fraud scorer, v2 features")
        self.client.delete_registered_model(f"{name}-renamed")
        self.assertRefused("RESOURCE_DOES_NOT_EXIST", "not found", self.client.get_registered_model, f"{name}-renamed")

    def test_an_existing_name_is_RESOURCE_ALREADY_EXISTS(self):
        name = self.new_model()
        self.assertRefused("RESOURCE_ALREADY_EXISTS", name, self.client.create_registered_model, name)

    def test_model_tags(self):
        name = self.new_model()
        self.client.set_registered_model_tag(name, "owner group", "payments")
        self.client.set_registered_model_tag(name, "tier", 1)  # the client sends str(value)
        self.assertEqual(self.client.get_registered_model(name).tags, {"owner group": "payments", "tier": "1"})
        self.client.delete_registered_model_tag(name, "tier")
        self.assertEqual(self.client.get_registered_model(name).tags, {"owner group": "payments"})

    def test_get_latest_versions(self):
        name = self.new_model()
        for i in range(3):
            self.client.create_model_version(name, f"s3://models/{name}/{i}")
        self.client.transition_model_version_stage(name, "2", "Staging")
        latest = self.client.get_latest_versions(name)
        self.assertEqual(sorted((v.version, v.current_stage) for v in latest), [("2", "Staging"), ("3", "None")])
        self.assertEqual([v.version for v in self.client.get_latest_versions(name, stages=["Staging"])], ["2"])
        self.assertEqual(self.client.get_latest_versions(name, stages=["Production"]), [])


class ModelVersionCalls(RegistryTestCase):
    def test_create_get_update_download_uri_stages_delete(self):
        name = self.new_model()
        mv = self.client.create_model_version(name, f"s3://models/{name}/1", run_id="0123456789abcdef", tags={"framework": "sklearn"}, run_link="http://tracking/#/runs/1", description="first")
        self.assertIsInstance(mv, ModelVersion)
        self.assertEqual((mv.name, mv.version, mv.current_stage, mv.status), (name, "1", "None", "READY"))
        self.assertEqual((mv.source, mv.run_id, mv.run_link, mv.description, mv.tags), (f"s3://models/{name}/1", "0123456789abcdef", "http://tracking/#/runs/1", "first", {"framework": "sklearn"}))
        got = self.client.get_model_version(name, "1")
        self.assertEqual((got.version, got.source, got.tags), ("1", mv.source, {"framework": "sklearn"}))
        updated = self.client.update_model_version(name, "1", description="first, retrained")
        self.assertEqual(updated.description, "first, retrained")
        self.assertEqual(self.client.get_model_version_download_uri(name, "1"), f"s3://models/{name}/1")
        self.assertEqual(self.client.get_model_version_stages(name, "1"), ["None", "Staging", "Production", "Archived"])
        self.client.delete_model_version(name, "1")
        self.assertRefused("RESOURCE_DOES_NOT_EXIST", "not found", self.client.get_model_version, name, "1")

    def test_version_tags(self):
        name = self.new_model()
        self.client.create_model_version(name, "s3://b/1")
        self.client.set_model_version_tag(name, "1", "validation_status", "approved")
        self.client.set_model_version_tag(name, stage="None", key="fold", value="3")  # the stage form resolves the latest version
        self.assertEqual(self.client.get_model_version(name, "1").tags, {"validation_status": "approved", "fold": "3"})
        self.client.delete_model_version_tag(name, "1", "fold")
        self.assertEqual(self.client.get_model_version(name, "1").tags, {"validation_status": "approved"})

    def test_aliases(self):
        name = self.new_model()
        self.client.create_model_version(name, "s3://b/1")
        self.client.create_model_version(name, "s3://b/2")
        self.client.set_registered_model_alias(name, "candidate", "1")
        self.client.set_registered_model_alias(name, "candidate", "2")  # moves it
        self.assertEqual(self.client.get_model_version_by_alias(name, "candidate").version, "2")
        self.assertEqual(self.client.get_registered_model(name).aliases, {"candidate": "2"})
        self.assertEqual(self.client.get_model_version(name, "2").aliases, ["candidate"])
        self.client.delete_registered_model_alias(name, "candidate")
        self.assertRefused("INVALID_PARAMETER_VALUE", "alias candidate not found", self.client.get_model_version_by_alias, name, "candidate")

    def test_transition_stage_outside_production(self):
        name = self.new_model()
        for i in range(3):
            self.client.create_model_version(name, f"s3://b/{i}")
        staged = self.client.transition_model_version_stage(name, "1", "Staging")
        self.assertEqual(staged.current_stage, "Staging")
        self.client.transition_model_version_stage(name, "2", "staging")  # any letter case, as MLflow
        self.client.transition_model_version_stage(name, "3", "Staging", archive_existing_versions=True)
        self.assertEqual([self.client.get_model_version(name, v).current_stage for v in ("1", "2", "3")], ["Archived", "Archived", "Staging"])
        self.assertEqual(self.client.transition_model_version_stage(name, "3", "None").current_stage, "None")
        self.assertEqual(self.client.transition_model_version_stage(name, "1", "None").current_stage, "None")

    def test_copy_model_version(self):
        source = self.new_model()
        self.client.create_model_version(source, "s3://b/1", tags={"team": "risk"}, description="original")
        destination = unique("copy")
        copy = self.client.copy_model_version(f"models:/{source}/1", destination)
        self.assertEqual((copy.name, copy.version, copy.source, copy.tags, copy.description), (destination, "1", f"models:/{source}/1", {"team": "risk"}, "original"))


class Credentials(RegistryTestCase):
    def test_basic_auth_with_email_and_password(self):
        name = unique("basic")
        with as_user("scientist", basic=True):
            self.client.create_registered_model(name)
            self.assertEqual(self.client.get_registered_model(name).name, name)

    def test_wrong_credentials_are_UNAUTHENTICATED_not_retried(self):
        import os

        os.environ["MLFLOW_TRACKING_TOKEN"] = "mgt_not-a-token"
        self.assertRefused("UNAUTHENTICATED", "The API token is invalid", self.client.search_registered_models)
