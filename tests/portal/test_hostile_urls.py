"""Hostile addresses are refused, never a 500.

Every pattern of the URLconf (found by walking it, with the language prefix and every include:
Wagtail's, allauth's, the Django admin's, the APIs') is requested with hostile values in its
parameters (a NUL, 10**30, -1, Chinese, 5,000 characters) and in its query string (``page`` and
the other parameters views read), with GET and, where the view takes it, POST: signed out, as a
borrower and as staff. No answer may be a 500 and no request may raise.

Each pattern's first request is a probe: a login its page refuses outright (signed out, or
without the role) gets no more. Our own pages then get every hostile value in every parameter
and every hostile query; the third-party ones (the CMS, the Django admin, allauth) one more
hostile address each, taken in turn, so that every pattern is covered and the run stays well
under a minute.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client

from portal.hostile import MAX_PAGE, page_number
from portal.support import roles
from tests.repayment.plan_fixtures import late_loan
from tests.support.staff import signed_in, staff_user
from tests.urlconf import Pattern, walk

pytestmark = [
    pytest.mark.django_db,
    # Hostile addresses make odd cache keys (a NUL, 5,000 characters): that is the point.
    pytest.mark.filterwarnings("ignore::django.core.cache.backends.base.CacheKeyWarning"),
]

HOSTILE = ("\x00", str(10**30), "-1", "贷款", "x" * 5000)
# The query parameters views read: pages and page sizes, dates, ids, searches, choices.
QUERY_NAMES = (
    "page",
    "p",
    "since",
    "limit",
    "cursor",
    "budget",
    "entry",
    "show",
    "q",
    "lang",
    "dry_run",
    "ordering",
    "next",
    "token",
)
# Our own pages, by their address without the language prefix.
OURS = ("my/", "support/", "api/", "accounts/link/", "messages/", "lessons/", "hooks/", "i18n/")
NOT_REQUESTED = {
    # Media, served only with DEBUG on (portal/urls.py), never in production.
    "django.views.static.serve",
    # Wagtail's page that raises on purpose, to test error reports.
    "wagtail.admin.views.home.error_test",
}
# 500s this test finds that lie outside the hostile-input change, each with its cause. They
# are reported, not hidden: remove a line once its cause is fixed.
KNOWN = {
    # Wagtail 8: the external-link chooser reads a field an empty form lacks.
    r"POST /cms/choose-external-link/": "Wagtail, empty form",
    # Wagtail 8: a snippet chooser's create view POSTed by a login that may not create one
    # (no creation form) calls is_valid on None.
    r"POST /cms/snippets/choose/[^/]+/[^/]+/create/": "Wagtail, no creation form",
}


def is_ours(pattern: Pattern) -> bool:
    return pattern.template.removeprefix("en/").startswith(OURS)


def fill(pattern: Pattern, values: dict[str, str]) -> str | None:
    """The address with ``values`` filled in, or None when it would not reach this pattern (an
    int converter takes no "-1"). A group of path segments (Wagtail's pages) takes a value as a
    segment."""
    for suffix in ("", "/"):
        filled = {name: value + suffix for name, value in values.items()}
        if re.fullmatch(pattern.regex, pattern.template % filled, flags=re.DOTALL):
            return "/" + pattern.template % {
                name: quote(value, safe="/") for name, value in filled.items()
            }
    return None


def queries(turn: int) -> list[str]:
    """Hostile query strings: every parameter 10**30; every parameter NUL; and every parameter
    one of the others (-1, Chinese, 5,000 characters), in turn, so each meets each."""
    mixed = {
        name: HOSTILE[2 + (turn + index) % (len(HOSTILE) - 2)]
        for index, name in enumerate(QUERY_NAMES)
    }
    return [
        urlencode(dict.fromkeys(QUERY_NAMES, HOSTILE[1])),
        urlencode(dict.fromkeys(QUERY_NAMES, HOSTILE[0])),
        urlencode(mixed),
    ]


def hostile_addresses(pattern: Pattern, usual: dict[str, str], turn: int) -> list[str]:
    """The addresses to request, the first one a probe of whether the login may open the
    page at all: a hostile query on the usual address, then each parameter hostile in turn,
    then the other hostile queries. A third-party page gets the probe and one more, in turn
    over its hostile parameters (or queries)."""
    values = {name: usual.get(name, "1") for name in pattern.params}
    in_path = [
        filled
        for name in pattern.params
        for hostile in HOSTILE
        if (filled := fill(pattern, {**values, name: hostile})) is not None
    ]
    base = fill(pattern, values)
    in_query = [f"{base}?{text}" for text in queries(turn)] if base else []
    addresses = in_query[:1] + in_path + in_query[1:]
    if is_ours(pattern) or len(addresses) < 2:
        return addresses
    extra = in_path or addresses[1:]
    return [addresses[0], extra[turn % len(extra)]]


def refused_at_the_door(response) -> bool:
    """Signed out, or signed in without the role: the page's own code never ran."""
    if response.status_code in (401, 403):
        return True
    location = response.get("Location", "")
    return response.status_code == 302 and any(
        part in location for part in ("login", "/accounts/", "2fa", "reauthenticate")
    )


def send(client: Client, method: str, address: str):
    """The answer, or the exception the request raised. In a savepoint, undone after: no
    request changes what the next one sees, and a database error cannot break the test's
    transaction. A rate limit is lifted and the request sent again."""
    for _attempt in range(2):
        try:
            with transaction.atomic():
                response = getattr(client, method)(address)
                transaction.set_rollback(True)
        except Exception as exc:  # what this test looks for
            return exc
        if response.status_code != 429:
            break
        cache.clear()
    return response


def request_all(client: Client, pattern: Pattern, usual, turn: int, sign_in) -> list[str]:
    """Failures, as "METHOD address: what happened". A third-party page is POSTed only its
    last address; ours every address, until one answers 405."""
    failures = []
    addresses = hostile_addresses(pattern, usual, turn)
    takes_post = True
    for position, address in enumerate(addresses):
        last = position == len(addresses) - 1
        methods = ["get", "post"] if is_ours(pattern) or last else ["get"]
        for method in methods:
            if method == "post" and not takes_post:
                continue
            answer = send(client, method, address)
            failure = f"{method.upper()} {address[:150]}"
            if isinstance(answer, Exception):
                failures.append(f"{failure}: {answer!r}"[:400])
                continue
            if answer.status_code >= 500:
                failures.append(f"{failure}: {answer.status_code}")
            if position == 0 and method == "get" and refused_at_the_door(answer):
                return failures
            takes_post = takes_post and not (method == "post" and answer.status_code == 405)
            user = getattr(answer.wsgi_request, "user", None)
            if sign_in and user is not None and not user.is_authenticated:
                sign_in()  # a sign-out page did its job
    return failures


def known(failure: str) -> bool:
    return any(re.match(pattern, failure) for pattern in KNOWN)


PATTERNS = sorted(
    (
        pattern
        for pattern in walk()
        if f"{pattern.callback.__module__}.{pattern.callback.__name__}" not in NOT_REQUESTED
    ),
    key=lambda pattern: pattern.regex,
)


# What a parameter holds when another one is the hostile one (any other: "1"): enough to reach
# the page, so that the hostile value meets the page's own code.
USUAL = {
    "kind": "messages",  # a borrower's history in the console
    "app_label": "auth",  # the Django admin's app pages take only their apps' names
    "_0": "",  # Wagtail's page tree: the home page
    "log_id": "6f1c1f4e-0d7a-4b8e-9a51-3c2d9e0b7a10",  # a lesson search's log entry (a UUID)
}


def test_the_walk_finds_every_part_of_the_site():
    templates = [pattern.template for pattern in PATTERNS]
    for expected in (
        "en/my/loans/%(reference)s/",
        "api/v1/loans/%(reference)s/statement/",
        "api/lender/v1/plans/",
        "en/support/borrowers/%(pk)s/history/%(kind)s/",
        "en/accounts/login/",
        "_allauth/app/v1/auth/login",
        "django-admin/",
        "cms/pages/%(parent_page_id)s/add_subpage/",
        "en/%(_0)s",
    ):
        assert expected in templates


def test_every_pattern_gets_hostile_addresses():
    assert [
        pattern.template
        for turn, pattern in enumerate(PATTERNS)
        if not hostile_addresses(pattern, USUAL, turn)
    ] == []


@pytest.mark.parametrize("who", ["anonymous", "borrower", "staff"])
def test_hostile_addresses_are_never_a_server_error(who):
    loan = late_loan()
    client = Client()
    sign_in = None
    if who == "borrower":
        sign_in = lambda: client.force_login(loan.borrower.user)  # noqa: E731
    elif who == "staff":
        # The console and the audit trail: every staff page that shows borrower data.
        member = staff_user("supervisor")
        member.groups.add(roles.group(roles.REVIEWERS))
        sign_in = lambda: signed_in(client, member)  # noqa: E731
    if sign_in:
        sign_in()
    usual = {**USUAL, "reference": loan.reference, "pk": str(loan.borrower.pk)}
    failures = []
    for turn, pattern in enumerate(PATTERNS):
        failures += request_all(client, pattern, usual, turn, sign_in)
    unknown = [failure for failure in failures if not known(failure)]
    assert not unknown, "\n".join(unknown)


# The three 500s of the security review, and the other ways hostile input reached a lookup.


@pytest.fixture
def borrower_client(client):
    loan = late_loan()
    client.force_login(loan.borrower.user)
    client.loan = loan
    return client


def test_nul_in_a_loan_reference_is_not_found(borrower_client):
    assert borrower_client.get("/en/my/loans/%00/").status_code == 404
    response = borrower_client.get("/api/v1/loans/%00/statement/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_nul_in_the_query_string_is_a_bad_request(borrower_client):
    reference = borrower_client.loan.reference
    assert borrower_client.get(f"/en/my/loans/{reference}/?since=%00").status_code == 400
    response = borrower_client.get(f"/api/v1/loans/{reference}/statement/?since=%00")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"


def test_nul_in_a_cookie_or_header_is_a_bad_request(client, db):
    client.cookies["sessionid"] = "\x00" * 32
    assert client.get("/en/lessons/glossary/").status_code == 400
    del client.cookies["sessionid"]
    # Each API answers in its own shape.
    response = client.get("/api/lender/v1/plans/", HTTP_AUTHORIZATION="Bearer lk_\x00_x")
    assert response.status_code == 400
    assert response.json()["errors"][0]["item"] == "the request"
    response = client.get("/api/v1/loans/", HTTP_X_SESSION_TOKEN="\x00" * 32)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    response = client.get("/_allauth/app/v1/auth/session", HTTP_X_SESSION_TOKEN="\x00" * 32)
    assert response.status_code == 400
    assert response.json()["status"] == 400


def test_the_nul_refusal_speaks_the_address_language(client, db):
    response = client.get("/zh-hans/my/loans/%00/")
    assert response.status_code == 404
    assert "找不到" in response.content.decode()


def test_a_huge_page_number_shows_the_last_page(borrower_client):
    reference = borrower_client.loan.reference
    huge = "999999999999999999999"
    assert borrower_client.get(f"/en/my/loans/{reference}/?page={huge}").status_code == 200
    assert borrower_client.get(f"/en/my/messages/?page={huge}").status_code == 200


def test_a_huge_page_number_in_the_console_is_not_a_server_error(client, agent):
    loan = late_loan()
    signed_in(client, agent)
    pk = loan.borrower.pk
    for address in (
        f"/en/support/borrowers/{pk}/history/messages/?page=999999999999999999999",
        f"/en/support/borrowers/{pk}/loans/{loan.reference}/statement/?page=999999999999999999999",
        "/en/support/?page=999999999999999999999",
    ):
        assert client.get(address).status_code < 500, address


def test_a_word_where_an_id_goes_is_not_found(client, db):
    # Wagtail's image chooser takes any text as an image's id. (A 404 outside the language
    # prefix is sent into it, as for any unknown address.)
    signed_in(client, staff_user("administrator", is_superuser=True))
    response = client.get("/cms/images/chooser/chosen/%E8%B4%B7%E6%AC%BE/", follow=True)
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("asked", "page"),
    [(None, 1), ("", 1), ("abc", 1), ("-1", 1), ("0", 1), ("7", 7), (str(10**30), MAX_PAGE)],
)
def test_page_number_is_a_whole_number_within_bounds(asked, page):
    assert page_number(asked) == page
