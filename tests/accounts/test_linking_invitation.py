import datetime as dt
from io import StringIO
from urllib.parse import quote, urlparse

import pytest
import time_machine
from django.core import signing
from django.core.management import CommandError, call_command

from portal.accounts import linking
from repayment.models import Borrower
from tests import factories

from .conftest import link_in_last_mail, sign_in

NEW_PASSWORD = "a long and unusual passphrase"


def invite(borrower) -> str:
    """The invitation path, as the management command prints it."""
    out = StringIO()
    call_command("invite_borrower", borrower.external_id, stdout=out)
    return urlparse(out.getvalue().strip()).path


def linked_login(borrower):
    return Borrower.objects.get(pk=borrower.pk).user


@pytest.mark.django_db
def test_command_prints_a_full_link_in_the_borrowers_language(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://portal.example.com"
    borrower = factories.BorrowerFactory(preferred_language="zh-hans")
    out = StringIO()

    call_command("invite_borrower", borrower.external_id, stdout=out)

    url = out.getvalue().strip()
    assert url.startswith("https://portal.example.com/zh-hans/accounts/link/invitation/")
    assert url.endswith("/")


@pytest.mark.django_db
def test_command_refuses_unknown_or_already_linked_borrowers():
    with pytest.raises(CommandError):
        call_command("invite_borrower", "NO-SUCH-ID", stdout=StringIO())
    linked = factories.BorrowerFactory(user=factories.UserFactory())
    with pytest.raises(CommandError):
        call_command("invite_borrower", linked.external_id, stdout=StringIO())


@pytest.mark.django_db
def test_invitation_explains_the_lender_then_links_on_confirmation(
    client, user, borrower_with_loan
):
    path = invite(borrower_with_loan)
    sign_in(client, user)

    page = client.get(path)

    assert page.status_code == 200
    assert b"Harbour Community Finance" in page.content
    assert b"+86 400 800 1234" in page.content
    assert b'<button type="submit" class="button">' in page.content
    assert linked_login(borrower_with_loan) is None  # looking is not agreeing

    response = client.post(path)

    assert response["Location"] == "/en/my/"
    assert linked_login(borrower_with_loan) == user
    home = client.get("/en/my/")
    assert b"Your account is now linked to your loans." in home.content
    assert borrower_with_loan.full_name.encode() in home.content


@pytest.mark.django_db
def test_expired_invitation_is_refused(client, user, borrower_with_loan, settings):
    settings.BORROWER_INVITATION_MAX_AGE_DAYS = 14
    with time_machine.travel(dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC), tick=False):
        path = invite(borrower_with_loan)
    with time_machine.travel(dt.datetime(2026, 3, 15, 10, 0, tzinfo=dt.UTC), tick=False):
        sign_in(client, user)

        page = client.get(path)
        posted = client.post(path)

    assert page.status_code == 410
    assert b"This invitation has expired" in page.content
    assert posted.status_code == 410
    assert linked_login(borrower_with_loan) is None


@pytest.mark.django_db
def test_invitation_still_works_on_its_last_day(client, user, borrower_with_loan, settings):
    settings.BORROWER_INVITATION_MAX_AGE_DAYS = 14
    with time_machine.travel(dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC), tick=False):
        path = invite(borrower_with_loan)
    with time_machine.travel(dt.datetime(2026, 3, 15, 8, 0, tzinfo=dt.UTC), tick=False):
        sign_in(client, user)
        client.post(path)

    assert linked_login(borrower_with_loan) == user


@pytest.mark.django_db
def test_tampered_invitation_is_refused(client, user, borrower_with_loan):
    path = invite(borrower_with_loan)
    token = path.rstrip("/").rsplit("/", 1)[1]
    tampered = token[:5] + ("A" if token[5] != "A" else "B") + token[6:]
    sign_in(client, user)

    page = client.get(path.replace(token, tampered))
    posted = client.post(path.replace(token, tampered))

    assert page.status_code == 404
    assert b"This invitation link doesn't work" in page.content
    assert posted.status_code == 404
    assert linked_login(borrower_with_loan) is None


@pytest.mark.django_db
def test_invitation_cannot_be_pointed_at_another_borrower(client, user, borrower_with_loan):
    other = factories.BorrowerFactory()
    # Someone who knows the format but not the key, or holds a value signed for something else.
    forged = signing.dumps({"b": other.pk, "x": other.external_id}, compress=True)
    sign_in(client, user)

    response = client.post(f"/en/accounts/link/invitation/{forged}/")

    assert response.status_code == 404
    assert linked_login(other) is None


@pytest.mark.django_db
def test_invitation_stops_working_once_the_borrower_is_linked(client, borrower_with_loan):
    path = invite(borrower_with_loan)
    first, second = factories.UserFactory(), factories.UserFactory()
    sign_in(client, first)
    client.post(path)
    client.post("/en/accounts/logout/")

    sign_in(client, second)
    page = client.get(path)
    posted = client.post(path)

    assert page.status_code == 410
    assert b"This invitation has already been used" in page.content
    assert posted.status_code == 410
    assert linked_login(borrower_with_loan) == first


@pytest.mark.django_db
def test_signed_out_visitor_is_offered_sign_in_and_sign_up_coming_back(
    client, user, borrower_with_loan
):
    path = invite(borrower_with_loan)

    page = client.get(path)

    assert page.status_code == 200
    assert b"Harbour Community Finance" in page.content
    assert f'href="/en/accounts/login/?next={quote(path)}"'.encode() in page.content
    assert f'href="/en/accounts/signup/?next={quote(path)}"'.encode() in page.content
    assert linked_login(borrower_with_loan) is None

    signed_in = client.post(
        f"/en/accounts/login/?next={path}", {"login": user.email, "password": factories.PASSWORD}
    )
    assert signed_in["Location"] == path
    client.post(path)
    assert linked_login(borrower_with_loan) == user


@pytest.mark.django_db
def test_new_account_made_from_an_invitation_comes_back_to_it(client, borrower_with_loan):
    path = invite(borrower_with_loan)

    client.post(
        f"/en/accounts/signup/?next={path}",
        {
            "email": "fang@example.com",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "next": path,
        },
    )
    confirmed = client.post(urlparse(link_in_last_mail()).path)

    assert confirmed["Location"] == path
    client.post(path)
    assert linked_login(borrower_with_loan).email == "fang@example.com"


@pytest.mark.django_db
def test_someone_elses_invitation_opened_while_signed_in_is_not_used(
    client, user, borrower_with_loan
):
    factories.BorrowerFactory(user=user, preferred_language="zh-hans")
    path = invite(borrower_with_loan)  # e.g. a relative's, opened on a shared phone
    sign_in(client, user)

    response = client.post(path)

    assert response["Location"] == "/zh-hans/my/"
    assert linked_login(borrower_with_loan) is None
    home = client.get(response["Location"])
    assert b"sign out and open it again" in home.content


@pytest.mark.django_db
def test_second_click_on_link_goes_home_quietly(client, user, borrower_with_loan):
    path = invite(borrower_with_loan)
    sign_in(client, user)
    client.post(path)

    again = client.post(path)

    assert again["Location"] == "/en/my/"
    home = client.get("/en/my/").content
    assert home.count(b"Your account is now linked to your loans.") == 1
    assert b"sign out and open it again" not in home


@pytest.mark.django_db
def test_staff_login_is_never_linked(client, borrower_with_loan):
    staff = factories.UserFactory(is_staff=True)
    path = invite(borrower_with_loan)
    client.force_login(staff)

    response = client.post(path)

    assert response.status_code == 403
    assert linked_login(borrower_with_loan) is None
    with pytest.raises(linking.StaffLogin):
        linking.link_by_invitation(user=staff, token=path.rstrip("/").rsplit("/", 1)[1])
