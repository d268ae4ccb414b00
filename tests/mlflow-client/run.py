"""Runs every tests/mlflow-client/test_*.py with unittest and writes a JSON report for `npm test`'s count:
{"passed": n, "failed": n, "tests": [{"name", "outcome", "seconds", "detail"}]}. Skips count as failures:
this stage exists to prove the real client works, so a test that did not run proves nothing."""

import argparse
import json
import os
import sys
import time
import unittest
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))


class RecordingResult(unittest.TextTestResult):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.records = []
        self._started = {}

    def startTest(self, test):
        self._started[test.id()] = time.monotonic()
        super().startTest(test)

    def _record(self, test, outcome, detail=None):
        seconds = round(time.monotonic() - self._started.get(test.id(), time.monotonic()), 3)
        self.records.append({"name": test.id(), "outcome": outcome, "seconds": seconds, **({"detail": detail} if detail else {})})

    def addSuccess(self, test):
        super().addSuccess(test)
        self._record(test, "passed")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._record(test, "failed", self._exc_info_to_string(err, test))

    def addError(self, test, err):
        super().addError(test, err)
        self._record(test, "failed", self._exc_info_to_string(err, test))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._record(test, "failed", f"skipped: {reason}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--report", required=True)
    parser.add_argument("pattern", nargs="?", default="test_*.py")
    args = parser.parse_args()
    sys.path.insert(0, HERE)
    # Stages are deprecated in MLflow 2.9+ (and warn on every call), yet they are what pipelines use.
    warnings.filterwarnings("ignore", category=FutureWarning)
    warnings.filterwarnings("ignore", message=".*distutils.*")
    import mlflow  # noqa: E402  (after the path is set, like the tests)

    print(f"MLflow {mlflow.__version__} client against Modelgate at {os.environ['MODELGATE_URL']}, tracking at {os.environ['MLFLOW_SERVER_URL']}", flush=True)
    suite = unittest.defaultTestLoader.discover(HERE, pattern=args.pattern, top_level_dir=HERE)
    runner = unittest.TextTestRunner(verbosity=2, resultclass=RecordingResult, stream=sys.stdout)
    started = time.monotonic()
    result = runner.run(suite)
    records = result.records
    passed = sum(1 for r in records if r["outcome"] == "passed")
    failed = len(records) - passed
    with open(args.report, "w", encoding="utf-8") as out:
        json.dump({"passed": passed, "failed": failed, "seconds": round(time.monotonic() - started, 1), "tests": records}, out, indent=2)
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
