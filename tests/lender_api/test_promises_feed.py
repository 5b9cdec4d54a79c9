"""GET /promises/ and GET /payment-reports/: what borrowers told us about paying on this
lender's loans, each once, page by page, and never another lender's."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.lender_api.plans_feed import PLANS
from portal.lender_api.promises_feed import PAYMENT_REPORTS, PROMISES
from repayment.models import PaymentReport, Promise
from tests.factories import LoanFactory

pytestmark = pytest.mark.django_db

LATER = dt.timedelta(minutes=1)


def make_promise(product, *, number, **fields):
    # One open promise per loan, so each gets a loan of its own.
    loan = LoanFactory(product=product, external_id=f"L-{product.code}-p{number}")
    values = {
        "amount": Decimal("300.00"),
        "made_on": dt.date(2026, 3, 2),
        "pay_by": dt.date(2026, 3, 9),
        "hold_until": dt.date(2026, 3, 12),
        **fields,
    }
    return Promise.objects.create(loan=loan, **values)


def make_report(product, *, number, **fields):
    loan = LoanFactory(product=product, external_id=f"L-{product.code}-r{number}")
    values = {
        "amount": Decimal("550.00"),
        "paid_on": dt.date(2026, 3, 1),
        "how": "bank_transfer",
        "details": "From ICBC, receipt 0042",
        "reported_on": dt.date(2026, 3, 2),
        "hold_until": dt.date(2026, 3, 7),
        **fields,
    }
    return PaymentReport.objects.create(loan=loan, **values)


FEEDS = [
    pytest.param("promises/", "promises", make_promise, id="promises"),
    pytest.param("payment-reports/", "payment_reports", make_report, id="payment-reports"),
]


def read_all(api, path, items, limit):
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": limit, **({"cursor": cursor} if cursor else {})}
        body = api.get(path, params).json()
        seen.extend(item["id"] for item in body[items])
        cursor = body["next_cursor"]
        pages += 1
        if not body["has_more"]:
            return seen, cursor, pages


def test_a_promise_is_described_in_full(api, product):
    promise = make_promise(product, number=1)
    with time_machine.travel(timezone.now() + LATER):
        body = api.get("promises/").json()
    assert body["has_more"] is False
    (served,) = body["promises"]
    assert served == {
        "id": promise.pk,
        "loan_external_id": promise.loan.external_id,
        "loan_reference": promise.loan.reference,
        "currency": "CNY",
        "amount": "300.00",
        "pay_by": "2026-03-09",
        "reminders_held_until": "2026-03-12",
        "made_on": "2026-03-02",
        "status": "open",
        "paid": None,
        "settled_on": None,
        "created_at": served["created_at"],
    }


def test_a_payment_report_is_described_in_full(api, product):
    report = make_report(product, number=1)
    with time_machine.travel(timezone.now() + LATER):
        body = api.get("payment-reports/").json()
    assert body["has_more"] is False
    (served,) = body["payment_reports"]
    assert served == {
        "id": report.pk,
        "loan_external_id": report.loan.external_id,
        "loan_reference": report.loan.reference,
        "currency": "CNY",
        "amount": "550.00",
        "paid_on": "2026-03-01",
        "how": "bank_transfer",
        "details": "From ICBC, receipt 0042",
        "reported_on": "2026-03-02",
        "reminders_held_until": "2026-03-07",
        "status": "open",
        "found": None,
        "settled_on": None,
        "created_at": served["created_at"],
    }


def test_status_and_outcome_are_the_ones_read(api, product):
    promise = make_promise(
        product,
        number=1,
        status="part_kept",
        paid=Decimal("120.5"),
        settled_on=dt.date(2026, 3, 13),
    )
    report = make_report(
        product, number=1, status="not_found", found=Decimal("0"), how="", details=""
    )
    with time_machine.travel(timezone.now() + LATER):
        (served_promise,) = api.get("promises/").json()["promises"]
        (served_report,) = api.get("payment-reports/").json()["payment_reports"]
    assert (served_promise["id"], served_promise["status"]) == (promise.pk, "part_kept")
    assert (served_promise["paid"], served_promise["settled_on"]) == ("120.50", "2026-03-13")
    assert (served_report["id"], served_report["status"]) == (report.pk, "not_found")
    assert (served_report["found"], served_report["how"]) == ("0.00", "")


@pytest.mark.parametrize("path, items, make", FEEDS)
def test_pages_show_each_item_once_and_never_another_lenders(
    api, product, other_product, path, items, make
):
    mine = []
    for n in range(7):
        mine.append(make(product, number=n).pk)
        make(other_product, number=n)
    with time_machine.travel(timezone.now() + LATER):
        seen, cursor, pages = read_all(api, path, items, limit=3)
        assert seen == mine
        assert pages == 3
        # Nothing new: the kept cursor gives an empty page and the same cursor back.
        body = api.get(path, {"cursor": cursor}).json()
        assert body[items] == [] and body["next_cursor"] == cursor
        newer = make(product, number=99)
    with time_machine.travel(timezone.now() + 2 * LATER):
        body = api.get(path, {"cursor": cursor}).json()
    assert [item["id"] for item in body[items]] == [newer.pk]


@pytest.mark.parametrize("path, items, make", FEEDS)
def test_another_lenders_key_sees_only_its_own(
    make_key, client_for, product, other_product, other_lender, path, items, make
):
    mine = make(product, number=1)
    theirs = make(other_product, number=1)
    other_api = client_for(make_key(owner=other_lender).plaintext)
    with time_machine.travel(timezone.now() + LATER):
        body = other_api.get(path, {"limit": 500}).json()
    assert [item["id"] for item in body[items]] == [theirs.pk]
    assert mine.loan.external_id not in str(body)


@pytest.mark.parametrize("path, items, make", FEEDS)
def test_an_item_just_made_waits_until_earlier_ones_have_settled(api, product, path, items, make):
    item = make(product, number=1)
    assert api.get(path).json()[items] == []
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=11)):
        assert [served["id"] for served in api.get(path).json()[items]] == [item.pk]


@pytest.mark.parametrize("path, items, make", FEEDS)
def test_the_feed_stops_before_an_item_still_settling(api, product, path, items, make):
    """Ids and clock reads can disagree by a moment: a later id with an earlier time must not
    carry the cursor past an item that is not served yet."""
    first, second = make(product, number=1), make(product, number=2)
    model = type(first)
    model.objects.filter(pk=first.pk).update(created_at=timezone.now() + dt.timedelta(seconds=5))
    model.objects.filter(pk=second.pk).update(created_at=timezone.now() - LATER)
    body = api.get(path).json()
    assert body[items] == []
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=20)):
        served = api.get(path, {"cursor": body["next_cursor"]}).json()[items]
    assert [item["id"] for item in served] == [first.pk, second.pk]


@pytest.mark.parametrize(
    "path, params, field",
    [
        ("promises/", {"cursor": "not-a-cursor"}, "cursor"),
        ("promises/", {"cursor": PLANS.encode(0)}, "cursor"),
        ("promises/", {"cursor": PAYMENT_REPORTS.encode(0)}, "cursor"),
        ("payment-reports/", {"cursor": PROMISES.encode(0)}, "cursor"),
        ("plans/", {"cursor": PROMISES.encode(0)}, "cursor"),
        ("promises/", {"limit": "0"}, "limit"),
        ("payment-reports/", {"limit": "501"}, "limit"),
        ("payment-reports/", {"limit": ""}, "limit"),
    ],
)
def test_bad_query_is_400_naming_the_parameter(api, path, params, field):
    response = api.get(path, params)
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert (error["item"], error["field"]) == ("the query", field)


@pytest.mark.parametrize(
    "path, scope",
    [("promises/", "promises:read"), ("payment-reports/", "payment-reports:read")],
)
def test_a_key_without_the_feeds_scope_is_refused(make_key, client_for, path, scope):
    response = client_for(make_key(scopes=["plans:read"]).plaintext).get(path)
    assert response.status_code == 403
    assert scope in response.json()["detail"]


@pytest.mark.parametrize("path, items, make", FEEDS)
def test_queries_do_not_grow_with_the_page(api, product, path, items, make):
    for n in range(20):
        make(product, number=n)
    with time_machine.travel(timezone.now() + LATER):
        api.get(path, {"limit": 1})  # the key's last use is noted once a minute, here
        counts = []
        for limit in (1, 20):
            with CaptureQueriesContext(connection) as queries:
                assert len(api.get(path, {"limit": limit}).json()[items]) == limit
            counts.append(len(queries))
    assert counts[0] == counts[1]
