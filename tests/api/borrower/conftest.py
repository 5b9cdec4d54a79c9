import uuid

import pytest
from rest_framework.test import APIClient

from tests.repayment.plan_fixtures import late_loan


@pytest.fixture
def loan(db):
    """45 days behind on a loan of twelve monthly payments of 550."""
    return late_loan()


@pytest.fixture
def api(loan):
    client = APIClient()
    client.force_authenticate(loan.borrower.user)
    return client


@pytest.fixture
def other_loan(db):
    """Another borrower's loan, late in the same way."""
    return late_loan()


def post(api, url, body=None, *, key=None, **headers):
    """POST as JSON with a fresh Idempotency-Key unless one is given (``key=""``: none)."""
    key = uuid.uuid4().hex if key is None else key
    if key:
        headers["HTTP_IDEMPOTENCY_KEY"] = key
    return api.post(url, body, format="json", **headers)


def loan_url(loan, tail=""):
    return f"/api/v1/loans/{loan.reference}/{tail}"
