"""The borrower's pages for asking for a pause and for questioning an entry."""

import pytest

from tests.repayment.plan_fixtures import url

pytestmark = pytest.mark.django_db


def test_a_pause_request_from_the_page(client, loan):
    response = client.post(url("loan_pause", loan), {"reason": "illness", "days": "20", "note": ""})
    assert response.url == url("loan_help", loan)
    assert loan.pauses.get().status == "granted"
    too_long = client.post(url("loan_pause", loan), {"reason": "illness", "days": "500"})
    assert too_long.status_code == 200 and loan.pauses.count() == 1


def test_a_dispute_from_the_statement(client, loan):
    entry = loan.entries.filter(kind="installment_due").first()
    statement = client.get(url("loan_statement", loan)).content.decode()
    assert f"?entry={entry.pk}" in statement
    response = client.post(
        url("loan_dispute", loan), {"entry": entry.pk, "message": "I paid this at the branch."}
    )
    assert response.url == url("loan_statement", loan)
    assert loan.disputes.get().entry == entry
