import pytest

from tests.factories import LenderFactory

from . import receiver as receiving


@pytest.fixture(autouse=True)
def _local_receiver_allowed(settings):
    """The receiver listens on 127.0.0.1, which the webhook guard refuses in production. The
    guard's own tests (test_targets) turn it back on."""
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = True


@pytest.fixture
def receiver():
    found, server = receiving.start()
    yield found
    found.released.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def lender(db):
    return LenderFactory()


@pytest.fixture
def endpoint(lender, receiver):
    from portal.webhooks.models import WebhookEndpoint

    return WebhookEndpoint.objects.create(lender=lender, url=receiver.url())
