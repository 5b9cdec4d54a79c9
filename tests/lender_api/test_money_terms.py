"""Through the API as through the file: a paid-out loan keeps its money terms, and what a key's
batch changes is in the audit trail under that key."""

import pytest
from auditlog.models import LogEntry

from repayment.models import Loan

from .test_batches import borrower, entry, loan

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid_out(api, product):
    body = {
        "borrowers": [borrower()],
        "loans": [loan()],
        "entries": [entry("T-1", kind="disbursement", amount="1200.00")],
    }
    assert api.post("batches/", body).status_code == 200
    return Loan.objects.get(external_id="L-1")


def test_principal_of_a_paid_out_loan_is_refused(api, paid_out):
    response = api.post("loans/", {"loans": [loan(principal="5000.00")]})

    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "item": "loans[0]",
            "field": "principal",
            "message": "loan L-1 has been paid out (its ledger has entries), so its principal "
            "cannot change: product microloan does not allow restructuring",
        }
    ]
    paid_out.refresh_from_db()
    assert str(paid_out.principal) == "1200.00"


def test_restructure_through_the_api_is_recorded_under_the_key(api, key, product, paid_out):
    product.restructuring_allowed = True
    product.save()

    response = api.post("loans/", {"loans": [loan(installment_count=13)]})

    assert response.status_code == 200
    (change,) = LogEntry.objects.filter(
        content_type__model="loan", object_id=paid_out.pk, action=LogEntry.Action.UPDATE
    )
    assert change.changes == {"installment_count": ["12", "13"]}
    assert change.actor is None
    assert change.remote_addr == "127.0.0.1"
    data = change.additional_data
    assert (data["source"], data["lender_key"], data["lender"], data["restructure"]) == (
        "lender API",
        str(key.key),
        product.lender.pk,
        True,
    )
