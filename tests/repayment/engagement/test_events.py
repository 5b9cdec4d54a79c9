"""Engagement events: a borrower signing in, opening a statement (page or PDF) or a message is
recorded as who, which loan, what and when, and nothing else; staff and other borrowers' loans
record nothing; events older than the kept period are deleted by a daily task."""

import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from repayment.engagement.recording import forget_old
from repayment.models import EngagementEvent, EngagementKind
from tests.factories import UserFactory
from tests.notifications.views_helpers import borrower, message
from tests.repayment.plan_fixtures import late_loan

pytestmark = pytest.mark.django_db


def kinds(person):
    return list(
        EngagementEvent.objects.filter(borrower=person).order_by("pk").values_list("kind", "loan")
    )


def test_an_event_holds_who_which_loan_what_and_when_and_no_content():
    assert {field.name for field in EngagementEvent._meta.fields} == {
        "id",
        "borrower",
        "loan",
        "kind",
        "at",
    }


def test_a_borrower_signing_in_is_recorded_and_staff_are_not(client):
    person = borrower()
    client.force_login(person.user)
    client.force_login(UserFactory(is_staff=True))

    assert kinds(person) == [(EngagementKind.SIGNED_IN, None)]
    assert EngagementEvent.objects.count() == 1


def test_opening_the_statement_and_its_pdf_is_recorded_with_the_loan(client):
    loan = late_loan(user=UserFactory())
    client.force_login(loan.borrower.user)
    EngagementEvent.objects.all().delete()  # the sign-in

    assert client.get(reverse("loan_statement", args=[loan.reference])).status_code == 200
    assert client.get(reverse("loan_statement_pdf", args=[loan.reference])).status_code == 200

    assert kinds(loan.borrower) == [(EngagementKind.STATEMENT_VIEWED, loan.pk)] * 2


def test_someone_elses_statement_records_nothing(client):
    mine = late_loan(user=UserFactory())
    theirs = late_loan(user=UserFactory())
    client.force_login(mine.borrower.user)
    EngagementEvent.objects.all().delete()

    assert client.get(reverse("loan_statement", args=[theirs.reference])).status_code == 404
    assert not EngagementEvent.objects.exists()


def test_opening_a_message_is_recorded_once(client):
    person = borrower()
    client.force_login(person.user)
    EngagementEvent.objects.all().delete()
    sent = message(person)

    for _ in range(2):
        assert client.get(reverse("message_detail", args=[sent.pk])).status_code == 200

    assert kinds(person) == [(EngagementKind.MESSAGE_OPENED, sent.loan_id)]


def test_events_older_than_the_kept_period_are_deleted():
    person = borrower()
    now = timezone.now()
    keep = dt.timedelta(days=settings.ENGAGEMENT_KEEP_DAYS)
    for age in (keep + dt.timedelta(hours=1), keep - dt.timedelta(hours=1)):
        EngagementEvent.objects.create(borrower=person, kind=EngagementKind.SIGNED_IN, at=now - age)

    assert forget_old(now=now) == 1
    assert EngagementEvent.objects.count() == 1
    assert any(
        entry["task"] == "repayment.tasks.forget_old_engagement_events"
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
    )
