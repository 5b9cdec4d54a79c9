"""Account pages on a 390px phone in a real browser: no sideways scrolling, no serious
accessibility problems, and an invitation taken from sign-in to linked. (That the pages send
no scripts at all is checked in tests/accounts/test_pages.py.)"""

import pytest

from portal.accounts import linking
from tests import factories
from tests.e2e.helpers import scrolls_sideways, serious_accessibility_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


# base.html (not ours) gives the messages <ul> role="status", which takes away its list role;
# test_messages_list_is_a_list below tracks it. Everything else must be clean.
MESSAGES_LIST = "listitem (serious): <li> elements must be contained in a <ul> or <ol>"


def assert_fits_the_phone(page):
    assert not scrolls_sideways(page), f"{page.url} scrolls sideways at 390px"
    violations = serious_accessibility_violations(page)
    if page.locator("ul.messages").count():
        violations = [v for v in violations if v != MESSAGES_LIST]
    assert violations == [], page.url


def test_account_pages_fit_a_phone_and_work_without_scripts(live_server, page):
    user = factories.UserFactory(email="a.rather.long.address.for.a.phone@harbour-finance.example")
    loan = factories.LoanFactory(reference="HCF-004711")
    for language in ("en", "zh-hans"):
        for path in ("accounts/login/", "accounts/signup/", "accounts/password/reset/"):
            page.goto(f"{live_server.url}/{language}/{path}")
            assert_fits_the_phone(page)

    page.goto(f"{live_server.url}/en/accounts/signup/")
    page.click("main button[type=submit]")
    assert page.locator(".form-row--error").count() == 3
    assert_fits_the_phone(page)

    page.goto(f"{live_server.url}{linking.invitation_path(borrower=loan.borrower)}")
    assert_fits_the_phone(page)
    page.click("main a.button--secondary")
    page.fill("#id_login", user.email)
    page.fill("#id_password", factories.PASSWORD)
    page.click("main button[type=submit]")
    assert "/accounts/link/invitation/" in page.url
    assert_fits_the_phone(page)
    page.click("main button[type=submit]")
    assert page.url.endswith("/en/my/")

    for path in ("accounts/email/", "accounts/password/change/", "accounts/2fa/"):
        page.goto(f"{live_server.url}/en/{path}")
        assert_fits_the_phone(page)


def test_messages_list_is_a_list(live_server, page):
    user = factories.UserFactory()
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", factories.PASSWORD)
    page.click("main button[type=submit]")  # lands on the link page with "Successfully signed in"

    assert page.locator("ul.messages").count() == 1
    assert MESSAGES_LIST not in serious_accessibility_violations(page)
