"""One way in: every sign-in goes through allauth, which asks staff for their authenticator code.

Found by walking the URLconf rather than listing addresses: Django's admin, Wagtail's admin and
Wagtail's login for private pages each bring a sign-in form that knows nothing of two-factor
authentication, and a new app could bring another."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.admin import AdminSite
from django.contrib.auth import views as auth_views
from django.test import Client
from django.urls import resolve

from portal.accounts import views as account_views
from portal.accounts.staff import passed_second_factor
from tests import factories
from tests.urlconf import view_class, walk

pytestmark = pytest.mark.django_db

# Every tool from which staff see borrowers' data, and what a signed-in staff member reaches first.
STAFF_TOOLS = (
    "/en/support/",
    "/en/support/audit/",
    "/en/support/audit/export.csv",
    "/en/support/dashboard/",
    "/cms/",
    "/django-admin/",
)
APP_SESSION = "/_allauth/app/v1/auth/session"


def is_sign_in_form(callback) -> bool:
    cls = view_class(callback)
    if cls is not None and issubclass(cls, auth_views.LoginView):
        return True
    return getattr(callback, "__func__", None) is AdminSite.login


def test_every_other_sign_in_form_leads_to_allauths():
    forms = [pattern for pattern in walk() if is_sign_in_form(pattern.callback)]
    # Django's admin, Wagtail's admin and Wagtail's front-end login, at least.
    assert len(forms) >= 3
    for pattern in forms:
        address = pattern.path()
        assert resolve(address).func is account_views.to_allauth_login, address


@pytest.mark.parametrize(
    ("login_page", "next_url"),
    [
        ("/cms/login/", "/cms/"),
        ("/django-admin/login/", "/django-admin/"),
        ("/en/_util/login/", "/"),
        ("/zh-hans/_util/login/", "/"),
    ],
)
def test_the_other_sign_in_addresses_send_to_allauth(client, login_page, next_url):
    response = client.get(login_page)

    assert response.status_code == 302
    assert response["Location"].endswith(f"/accounts/login/?next={next_url.replace('/', '%2F')}")


def _staff(*, authenticator: bool):
    staff = factories.UserFactory(is_staff=True, is_superuser=True)
    if authenticator:
        TOTP.activate(staff, generate_totp_secret())
    return staff


def _post_credentials(client: Client, address: str, staff) -> str | None:
    """The e-mail and password under every name a sign-in form uses; the app session token,
    if the address handed one out."""
    if address.startswith("/_allauth/"):
        response = client.post(
            address,
            {"email": staff.email, "password": factories.PASSWORD},
            content_type="application/json",
        )
        try:
            return response.json().get("meta", {}).get("session_token")
        except ValueError:
            return None
    fields = ("login", "email", "username", "password", "password1", "password2")
    values = dict.fromkeys(fields[:3], staff.email)
    values.update(dict.fromkeys(fields[3:], factories.PASSWORD))
    client.post(address, values)
    return None


@pytest.mark.parametrize("authenticator", [True, False], ids=["with_code", "not_set_up"])
def test_a_staff_password_posted_to_every_address_opens_no_staff_tool(authenticator):
    staff = _staff(authenticator=authenticator)
    addresses = sorted({p.path() for p in walk() if p.path() is not None})
    assert len(addresses) > 400  # the whole URLconf, third-party apps included
    problems = []
    for address in addresses:
        client = Client()
        token = _post_credentials(client, address, staff)
        if token is not None:
            session = client.get(APP_SESSION, headers={"X-Session-Token": token})
            if authenticator and session.status_code == 200:
                problems.append(f"{address}: an app session without the code")
        if "_auth_user_id" not in client.session:
            continue
        request = type("Request", (), {"session": client.session, "user": staff})()
        if authenticator and not passed_second_factor(request):
            problems.append(f"{address}: signed in without the code")
        for tool in STAFF_TOOLS:
            if client.get(tool).status_code == 200:
                problems.append(f"{address}: then {tool} opened")
    assert problems == []
