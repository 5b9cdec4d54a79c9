"""API keys: what a lender's developer sees when a key is right, wrong, revoked or short of a
scope, and what the portal keeps of a key."""

import hashlib

import pytest

from portal.lender_api.keys import check_key, revoke_key
from portal.lender_api.models import LenderKey
from tests.support.staff import signed_in

pytestmark = pytest.mark.django_db

PLANS = "plans/"


def test_valid_key_reads_plans(api):
    response = api.get(PLANS)
    assert response.status_code == 200
    assert response.json()["plans"] == []


def test_api_key_scheme_is_accepted_too(key, client_for):
    client = client_for(None)
    response = client.api.get(
        f"/api/lender/v1/{PLANS}", HTTP_AUTHORIZATION=f"Api-Key {key.plaintext}"
    )
    assert response.status_code == 200


def assert_refused(response, message):
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="lender-api"'
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": message}


def test_no_key_is_401_with_challenge(client_for):
    response = client_for(None).get(PLANS)
    assert_refused(response, "Authentication credentials were not provided.")


def test_wrong_secret_is_401(key, client_for):
    _kind, prefix, _secret = key.plaintext.split("_", 2)
    response = client_for(f"lk_{prefix}_{'A' * 43}").get(PLANS)
    assert_refused(response, "The API key is not valid.")


def test_unknown_prefix_is_401(key, client_for):
    _kind, _prefix, secret = key.plaintext.split("_", 2)
    response = client_for(f"lk_00000000_{secret}").get(PLANS)
    assert_refused(response, "The API key is not valid.")


@pytest.mark.parametrize("garbage", ["lk_", "not-a-key", "lk_short_secret", "Bearer"])
def test_malformed_key_is_401(garbage, client_for):
    assert client_for(garbage).get(PLANS).status_code == 401


def test_revoked_key_is_401_from_the_next_request(api, key):
    assert api.get(PLANS).status_code == 200
    assert revoke_key(key=key.key)
    assert_refused(api.get(PLANS), "The API key was revoked. Ask the portal's staff for a new key.")


def test_revoking_twice_keeps_the_first_time(key):
    assert revoke_key(key=key.key)
    first = LenderKey.objects.get().revoked_at
    assert not revoke_key(key=LenderKey.objects.get())
    assert LenderKey.objects.get().revoked_at == first


def test_only_the_digest_is_stored(key):
    stored = LenderKey.objects.get()
    secret = key.plaintext.split("_", 2)[2]
    assert key.plaintext.startswith(f"lk_{stored.prefix}_")
    assert len(secret) >= 43  # 32 random bytes, URL-safe base64
    assert stored.digest == hashlib.sha256(key.plaintext.encode()).hexdigest()
    for field in LenderKey._meta.concrete_fields:
        value = str(getattr(stored, field.attname))
        assert secret not in value


def test_two_keys_differ(make_key):
    first, second = make_key(), make_key()
    assert first.plaintext != second.plaintext
    assert first.key.prefix != second.key.prefix


def test_use_is_recorded_at_most_once_a_minute(key, api, django_assert_num_queries):
    assert LenderKey.objects.get().last_used_at is None
    api.get(PLANS)
    used = LenderKey.objects.get().last_used_at
    assert used is not None
    # Within the minute: the key is read, not written.
    with django_assert_num_queries(1):
        check_key(plaintext=key.plaintext)
    assert LenderKey.objects.get().last_used_at == used


def test_missing_scope_is_403_naming_it(make_key, client_for, product):
    client = client_for(make_key(scopes=["plans:read"]).plaintext)
    response = client.post("ledger-entries/", {"entries": []})
    assert response.status_code == 403
    assert response.json() == {"detail": "This API key lacks the scope ledger:write."}


def test_read_only_key_cannot_post_borrowers_but_reads_plans(make_key, client_for):
    client = client_for(make_key(scopes=["plans:read"]).plaintext)
    assert client.post("borrowers/", {"borrowers": []}).status_code == 403
    assert client.get(PLANS).status_code == 200


def test_write_key_cannot_read_plans(make_key, client_for):
    client = client_for(make_key(scopes=["ledger:write"]).plaintext)
    response = client.get(PLANS)
    assert response.status_code == 403
    assert "plans:read" in response.json()["detail"]


def test_mixed_batch_needs_the_scope_of_each_list_sent(make_key, client_for, product):
    client = client_for(make_key(scopes=["borrowers:write", "ledger:write"]).plaintext)
    body = {"borrowers": [], "loans": [{"external_id": "L-1"}]}
    response = client.post("batches/", body)
    assert response.status_code == 403
    assert response.json()["detail"] == "This API key lacks the scope loans:write."


def test_unknown_scope_cannot_be_given(lender):
    from portal.lender_api.keys import create_key

    with pytest.raises(ValueError, match="admin:all"):
        create_key(lender=lender, name="x", scopes=["admin:all"])
    assert not LenderKey.objects.exists()


def test_a_session_login_is_not_a_lender_key(client, agent, product):
    signed_in(client, agent)
    response = client.get(f"/api/lender/v1/{PLANS}")
    assert response.status_code == 401
