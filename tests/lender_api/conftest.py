import json

import pytest
from rest_framework.test import APIClient

from portal.lender_api.keys import SCOPES, create_key
from tests.factories import LenderFactory, LoanProductFactory

ALL_SCOPES = list(SCOPES)


@pytest.fixture
def lender(db):
    return LenderFactory(name="Harbour Community Finance")


@pytest.fixture
def other_lender(db):
    return LenderFactory(name="Other Bank")


@pytest.fixture
def product(lender):
    # The lender posts its own installments and interest.
    return LoanProductFactory(lender=lender, code="microloan", servicing_enabled=False)


@pytest.fixture
def other_product(other_lender):
    return LoanProductFactory(lender=other_lender, code="other-loan", servicing_enabled=False)


@pytest.fixture
def make_key(lender):
    def make(*, scopes=ALL_SCOPES, owner=None):
        return create_key(lender=owner or lender, name="core banking", scopes=scopes)

    return make


@pytest.fixture
def key(make_key):
    return make_key()


class LenderClient:
    """What the lender's developer does: JSON over HTTP with the key in the header."""

    def __init__(self, plaintext):
        self.api = APIClient()
        self.plaintext = plaintext

    def headers(self):
        return {"HTTP_AUTHORIZATION": f"Bearer {self.plaintext}"} if self.plaintext else {}

    def post(self, path, body, **extra):
        data = body if isinstance(body, str | bytes) else json.dumps(body)
        return self.api.post(
            f"/api/lender/v1/{path}",
            data=data,
            content_type="application/json",
            **self.headers(),
            **extra,
        )

    def get(self, path, params=None, **extra):
        return self.api.get(f"/api/lender/v1/{path}", params or {}, **self.headers(), **extra)


@pytest.fixture
def api(key):
    return LenderClient(key.plaintext)


@pytest.fixture
def client_for():
    return LenderClient
