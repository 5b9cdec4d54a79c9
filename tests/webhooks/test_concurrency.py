"""Workers running the sender at the same time never send one event twice."""

import pytest
from django.db import connection

from portal.webhooks import delivery
from portal.webhooks.models import Delivery, WebhookEndpoint
from tests.concurrency import at_once
from tests.factories import LenderFactory

from .outbox import make_event


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrent sessions")
@pytest.mark.django_db(transaction=True)
def test_concurrent_workers_send_each_event_once(receiver):
    lender = LenderFactory()
    WebhookEndpoint.objects.create(lender=lender, url=receiver.url())
    events = [make_event(lender) for _ in range(12)]

    at_once(lambda _: delivery.deliver_due(), 3)

    assert sorted(receiver.ids()) == sorted(e.key for e in events)
    assert Delivery.objects.count() == 12
