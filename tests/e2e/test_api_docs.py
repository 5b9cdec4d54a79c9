"""The developers' page for the APIs (/api/docs/, Swagger UI from our own static files) in a
real headless Chromium at phone width: it draws every operation of both APIs, does not scroll
sideways, and axe-core finds nothing serious, with operations opened and "Try it out" on."""

import pytest

from tests.e2e.helpers import check_page

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_api_docs_page_fits_a_phone_and_is_accessible(live_server, page):
    visited: list[str] = []
    page.goto(f"{live_server.url}/api/docs/")
    page.locator(".opblock").first.wait_for()

    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any(path.startswith("/api/v1/loans/") for path in paths)
    assert any(path.startswith("/api/lender/v1/") for path in paths)
    check_page(page, visited, "docs")

    for summary in page.locator(".opblock-summary-control").all()[:3]:
        summary.click()
    page.get_by_role("button", name="Try it out").first.click()
    page.locator(".opblock-body").first.wait_for()
    check_page(page, visited, "operations open")

    assert visited == ["docs", "operations open"]
