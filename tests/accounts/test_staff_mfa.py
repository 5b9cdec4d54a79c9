import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    generate_totp_secret,
)
from django.contrib.auth.models import Group, Permission

from tests import factories
from tests.support.staff import authenticator_code, signed_in

from .conftest import sign_in

ACTIVATE = "/en/accounts/2fa/totp/activate/"


@pytest.fixture
def page_tree(db):
    """The page tree root Wagtail's migrations make, which its dashboard needs. Browser tests
    run in transactions that are flushed afterwards, which empties a reused (--reuse-db) test
    database of migration-made rows too."""
    from wagtail.models import Locale, Page

    if not Page.objects.filter(depth=1).exists():
        Locale.objects.get_or_create(language_code="en")
        Page.add_root(instance=Page(title="Root", slug="root"))


@pytest.fixture
def staff(db):
    return factories.UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def staff_secret(staff):
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)
    return secret


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/cms/", "/django-admin/", "/support/", "/api/", "/en/support/"])
def test_staff_without_authenticator_are_sent_to_set_one_up(client, staff, path):
    client.force_login(staff)

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == ACTIVATE


@pytest.mark.django_db
def test_the_redirect_says_why(client, staff):
    sign_in(client, staff)

    page = client.get("/cms/pages/", follow=True)

    assert page.redirect_chain[0][0] == ACTIVATE
    assert b"so they need two-factor authentication" in page.content


@pytest.mark.django_db
def test_staff_in_chinese_are_sent_to_the_chinese_page(client, staff):
    client.force_login(staff)

    response = client.get("/cms/", headers={"accept-language": "zh-hans"})

    assert response["Location"] == "/zh-hans/accounts/2fa/totp/activate/"


@pytest.mark.django_db
def test_wagtail_editor_without_is_staff_needs_an_authenticator_too(client):
    editors = Group.objects.create(name="Lesson writers")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor = factories.UserFactory()
    editor.groups.add(editors)
    client.force_login(editor)

    assert client.get("/cms/")["Location"] == ACTIVATE


@pytest.mark.django_db
def test_mfa_and_sign_out_pages_stay_reachable(client, staff):
    sign_in(client, staff)

    assert client.get("/en/accounts/2fa/").status_code == 200
    assert client.get("/en/accounts/reauthenticate/").status_code == 200
    assert client.get("/en/accounts/logout/").status_code == 200
    assert client.post("/en/accounts/logout/").status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_staff_with_an_authenticator_get_through(client, staff, staff_secret, page_tree):
    signed_in(client, staff)

    assert client.get("/cms/").status_code == 200
    assert client.get("/django-admin/").status_code == 200


@pytest.mark.django_db
def test_staff_with_an_authenticator_are_asked_for_a_code_when_signing_in(
    client, staff, staff_secret, page_tree
):
    response = sign_in(client, staff)

    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session

    response = client.post(
        "/en/accounts/2fa/authenticate/", {"code": authenticator_code(staff_secret)}
    )

    # A superuser holds every role's permissions, the console's first.
    assert response["Location"] == "/en/support/"
    assert client.get("/cms/").status_code == 200


# allauth announces a new authenticator once its transaction commits: committed here, as in a
# request in production, so the announcement comes inside the request.
@pytest.mark.django_db(transaction=True)
def test_activating_an_authenticator_opens_the_cms(client, staff, page_tree):
    sign_in(client, staff)
    client.post("/en/accounts/reauthenticate/", {"password": factories.PASSWORD})
    page = client.get(ACTIVATE)
    secret = page.context["form"].secret

    client.post(ACTIVATE, {"code": authenticator_code(secret)})

    assert client.get("/cms/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("login_page", "next_url"),
    [("/cms/login/", "/cms/"), ("/django-admin/login/", "/django-admin/")],
)
def test_wagtail_and_django_sign_in_forms_go_through_allauth(client, login_page, next_url):
    response = client.get(login_page)

    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={next_url.replace('/', '%2F')}"


@pytest.mark.django_db
def test_posting_to_wagtails_own_sign_in_form_signs_nobody_in(client, staff, staff_secret):
    client.post("/cms/login/", {"username": staff.username, "password": factories.PASSWORD})

    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_borrowers_do_not_need_an_authenticator(client):
    borrower_login = factories.UserFactory()
    factories.BorrowerFactory(user=borrower_login)
    sign_in(client, borrower_login)

    assert client.get("/en/my/").status_code == 200
    assert client.get("/cms/").status_code == 403  # not for borrowers, and no loop


@pytest.mark.django_db
def test_borrowers_can_turn_an_authenticator_on(client):
    borrower_login = factories.UserFactory()
    factories.BorrowerFactory(user=borrower_login)
    sign_in(client, borrower_login)
    client.post("/en/accounts/reauthenticate/", {"password": factories.PASSWORD})
    secret = client.get(ACTIVATE).context["form"].secret

    response = client.post(ACTIVATE, {"code": authenticator_code(secret)})

    assert response.status_code == 302
    assert borrower_login.authenticator_set.filter(type="totp").exists()
