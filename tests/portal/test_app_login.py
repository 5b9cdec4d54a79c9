"""An app signs in through allauth's headless API with the same steps as the site (password,
then the authenticator code when the borrower has one) and calls the borrower API with the
session token it gets back."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret, hotp_value
from django.utils import timezone
from rest_framework.test import APIClient

from tests.factories import PASSWORD, BorrowerFactory, LoanFactory, UserFactory

LOGIN = "/_allauth/app/v1/auth/login"
SECOND_STEP = "/_allauth/app/v1/auth/2fa/authenticate"
LOANS = "/api/v1/loans/"

pytestmark = pytest.mark.django_db


@pytest.fixture
def borrower():
    user = UserFactory(email="app@example.com")
    borrower = BorrowerFactory(user=user)
    LoanFactory(borrower=borrower, reference="HCF-APP001")
    return borrower


def _sign_in(api: APIClient, email: str, password: str):
    return api.post(LOGIN, {"email": email, "password": password}, format="json")


def _code(secret: str) -> str:
    counter = int(timezone.now().timestamp()) // 30
    return f"{hotp_value(secret, counter):06d}"


def test_a_password_alone_gives_a_token_that_opens_only_the_borrowers_own_loans(borrower):
    other = LoanFactory(reference="HCF-OTHER1")
    api = APIClient()

    signed_in = _sign_in(api, "app@example.com", PASSWORD)

    assert signed_in.status_code == 200
    token = signed_in.json()["meta"]["session_token"]
    app = APIClient()
    loans = app.get(LOANS, HTTP_X_SESSION_TOKEN=token)
    assert loans.status_code == 200
    references = [loan["reference"] for loan in loans.json()]
    assert references == ["HCF-APP001"]
    assert (
        app.get(
            f"/api/v1/loans/{other.reference}/statement/", HTTP_X_SESSION_TOKEN=token
        ).status_code
        == 404
    )


def test_a_wrong_password_gives_no_token(borrower):
    refused = _sign_in(APIClient(), "app@example.com", "not the password")

    assert refused.status_code == 400
    assert "session_token" not in refused.json().get("meta", {})


def test_without_a_token_the_api_refuses(borrower):
    assert APIClient().get(LOANS).status_code in (401, 403)
    assert APIClient().get(LOANS, HTTP_X_SESSION_TOKEN="made-up").status_code in (401, 403)


def test_with_an_authenticator_the_token_works_only_after_the_code(borrower):
    secret = generate_totp_secret()
    TOTP.activate(borrower.user, secret)
    api = APIClient()

    first = _sign_in(api, "app@example.com", PASSWORD)

    assert first.status_code == 401
    pending = first.json()
    token = pending["meta"]["session_token"]
    assert any(
        flow.get("is_pending") and flow["id"] == "mfa_authenticate"
        for flow in pending["data"]["flows"]
    )
    assert APIClient().get(LOANS, HTTP_X_SESSION_TOKEN=token).status_code in (401, 403)

    wrong = api.post(SECOND_STEP, {"code": "000000"}, format="json", HTTP_X_SESSION_TOKEN=token)
    assert wrong.status_code == 400

    second = api.post(
        SECOND_STEP, {"code": _code(secret)}, format="json", HTTP_X_SESSION_TOKEN=token
    )
    assert second.status_code == 200
    token = second.json()["meta"]["session_token"]
    assert APIClient().get(LOANS, HTTP_X_SESSION_TOKEN=token).status_code == 200


def test_signing_out_ends_the_token(borrower):
    token = _sign_in(APIClient(), "app@example.com", PASSWORD).json()["meta"]["session_token"]

    out = APIClient().delete("/_allauth/app/v1/auth/session", HTTP_X_SESSION_TOKEN=token)

    assert out.status_code == 401
    assert APIClient().get(LOANS, HTTP_X_SESSION_TOKEN=token).status_code in (401, 403)
