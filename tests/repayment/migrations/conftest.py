import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


@pytest.fixture(autouse=True)
def _back_to_the_latest_schema():
    """A data-migration test runs the schema back to an old migration; the tests that run after
    it in the same process need today's schema again (a missing column fails them, not this)."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
