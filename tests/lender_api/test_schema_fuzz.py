"""Schemathesis against the lender API's part of the schema: whatever a client sends, the
answer is never a 500 and always matches what the schema promises.

Whether a batch is accepted depends on what is stored (an entry needs its loan), which no
schema can say, so the checks that valid-looking data is accepted and odd data refused are
left out; the import's own tests cover what it accepts."""

import pytest

from portal.lender_api.keys import SCOPES, create_key
from tests.factories import LenderFactory, LoanFactory, LoanProductFactory
from tests.schema_fuzz import CHECKS, FUZZ_SETTINGS, in_test_transaction, schema_under

__all__ = ["in_test_transaction"]

schema = schema_under("^/api/lender/")


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
    case.call_and_validate(headers=lender_headers, checks=CHECKS)
