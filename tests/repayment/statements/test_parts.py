"""The statement page's cached parts and its cheaper loan read: what a borrower sees never
changes because of them. Parts are kept under the statement's key, so a new entry, another
language or another loan is a new part (a republished glossary term:
``tests/education/test_glossary.py``); the loan's marks agree
with ``selectors.loans_of``; and a warm page makes few round trips."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.cache.backends.locmem import LocMemCache
from django.urls import reverse

from repayment import selectors
from repayment.models import (
    Dispute,
    Pause,
    PaymentReport,
    Plan,
    Promise,
)
from repayment.statements.loan_marks import marked_loan_or_404
from tests.factories import LoanFactory, PlanFactory, UserFactory

from .conftest import NOON_SHANGHAI, entry

pytestmark = pytest.mark.django_db
MARKS = (
    "has_active_plan",
    "has_plan",
    "has_open_dispute",
    "has_pause",
    "has_open_promise",
    "has_open_report",
)
DAY = dt.date(2026, 5, 1)


def _signed_in(client, loan):
    user = UserFactory()
    loan.borrower.user = user
    loan.borrower.save()
    client.force_login(user)
    return reverse("loan_statement", args=[loan.reference])


def _with(loan, what: str, status: str):
    if what == "plan":
        PlanFactory(loan=loan, status=status)
    elif what == "dispute":
        first = entry(loan, "fee", "5.00", DAY)
        Dispute.objects.create(loan=loan, entry=first, message="not mine", status=status)
    elif what == "pause":
        Pause.objects.create(
            loan=loan,
            reason="illness",
            starts_on=DAY,
            ends_on=DAY + dt.timedelta(days=30),
            status=status,
        )
    elif what == "promise":
        Promise.objects.create(
            loan=loan,
            amount=Decimal("10.00"),
            pay_by=DAY,
            hold_until=DAY,
            made_on=DAY,
            status=status,
        )
    elif what == "report":
        PaymentReport.objects.create(
            loan=loan,
            amount=Decimal("10.00"),
            paid_on=DAY,
            reported_on=DAY,
            hold_until=DAY,
            status=status,
        )


@pytest.mark.parametrize(
    ("what", "status"),
    [
        (None, None),
        ("plan", "active"),
        ("plan", "broken"),
        ("plan", "cancelled"),
        ("dispute", "open"),
        ("dispute", "rejected"),
        ("pause", "granted"),
        ("pause", "ended"),
        ("pause", "requested"),
        ("promise", "open"),
        ("promise", "kept"),
        ("report", "open"),
        ("report", "arrived"),
    ],
)
def test_the_statement_loan_is_marked_as_loans_of_marks_it(what, status):
    loan = LoanFactory()
    other = LoanFactory(borrower=loan.borrower)  # its rows must not mark this loan
    if what:
        _with(loan, what, status)
        _with(other, what, "active" if what == "plan" else "open")

    ours = marked_loan_or_404(borrower=loan.borrower, reference=loan.reference)
    theirs = selectors.loans_of(borrower=loan.borrower).get(pk=loan.pk)

    assert {mark: getattr(ours, mark) for mark in MARKS} == {
        mark: getattr(theirs, mark) for mark in MARKS
    }
    assert Plan.objects.exists() == (what == "plan")


def test_another_borrowers_loan_is_404(client):
    loan = LoanFactory()
    url = _signed_in(client, LoanFactory())
    assert client.get(url.replace(url.split("/")[-2], loan.reference)).status_code == 404


@time_machine.travel(NOON_SHANGHAI, tick=False)
def test_a_new_entry_shows_at_once_in_every_cached_part(client, late_loan):
    url = _signed_in(client, late_loan)
    before = client.get(url).content.decode()
    assert "CN¥1,130.00" in before  # amount due (next action) and due now (facts)

    entry(late_loan, "payment", "1130.00", dt.date(2026, 5, 20), description="Paid at the bank")
    after = client.get(url).content.decode()

    assert "CN¥1,130.00" not in after.split('aria-labelledby="history"')[0]
    assert "You are up to date" in after  # next action
    assert "Paid at the bank" in after  # transaction list


@time_machine.travel(NOON_SHANGHAI, tick=False)
def test_two_loans_with_the_same_ledger_never_share_a_part(client, late_loan):
    twin = LoanFactory(product=late_loan.product)
    for line in late_loan.entries.order_by("pk"):
        entry(twin, line.kind, line.amount, line.effective_date)
    first = client.get(_signed_in(client, late_loan)).content.decode()
    second = client.get(_signed_in(client, twin)).content.decode()

    assert f"<dd>{late_loan.reference}</dd>" in first
    assert f"<dd>{twin.reference}</dd>" in second
    assert late_loan.reference not in second


@time_machine.travel(NOON_SHANGHAI, tick=False)
def test_each_language_has_its_own_parts(client, late_loan):
    url = _signed_in(client, late_loan)
    english = client.get(url).content.decode()
    chinese = client.get(url.replace("/en/", "/zh-hans/")).content.decode()

    assert "What you owe, and how it is made up" in english
    assert "What you owe, and how it is made up" not in chinese
    assert "Amount due now" not in chinese


@time_machine.travel(NOON_SHANGHAI, tick=False)
def test_an_open_payment_report_changes_the_next_action(client, late_loan):
    url = _signed_in(client, late_loan)
    assert "Paid already? Tell us" in client.get(url).content.decode()

    _with(late_loan, "report", "open")

    assert "Paid already? Tell us" not in client.get(url).content.decode()


@time_machine.travel(NOON_SHANGHAI, tick=False)
def test_a_warm_statement_page_reads_the_cache_in_three_round_trips(
    client, late_loan, monkeypatch, django_assert_num_queries
):
    url = _signed_in(client, late_loan)
    client.get(url)
    calls = []
    real_get, real_get_many = LocMemCache.get, LocMemCache.get_many

    def get(self, key, *args, **kwargs):
        if not getattr(get, "inside_many", False):
            calls.append("get")
        return real_get(self, key, *args, **kwargs)

    def get_many(self, keys, *args, **kwargs):
        # The local-memory cache reads each key of a get_many by its get: one round trip to
        # a shared cache, counted as one.
        calls.append("get_many")
        get.inside_many = True
        try:
            return real_get_many(self, keys, *args, **kwargs)
        finally:
            get.inside_many = False

    monkeypatch.setattr(LocMemCache, "get", get)
    monkeypatch.setattr(LocMemCache, "get_many", get_many)

    # user, borrower, loan, milestones, marks with the ledger's fingerprint; as the loan is
    # late, the free help box's product; and the engagement event (repayment/engagement)
    with django_assert_num_queries(7):
        html = client.get(url).content.decode()

    assert "Amount due now" in html
    # the session, the content's generation, and the statement with its three parts
    assert calls == ["get", "get", "get_many"]
