"""After the password and the authenticator code, staff land where their role works."""

import time

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.contrib.auth.models import Permission

from tests import factories
from tests.support.staff import staff_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "landing"),
    [
        ("agent", "/en/support/"),
        ("supervisor", "/en/support/"),
        ("administrator", "/en/support/"),
        ("reviewer", "/en/support/audit/"),
        ("editor", "/cms/"),
    ],
)
def test_staff_land_where_their_role_works(client, role, landing):
    user = staff_user(role, totp=False)
    if role == "editor":
        # What education's migration gives editors (a flushed test database has lost it).
        user.groups.first().permissions.add(Permission.objects.get(codename="access_admin"))
    secret = generate_totp_secret()
    TOTP.activate(user, secret)

    client.post("/en/accounts/login/", {"login": user.email, "password": factories.PASSWORD})
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    response = client.post("/en/accounts/2fa/authenticate/", {"code": code})

    assert response["Location"] == landing
    if landing.startswith("/en/support/"):
        assert client.get(landing).status_code == 200
