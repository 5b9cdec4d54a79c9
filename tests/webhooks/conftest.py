import pytest

from tests.factories import LenderFactory

from . import receiver as receiving


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
