"""Rate limits are per key: one busy key is slowed down, another key of the same lender is
not."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_a_minute(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "lender": "3/minute",
        },
    }


def test_a_key_over_its_rate_gets_429_with_retry_after(three_a_minute, api):
    assert [api.get("plans/").status_code for _ in range(3)] == [200, 200, 200]
    response = api.get("plans/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "throttled" in response.json()["detail"]


def test_each_key_has_its_own_allowance(three_a_minute, api, make_key, client_for):
    for _ in range(3):
        api.get("plans/")
    assert api.get("plans/").status_code == 429
    assert client_for(make_key().plaintext).get("plans/").status_code == 200


def test_default_rate_lets_a_bench_run_through(api):
    assert all(api.get("plans/").status_code == 200 for _ in range(10))
