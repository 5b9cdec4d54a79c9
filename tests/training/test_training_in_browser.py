"""In Debian's Chromium at phone width: an agent who has not done the training finds the console
read-only with a banner, follows it to the module, passes the check, and the banner is gone.
Every training page is axe-clean and fits 390 px."""

import pytest
from django.test import Client

from portal.support import roles
from tests.e2e.conftest import browser_context_args, browser_type_launch_args  # noqa: F401
from tests.e2e.helpers import check_page, heading
from tests.factories import LenderFactory
from tests.support.staff import signed_in, staff_user

from .modules import training_module

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_untrained_agent_passes_the_check_and_may_act(live_server, page):
    training_module(roles.AGENTS, title="Contact rules of each jurisdiction")
    LenderFactory(name="Harbour")
    client = Client()
    signed_in(client, staff_user("agent", trained=False))
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    base = f"{live_server.url}/en"
    visited: list[str] = []

    page.goto(f"{base}/support/")
    assert page.get_by_text("Read-only until you pass your training.").is_visible()
    check_page(page, visited, "console with the banner")

    page.get_by_role("link", name="Go to your training").click()
    heading(page, "Your training").wait_for()
    check_page(page, visited, "training")
    page.get_by_role("link", name="Contact rules of each jurisdiction").click()
    heading(page, "Contact rules of each jurisdiction").wait_for()
    check_page(page, visited, "module")

    page.get_by_label("No", exact=True).first.check()  # question 1: No (the right answer)
    page.locator("fieldset").nth(1).get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Check my answers").click()
    heading(page, "Your training").wait_for()
    assert page.get_by_text("Passed, version 1").is_visible()
    check_page(page, visited, "passed")

    page.goto(f"{base}/support/")
    assert page.get_by_text("Read-only until you pass your training.").count() == 0

    page.goto(f"{base}/support/training/contact-rules/")
    heading(page, "Contact rules").wait_for()
    check_page(page, visited, "contact rules")


def test_compliance_pages_fit_a_phone_and_are_axe_clean(live_server, page):
    import datetime as dt

    from portal.audit.actors import Actor
    from portal.training.preset_changes import request_change
    from repayment.models import ContactRules

    training_module(roles.AGENTS, title="Contact rules of each jurisdiction")
    staff_user("agent", trained=False, email="new.agent@example.com")
    request_change(
        lender=LenderFactory(name="Harbour", contact_rules=ContactRules.US_REG_F),
        new_preset=ContactRules.UK_FCA,
        reason="The lender now lends in the UK.",
        effective_date=dt.date.today() + dt.timedelta(days=7),
        acting=Actor(user=staff_user("administrator")),
    )
    client = Client()
    signed_in(client, staff_user("reviewer"))
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    visited: list[str] = []

    page.goto(f"{live_server.url}/en/support/training/staff/")
    assert page.get_by_text("new.agent@example.com").is_visible()
    check_page(page, visited, "staff training")
    page.goto(f"{live_server.url}/en/support/training/contact-rules/")
    assert page.get_by_role("button", name="Record the decision").is_visible()
    check_page(page, visited, "contact rules with a change to decide")
