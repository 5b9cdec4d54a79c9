"""What the schema refuses, the API refuses, and says where: a field the endpoint does not
take, a value of another JSON type, an amount or a date written another way, an
Idempotency-Key that is not visible ASCII, a NUL. (tests/api/test_schema_fuzz.py tries the
same at random; these are the cases by name.)"""

import datetime as dt

import pytest

from repayment.models import Pause, Proposal
from tests.repayment.plan_fixtures import BUDGET, today_in

from .conftest import loan_url, post


def pause(api, loan, **body):
    return api.post(loan_url(loan, "pauses/"), body, format="json")


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"reason": "illness", "days": 10, "urgent": True}, "urgent", "not accepted here"),
        ({"reason": "illness", "days": "10"}, "days", "Enter a whole number"),
        ({"reason": "illness", "days": True}, "days", "Enter a whole number"),
        ({"reason": "illness", "days": 10, "note": {}}, "note", "Not a valid string"),
        ({"reason": "illness", "days": 10, "note": "a\x00b"}, "note", "Null characters"),
        ({"reason": "illness", "days": 32768}, "days", "Enter a number of days from 1 to"),
    ],
)
def test_a_pause_the_schema_refuses_is_refused(api, loan, body, field, message):
    response = pause(api, loan, **body)

    assert response.status_code == 400
    assert message in response.json()[field][0]
    assert not Pause.objects.exists()


def proposal(**changes):
    start = (today_in() + dt.timedelta(days=3)).isoformat()
    return {"budget": BUDGET, "amount": "700", "frequency": "monthly", "start": start, **changes}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"amount": 700}, "amount"),
        ({"amount": "7e2"}, "amount"),
        ({"amount": "700.001"}, "amount"),
        ({"amount": "0"}, "amount"),
        ({"start": "2026-1-5"}, "start"),
        ({"budget": {**BUDGET, "earnings": 2400}}, "budget"),
        ({"budget": {**BUDGET, "pocket_money": "5"}}, "budget"),
        ({"budget": {**BUDGET, "period": "yearly"}}, "budget"),
    ],
)
def test_a_proposal_the_schema_refuses_is_refused(api, loan, changes, field):
    response = post(api, loan_url(loan, "proposals/"), proposal(**changes))

    assert response.status_code == 400
    assert field in response.json()
    assert not Proposal.objects.exists()


def test_a_budget_that_is_not_an_object_says_so(api, loan):
    response = post(api, loan_url(loan, "proposals/"), proposal(budget=["2400"]))

    assert response.status_code == 400
    assert response.json()["budget"] == {
        "non_field_errors": ["Send the income and expenditure answers as an object."]
    }


def test_a_dispute_names_its_entry_by_number(api, loan):
    entry = loan.entries.filter(kind="installment_due").first()

    response = api.post(
        loan_url(loan, "disputes/"), {"entry": str(entry.pk), "message": "Paid"}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["entry"] == ["Choose the entry that looks wrong."]


@pytest.mark.parametrize("since", ["", "yesterday", "2026-1-5", "20260105"])
def test_a_statement_from_a_date_written_another_way_is_refused(api, loan, since):
    response = api.get(loan_url(loan, "statement/"), {"since": since})

    assert response.status_code == 400
    assert "since" in response.json()


@pytest.mark.parametrize(
    "key",
    ["ключ-1", " ", "a\tb", "x" * 256, "tab\x7f"],
    ids=["cyrillic", "space", "tab", "256", "del"],
)
def test_an_idempotency_key_is_visible_ascii(api, loan, key):
    response = api.post(
        loan_url(loan, "offers/x/accept/"),
        format="json",
        HTTP_IDEMPOTENCY_KEY=key.encode().decode("latin-1"),
    )

    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()


def test_the_spaces_around_an_idempotency_key_are_not_part_of_it(api, loan):
    response = api.post(
        loan_url(loan, "offers/x/accept/"), format="json", HTTP_IDEMPOTENCY_KEY="  a b  "
    )

    assert response.status_code == 404  # the key was taken; the offer is unknown
