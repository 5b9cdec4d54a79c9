"""Staff make keys in the admin: the key is shown once, on the page after saving; the list
never shows a digest; keys are revoked, not deleted."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse

from portal.lender_api.models import LenderKey
from tests.factories import UserFactory
from tests.support.staff import signed_in

REASON = "Key for the lender's core banking, ticket 4711"

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    # Staff need an authenticator for the admin (tests/accounts covers that rule).
    user = UserFactory(is_staff=True, is_superuser=True)
    TOTP.activate(user, generate_totp_secret())
    return signed_in(client, user)


def test_new_key_is_shown_once_and_works(admin_client, lender, client_for):
    response = admin_client.post(
        reverse("admin:lender_api_lenderkey_add"),
        {"lender": lender.pk, "name": "core", "scopes": ["plans:read"], "change_reason": REASON},
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    key = LenderKey.objects.get()
    page = response.content.decode()
    start = page.index(f"lk_{key.prefix}_")
    plaintext = page[start : page.index("<", start)]
    assert client_for(plaintext).get("plans/").status_code == 200
    again = admin_client.get(reverse("admin:lender_api_lenderkey_change", args=[key.pk]))
    assert plaintext not in again.content.decode()
    assert key.digest not in again.content.decode()


def test_list_never_shows_the_digest(admin_client, key):
    page = admin_client.get(reverse("admin:lender_api_lenderkey_changelist")).content.decode()
    stored = LenderKey.objects.get()
    assert stored.prefix in page
    assert stored.digest not in page


def test_revoke_action(admin_client, key, api):
    response = admin_client.post(
        reverse("admin:lender_api_lenderkey_changelist"),
        {"action": "revoke", "_selected_action": [key.key.pk], "change_reason": REASON},
        follow=True,
    )
    assert "1 key revoked" in response.content.decode()
    assert api.get("plans/").status_code == 401


def test_keys_cannot_be_deleted(admin_client, key):
    url = reverse("admin:lender_api_lenderkey_delete", args=[key.key.pk])
    assert admin_client.post(url, {"post": "yes", "change_reason": REASON}).status_code == 403
    assert LenderKey.objects.exists()
