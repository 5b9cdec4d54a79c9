from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from tests import factories

from .conftest import link_in_last_mail, sign_in

NEW_PASSWORD = "a long and unusual passphrase"


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


@pytest.mark.django_db
def test_signup_needs_the_email_confirmed_before_signing_in(client):
    response = client.post(
        "/en/accounts/signup/",
        {"email": "fang@example.com", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert signed_in_user_id(client) is None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["fang@example.com"]

    # Signing in before confirming is refused (and the confirmation is sent again).
    client.logout()
    response = client.post(
        "/en/accounts/login/", {"login": "fang@example.com", "password": NEW_PASSWORD}
    )
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert signed_in_user_id(client) is None


@pytest.mark.django_db
def test_confirmation_link_confirms_and_signs_in(client):
    client.post(
        "/en/accounts/signup/",
        {"email": "fang@example.com", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    confirm_path = urlparse(link_in_last_mail()).path
    assert confirm_path.startswith("/en/accounts/confirm-email/")

    page = client.get(confirm_path)
    assert page.status_code == 200
    assert b"fang@example.com" in page.content

    response = client.post(confirm_path)

    user = get_user_model().objects.get(email="fang@example.com")
    assert user.emailaddress_set.get().verified
    assert response["Location"] == "/en/accounts/link/"
    assert signed_in_user_id(client) == str(user.pk)


@pytest.mark.django_db
def test_after_confirming_elsewhere_signing_in_works(client):
    client.post(
        "/en/accounts/signup/",
        {"email": "fang@example.com", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    confirm_path = urlparse(link_in_last_mail()).path
    client.logout()
    client.post(confirm_path)  # e.g. opened in the phone's mail app

    response = client.post(
        "/en/accounts/login/", {"login": "fang@example.com", "password": NEW_PASSWORD}
    )

    assert response["Location"] == "/en/accounts/link/"
    assert signed_in_user_id(client) is not None


@pytest.mark.django_db
def test_chinese_signup_gets_a_chinese_confirmation_link(client):
    client.post(
        "/zh-hans/accounts/signup/",
        {"email": "fang@example.com", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert urlparse(link_in_last_mail()).path.startswith("/zh-hans/accounts/confirm-email/")


@pytest.mark.django_db
def test_password_reset_mail_link_sets_a_new_password(client, user):
    response = client.post("/en/accounts/password/reset/", {"email": user.email})
    assert response["Location"] == "/en/accounts/password/reset/done/"
    assert mail.outbox[-1].to == [user.email]

    key_url = urlparse(link_in_last_mail()).path
    form_page = client.get(key_url, follow=True)
    assert form_page.status_code == 200
    set_password_path = form_page.redirect_chain[-1][0] if form_page.redirect_chain else key_url

    done = client.post(set_password_path, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert done.status_code == 302

    client.logout()
    old = client.post("/en/accounts/login/", {"login": user.email, "password": factories.PASSWORD})
    assert signed_in_user_id(client) is None
    assert old.status_code == 200
    client.post("/en/accounts/login/", {"login": user.email, "password": NEW_PASSWORD})
    assert signed_in_user_id(client) == str(user.pk)


@pytest.mark.django_db
def test_used_password_reset_link_explains_itself(client, user):
    client.post("/en/accounts/password/reset/", {"email": user.email})
    key_url = urlparse(link_in_last_mail()).path
    form_page = client.get(key_url, follow=True)
    set_password_path = form_page.redirect_chain[-1][0]
    client.post(set_password_path, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    client.logout()

    again = client.get(key_url, follow=True)

    assert again.status_code == 200
    assert b"new password reset" in again.content


# --- Where signing in lands -----------------------------------------------------------------


@pytest.mark.django_db
def test_borrower_lands_on_their_home(client, user):
    factories.BorrowerFactory(user=user, preferred_language="en")

    response = sign_in(client, user)

    assert response["Location"] == "/en/my/"


@pytest.mark.django_db
def test_chinese_speaking_borrower_lands_on_the_chinese_home_from_the_english_form(client, user):
    factories.BorrowerFactory(user=user, preferred_language="zh-hans")

    response = sign_in(client, user, language="en")

    assert response["Location"] == "/zh-hans/my/"
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.django_db
def test_login_without_a_borrower_lands_on_the_link_page(client, user):
    response = sign_in(client, user, language="zh-hans")

    assert response["Location"] == "/zh-hans/accounts/link/"


@pytest.mark.django_db
def test_staff_without_a_role_land_in_the_django_admin(client):
    staff = factories.UserFactory(is_staff=True)

    response = sign_in(client, staff)

    assert response["Location"] == "/django-admin/"


@pytest.mark.django_db
def test_next_wins_over_the_landing_page(client, user):
    factories.BorrowerFactory(user=user)

    response = sign_in(client, user, next_url="/en/accounts/email/")

    assert response["Location"] == "/en/accounts/email/"


@pytest.mark.django_db
def test_unlinked_login_opening_borrower_pages_is_sent_to_link(client, user):
    sign_in(client, user)

    response = client.get("/en/my/")

    assert response["Location"] == "/en/accounts/link/"


@pytest.mark.django_db
def test_the_signed_in_message_is_in_the_borrowers_language(client):
    user = factories.UserFactory()
    factories.BorrowerFactory(user=user, preferred_language="zh-hans")
    response = client.post(
        "/en/accounts/login/", {"login": user.email, "password": factories.PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/zh-hans/my/"
    shown = [str(message) for message in response.context["messages"]]
    assert shown and all("Successfully" not in text for text in shown)
