"""Schemathesis against the borrower API's part of the schema, signed in as a borrower 45 days
behind (so offers, proposals, pauses and disputes all have something to work on): whatever an
app sends, the answer is never a 500 and always matches what the schema promises; what the
schema allows is accepted, what it refuses is refused."""

import pytest
from rest_framework.test import APIClient
from schemathesis.specs.openapi.checks import positive_data_acceptance

from portal.api.v1.serializers.requests import PAUSE_DAYS_LIMIT
from repayment.models import PlanPolicy
from tests.factories import PASSWORD
from tests.repayment.plan_fixtures import late_loan
from tests.schema_fuzz import FUZZ_SETTINGS, call_and_validate, in_test_transaction, schema_under

__all__ = ["in_test_transaction"]

# Lesson slugs of any text make odd page-cache keys; the cache takes them.
pytestmark = pytest.mark.filterwarnings("ignore::django.core.cache.backends.base.CacheKeyWarning")

schema = schema_under("^/api/v1/")

# Whether a request the schema allows is accepted depends, for these, on what no schema can
# say: a proposal's amount may not exceed the loan's balance, its first payment must fall
# between today and the lender's last start day, and its budget must show some income; contact
# hours must lie inside the contact rules of the borrower's lenders, and switching a channel on
# needs an address when the lender has none; a promise to pay may not exceed the amount due
# and its day must fall between today and the lender's limit; a payment told of may not
# exceed what the loan owes, its day must fall in the last 30 days, and while one is open
# another is refused; a message to support about a loan, a plan or a dispute names one of the
# borrower's own loans, and its words are more than spaces. Each API test shows those rules.
NOT_APPLICABLE = {
    "POST /api/v1/conversations/": [positive_data_acceptance],
    "POST /api/v1/loans/{reference}/proposals/": [positive_data_acceptance],
    "POST /api/v1/loans/{reference}/promises/": [positive_data_acceptance],
    "POST /api/v1/loans/{reference}/payment-reports/": [positive_data_acceptance],
    "PATCH /api/v1/preferences/": [positive_data_acceptance],
}


@pytest.fixture
def loan(db):
    loan = late_loan()
    # The longest pause the schema allows is the lender's too, so any pause it allows is
    # granted or, once one stands, refused for the loan's state (409).
    PlanPolicy.objects.create(product=loan.product, pause_max_days=PAUSE_DAYS_LIMIT)
    return loan


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
    call_and_validate(case, borrower_headers, not_applicable=NOT_APPLICABLE)
