"""The demo's search history and promoted lesson, so the Searches report and the promoted
result show something on a fresh demo (``manage.py load_demo_lessons``). Safe to run again:
searches are added only to an empty log."""

from __future__ import annotations

import datetime

from django.utils import timezone

from .models import LessonPage
from .search_models import PromotedLesson, SearchLog

# (query, language, results, opened, how many times, days ago)
DEMO_SEARCHES = [
    ("student loan", "en", 0, False, 6, 2),
    ("bankruptcy", "en", 0, False, 4, 5),
    ("car finance", "en", 0, False, 3, 9),
    ("网贷", "zh-hans", 0, False, 5, 1),
    ("车贷", "zh-hans", 0, False, 3, 4),
    ("credit score", "en", 3, True, 4, 3),
    ("budget", "en", 1, False, 2, 6),
    ("逾期", "zh-hans", 2, True, 3, 2),
]
DEMO_PROMOTIONS = [
    ("can't pay", "hardship-and-breathing-space"),
    ("还不上", "hardship-and-breathing-space"),
]


def load_demo_searches() -> int:
    """Add the demo's logged searches to an empty log, and its promoted lesson; how many
    searches were added."""
    for query, slug in DEMO_PROMOTIONS:
        lesson = LessonPage.objects.filter(slug=slug, locale__language_code="en").first()
        if lesson is not None and not PromotedLesson.objects.filter(query=query).exists():
            PromotedLesson.objects.create(query=query, lesson=lesson, order=1)
    if SearchLog.objects.exists():
        return 0
    today = timezone.localdate()
    rows = [
        SearchLog(
            searched_on=today - datetime.timedelta(days=days_ago),
            language=language,
            query=text,
            results=results,
            clicked=opened and n % 2 == 0,
        )
        for text, language, results, opened, times, days_ago in DEMO_SEARCHES
        for n in range(times)
    ]
    SearchLog.objects.bulk_create(rows)
    return len(rows)
