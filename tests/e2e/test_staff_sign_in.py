"""Staff sign in through every sign-in address the site has, in Debian's Chromium: each leads to
allauth's form, which asks for the authenticator code, and nothing opens the console before the
code is given. A role sent to a tool it may not use gets a page saying so, not a redirect loop."""

from urllib.parse import urlparse

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    generate_totp_secret,
)
from django.contrib.auth import get_user_model

from portal.support.demo import load_demo_staff
from repayment.demo import DEMO_PASSWORD
from tests.e2e.helpers import check_page, heading
from tests.support.staff import authenticator_code

pytestmark = pytest.mark.django_db(transaction=True)

AGENT = "agent@demo.example"
SIGN_IN_ADDRESSES = (
    "/en/accounts/login/",
    "/zh-hans/accounts/login/",
    "/cms/login/",
    "/django-admin/login/",
    "/en/_util/login/",
    "/zh-hans/_util/login/",
)


@pytest.fixture
def agent_secret():
    load_demo_staff()
    secret = generate_totp_secret()
    TOTP.activate(get_user_model().objects.get(email=AGENT), secret)
    return secret


def password_step(page, url: str) -> None:
    page.goto(url)
    page.wait_for_url("**/accounts/login/**")
    page.locator("input[name=login]").fill(AGENT)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("form:has(input[name=password]) button[type=submit]").click()
    page.wait_for_url("**/2fa/authenticate/**")


def test_no_sign_in_address_opens_the_console_without_the_code(live_server, browser, agent_secret):
    for address in SIGN_IN_ADDRESSES:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        page = context.new_page()
        password_step(page, f"{live_server.url}{address}")

        page.goto(f"{live_server.url}/en/support/")

        # Sent back to finish signing in: the code is still asked for.
        where = urlparse(page.url).path
        assert where.endswith(("/accounts/login/", "/2fa/authenticate/")), f"{address}: {where}"
        assert page.locator("input[name=code]").count() == 1
        assert heading(page, "Find a borrower").count() == 0
        context.close()


def test_the_code_opens_the_console_and_a_tool_of_another_role_says_so(
    live_server, page, agent_secret
):
    # An agent follows a link to the CMS: signs in there, gives the code, and lands on it.
    password_step(page, f"{live_server.url}/cms/login/")
    page.locator("input[name=code]").fill(authenticator_code(agent_secret))
    with page.expect_navigation() as landed:
        page.locator("form:has(input[name=code]) button[type=submit]:not([form])").click()

    # Agents have no CMS: a page saying so, with the way back, instead of a redirect loop.
    assert landed.value.status == 403
    assert urlparse(page.url).path == "/cms/"
    assert heading(page, "This page is not open to your account").is_visible()
    check_page(page, [], "403 at phone width")
    page.get_by_role("link", name="Go back to your pages").click()
    page.wait_for_url("**/en/support/")
    assert heading(page, "Find a borrower").is_visible()
