"""Administrators (the role, not a superuser) look after the lender's integration in the
Django admin: its API keys, its webhook, the events and their delivery log. Support staff
do not."""

import pytest

from tests.support.staff import signed_in, staff_user

pytestmark = pytest.mark.django_db

PAGES = [
    "/django-admin/lender_api/lenderkey/",
    "/django-admin/lender_api/lenderkey/add/",
    "/django-admin/webhooks/webhookendpoint/",
    "/django-admin/webhooks/webhookendpoint/add/",
    "/django-admin/webhooks/delivery/",
    "/django-admin/repayment/lenderevent/",
]


@pytest.mark.parametrize("page", PAGES)
def test_an_administrator_opens_the_integration_pages(client, page):
    signed_in(client, staff_user("administrator"))

    assert client.get(page).status_code == 200


@pytest.mark.parametrize("page", PAGES)
def test_a_support_supervisor_does_not(client, page):
    signed_in(client, staff_user("supervisor"))

    assert client.get(page).status_code == 403
