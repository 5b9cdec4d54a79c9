"""The anonymous log of lesson searches: what was asked, in which language, how many results
and whether one was opened. It exists so that editors can see which searches fail (the
"Searches" report) and it keeps nothing that points to a person: no user, session, IP address
or time of day, and long numbers and email addresses in a query are masked (someone may type
their loan number or address into the box). Rows older than ``EDUCATION_SEARCH_LOG_DAYS`` are
deleted by a daily task."""

from __future__ import annotations

import datetime
import re
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from .search_models import MAX_QUERY_LENGTH, SearchLog
from .text_analysis import fold

DEFAULT_KEEP_DAYS = 90
_EMAIL = re.compile(r"\S+@\S+")
_LONG_NUMBER = re.compile(r"\d[\d\s-]{3,}\d")


def keep_days() -> int:
    return int(getattr(settings, "EDUCATION_SEARCH_LOG_DAYS", DEFAULT_KEEP_DAYS))


def anonymised(query: str) -> str:
    """The query as logged: folded, single-spaced, with email addresses and runs of five or
    more digits (phone, loan or account numbers) replaced by ``…``."""
    text = " ".join(fold(query).split())
    text = _EMAIL.sub("…", text)
    text = _LONG_NUMBER.sub("…", text)
    return text[:MAX_QUERY_LENGTH]


def record(*, query: str, language: str, results: int) -> uuid.UUID | None:
    """Log one search; its id, which the result links carry so that a click can be noted.
    Nothing is logged for an empty query."""
    text = anonymised(query)
    if not text:
        return None
    entry = SearchLog.objects.create(
        searched_on=timezone.localdate(),
        language=language[:10],
        query=text,
        results=results,
    )
    return entry.pk


def record_click(log_id, *, lesson_key: str = "") -> None:
    """A result of the logged search was opened: a lesson (its translation key) or a term."""
    changes = {"clicked": True}
    if lesson_key:
        changes["opened_lesson"] = lesson_key[:40]
    SearchLog.objects.filter(pk=log_id, results__gt=0).update(**changes)


def prune(*, today: datetime.date | None = None) -> int:
    """Delete the rows older than the keeping period; how many."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=keep_days())
    deleted, _ = SearchLog.objects.filter(searched_on__lt=cutoff).delete()
    return deleted


@dataclass(frozen=True)
class Row:
    query: str
    language: str
    searches: int


def failing(
    *, kind: str, language: str = "", since: datetime.date | None = None, limit: int = 50
) -> list[Row]:
    """The most frequent searches that found nothing (``kind="no_result"``) or found
    something that nobody opened (``kind="no_click"``), per language."""
    rows = SearchLog.objects.all()
    if kind == "no_result":
        rows = rows.filter(results=0)
    else:
        rows = rows.filter(results__gt=0, clicked=False)
    if language:
        rows = rows.filter(language=language)
    if since:
        rows = rows.filter(searched_on__gte=since)
    grouped = (
        rows.values("query", "language")
        .annotate(searches=Count("pk"))
        .order_by("-searches", "language", "query")[:limit]
    )
    return [Row(row["query"], row["language"], row["searches"]) for row in grouped]


def popular_lesson_keys(*, limit: int = 3) -> list[str]:
    """The lessons opened most often from search results (translation keys, so every
    language's readers count for the same lesson), most opened first."""
    rows = (
        SearchLog.objects.exclude(opened_lesson="")
        .values("opened_lesson")
        .annotate(opens=Count("pk"))
        .order_by("-opens", "opened_lesson")[:limit]
    )
    return [row["opened_lesson"] for row in rows]
