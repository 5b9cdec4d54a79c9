"""The borrower's pages for asking for a pause and for questioning an entry."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from portal.support import queue
from repayment.models import Borrower
from tests.repayment.plan_fixtures import url

pytestmark = pytest.mark.django_db


def test_a_pause_request_from_the_page(client, loan):
    response = client.post(url("loan_pause", loan), {"reason": "illness", "days": "20", "note": ""})
    assert response.url == url("loan_help", loan)
    assert loan.pauses.get().status == "granted"
    too_long = client.post(url("loan_pause", loan), {"reason": "illness", "days": "500"})
    assert too_long.status_code == 200 and loan.pauses.count() == 1


def test_a_dispute_from_the_statement(client, loan):
    entry = loan.entries.filter(kind="installment_due").first()
    statement = client.get(url("loan_statement", loan)).content.decode()
    assert f"?entry={entry.pk}" in statement
    response = client.post(
        url("loan_dispute", loan), {"entry": entry.pk, "message": "I paid this at the branch."}
    )
    assert response.url == url("loan_statement", loan)
    assert loan.disputes.get().entry == entry


def test_a_pause_waiting_for_a_person_names_the_day_the_console_must_answer_by(client, loan, agent):
    """Asked early on a Friday in Shanghai (still Thursday in UTC): the borrower is told
    Tuesday, on the page and in the help box, and the console's queue has it due on Tuesday
    morning, Shanghai time (Monday in UTC)."""
    shanghai = ZoneInfo("Asia/Shanghai")
    Borrower.objects.filter(pk=loan.borrower_id).update(time_zone="Asia/Shanghai")
    with time_machine.travel(dt.datetime(2026, 12, 4, 7, 0, tzinfo=shanghai), tick=False):
        client.post(url("loan_pause", loan), {"reason": "illness", "days": "45", "note": ""})
        told = "A person will reply by Dec. 8, 2026."
        assert told in client.get(url("loan_help", loan)).content.decode()
        assert told in client.get(reverse("answers:ask"), {"q": "i can't pay"}).text
        [item] = [i for i in queue.waiting(user=agent) if i.kind == "pause"]

    assert loan.pauses.get().status == "requested"
    assert item.due_at == dt.datetime(2026, 12, 8, 7, 0, tzinfo=shanghai)


def test_a_question_waiting_for_a_person_names_the_day_on_the_help_page(client, loan):
    Borrower.objects.filter(pk=loan.borrower_id).update(time_zone="Asia/Shanghai")
    entry = loan.entries.filter(kind="installment_due").first()
    # Early on Friday in Shanghai, still Thursday in UTC: the day is the borrower's own.
    friday_morning = dt.datetime(2026, 12, 4, 7, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    with time_machine.travel(friday_morning, tick=False):
        client.post(url("loan_dispute", loan), {"entry": entry.pk, "message": "I paid this."})
        page = client.get(url("loan_help", loan)).content.decode()

    assert "A person will reply by Dec. 8, 2026." in page
