"""My loans and a loan's statement: the same figures as the pages, money as strings."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from repayment.money import round_money
from repayment.statements.cache import statement_for
from tests.factories import LoanFactory, MilestoneFactory

from .conftest import loan_url

pytestmark = pytest.mark.django_db


def money(amount) -> str:
    return str(round_money(amount, "CNY"))


def test_my_loans_sum_up_what_i_owe(api, loan):
    [summary] = api.get("/api/v1/loans/").json()

    assert summary == {
        "reference": loan.reference,
        "product_name": "Small business loan",
        "currency": "CNY",
        "principal": "6000.00",
        "balance": "4350.00",
        "amount_due": "1100.00",
        "days_past_due": 45,
        "status": "late",
        "next_due": summary["next_due"],
        "has_active_plan": False,
        "reminders_held_until": None,
    }
    assert summary["next_due"]["amount"] == "550.00"
    dt.date.fromisoformat(summary["next_due"]["date"])


def test_the_product_name_is_in_the_borrowers_language(api, loan):
    [summary] = api.get("/api/v1/loans/", HTTP_ACCEPT_LANGUAGE="zh-CN").json()

    assert summary["product_name"] == "小微经营贷"


def _queries(api) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert api.get("/api/v1/loans/").status_code == 200
    return len(queries)


def test_listing_three_loans_costs_a_fixed_few_queries_more_than_one(api, loan):
    _queries(api)  # statements are cached once computed: compare like with like
    one = _queries(api)
    for _ in range(2):
        LoanFactory(borrower=loan.borrower, product=loan.product)
    first_time = _queries(api)
    three = _queries(api)

    # Per loan, only statement_for's check of its cached statement (and, the first time, the
    # ledger read): nothing per entry, milestone or plan.
    assert three <= one + 2
    assert first_time <= one + 2 * 2


def test_the_statement_is_the_pages_value(api, loan):
    MilestoneFactory(product=loan.product, days_past_due=60)
    page = statement_for(loan=loan)

    body = api.get(loan_url(loan, "statement/")).json()

    assert page.balance.interest == 0
    # Always the currency's two places, even where the value computed is a bare zero.
    assert body["balance"] == {
        "principal": str(page.balance.principal),
        "interest": "0.00",
        "fees": "0.00",
        "total": "4350.00",
    }
    assert body["amount_due"] == str(page.amount_due) == "1100.00"
    assert body["days_past_due"] == page.days_past_due == 45
    assert body["next_due"] == {
        "date": page.next_due.date.isoformat(),
        "amount": str(page.next_due.amount),
    }
    assert body["oldest_unpaid_due_date"] == page.oldest_unpaid_due_date.isoformat()
    assert [(line["entry_id"], line["change"], line["balance"]) for line in body["history"]] == [
        (line.entry_id, money(line.change), money(line.balance)) for line in page.history
    ]
    assert [(step["kind"], step["date"], step["happened"]) for step in body["timeline"]] == [
        (step.kind, step.date.isoformat(), step.happened) for step in page.timeline
    ]
    credit_bureau = next(step for step in body["timeline"] if step["kind"] == "lender")
    assert credit_bureau["explanation"] == "We report the missed payment to the credit bureau."
    assert body["itemisation"]["balance_now"] == "4350.00"
    assert body["lender"]["name"] == "Harbour Community Finance"


def test_the_statement_speaks_the_language_asked_for(api, loan):
    MilestoneFactory(product=loan.product, days_past_due=60)

    body = api.get(loan_url(loan, "statement/"), HTTP_ACCEPT_LANGUAGE="zh-hans").json()

    assert body["product_name"] == "小微经营贷"
    explanations = [step["explanation"] for step in body["timeline"] if step["kind"] == "lender"]
    assert explanations == ["我们会将逾期记录报送征信机构。"]


def test_the_borrowers_own_language_is_used_when_the_app_names_none(api, loan):
    loan.borrower.preferred_language = "zh-hans"
    loan.borrower.save()

    body = api.get(loan_url(loan, "statement/")).json()

    assert body["product_name"] == "小微经营贷"


def test_the_history_can_start_from_a_chosen_date(api, loan):
    everything = api.get(loan_url(loan, "statement/")).json()["history"]
    recent = api.get(loan_url(loan, "statement/"), {"since": everything[1]["date"]}).json()

    assert 0 < len(recent["history"]) < len(everything)
    assert recent["itemisation"]["since"] == everything[1]["date"]


def test_money_keeps_the_currencys_decimal_places(api, loan):
    loan.product.currency = "JPY"
    loan.product.save()

    [summary] = api.get("/api/v1/loans/").json()

    assert summary["balance"] == "4350"
    assert summary["currency"] == "JPY"
