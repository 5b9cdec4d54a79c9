"""Choosing a language shows the same page in that language, whatever the browser asks for.

The switcher posts to /i18n/setlang/, which lies outside the language prefix: its own request
speaks the language of the cookie or of Accept-Language. When that differed from the page's
language (a browser set to Chinese on an English page, or a cookie left by an earlier choice),
the page used to come back unchanged in its old language."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from django.conf import settings
from django.test import Client

from education import cache as lesson_cache
from repayment.models import Borrower
from tests.education.conftest import CONTENT, ensure_site_structure, lesson
from tests.repayment.plan_fixtures import late_loan
from tests.urlconf import walk

from .conftest import reauthenticate, sign_in

pytestmark = pytest.mark.django_db

OTHER = {"en": "zh-hans", "zh-hans": "en"}
# Shown on every page of the site, in the frame: the skip link.
SKIP_LINK = {"en": "Skip to main content", "zh-hans": "跳到主要内容"}


@pytest.fixture
def lessons(db):
    from education.demo import load

    ensure_site_structure()
    load(CONTENT)


@pytest.fixture
def loan(client):
    loan = late_loan()
    client.force_login(loan.borrower.user)
    return loan


def browser_in(client: Client, language: str, how: str) -> dict:
    """Make ``client`` a browser that asks for ``language``: by its Accept-Language header
    (returned, to pass with each request) or by the language cookie of an earlier choice."""
    if how == "cookie":
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        return {}
    return {"HTTP_ACCEPT_LANGUAGE": language}


def choose(client: Client, language: str, page: str, headers: dict):
    """Press the switcher's button for ``language`` on ``page``; the page that follows."""
    response = client.post("/i18n/setlang/", {"language": language, "next": page}, **headers)
    assert response.status_code == 302
    return response["Location"], client.get(response["Location"], **headers)


def shown_in(response, language: str) -> bool:
    html = response.content.decode()
    return f'<html lang="{language}">' in html and SKIP_LINK[language] in html


PAGES = {
    # page: (what the borrower sees in English, and in Chinese)
    "lesson": ("When a payment is late", "晚还款会怎样"),
    "statement": ("Amount due now", "当前应还金额"),
    "home": ("Your loan, explained", "您的贷款，一看就懂"),
    "my loans": ("My loans", "我的贷款"),
}


def address(page: str, language: str, loan) -> str:
    return {
        "lesson": f"/{language}/lessons/when-a-payment-is-late/",
        "statement": f"/{language}/my/loans/{loan.reference}/",
        "home": f"/{language}/",
        "my loans": f"/{language}/my/",
    }[page]


@pytest.mark.usefixtures("lessons")
@pytest.mark.parametrize("browser", ["chosen", "page's"])
@pytest.mark.parametrize("how", ["accept-language", "cookie"])
@pytest.mark.parametrize("page", list(PAGES))
@pytest.mark.parametrize("leaving", ["en", "zh-hans"])
def test_choosing_a_language_shows_the_same_page_in_it(client, loan, page, leaving, how, browser):
    chosen = OTHER[leaving]
    headers = browser_in(client, chosen if browser == "chosen" else leaving, how)
    start = address(page, leaving, loan)
    assert shown_in(client.get(start, **headers), leaving)

    location, response = choose(client, chosen, start, headers)

    assert location == address(page, chosen, loan)
    assert response.status_code == 200
    assert shown_in(response, chosen)
    assert PAGES[page][0 if chosen == "en" else 1] in response.content.decode()


@pytest.mark.usefixtures("lessons")
@pytest.mark.parametrize("how", ["accept-language", "cookie"])
def test_the_preference_changes_only_when_the_borrower_chooses(client, loan, how):
    headers = browser_in(client, "zh-hans", how)
    for page in PAGES:
        assert client.get(address(page, "en", loan), **headers).status_code == 200
        assert client.get(address(page, "zh-hans", loan), **headers).status_code == 200
    assert Borrower.objects.get(pk=loan.borrower.pk).preferred_language == "en"

    choose(client, "zh-hans", address("statement", "en", loan), headers)

    assert Borrower.objects.get(pk=loan.borrower.pk).preferred_language == "zh-hans"


def test_the_query_and_the_place_on_the_page_are_kept(client, loan):
    page = f"/en/my/loans/{loan.reference}/?since=2026-01-01&page=2#history"

    location, _response = choose(client, "zh-hans", page, {"HTTP_ACCEPT_LANGUAGE": "zh-hans"})

    assert location == f"/zh-hans/my/loans/{loan.reference}/?since=2026-01-01&page=2#history"


@pytest.mark.parametrize("page", ["https://elsewhere.example/en/my/", "//elsewhere.example/"])
def test_an_address_on_another_site_is_not_followed(client, loan, page):
    location, _response = choose(client, "zh-hans", page, {})

    assert location == "/"
    assert Borrower.objects.get(pk=loan.borrower.pk).preferred_language == "zh-hans"


def test_a_language_the_site_does_not_speak_changes_nothing(client, loan):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/en/my/"})

    assert response["Location"] == "/en/my/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert Borrower.objects.get(pk=loan.borrower.pk).preferred_language == "en"


def _give_slug(page, slug: str) -> None:
    page.slug = slug
    page.save_revision().publish()
    lesson_cache.bump()


@pytest.fixture
def chinese_slugs(lessons):
    """The Chinese lessons index and one Chinese lesson under slugs of their own."""
    from education.models import LessonIndexPage

    _give_slug(LessonIndexPage.objects.get(locale__language_code="zh-hans"), "kecheng")
    _give_slug(lesson("when-a-payment-is-late", "zh-hans"), "wan-huan-kuan")


@pytest.mark.usefixtures("chinese_slugs")
@pytest.mark.parametrize(
    ("leaving", "chosen", "expected", "shown"),
    [
        (
            "/en/lessons/when-a-payment-is-late/",
            "zh-hans",
            "/zh-hans/kecheng/wan-huan-kuan/",
            "晚还款会怎样",
        ),
        (
            "/zh-hans/kecheng/wan-huan-kuan/",
            "en",
            "/en/lessons/when-a-payment-is-late/",
            "When a payment is late",
        ),
        ("/en/lessons/", "zh-hans", "/zh-hans/kecheng/", "贷款小课堂"),
        ("/zh-hans/kecheng/", "en", "/en/lessons/", "Lessons"),
        # Not translated yet: shown in English under the Chinese index, with a notice.
        (
            "/en/lessons/reading-your-statement/",
            "zh-hans",
            "/zh-hans/kecheng/reading-your-statement/",
            "Reading your statement",
        ),
        (
            "/zh-hans/kecheng/reading-your-statement/",
            "en",
            "/en/lessons/reading-your-statement/",
            "Reading your statement",
        ),
    ],
)
def test_a_lesson_is_followed_to_its_translation_under_its_own_slug(
    client, loan, leaving, chosen, expected, shown
):
    location, response = choose(client, chosen, leaving, {"HTTP_ACCEPT_LANGUAGE": chosen})

    assert location == expected
    assert shown_in(response, chosen)
    assert shown in response.content.decode()


def test_the_console_switches_too(agent_client):
    headers = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}

    location, response = choose(agent_client, "zh-hans", "/en/support/", headers)

    assert location == "/zh-hans/support/"
    assert shown_in(response, "zh-hans")


# --- Every page a signed-in borrower can open -----------------------------------------------


def _fill(pattern, values: dict[str, str]) -> str | None:
    filled = {name: values.get(name, "1") for name in pattern.params}
    raw = pattern.template % filled
    if re.fullmatch(pattern.regex, raw, flags=re.DOTALL) is None:
        return None
    return "/" + pattern.template % {name: quote(v, safe="/") for name, v in filled.items()}


def _borrower_pages(loan) -> list[str]:
    values = {"reference": loan.reference, "_0": "lessons/when-a-payment-is-late/"}
    pages = [_fill(pattern, values) for pattern in walk() if pattern.template.startswith("en/")]
    return [page for page in pages if page is not None] + ["/en/", "/en/lessons/"]


@pytest.mark.usefixtures("lessons")
def test_every_page_a_borrower_can_open_switches_language():
    """On each English page, with the browser asking for Chinese (and, after the first
    choice, the cookie saying so too)."""
    loan = late_loan()
    client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    sign_in(client, loan.borrower.user)
    reauthenticate(client)
    switched = []
    for page in _borrower_pages(loan):
        opened = client.get(page)
        if opened.status_code != 200 or not opened["Content-Type"].startswith("text/html"):
            continue
        location, response = choose(client, "zh-hans", page, {})
        assert location.startswith("/zh-hans/"), page
        assert response.status_code == 200, page
        assert shown_in(response, "zh-hans"), page
        switched.append(page)
    # The statement, the plan pages, the messages, the account pages, the lessons.
    for expected in (
        f"/en/my/loans/{loan.reference}/",
        f"/en/my/loans/{loan.reference}/help/",
        "/en/my/messages/",
        "/en/my/preferences/",
        "/en/accounts/email/",
        "/en/lessons/glossary/",
        "/en/lessons/when-a-payment-is-late/",
    ):
        assert expected in switched
