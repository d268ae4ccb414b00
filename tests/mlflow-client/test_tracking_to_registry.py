"""A pipeline as MLflow teams write it: log a model in a run on a real MLflow tracking server, register it
in Modelgate from the run, move it through the stages, and load it back by version, alias and stage."""

import mlflow
import mlflow.pyfunc
import pandas as pd

from support import PRODUCTION_READY_TAGS, RegistryTestCase, approve_in_browser, as_user, request_id_from, unique


class AddN(mlflow.pyfunc.PythonModel):
    def __init__(self, n):
        self.n = n

    def predict(self, context, model_input, params=None):
        return model_input.apply(lambda column: column + self.n)


def log_model(n: int) -> str:
    """A run with a pyfunc model in it, on the tracking server; returns the runs:/ URI."""
    with mlflow.start_run() as run:
        mlflow.log_param("n", n)
        mlflow.log_metric("auc", 0.9 + n / 1000)
        # pip_requirements given: no inference (which needs a package index this build of MLflow lacks).
        mlflow.pyfunc.log_model("model", python_model=AddN(n), pip_requirements=["mlflow"])
    return f"runs:/{run.info.run_id}/model"


def predict(uri: str) -> list:
    return mlflow.pyfunc.load_model(uri).predict(pd.DataFrame({"x": [1, 2]}))["x"].tolist()


class FromRunToProduction(RegistryTestCase):
    def test_register_from_a_run_and_load_it_by_version(self):
        name = unique("pipeline")
        mv = mlflow.register_model(log_model(1), name)
        self.assertEqual((mv.name, mv.version, mv.current_stage), (name, "1", "None"))
        run_id = mv.run_id
        self.assertTrue(run_id)
        self.assertEqual(self.client.get_model_version(name, "1").run_id, run_id)
        self.assertTrue(self.client.get_model_version_download_uri(name, "1").endswith("/artifacts/model"))
        self.assertEqual(predict(f"models:/{name}/1"), [2, 3])
        # A second registration under the same name: RESOURCE_ALREADY_EXISTS is handled by the client itself.
        self.assertEqual(mlflow.register_model(log_model(2), name).version, "2")
        self.assertEqual(predict(f"models:/{name}/latest"), [3, 4])

    def test_default_policy_staging_then_production_after_approval(self):
        name = unique("release")
        mv = mlflow.register_model(log_model(5), name, tags=PRODUCTION_READY_TAGS)
        # Staging under the default policy: the digest gate is advisory, so even an untagged version would pass.
        self.assertEqual(self.client.transition_model_version_stage(name, mv.version, "Staging").current_stage, "Staging")
        refusal = self.assertRefused("PERMISSION_DENIED", "needs 1 approval(s)", self.client.transition_model_version_stage, name, mv.version, "Production")
        request_id = request_id_from(refusal.message)
        self.assertEqual(self.client.get_latest_versions(name, stages=["Production"]), [])
        decision = approve_in_browser(request_id)
        self.assertTrue(decision["deployed"], decision)
        # The same client now resolves Production to it, by stage and through get_latest_versions.
        self.assertEqual([v.version for v in self.client.get_latest_versions(name, stages=["Production"])], [mv.version])
        self.assertEqual(predict(f"models:/{name}/Production"), [6, 7])
        # @champion follows the side-doors rules: an approver points it at the Production version…
        with as_user("approver"):
            self.client.set_registered_model_alias(name, "champion", mv.version)
        # …and the scientist's client loads it.
        self.assertEqual(predict(f"models:/{name}@champion"), [6, 7])
        self.assertEqual(self.client.get_model_version_by_alias(name, "champion").current_stage, "Production")

    def test_load_by_alias(self):
        name = unique("alias")
        mlflow.register_model(log_model(3), name)
        self.client.set_registered_model_alias(name, "candidate", "1")
        self.assertEqual(predict(f"models:/{name}@candidate"), [4, 5])
