"""The audit pages in a real headless Chromium at phone width: no sideways scrolling, and
axe-core finds nothing serious."""

import pytest
from django.conf import settings
from django.test import Client

from tests.audit.helpers import record
from tests.e2e.helpers import check_page
from tests.factories import BorrowerFactory, LoanFactory, UserFactory
from tests.support.staff import staff_user

pytestmark = pytest.mark.django_db(transaction=True)


def _sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_compliance_pages_and_the_borrower_page_fit_a_phone(live_server, page):
    borrower = LoanFactory(
        borrower=BorrowerFactory(full_name="Wang Xiaoming-Longname", user=UserFactory())
    ).borrower
    record(
        borrower=borrower,
        who="a.very.long.staff.address@lender-with-a-long-name.example",
        ip="2001:db8:85a3::8a2e:370:7334",
        kind="change",
        action="proposal.approved",
        reason="Income and expenditure confirmed on the phone with the borrower",
    )
    record(borrower=borrower, action="borrower.statement")
    visited: list[str] = []

    _sign_in(page, live_server, staff_user("reviewer"))
    page.goto(f"{live_server.url}/en/support/audit/?borrower=Wang")
    assert page.get_by_role("heading", name="Audit trail").is_visible()
    check_page(page, visited, "trail")
    page.goto(f"{live_server.url}/en/support/audit/?date_from=nonsense")
    check_page(page, visited, "trail with an error")
    page.goto(f"{live_server.url}/en/support/audit/disclosure/")
    check_page(page, visited, "disclosure")

    page.context.clear_cookies()
    _sign_in(page, live_server, borrower.user)
    page.goto(f"{live_server.url}/en/my/")
    page.get_by_role("link", name="When our staff looked at your account").click()
    assert page.get_by_text("A loan statement").is_visible()
    check_page(page, visited, "staff views")
