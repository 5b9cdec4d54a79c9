"""Workers running the sender at the same time never send one event twice."""

import threading

import pytest
from django.db import connection, connections

from portal.webhooks import delivery
from portal.webhooks.models import Delivery, WebhookEndpoint
from tests.factories import LenderFactory

from .outbox import make_event


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrent sessions")
@pytest.mark.django_db(transaction=True)
def test_concurrent_workers_send_each_event_once(receiver):
    lender = LenderFactory()
    WebhookEndpoint.objects.create(lender=lender, url=receiver.url())
    events = [make_event(lender) for _ in range(12)]
    barrier = threading.Barrier(3)
    errors = []

    def worker():
        try:
            barrier.wait()
            delivery.deliver_due()
        except Exception as exc:  # surfaced below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors
    assert sorted(receiver.ids()) == sorted(e.key for e in events)
    assert Delivery.objects.count() == 12
