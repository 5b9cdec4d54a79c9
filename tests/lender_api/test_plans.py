"""GET /plans/: the plans borrowers agreed on this lender's loans, each once, page by page."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone

from repayment.models import PlanInstallment
from tests.factories import LoanFactory, PlanFactory

pytestmark = pytest.mark.django_db


def agree_plan(product, *, number, status="active", total="660.00", **fields):
    loan = LoanFactory(product=product, external_id=f"L-{product.code}-{number}")
    plan = PlanFactory(
        loan=loan,
        kind="spread",
        status=status,
        segment="arrears",
        frequency="monthly",
        total=Decimal(total),
        covers_overdue=Decimal(total),
        starts_on=dt.date(2026, 3, 1),
        idempotency_key=f"key-{product.code}-{number}",
        **fields,
    )
    PlanInstallment.objects.bulk_create(
        PlanInstallment(
            plan=plan,
            number=n,
            due_date=dt.date(2026, 3 + n, 1),
            original_due_date=dt.date(2026, 3 + n, 1),
            amount=Decimal(total) / 2,
        )
        for n in (1, 2)
    )
    return plan


def read_all(api, limit):
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": limit, **({"cursor": cursor} if cursor else {})}
        body = api.get("plans/", params).json()
        seen.extend(plan["id"] for plan in body["plans"])
        cursor = body["next_cursor"]
        pages += 1
        if not body["has_more"]:
            return seen, cursor, pages


def test_a_plan_is_described_in_full(api, product):
    plan = agree_plan(product, number=1)
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=1)):
        body = api.get("plans/").json()
    assert body["has_more"] is False
    (served,) = body["plans"]
    assert served == {
        "id": plan.pk,
        "loan_external_id": plan.loan.external_id,
        "loan_reference": plan.loan.reference,
        "currency": "CNY",
        "kind": "spread",
        "status": "active",
        "frequency": "monthly",
        "total": "660.00",
        "discount": "0.00",
        "covers_overdue": "660.00",
        "accepted_at": served["accepted_at"],
        "starts_on": "2026-03-01",
        "ended_on": None,
        "installments": [
            {"number": 1, "date": "2026-04-01", "amount": "330.00"},
            {"number": 2, "date": "2026-05-01", "amount": "330.00"},
        ],
    }


def test_pages_show_each_plan_once_and_never_another_lenders(
    api, product, other_product, django_assert_max_num_queries
):
    mine = []
    for n in range(7):
        mine.append(agree_plan(product, number=n).pk)
        agree_plan(other_product, number=n)
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=1)):
        seen, cursor, pages = read_all(api, limit=3)
        assert seen == mine
        assert pages == 3
        # Nothing new: the kept cursor gives an empty page and the same cursor back.
        body = api.get("plans/", {"cursor": cursor}).json()
        assert body["plans"] == [] and body["next_cursor"] == cursor
        newer = agree_plan(product, number=99)
    with (
        time_machine.travel(timezone.now() + dt.timedelta(minutes=2)),
        django_assert_max_num_queries(6),
    ):
        body = api.get("plans/", {"cursor": cursor}).json()
    assert [plan["id"] for plan in body["plans"]] == [newer.pk]


def test_a_plan_just_agreed_waits_until_earlier_ones_have_settled(api, product):
    plan = agree_plan(product, number=1)
    assert api.get("plans/").json()["plans"] == []
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=11)):
        assert [p["id"] for p in api.get("plans/").json()["plans"]] == [plan.pk]


def test_the_feed_stops_before_a_plan_still_settling(api, product):
    """Ids and clock reads can disagree by a moment: a later id with an earlier time must not
    carry the cursor past a plan that is not served yet."""
    first = agree_plan(product, number=1, accepted_at=timezone.now() + dt.timedelta(seconds=5))
    second = agree_plan(product, number=2, accepted_at=timezone.now() - dt.timedelta(minutes=1))
    assert api.get("plans/").json()["plans"] == []
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=20)):
        assert [p["id"] for p in api.get("plans/").json()["plans"]] == [first.pk, second.pk]


def test_status_is_the_current_one(api, product):
    plan = agree_plan(product, number=1, status="broken")
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=1)):
        (served,) = api.get("plans/").json()["plans"]
    assert (served["id"], served["status"]) == (plan.pk, "broken")


@pytest.mark.parametrize(
    "params, field",
    [
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"cursor": "cDE6LTE"}, "cursor"),  # "p1:-1"
        ({"limit": "0"}, "limit"),
        ({"limit": "501"}, "limit"),
        ({"limit": "many"}, "limit"),
    ],
)
def test_bad_query_is_400_naming_the_parameter(api, params, field):
    response = api.get("plans/", params)
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["field"] == field
