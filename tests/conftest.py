import os

import pytest
from hypothesis import settings as hypothesis_settings

# Playwright's sync API runs an event loop in the test thread; Django's ORM is safe here
# because the test process is the only user of its connection.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Hypothesis: "full" draws each property test's full count of examples (make test, and so CI),
# "dev" a tenth of it for a quick local run (make test-fast); HYPOTHESIS_PROFILE chooses, "full"
# unless it says otherwise. Both keep the rest of what Hypothesis chose on this machine: its own
# "ci" profile (derandomized, no deadline) where a CI variable is set, its default elsewhere.
# Tests that set their own count scale it with tests.hypothesis_profiles.scaled.
hypothesis_settings.register_profile("full", hypothesis_settings.default, max_examples=100)
hypothesis_settings.register_profile("dev", hypothesis_settings.default, max_examples=10)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "full"))


@pytest.fixture(autouse=True)
def _isolated():
    """What a test leaves behind in this process goes with it: texts in the SMS outbox, the
    cache. (The settings that make tests fast and local are tests/settings.py.)"""
    from django.core.cache import cache

    from portal.notifications.channels import sms

    sms.outbox.clear()
    cache.clear()


@pytest.fixture(autouse=True)
def _english_unless_asked():
    """A request in Chinese leaves Chinese active in the thread; each test starts in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


# Staff logins in the console's roles, each with an authenticator (tests/support/staff.py).


@pytest.fixture
def agent(db):
    from tests.support.staff import staff_user

    return staff_user("agent", email="agent@lender.example")


@pytest.fixture
def supervisor(db):
    from tests.support.staff import staff_user

    return staff_user("supervisor", email="supervisor@lender.example")


@pytest.fixture
def reviewer(db):
    from tests.support.staff import staff_user

    return staff_user("reviewer", email="reviewer@lender.example")


@pytest.fixture
def agent_client(client, agent):
    from tests.support.staff import signed_in

    return signed_in(client, agent)


@pytest.fixture
def supervisor_client(client, supervisor):
    from tests.support.staff import signed_in

    return signed_in(client, supervisor)


@pytest.fixture
def reviewer_client(client, reviewer):
    from tests.support.staff import signed_in

    return signed_in(client, reviewer)
