"""Schemathesis against the lender API's part of the schema: whatever a client sends, the
answer is never a 500 and always matches what the schema promises, and what the schema refuses
the API refuses."""

import pytest
from schemathesis.specs.openapi.checks import positive_data_acceptance

from portal.lender_api.keys import SCOPES, create_key
from portal.lender_api.plans_feed import PLANS
from portal.lender_api.promises_feed import PAYMENT_REPORTS, PROMISES
from tests.factories import LenderFactory, LoanFactory, LoanProductFactory
from tests.schema_fuzz import FUZZ_SETTINGS, call_and_validate, in_test_transaction, schema_under

__all__ = ["in_test_transaction"]

schema = schema_under("^/api/lender/")

# Whether a batch the schema allows is accepted depends on what is stored and on the rest of
# the batch, which no schema can say: an entry needs its loan, a loan its borrower and one of
# the lender's products, a reversal the entry it reverses, amounts no more decimals than the
# product's currency has. The import's own tests (tests/lender_api/test_batches.py,
# tests/repayment) cover what it accepts.
# Each feed gives out its own cursors, and refuses another feed's.
FEED_AT = {
    "GET /api/lender/v1/plans/": PLANS,
    "GET /api/lender/v1/promises/": PROMISES,
    "GET /api/lender/v1/payment-reports/": PAYMENT_REPORTS,
}

NOT_APPLICABLE = {
    f"POST /api/lender/v1/{route}/": [positive_data_acceptance]
    for route in ("borrowers", "loans", "ledger-entries", "batches")
}


@pytest.fixture
def lender_headers(db, in_test_transaction):
    lender = LenderFactory()
    product = LoanProductFactory(lender=lender, code="microloan", servicing_enabled=False)
    LoanFactory(product=product, external_id="L-1")
    key = create_key(lender=lender, name="fuzz", scopes=list(SCOPES))
    return {"Authorization": f"Bearer {key.plaintext}"}


@schema.parametrize()
@FUZZ_SETTINGS
def test_lender_api_matches_its_schema(case, lender_headers):
    # A cursor is one the API gave out (any other is a 400, as the schema says it may be).
    if case.meta.generation.mode.is_positive and "cursor" in (case.query or {}):
        case.query["cursor"] = FEED_AT[case.operation.label].encode(0)
    call_and_validate(case, lender_headers, not_applicable=NOT_APPLICABLE)


# The query parameters as the schema gives them, by name.


@pytest.mark.parametrize("dry_run", ["1", "yes", "True", ""])
def test_dry_run_is_true_or_false(api, dry_run):
    response = api.post(f"borrowers/?dry_run={dry_run}", {"borrowers": []})

    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "dry_run"


def test_an_empty_limit_is_refused_and_an_empty_cursor_starts_at_the_first_plan(api):
    assert api.get("plans/", {"limit": ""}).status_code == 400
    assert api.get("plans/", {"cursor": ""}).status_code == 200
