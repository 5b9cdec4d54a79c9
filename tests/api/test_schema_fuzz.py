"""Schemathesis against the borrower API's part of the schema, signed in as a borrower 45 days
behind (so offers, proposals, pauses and disputes all have something to work on): whatever an
app sends, the answer is never a 500 and always matches what the schema promises."""

import pytest
from rest_framework.test import APIClient

from tests.factories import PASSWORD
from tests.repayment.plan_fixtures import late_loan
from tests.schema_fuzz import CHECKS, FUZZ_SETTINGS, in_test_transaction, schema_under

__all__ = ["in_test_transaction"]

schema = schema_under("^/api/v1/")


@pytest.fixture
def loan(db):
    return late_loan()


@pytest.fixture
def borrower_headers(loan, request):
    signed_in = APIClient().post(
        "/_allauth/app/v1/auth/login",
        {"email": loan.borrower.user.email, "password": PASSWORD},
        format="json",
    )
    # Only now: the test client puts back the signals that close the connection.
    request.getfixturevalue("in_test_transaction")
    return {"X-Session-Token": signed_in.json()["meta"]["session_token"]}


@schema.parametrize()
@FUZZ_SETTINGS
def test_borrower_api_matches_its_schema(case, loan, borrower_headers):
    # Random references are all 404s; the borrower's own loan reaches the real validation.
    if "reference" in (case.path_parameters or {}):
        case.path_parameters["reference"] = loan.reference
    case.call_and_validate(headers=borrower_headers, checks=CHECKS)
