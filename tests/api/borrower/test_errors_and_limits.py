"""Errors come in one shape and in the borrower's language; each login has a rate limit."""

import pytest

from portal.api.throttles import BorrowerRateThrottle

from .conftest import loan_url

pytestmark = pytest.mark.django_db


def test_errors_are_in_the_language_the_app_asks_for(api, other_loan):
    response = api.get(loan_url(other_loan, "statement/"), HTTP_ACCEPT_LANGUAGE="zh-hans")

    assert response.status_code == 404
    assert response.json() == {"detail": "未找到。", "code": "not_found"}
    assert response.headers["Content-Language"] == "zh-hans"


def test_without_accept_language_errors_follow_the_borrowers_preference(api, loan, other_loan):
    loan.borrower.preferred_language = "zh-hans"
    loan.borrower.save()

    response = api.get(loan_url(other_loan, "statement/"))

    assert response.json()["detail"] == "未找到。"


def test_an_unsupported_accept_language_falls_back_to_the_borrowers_preference(api, loan):
    loan.borrower.preferred_language = "zh-hans"
    loan.borrower.save()

    response = api.get("/api/v1/loans/", HTTP_ACCEPT_LANGUAGE="fr-FR")

    assert response.json()[0]["product_name"] == "小微经营贷"


def test_a_body_that_is_not_json_is_a_400_not_a_500(api, loan):
    response = api.post(loan_url(loan, "pauses/"), "{not json", content_type="application/json")

    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_a_body_that_is_not_an_object_is_a_400(api, loan):
    response = api.post(loan_url(loan, "pauses/"), [1, 2], format="json")

    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_too_many_requests_are_slowed_down(api, loan, monkeypatch):
    monkeypatch.setattr(BorrowerRateThrottle, "THROTTLE_RATES", {"borrower": "2/minute"})

    answers = [api.get("/api/v1/loans/").status_code for _ in range(3)]

    assert answers == [200, 200, 429]
    throttled = api.get("/api/v1/loans/")
    assert throttled.json()["code"] == "throttled" and "Retry-After" in throttled.headers
