import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM is safe here
# because the test process is the only user of its connection.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CELERY_TASK_ALWAYS_EAGER = True
    # Celery read its configuration once; a broker in the environment must not receive the
    # tasks that tests call. The worker test starts its own worker process.
    from portal.celery import app

    app.conf.task_always_eager = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SMS_BACKEND = "portal.notifications.channels.sms.LocmemBackend"
    from portal.notifications.channels import sms

    sms.outbox.clear()
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.cache import cache

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
