"""Searching, ordering and paging, through MlflowClient (one page and its token) and the fluent API
(mlflow.search_*, which asks page after page until max_results or the last token)."""

import mlflow

from support import RegistryTestCase, unique


class Search(RegistryTestCase):
    @classmethod
    def setUpClass(cls):
        cls.prefix = unique("search")
        cls.names = [f"{cls.prefix}-{suffix}" for suffix in ("alpha", "beta", "gamma", "delta", "epsilon")]

    def setUp(self):
        super().setUp()
        if not self.client.search_registered_models(f"name = '{self.names[0]}'"):
            for i, name in enumerate(self.names):
                self.client.create_registered_model(name, tags={"team": "risk" if i % 2 else "growth"})
                for v in range(i):
                    self.client.create_model_version(name, f"s3://b/{name}/{v}", run_id=f"run{i}{v}", tags={"fold": str(v)})

    def test_filter_registered_models(self):
        like = f"{self.prefix}-%"
        self.assertEqual([m.name for m in self.client.search_registered_models(f"name = '{self.names[1]}'")], [self.names[1]])
        self.assertEqual(len(self.client.search_registered_models(f"name LIKE '{like}'")), 5)
        risk = self.client.search_registered_models(f"name LIKE '{like}' AND tags.team = 'risk'")
        self.assertEqual(sorted(m.name for m in risk), sorted([self.names[1], self.names[3]]))
        self.assertEqual([m.name for m in self.client.search_registered_models(f"name ILIKE '{self.prefix.upper()}-GAMMA'")], [self.names[2]])

    def test_order_registered_models(self):
        like = f"name LIKE '{self.prefix}-%'"
        self.assertEqual([m.name for m in self.client.search_registered_models(like)], sorted(self.names))
        self.assertEqual([m.name for m in self.client.search_registered_models(like, order_by=["name DESC"])], sorted(self.names, reverse=True))
        newest_first = self.client.search_registered_models(like, order_by=["last_updated_timestamp DESC"])
        self.assertEqual(newest_first[0].name, self.names[4])

    def test_page_registered_models_with_tokens(self):
        seen, token, pages = [], None, 0
        while True:
            page = self.client.search_registered_models(f"name LIKE '{self.prefix}-%'", max_results=2, page_token=token)
            seen += [m.name for m in page]
            pages += 1
            token = page.token
            if not token:
                break
        self.assertEqual((pages, seen), (3, sorted(self.names)))

    def test_filter_order_and_page_model_versions(self):
        epsilon = self.names[4]
        versions = self.client.search_model_versions(f"name = '{epsilon}'", order_by=["version_number ASC"])
        self.assertEqual([v.version for v in versions], ["1", "2", "3", "4"])
        self.assertEqual([v.version for v in self.client.search_model_versions(f"name = '{epsilon}' AND version_number > 2")], ["4", "3"])
        self.assertEqual([(v.name, v.version) for v in self.client.search_model_versions("run_id IN ('run32', 'run41')", order_by=["name ASC"])], [(self.names[3], "3"), (epsilon, "2")])
        self.assertEqual(len(self.client.search_model_versions(f"name LIKE '{self.prefix}-%' AND tags.fold = '0'")), 4)
        first = self.client.search_model_versions(f"name LIKE '{self.prefix}-%'", max_results=4, order_by=["creation_timestamp ASC"])
        self.assertEqual(len(first), 4)
        self.assertTrue(first.token)
        rest = self.client.search_model_versions(f"name LIKE '{self.prefix}-%'", max_results=100, order_by=["creation_timestamp ASC"], page_token=first.token)
        self.assertEqual(len(first) + len(rest), 10)
        self.assertFalse({(v.name, v.version) for v in first} & {(v.name, v.version) for v in rest})

    def test_fluent_searches(self):
        self.assertEqual(len(mlflow.search_registered_models(filter_string=f"name LIKE '{self.prefix}-%'")), 5)
        self.assertEqual(len(mlflow.search_registered_models(max_results=4, filter_string=f"name LIKE '{self.prefix}-%'")), 4)
        self.assertEqual(len(mlflow.search_model_versions(filter_string=f"name LIKE '{self.prefix}-%'")), 10)
        self.assertEqual(len(mlflow.search_model_versions(max_results=3, filter_string=f"name LIKE '{self.prefix}-%'", order_by=["version_number DESC"])), 3)

    def test_max_results_ceiling(self):
        # MLflow's ceiling for model versions is 200,000: accepted (Modelgate pages internally).
        self.assertEqual(len(self.client.search_model_versions(f"name LIKE '{self.prefix}-%'", max_results=200_000)), 10)
        self.assertRefused("INVALID_PARAMETER_VALUE", "It must be at most 1000", self.client.search_registered_models, max_results=1001)
