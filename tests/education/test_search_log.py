"""The search page when nothing is found, the anonymous search log (what it keeps, clicks,
pruning) and the editors' Searches report."""

import datetime
import uuid

import pytest
from django.core.management import call_command
from django.utils import timezone

from education import search_log
from education.models import SearchLog
from education.search import search
from education.search_demo import load_demo_searches
from education.tasks import prune_search_log
from tests import factories
from tests.support.staff import signed_in

from .conftest import lesson

pytestmark = pytest.mark.django_db

REPORT = "/cms/education/searches/"


def test_a_search_that_finds_nothing_links_to_all_lessons_help_and_the_glossary(client, lessons):
    page = client.get("/en/lessons/search/", {"q": "xyzzy"})

    assert page.status_code == 200
    assert '<a href="/en/lessons/">look through all the lessons</a>' in page.text
    assert 'href="/en/lessons/glossary/"' in page.text
    assert 'href="/en/my/help/"' in page.text
    # Lessons to try instead, each a plain link.
    assert 'href="/en/lessons/when-a-payment-is-late/"' in page.text


def test_an_empty_chinese_search_links_to_the_chinese_lessons(client, lessons):
    page = client.get("/zh-hans/lessons/search/", {"q": "火星"})

    assert 'href="/zh-hans/lessons/"' in page.text
    assert "晚还款会怎样" in page.text


def test_a_search_that_finds_nothing_suggests_a_word_that_finds_something(client, lessons):
    """ "principle" finds nothing; the glossary word "Principal" does."""
    page = client.get("/en/lessons/search/", {"q": "principle"})

    assert "0 results" in page.text
    assert 'href="/en/lessons/search/?q=Principal"' in page.text


def test_a_search_is_logged_without_anything_that_points_to_the_reader(client, lessons):
    borrower = factories.UserFactory()
    client.force_login(borrower)

    client.get("/en/lessons/search/", {"q": "  Late   PAYMENT "}, REMOTE_ADDR="203.0.113.9")

    entry = SearchLog.objects.get()
    found = search(query="late payment", language="en").count
    assert (entry.query, entry.language, entry.results, entry.clicked) == (
        "late payment",
        "en",
        found,
        False,
    )
    assert found > 0
    assert entry.searched_on == timezone.localdate()
    assert {f.name for f in SearchLog._meta.get_fields()} == {
        "id",
        "searched_on",
        "language",
        "query",
        "results",
        "clicked",
        "opened_lesson",
    }
    stored = [str(value) for value in SearchLog.objects.values_list().get()]
    assert str(borrower.pk) not in stored
    for identity in (borrower.email, "203.0.113.9", client.session.session_key):
        assert not any(identity in value for value in stored)


def test_numbers_and_email_addresses_typed_into_search_are_masked():
    assert search_log.anonymised("Loan LN-2024-000123 for ann@example.com") == "loan ln-… for …"
    assert search_log.anonymised("我的电话 13800138000") == "我的电话 …"
    assert search_log.anonymised("pay 30 days late") == "pay 30 days late"


def test_opening_a_result_marks_the_search_clicked_and_goes_to_the_lesson(client, lessons):
    page = client.get("/en/lessons/search/", {"q": "late payment"})
    entry = SearchLog.objects.get()
    link = f"/en/lessons/search/{entry.pk}/lesson/{lesson('when-a-payment-is-late').pk}/"
    assert f'href="{link}"' in page.text

    response = client.get(link)

    assert response.status_code == 302
    assert response["Location"] == "/en/lessons/when-a-payment-is-late/"
    entry.refresh_from_db()
    assert entry.clicked
    assert entry.opened_lesson == str(lesson("when-a-payment-is-late").translation_key)


def test_opening_a_glossary_result_marks_the_search_clicked(client, lessons):
    client.get("/en/lessons/search/", {"q": "grace period"})
    entry = SearchLog.objects.get()

    response = client.get(f"/en/lessons/search/{entry.pk}/term/late-fee/")

    assert response["Location"] == "/en/lessons/glossary/#late-fee"
    entry.refresh_from_db()
    assert entry.clicked


def test_a_result_link_only_leads_to_a_lesson_the_reader_can_see(client, lessons):
    draft = lesson("reading-your-statement")
    draft.unpublish()

    response = client.get(f"/en/lessons/search/{uuid.uuid4()}/lesson/{draft.pk}/")

    assert response.status_code == 404


def test_the_most_opened_lessons_are_offered_when_nothing_is_found(client, lessons):
    statement = lesson("reading-your-statement")
    for _ in range(2):
        entry = SearchLog.objects.create(
            searched_on=timezone.localdate(), language="en", query="statement", results=1
        )
        search_log.record_click(entry.pk, lesson_key=str(statement.translation_key))

    page = client.get("/en/lessons/search/", {"q": "xyzzy"})

    popular = page.text.split("Lessons other readers found useful")[1]
    assert popular.index("Reading your statement") < popular.index("When a payment is late")


def test_old_searches_are_pruned_by_the_daily_task(db, settings):
    settings.EDUCATION_SEARCH_LOG_DAYS = 30
    today = timezone.localdate()
    for days_ago in (0, 30, 31, 200):
        SearchLog.objects.create(
            searched_on=today - datetime.timedelta(days=days_ago),
            language="en",
            query=f"q{days_ago}",
            results=0,
        )

    assert prune_search_log.delay().get() == 2

    assert sorted(SearchLog.objects.values_list("query", flat=True)) == ["q0", "q30"]


def test_the_prune_task_is_on_the_beat_schedule(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    assert "education.tasks.prune_search_log" in tasks


def _searches():
    today = timezone.localdate()
    rows = [
        ("payday loan", "en", 0, False),
        ("payday loan", "en", 0, False),
        ("网贷", "zh-hans", 0, False),
        ("budget", "en", 2, False),
        ("late payment", "en", 1, True),
    ]
    for query, language, results, clicked in rows:
        SearchLog.objects.create(
            searched_on=today, language=language, query=query, results=results, clicked=clicked
        )


def test_the_report_lists_searches_with_no_result_and_no_click_by_language(db):
    _searches()

    assert [
        (row.query, row.language, row.searches) for row in search_log.failing(kind="no_result")
    ] == [("payday loan", "en", 2), ("网贷", "zh-hans", 1)]
    assert [row.query for row in search_log.failing(kind="no_result", language="zh-hans")] == [
        "网贷"
    ]
    assert [row.query for row in search_log.failing(kind="no_click")] == ["budget"]


def test_an_editor_opens_the_searches_report(client, editor):
    _searches()
    signed_in(client, editor)

    page = client.get(REPORT, {"language": "zh-hans"})

    assert page.status_code == 200
    assert "网贷" in page.text
    assert "payday loan" not in page.text


def test_the_report_needs_its_permission(client, reviewer):
    _searches()
    signed_in(client, reviewer)

    response = client.get(REPORT)

    # Wagtail answers a refused admin page by sending the user to the dashboard.
    assert (response.status_code, response["Location"]) == (302, "/cms/")


def test_the_reports_menu_shows_searches_only_to_those_allowed(rf, editor, reviewer):
    from education.search_admin import SearchReportMenuItem

    item = SearchReportMenuItem("Searches", REPORT)
    request = rf.get("/cms/")
    request.user = editor
    assert item.is_shown(request)
    request.user = reviewer
    assert not item.is_shown(request)


def test_the_demo_logs_searches_that_found_nothing_once(db):
    added = load_demo_searches()

    assert added > 0
    assert search_log.failing(kind="no_result", language="en")
    assert search_log.failing(kind="no_result", language="zh-hans")
    assert load_demo_searches() == 0
    assert SearchLog.objects.count() == added


def test_loading_the_demo_lessons_adds_the_demo_searches(db, monkeypatch):
    monkeypatch.setattr(
        "education.management.commands.load_demo_lessons.load",
        lambda path: (
            __import__("education.demo").demo.Summary(),
            __import__("education.demo").demo.Summary(),
        ),
    )

    call_command("load_demo_lessons", verbosity=0)

    assert SearchLog.objects.filter(results=0).exists()


def test_an_editor_adds_a_synonym_in_the_cms_and_search_uses_it_at_once(client, editor, lessons):
    from education.models import SearchSynonym

    SearchSynonym.objects.all().delete()  # the seeded ones include this pair
    assert search(query="my bill", language="en").lessons == []
    signed_in(client, editor)

    response = client.post(
        "/cms/snippets/education/searchsynonym/add/",
        {"phrases": "bill, statement", "note": "Borrowers say bill."},
    )

    assert response.status_code == 302
    assert SearchSynonym.objects.get(note="Borrowers say bill.").phrase_list() == [
        "bill",
        "statement",
    ]
    assert [found.slug for found in search(query="my bill", language="en").lessons] == [
        "reading-your-statement"
    ]


def test_an_editor_promotes_a_lesson_in_the_cms(client, editor, lessons):
    signed_in(client, editor)

    page = client.get("/cms/snippets/education/promotedlesson/add/")

    assert page.status_code == 200
    assert 'name="lesson"' in page.text
