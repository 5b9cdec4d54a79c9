"""Staff set a lender's webhook, send a test event, read the log and put given-up events back."""

import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from portal.audit.models import Record
from portal.webhooks.models import Delivery, WebhookEndpoint
from portal.webhooks.signing import SignatureError, verify
from repayment.models import LenderEvent
from repayment.models.lender_events import EventStatus
from tests import factories
from tests.support.staff import signed_in

from .outbox import make_event

pytestmark = pytest.mark.django_db

ADMIN = "/django-admin"
# Every change in the admin says why (portal/admin_site.py).
REASON = "Set up with the lender's developer, ticket 4711"


@pytest.fixture
def admin_client(client):
    user = factories.UserFactory(is_staff=True, is_superuser=True)
    TOTP.activate(user, generate_totp_secret())
    return signed_in(client, user)


def test_staff_add_an_endpoint_and_see_its_secret(admin_client, lender, receiver):
    response = admin_client.post(
        f"{ADMIN}/webhooks/webhookendpoint/add/",
        {
            "lender": lender.pk,
            "url": receiver.url(),
            "active": "on",
            "topics": ["plan.accepted"],
            "change_reason": REASON,
        },
    )
    assert response.status_code == 302, response.content
    endpoint = WebhookEndpoint.objects.get(lender=lender)
    assert endpoint.secret.startswith("whsec_") and len(endpoint.secret) > 40
    assert endpoint.topics == ["plan.accepted"]
    page = admin_client.get(f"{ADMIN}/webhooks/webhookendpoint/{endpoint.pk}/change/")
    assert endpoint.secret in page.content.decode()
    record = Record.objects.get(action="webhook.added")
    assert endpoint.secret not in str(record.details)


def test_an_address_that_is_not_http_is_refused(admin_client, lender):
    response = admin_client.post(
        f"{ADMIN}/webhooks/webhookendpoint/add/",
        {
            "lender": lender.pk,
            "url": "ftp://lender.example/hook",
            "active": "on",
            "change_reason": REASON,
        },
    )
    assert response.status_code == 200
    assert not WebhookEndpoint.objects.exists()


def test_send_a_test_event(admin_client, endpoint, receiver):
    response = admin_client.post(
        f"{ADMIN}/webhooks/webhookendpoint/",
        {"action": "send_test_event", "_selected_action": [endpoint.pk], "change_reason": REASON},
        follow=True,
    )
    assert "was delivered" in response.content.decode()
    [request] = receiver.requests
    assert request.headers["Portal-Event"] == "webhook.test"
    verify(endpoint.secret, request.headers["Portal-Signature"], request.body, time.time())
    log = Delivery.objects.get()
    assert log.event is None and log.success


def test_a_new_secret_signs_from_then_on(admin_client, endpoint, receiver):
    old = endpoint.secret
    admin_client.post(
        f"{ADMIN}/webhooks/webhookendpoint/",
        {"action": "new_secret", "_selected_action": [endpoint.pk], "change_reason": REASON},
    )
    endpoint.refresh_from_db()
    assert endpoint.secret != old and endpoint.secret.startswith("whsec_")
    assert Record.objects.get(action="webhook.secret_renewed").reason == REASON
    admin_client.post(
        f"{ADMIN}/webhooks/webhookendpoint/",
        {"action": "send_test_event", "_selected_action": [endpoint.pk], "change_reason": REASON},
    )
    [request] = receiver.requests
    signature = request.headers["Portal-Signature"]
    verify(endpoint.secret, signature, request.body, time.time())  # raises if it does not match
    with pytest.raises(SignatureError):
        verify(old, signature, request.body, time.time())


def test_the_delivery_log_is_read_only(admin_client, endpoint, receiver):
    from portal.webhooks.tasks import deliver_lender_events

    make_event(endpoint.lender)
    deliver_lender_events()
    log = Delivery.objects.get()
    assert admin_client.get(f"{ADMIN}/webhooks/delivery/").status_code == 200
    assert admin_client.get(f"{ADMIN}/webhooks/delivery/add/").status_code == 403
    page = admin_client.get(f"{ADMIN}/webhooks/delivery/{log.pk}/change/")
    assert page.status_code == 200 and b'name="_save"' not in page.content


def test_try_again_puts_given_up_events_back(admin_client, lender):
    gave_up = make_event(lender)
    delivered = make_event(lender)
    LenderEvent.objects.filter(pk=gave_up.pk).update(status=EventStatus.GAVE_UP, attempts=16)
    LenderEvent.objects.filter(pk=delivered.pk).update(
        status=EventStatus.DELIVERED, delivered_at=delivered.created_at, attempts=1
    )

    response = admin_client.post(
        f"{ADMIN}/repayment/lenderevent/",
        {
            "action": "try_again",
            "_selected_action": [gave_up.pk, delivered.pk],
            "change_reason": REASON,
        },
        follow=True,
    )

    assert "1 event is waiting to be sent again." in response.content.decode()
    gave_up.refresh_from_db()
    delivered.refresh_from_db()
    assert (gave_up.status, gave_up.attempts) == ("waiting", 0)
    assert delivered.status == "delivered"
    assert Record.objects.get(action="webhook.try_again").details == {"events": [gave_up.key]}


def test_the_events_page_shows_how_delivery_went(admin_client, lender):
    event = make_event(lender)
    page = admin_client.get(f"{ADMIN}/repayment/lenderevent/")
    assert page.status_code == 200 and event.key in page.content.decode()
    assert "Waiting to be delivered" in page.content.decode()
    assert admin_client.get(f"{ADMIN}/repayment/lenderevent/{event.pk}/change/").status_code == 200
