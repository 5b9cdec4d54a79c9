"""Every account page is a page of this site, in both languages, and works without scripts."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.core import mail

from tests import factories

from .conftest import reauthenticate, sign_in

LANGUAGES = ["en", "zh-hans"]

SIGNED_OUT_PAGES = [
    "accounts/login/",
    "accounts/signup/",
    "accounts/password/reset/",
    "accounts/password/reset/done/",
    "accounts/confirm-email/",
]

SIGNED_IN_PAGES = [
    "accounts/email/",
    "accounts/password/change/",
    "accounts/logout/",
    "accounts/reauthenticate/",
    "accounts/2fa/",
    "accounts/2fa/totp/activate/",
    "accounts/link/",
]


def assert_site_page(response, language):
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert "/static/css/site.css" in html
    assert "<script" not in html
    assert "style=" not in html.replace("stylesheet", "")


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", SIGNED_OUT_PAGES)
def test_signed_out_account_pages_use_the_site_frame(client, page, language):
    response = client.get(f"/{language}/{page}")

    assert_site_page(response, language)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", SIGNED_IN_PAGES)
def test_signed_in_account_pages_use_the_site_frame(client, page, language):
    sign_in(client, factories.UserFactory(), language=language)
    reauthenticate(client, language=language)

    response = client.get(f"/{language}/{page}")

    assert_site_page(response, language)


@pytest.mark.django_db
def test_login_page_speaks_chinese_under_zh_hans(client):
    html = client.get("/zh-hans/accounts/login/").content.decode()

    assert "<h1>" in html
    assert "登录" in html  # allauth's own translation of "Sign In"
    assert 'href="/zh-hans/accounts/signup/"' in html


@pytest.mark.django_db
def test_form_labels_sit_above_inputs_without_placeholders(client):
    html = client.get("/en/accounts/login/").content.decode()

    assert '<label for="id_login">Email</label>' in html
    assert '<label for="id_password">Password</label>' in html
    assert "placeholder=" not in html
    assert 'class="button" type="submit"' in html


@pytest.mark.django_db
def test_wrong_password_is_explained_at_the_top_of_the_form(client, user):
    response = client.post(
        "/en/accounts/login/", {"login": user.email, "password": "not the password"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert '<div class="form-errors" role="alert">' in html
    assert "The email address and/or password you specified are not correct." in html


@pytest.mark.django_db
def test_missing_field_error_sits_with_the_field(client):
    response = client.post("/en/accounts/signup/", {"email": "", "password1": "", "password2": ""})

    html = response.content.decode()
    assert 'class="form-row form-row--error"' in html
    assert 'aria-invalid="true"' in html
    assert '<ul class="errorlist" id="id_email_error">' in html


@pytest.mark.django_db
def test_account_settings_pages_link_to_each_other(client, user):
    sign_in(client, user)

    html = client.get("/en/accounts/email/").content.decode()

    assert 'aria-label="Account settings"' in html
    assert 'href="/en/accounts/password/change/"' in html
    assert 'href="/en/accounts/2fa/"' in html
    assert '<a href="/en/accounts/email/" aria-current="page">' in html


@pytest.mark.django_db
def test_authenticator_secret_can_be_copied(client, user):
    sign_in(client, user)
    reauthenticate(client)

    html = client.get("/en/accounts/2fa/totp/activate/").content.decode()

    secret_input = re.search(r'<input[^>]*id="authenticator_secret"[^>]*>', html).group(0)
    assert "readonly" in secret_input
    assert "disabled" not in secret_input
    assert 'class="qr"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_authenticator_code_page_uses_the_site_frame(client, language):
    staff = factories.UserFactory(is_staff=True)
    TOTP.activate(staff, generate_totp_secret())
    sign_in(client, staff, language=language)

    response = client.get(f"/{language}/accounts/2fa/authenticate/")

    assert_site_page(response, language)
    assert b'form="logout-from-stage"' in response.content  # cancel works without scripts


@pytest.mark.django_db
def test_changing_email_sends_a_confirmation_to_the_new_address(client, user):
    sign_in(client, user)
    reauthenticate(client)

    response = client.post(
        "/en/accounts/email/", {"action_add": "", "email": "new.address@example.com"}, follow=True
    )

    assert response.status_code == 200
    assert mail.outbox[-1].to == ["new.address@example.com"]
    assert b'value="new.address@example.com"' in response.content
    assert b"Re-send Verification" in response.content
    assert b"style=" not in response.content.replace(b"stylesheet", b"")  # CSP: no inline styles


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_for_an_active_authenticator_use_the_site_frame(client, user, language):
    sign_in(client, user, language=language)
    reauthenticate(client, language=language)
    activate = f"/{language}/accounts/2fa/totp/activate/"
    secret = client.get(activate).context["form"].secret
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    assert client.post(activate, {"code": code}).status_code == 302

    for page in (
        "2fa/",
        "2fa/recovery-codes/",
        "2fa/recovery-codes/generate/",
        "2fa/totp/deactivate/",
    ):
        assert_site_page(client.get(f"/{language}/accounts/{page}"), language)
