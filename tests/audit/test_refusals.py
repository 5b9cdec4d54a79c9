"""Refused staff attempts are audit records: every 403 a signed-in login meets in a staff area
(one middleware, whatever refused it), never a signed-out visitor's, once per request, with the
address and method but never the body; and a failed transaction does not stop the 403."""

import json
import logging

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.handlers.exception import convert_exception_to_response
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse, HttpResponseForbidden, HttpResponseNotFound
from django.test import Client, RequestFactory
from django.urls import reverse

from portal.audit.actors import Actor
from portal.audit.middleware import RefusalMiddleware
from portal.audit.models import Record, RecordKind
from portal.audit.recording import record_refusal
from tests.factories import LenderFactory
from tests.support.staff import signed_in

pytestmark = pytest.mark.django_db

MIDDLEWARE = "portal.audit.middleware.RefusalMiddleware"
AUTHENTICATION = "django.contrib.auth.middleware.AuthenticationMiddleware"
STAFF_GATE = "portal.accounts.middleware.StaffMfaRequiredMiddleware"


@pytest.fixture
def refusals_recorded(settings):
    """The site's middleware with the refusal middleware where it belongs, whether or not the
    settings have it yet (the test below checks that they do)."""
    middleware = [name for name in settings.MIDDLEWARE if name != MIDDLEWARE]
    middleware.insert(middleware.index(AUTHENTICATION) + 1, MIDDLEWARE)
    settings.MIDDLEWARE = middleware


def refusals():
    return Record.objects.filter(kind=RecordKind.REFUSED)


def test_the_middleware_sits_after_authentication_and_outside_the_staff_gate():
    middleware = django_settings.MIDDLEWARE

    assert MIDDLEWARE in middleware, "add it to MIDDLEWARE in portal/settings.py"
    assert middleware.index(AUTHENTICATION) < middleware.index(MIDDLEWARE)
    assert middleware.index(MIDDLEWARE) < middleware.index(STAFF_GATE)


@pytest.mark.parametrize(
    "url", [reverse("audit_trail"), reverse("audit_export"), "/django-admin/", "/cms/"]
)
def test_a_403_on_a_staff_page_is_recorded_with_who_where_and_what(
    client, refusals_recorded, agent, url
):
    signed_in(client, agent)

    response = client.get(url, {"borrower": "Wang Fang"}, REMOTE_ADDR="203.0.113.8")

    assert response.status_code == 403
    refusal = refusals().get()
    assert refusal.action == "access.refused"
    assert refusal.actor == agent and refusal.actor_label == "agent@lender.example"
    assert refusal.ip == "203.0.113.8"
    # The address without its query: a search term can be a borrower's name.
    assert refusal.details == {"path": url, "method": "GET"}


def test_a_refused_form_is_recorded_without_its_body(client, refusals_recorded, agent):
    lender = LenderFactory()
    signed_in(client, agent)

    response = client.post(
        reverse("audit_disclosure"),
        {"lender": lender.pk, "show": "off", "reason": "Borrower Wang asked, 138 0000 0000"},
    )

    assert response.status_code == 403
    refusal = refusals().get()
    assert refusal.details == {"path": reverse("audit_disclosure"), "method": "POST"}
    assert refusal.reason == ""
    assert "Wang" not in json.dumps(refusal.details)


def test_a_signed_out_visitor_is_sent_to_sign_in_and_not_recorded(refusals_recorded):
    visitor = Client(enforce_csrf_checks=True)

    assert visitor.get(reverse("audit_trail")).status_code == 302
    # A form without its CSRF token is refused with a 403, but nobody is signed in.
    refused = visitor.post(reverse("audit_disclosure"), {"reason": "x"})

    assert refused.status_code == 403
    assert not refusals().exists()


def test_a_page_the_role_opens_is_not_a_refusal(client, refusals_recorded, reviewer):
    signed_in(client, reviewer)

    assert client.get(reverse("audit_trail")).status_code == 200
    assert not refusals().exists()


# The middleware alone, around views made for the purpose. ------------------------------------


def _through_middleware(view, *, path="/en/support/", user=None, method="get"):
    """``view`` behind the refusal middleware, an exception becoming its response as Django's
    handler does between middleware."""
    request = getattr(RequestFactory(), method)(path)
    request.user = user
    return RefusalMiddleware(convert_exception_to_response(view))(request)


def _refuse(request):
    raise PermissionDenied


@pytest.mark.parametrize(
    ("path", "view", "recorded"),
    [
        ("/zh-hans/support/queue/", _refuse, True),
        ("/support/queue/", lambda request: HttpResponseForbidden(), True),
        ("/cms/pages/3/edit/", _refuse, True),
        ("/en/my/loans/", _refuse, False),  # not a staff area
        ("/en/support/queue/", lambda request: HttpResponseNotFound(), False),
        ("/en/support/queue/", lambda request: HttpResponse(), False),
    ],
)
def test_only_a_403_in_a_staff_area_is_recorded(agent, path, view, recorded):
    _through_middleware(view, path=path, user=agent)

    assert refusals().exists() is recorded


def test_a_signed_out_403_in_a_staff_area_is_not_recorded():
    response = _through_middleware(_refuse, user=AnonymousUser())

    assert response.status_code == 403
    assert not refusals().exists()


def test_a_view_that_records_its_own_refusal_is_not_recorded_twice(agent):
    def view(request):
        record_refusal(acting=Actor.of(request), action="proposal.sign_off_refused")
        raise PermissionDenied

    response = _through_middleware(view, user=agent, method="post")

    assert response.status_code == 403
    assert list(refusals().values_list("action", flat=True)) == ["proposal.sign_off_refused"]


def test_a_refusal_raised_inside_a_failed_transaction_is_recorded(agent):
    def view(request):
        with transaction.atomic():
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT * FROM no_such_table")
            except DatabaseError:
                pass  # on PostgreSQL the transaction is now aborted
            raise PermissionDenied

    response = _through_middleware(view, user=agent)

    assert response.status_code == 403
    assert refusals().get().actor == agent


def test_a_403_answered_while_a_transaction_is_broken_still_answers(agent, caplog):
    caplog.set_level(logging.ERROR, logger="portal.audit.recording")
    with transaction.atomic():
        transaction.set_rollback(True)

        response = _through_middleware(lambda request: HttpResponseForbidden(), user=agent)

    assert response.status_code == 403
    assert "Refusal not recorded" in caplog.text and "/en/support/" in caplog.text


def test_a_403_answered_after_a_failed_query_still_answers(agent):
    """The database refused a query the code then caught: PostgreSQL aborts the transaction
    without Django knowing, and the record's savepoint fails. The 403 stands."""
    with transaction.atomic():
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT * FROM no_such_table")
        except DatabaseError:
            pass

        response = _through_middleware(lambda request: HttpResponseForbidden(), user=agent)

        transaction.set_rollback(True)
    assert response.status_code == 403
