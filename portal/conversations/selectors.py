"""Reads of conversations. A borrower's reads are scoped at the query to their own threads, so
another borrower's thread is a 404 like one that does not exist."""

from __future__ import annotations

from django.db.models import Case, DateTimeField, F, IntegerField, Prefetch, Value, When

from .models import Post, Thread, ThreadStatus


def threads_of(*, borrower):
    """The borrower's threads, the most recently active first."""
    return (
        Thread.objects.filter(borrower=borrower)
        .select_related("loan")
        .order_by("-updated_at", "-pk")
    )


def thread_with_posts(queryset, pk: int) -> Thread | None:
    """One thread of ``queryset`` with its posts and their files, oldest post first."""
    return (
        queryset.filter(pk=pk)
        .select_related("borrower", "loan")
        .prefetch_related(
            Prefetch(
                "posts",
                queryset=Post.objects.select_related("staff_user")
                .prefetch_related("attachments")
                .order_by("created_at", "pk"),
            )
        )
        .first()
    )


def console_threads(*, status: str = ""):
    """Every thread for the console: those waiting for staff first, the earliest answer-by
    time first (so the overdue lead), then the rest, the most recently active first."""
    threads = Thread.objects.select_related("borrower", "loan").annotate(
        waiting=Case(
            When(status=ThreadStatus.WAITING, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        ),
        due=Case(
            When(status=ThreadStatus.WAITING, then=F("answer_by")),
            default=None,
            output_field=DateTimeField(),
        ),
    )
    if status:
        threads = threads.filter(status=status)
    return threads.order_by("waiting", F("due").asc(nulls_last=True), "-updated_at", "-pk")
