"""Promises to pay and payments borrowers told us about are shown in the Django admin and never
changed there: they are the borrower's word, and the ledger settles them."""

import datetime as dt
from decimal import Decimal as D

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse

from repayment.hardship.promises import make_promise
from repayment.models import PaymentReport, Promise
from repayment.paying.reports import report_payment
from tests.factories import UserFactory
from tests.repayment.plan_fixtures import late_loan, today_in
from tests.support.staff import signed_in

pytestmark = pytest.mark.django_db

REASON = "Tidying up, ticket 4711"


@pytest.fixture
def admin_client(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    TOTP.activate(user, generate_totp_secret())
    return signed_in(client, user)


def promise():
    today = today_in()
    return make_promise(
        loan=late_loan(), amount=D("80.00"), pay_by=today + dt.timedelta(days=4), today=today
    )


def report():
    today = today_in()
    return report_payment(
        loan=late_loan(), amount=D("95.00"), paid_on=today - dt.timedelta(days=1), today=today
    )


def url(model, action, *args):
    return reverse(f"admin:repayment_{model._meta.model_name}_{action}", args=args)


@pytest.mark.parametrize("record", [promise, report])
def test_staff_see_the_list_with_loan_and_status(admin_client, record):
    shown = record()

    page = admin_client.get(url(type(shown), "changelist"))

    assert page.status_code == 200
    html = page.content.decode()
    assert shown.loan.reference in html
    assert shown.get_status_display() in html


@pytest.mark.parametrize("record", [promise, report])
def test_the_list_is_searched_by_loan_reference_and_filtered_by_status(admin_client, record):
    shown = record()
    other = record()
    changelist = url(type(shown), "changelist")

    found = admin_client.get(changelist, {"q": shown.loan.reference}).content.decode()
    assert shown.loan.reference in found and other.loan.reference not in found
    settled = admin_client.get(changelist, {"status__exact": "broken"}).content.decode()
    assert shown.loan.reference not in settled


@pytest.mark.parametrize("model", [Promise, PaymentReport])
def test_nobody_adds_one_in_the_admin(admin_client, model):
    assert admin_client.get(url(model, "add")).status_code == 403
    assert admin_client.post(url(model, "add"), {"change_reason": REASON}).status_code == 403
    assert not model.objects.exists()


@pytest.mark.parametrize("record", [promise, report])
def test_nobody_changes_or_deletes_one_in_the_admin(admin_client, record):
    shown = record()
    model = type(shown)

    # Shown, with nothing to save.
    page = admin_client.get(url(model, "change", shown.pk))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    changed = admin_client.post(
        url(model, "change", shown.pk),
        {"amount": "1.00", "status": "kept", "change_reason": REASON},
    )
    assert changed.status_code == 403
    deleted = admin_client.post(url(model, "delete", shown.pk), {"change_reason": REASON})
    assert deleted.status_code == 403
    shown.refresh_from_db()
    assert shown.status == "open" and shown.amount != D("1.00")
