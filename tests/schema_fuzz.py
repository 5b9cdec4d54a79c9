"""Shared by the Schemathesis runs against the API schema (tests/api, tests/lender_api): every
check Schemathesis has, on data the schema allows (which must be accepted) and on data it
refuses (which must be refused), and the in-process WSGI set-up that keeps each run inside its
test's transaction.

Run both alone:
``.venv/bin/pytest tests/api/test_schema_fuzz.py tests/lender_api/test_schema_fuzz.py``.

Each test leaves a check out only for the operations where it cannot hold, and says why."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode

from tests.hypothesis_profiles import scaled

# Examples per operation in the fuzzing phase; the examples and coverage phases add their own
# few, made from the schema rather than drawn at random.
MAX_EXAMPLES = 25

FUZZ_SETTINGS = settings(
    max_examples=scaled(MAX_EXAMPLES),
    deadline=None,
    # The same examples on every run: a failure in CI is one anyone can run again.
    derandomize=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)


def schema_under(path_regex: str):
    schema = schemathesis.openapi.from_wsgi(
        "/api/schema/?format=json", get_wsgi_application()
    ).include(path_regex=path_regex)
    schema.config.generation.update(
        modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
        # The tests send real credentials; made-up ones would only be refused.
        with_security_parameters=False,
        # No text of either API may hold a NUL (PostgreSQL cannot store one): it is refused
        # everywhere, which tests/portal/test_hostile_urls.py and each API's tests show. Left
        # in, every schema-valid string would need a pattern saying so.
        allow_x00=False,
    )
    # 413: a lender batch of more than 1,000 items is refused as too large.
    rejection = schema.config.checks.negative_data_rejection
    rejection.expected_statuses = [*rejection.expected_statuses, "413"]
    return schema


def call_and_validate(case, headers: dict, *, not_applicable: dict):
    """``case`` sent, and its answer checked with every check but those that cannot hold for
    its operation (``not_applicable``: "METHOD /path" to checks)."""
    case.call_and_validate(
        headers=headers, excluded_checks=not_applicable.get(case.operation.label, [])
    )


@pytest.fixture
def in_test_transaction():
    """The WSGI handler closes the database connection after each request, which would end
    the test's transaction; Django's own test client switches that off the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
