"""What every real-client test shares: where Modelgate and the MLflow tracking server are, who calls,
and the assertions for Modelgate's governed refusals. Started by scripts/mlflow-client.ts, which runs
the production build, a real MLflow server and creates the users whose tokens arrive in MG_*_TOKEN.

MLflow is used exactly as a team uses it: runs go to the tracking server, the registry is Modelgate,
credentials come from MLFLOW_TRACKING_TOKEN (or MLFLOW_TRACKING_USERNAME / _PASSWORD)."""

import contextlib
import os
import re
import unittest
import uuid

import mlflow
import requests
from mlflow import MlflowClient
from mlflow.exceptions import MlflowException

MODELGATE = os.environ["MODELGATE_URL"]
TRACKING = os.environ["MLFLOW_SERVER_URL"]
ROLES = ("scientist", "approver", "approver2", "viewer", "admin")
TOKENS = {role: os.environ[f"MG_{role.upper()}_TOKEN"] for role in ROLES}
EMAILS = {role: os.environ[f"MG_{role.upper()}_EMAIL"] for role in ROLES}
PASSWORDS = {role: os.environ[f"MG_{role.upper()}_PASSWORD"] for role in ROLES}

DIGEST = "sha256:" + "ab" * 32
# What the default Production gates need, as an MLflow pipeline sends it: tags at registration.
CARD = "\n\n".join(f"## {s}\nFilled in by the pipeline." for s in ("Intended use", "Limitations", "Evaluation data", "Ethical considerations"))
PRODUCTION_READY_TAGS = {
    "artifact_digest": DIGEST,
    "training_data_hash": "sha256:" + "cd" * 32,
    "mlflow.source.git.commit": "0f1e2d3c4b5a",
    "model_card": CARD,
}

_AUTH_VARIABLES = ("MLFLOW_TRACKING_TOKEN", "MLFLOW_TRACKING_USERNAME", "MLFLOW_TRACKING_PASSWORD")


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def _set_credentials(values: dict) -> None:
    for key in _AUTH_VARIABLES:
        os.environ.pop(key, None)
    os.environ.update(values)


@contextlib.contextmanager
def as_user(role: str, basic: bool = False):
    """MLflow reads its credentials from the environment on every request, so this switches users."""
    saved = {key: os.environ[key] for key in _AUTH_VARIABLES if key in os.environ}
    if basic:
        _set_credentials({"MLFLOW_TRACKING_USERNAME": EMAILS[role], "MLFLOW_TRACKING_PASSWORD": PASSWORDS[role]})
    else:
        _set_credentials({"MLFLOW_TRACKING_TOKEN": TOKENS[role]})
    try:
        yield
    finally:
        _set_credentials(saved)


def modelgate_api(method: str, path: str, role: str = "scientist", json=None) -> requests.Response:
    """Modelgate's own REST API (what the browser's buttons call), for the steps MLflow has no call for."""
    return requests.request(method, f"{MODELGATE}{path}", json=json, headers={"Authorization": f"Bearer {TOKENS[role]}"}, timeout=60)


def approve_in_browser(request_id: str, role: str = "approver") -> dict:
    """An approver approves the promotion request, through the endpoint the approvals page uses."""
    response = modelgate_api("POST", f"/api/v1/promotion-requests/{request_id}/approve", role, {"comment": "Reviewed the gates and the comparison."})
    assert response.status_code == 200, response.text
    return response.json()


def request_id_from(message: str) -> str:
    match = re.search(r"Created promotion request (\S+?);", message)
    assert match, f"no promotion request named in: {message}"
    return match.group(1)


class RegistryTestCase(unittest.TestCase):
    """Tracking on the MLflow server, registry on Modelgate, as the scientist unless a test says otherwise."""

    def setUp(self):
        mlflow.set_tracking_uri(TRACKING)
        mlflow.set_registry_uri(MODELGATE)
        self.client = MlflowClient(tracking_uri=TRACKING, registry_uri=MODELGATE)
        self._credentials = as_user("scientist")
        self._credentials.__enter__()

    def tearDown(self):
        self._credentials.__exit__(None, None, None)

    def new_model(self, prefix: str = "mg", **kwargs) -> str:
        name = unique(prefix)
        self.client.create_registered_model(name, **kwargs)
        return name

    def assertRefused(self, error_code: str, fragment: str, call, *args, **kwargs) -> MlflowException:
        """The call fails with MLflow's error code and a message containing `fragment`."""
        with self.assertRaises(MlflowException) as caught:
            call(*args, **kwargs)
        error = caught.exception
        self.assertEqual(error.error_code, error_code, error.message)
        self.assertIn(fragment, error.message)
        return error
