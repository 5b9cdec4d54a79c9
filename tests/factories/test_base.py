"""A factory makes its row with the ``auto_now_add`` time it is given, in the INSERT."""

import datetime as dt

import pytest
from django.utils import timezone

from repayment.models import LedgerEntry, Plan, Proposal
from tests.factories import EntryFactory, PlanFactory, ProposalFactory

pytestmark = pytest.mark.django_db

LAST_WEEK = dt.datetime(2026, 5, 8, 9, 30, tzinfo=dt.UTC)


def test_a_given_created_at_is_the_rows():
    proposal = ProposalFactory(created_at=LAST_WEEK)

    assert Proposal.objects.get(pk=proposal.pk).created_at == LAST_WEEK == proposal.created_at


def test_an_append_only_entry_takes_its_recorded_at_without_an_update():
    entry = EntryFactory(recorded_at=LAST_WEEK)

    assert LedgerEntry.objects.get(pk=entry.pk).recorded_at == LAST_WEEK


def test_without_a_time_the_row_is_stamped_when_made_as_before():
    PlanFactory(accepted_at=LAST_WEEK)
    before = timezone.now()

    plan = PlanFactory()

    assert Plan.objects.get(pk=plan.pk).accepted_at >= before
