"""The staff actions called directly, as a view calls them: no HTTP client. Each action runs in
a durable transaction; pytest-django's ``db`` fixture wraps a test in ``django.test.TestCase``'s
own atomic blocks, which Django lets a durable block sit inside, so these tests need no
``transaction=True``."""

import pytest

from portal.audit.actors import Actor

PAGE = {"ip": "203.0.113.5", "method": "POST"}


@pytest.fixture
def as_agent(agent):
    return Actor(agent, **PAGE)


@pytest.fixture
def as_supervisor(supervisor):
    return Actor(supervisor, **PAGE)
