"""The audit pages in a real headless Chromium: at phone width no sideways scrolling; at a
1366 px desk the trail reads as a table whose columns are never narrower than their words; and
axe-core finds nothing serious."""

import os

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from tests.audit.helpers import record
from tests.e2e.helpers import check_page, scrolls_sideways, serious_accessibility_violations
from tests.factories import BorrowerFactory, LoanFactory, UserFactory
from tests.support.staff import signed_in, staff_user
from tests.support.work_fixtures import waiting_proposal

pytestmark = pytest.mark.django_db(transaction=True)

DESK = {"width": 1366, "height": 768}
# Where the desk screenshot goes, to look at: AUDIT_SCREENSHOT=/tmp/audit-1366.png, say.
SCREENSHOT = "AUDIT_SCREENSHOT"

# No word of the results table is split across lines, not even at a hyphen (names, loan
# references, dates), and no cell's content spills out of it. A word ends at a space or a <wbr>
# (after an e-mail's @, between an IPv6 address's groups); Chinese wraps between any two
# characters; a run longer than 32 characters is not a word but, say, a pasted link, and may
# wrap anywhere.
BROKEN_WORDS = """() => {
  const found = [];
  for (const cell of document.querySelectorAll(".audit-table th, .audit-table td")) {
    if (cell.scrollWidth > cell.clientWidth + 1) found.push("spills: " + cell.innerText.trim());
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const words = /[^\\s\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]+/g;
      let match;
      while ((match = words.exec(node.textContent))) {
        if (match[0].length > 32) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(
          [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))
        );
        if (lines.size > 1) found.push("broken: " + match[0]);
      }
    }
  }
  return found;
}"""


def _sign_in(page, live_server, user):
    client = signed_in(Client(), user)
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
    expect(page.get_by_text("A loan statement")).to_be_visible()
    check_page(page, visited, "staff views")


@pytest.mark.browser_context_args(
    viewport=DESK, is_mobile=False, has_touch=False, device_scale_factor=1
)
def test_the_trail_reads_at_a_1366_px_desk(live_server, page, tmp_path):
    supervisor = staff_user(
        "supervisor",
        email="a.very.long.staff.address@lender-with-a-long-name.example",
        first_name="Mei",
        last_name="Chen-Richardson",
    )
    agent = staff_user("agent", email="tom@lender.example", first_name="Tom", last_name="Baker")
    proposal = waiting_proposal()
    borrower = proposal.loan.borrower
    BorrowerFactory(full_name="Wang Xiaoming-Longname")  # a change to the records, with fields
    target = {"object_type": "repayment.proposal", "object_id": str(proposal.pk)}
    record(
        actor=agent,
        who=agent.email,
        kind="refused",
        action="proposal.sign_off_refused",
        borrower=borrower,
        ip="198.51.100.23",
        details={"attempted": "proposal.approved", "beyond_policy": ["too_long"]},
        **target,
    )
    record(
        actor=supervisor,
        who=supervisor.email,
        kind="change",
        action="proposal.approved_beyond_policy",
        borrower=borrower,
        ip="2001:db8:85a3::8a2e:370:7334",
        reason="Income and expenditure confirmed on the phone with the borrower: see "
        "https://lender.example/cases/2026/12/hardship-review-000123456789/letter.pdf",
        **target,
    )
    record(
        actor=agent,
        who=agent.email,
        kind="refused",
        action="access.refused",
        ip="198.51.100.23",
        details={"path": "/en/support/audit/export.csv", "method": "GET"},
    )
    record(actor=agent, who=agent.email, borrower=borrower, action="proposal", **target)

    _sign_in(page, live_server, staff_user("reviewer"))
    page.goto(f"{live_server.url}/en/support/audit/")
    changes = page.locator("details.audit-changes").first
    assert not changes.locator("li").first.is_visible()
    changes.locator("summary").click()  # a disclosure, no script
    assert changes.locator("li").first.is_visible()

    assert page.get_by_text("Mei Chen-Richardson").is_visible()
    assert page.get_by_text(f"Plan proposal on loan {proposal.loan.reference}").first.is_visible()
    assert page.get_by_label("Kind of action").is_visible()
    page.screenshot(path=os.environ.get(SCREENSHOT) or tmp_path / "audit-1366.png", full_page=True)
    assert not scrolls_sideways(page), "the trail scrolls sideways at 1366 px"
    assert page.evaluate(BROKEN_WORDS) == []
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    assert page.evaluate(BROKEN_WORDS) == []
    assert serious_accessibility_violations(page) == []

    page.goto(f"{live_server.url}/zh-hans/support/audit/")
    assert not scrolls_sideways(page), "the trail in Chinese scrolls sideways at 1366 px"
    assert page.evaluate(BROKEN_WORDS) == []
    assert serious_accessibility_violations(page) == []

    page.goto(f"{live_server.url}/en/support/audit/")
    page.get_by_label("Kind of action").select_option(label="Any refused attempt")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**action=refused%3Aany**")
    assert page.locator(".audit-table tbody tr").count() == 2
    assert serious_accessibility_violations(page) == []
