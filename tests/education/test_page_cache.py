"""Lesson pages are cheap: whole from the cache for signed-out readers, a few queries for a
signed-in one, and never stale after a change is published."""

import re

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import UserFactory

from .conftest import lesson

pytestmark = pytest.mark.django_db
URL = "/en/lessons/when-a-payment-is-late/"


def token_in(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_signed_out_readers_get_the_page_from_the_cache_with_their_own_token(lessons):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get(URL)

    with CaptureQueriesContext(connection) as queries:
        response = second.get(URL)

    assert response["X-Lesson-Cache"] == "hit"
    assert len(queries) == 0
    assert "When a payment is late" in response.text
    assert "__education_csrf_token__" not in response.text
    assert token_in(response.text) != token_in(first.get(URL).text)
    # The token in the cached page is good for posting an answer.
    posted = second.post(
        URL,
        {
            "action": "answer",
            "question": "x",
            "choice": "0",
            "csrfmiddlewaretoken": token_in(response.text),
        },
    )
    assert posted.status_code == 200


def test_signed_in_readers_get_a_fresh_page_in_a_few_queries(client, lessons):
    client.force_login(UserFactory())
    client.get(URL)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)

    assert "X-Lesson-Cache" not in response
    assert "Finished reading?" in response.text
    # user, whether it is finished, the reader's answers (the session is cached, and the
    # lesson as published is kept by the process for the content's generation)
    assert len(queries) <= 3, [q["sql"] for q in queries]


def test_signed_in_readers_cost_two_cache_reads(client, lessons, monkeypatch):
    client.force_login(UserFactory())
    client.get(URL)
    calls = []
    real = LocMemCache.get
    monkeypatch.setattr(
        LocMemCache, "get", lambda self, *a, **k: calls.append(a[0]) or real(self, *a, **k)
    )

    assert "Finished reading?" in client.get(URL).text
    # the session and the content's generation: the lists, routes and body are kept here
    assert len(calls) == 2, calls


def test_publishing_a_change_shows_at_once_to_a_signed_in_reader(client, lessons):
    client.force_login(UserFactory())
    client.get(URL)
    page = lesson("when-a-payment-is-late")
    page.title = "If a payment is late"
    page.save_revision().publish()

    assert "If a payment is late" in client.get(URL).text


def test_unpublishing_removes_the_lesson_for_a_signed_in_reader(client, lessons):
    client.force_login(UserFactory())
    client.get(URL)
    lesson("when-a-payment-is-late").unpublish()

    assert client.get(URL).status_code == 404


def test_an_emptied_cache_starts_a_generation_no_process_kept_values_of(lessons):
    from django.core.cache import cache as shared

    from education import cache

    first = cache.generation()
    cache.cached("probe", lambda: "old")
    shared.clear()

    assert cache.generation() != first
    assert cache.cached("probe", lambda: "new") == "new"


def test_publishing_a_change_replaces_the_cached_page(client, lessons):
    client.get(URL)
    page = lesson("when-a-payment-is-late")
    page.title = "If a payment is late"
    page.save_revision().publish()

    assert "If a payment is late" in client.get(URL).text


def test_unpublishing_removes_the_cached_page(client, lessons):
    client.get(URL)
    lesson("when-a-payment-is-late").unpublish()

    assert client.get(URL).status_code == 404


def test_a_private_lesson_is_never_served_from_the_cache_or_the_shortcut(client, lessons):
    client.get(URL)
    PageViewRestriction.objects.create(
        page=lesson("when-a-payment-is-late"), restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get(URL)

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_query_string_is_never_served_from_the_cache(client, lessons):
    client.get(URL)

    assert "X-Lesson-Cache" not in client.get(URL, {"utm": "1"})
