"""A lender's system posts payments named by the borrower's payment reference, as the file
import takes them (tests/repayment/importing/test_payment_reference.py): its own loans are
found, another lender's are unknown."""

import pytest

from repayment.models import LedgerEntry
from repayment.paying.reference import payment_reference
from tests.factories import LoanFactory

from .test_batches import borrower, loan

pytestmark = pytest.mark.django_db


def payment(external_id, written):
    return {
        "payment_reference": written,
        "external_id": external_id,
        "kind": "payment",
        "effective_date": "2026-02-09",
        "amount": "110.00",
    }


@pytest.fixture
def own_loan(api, product):
    assert api.post("borrowers/", {"borrowers": [borrower()]}).status_code == 200
    assert api.post("loans/", {"loans": [loan(reference="HCF-0042")]}).status_code == 200


def test_payment_by_reference_is_posted_to_the_lenders_loan(api, own_loan):
    written = payment_reference("HCF-0042").lower()

    response = api.post("ledger-entries/", {"entries": [payment("P-1", written)]})

    assert response.status_code == 200
    assert response.json()["entries_created"] == 1
    assert LedgerEntry.objects.get(external_id="P-1").loan.external_id == "L-1"


def test_another_lenders_reference_is_an_unknown_loan(api, own_loan, other_product):
    LoanFactory(product=other_product, external_id="L-THEIRS", reference="OB-0001")
    theirs = payment_reference("OB-0001")

    response = api.post("ledger-entries/", {"entries": [payment("P-1", theirs)]})

    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "item": "entries[0]",
            "field": "payment_reference",
            "message": f"no loan with payment reference {theirs} in this batch or already imported",
        }
    ]
    assert LedgerEntry.objects.count() == 0


def test_mistyped_reference_refuses_the_batch(api, own_loan):
    good = payment_reference("HCF-0042")
    typo = good[:-1] + ("0" if good[-1] != "0" else "1")
    body = {"entries": [payment("P-1", good), payment("P-2", typo)]}

    response = api.post("ledger-entries/", body)

    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert (error["item"], error["field"]) == ("entries[1]", "payment_reference")
    assert "looks mistyped" in error["message"]
    assert LedgerEntry.objects.count() == 0
