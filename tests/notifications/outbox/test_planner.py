"""The planner: one row per due message and channel, each with the rule that decided it."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.notifications.addresses import normalise
from portal.notifications.models import ContactPreferences, OutboundMessage, Status, Suppression
from portal.notifications.outbox import planner
from portal.notifications.outbox.planner import plan
from repayment.models import Dispute, Pause, PauseReason, PauseStatus
from tests.factories import EntryFactory
from tests.repayment.plan_fixtures import late_loan, today_in

pytestmark = pytest.mark.django_db

MORNING_IN_SHANGHAI = dt.datetime(2026, 6, 10, 2, 0, tzinfo=dt.UTC)  # 10:00 local
NIGHT_IN_SHANGHAI = dt.datetime(2026, 6, 10, 15, 0, tzinfo=dt.UTC)  # 23:00 local


@pytest.fixture
def morning():
    with time_machine.travel(MORNING_IN_SHANGHAI, tick=False):
        yield MORNING_IN_SHANGHAI


def rows(loan, **filters):
    return {
        m.channel: m
        for m in OutboundMessage.objects.filter(borrower=loan.borrower, **filters).exclude(
            event="payment_received"
        )
    }


def test_a_late_borrower_gets_one_reminder_on_each_channel_they_chose(morning):
    loan = late_loan(paid=3, late_days=3)
    ContactPreferences.objects.create(
        borrower=loan.borrower, sms_enabled=True, phone="+86 139 1111 2222"
    )
    plan(morning)
    found = rows(loan)
    assert set(found) == {"email", "sms", "in_portal"}
    assert {m.event for m in found.values()} == {"payment_missed"}
    # The message centre has it at once; the sender delivers the e-mail and the text.
    assert {c: m.status for c, m in found.items()} == {
        "email": Status.PLANNED,
        "sms": Status.PLANNED,
        "in_portal": Status.SENT,
    }
    assert {m.rule for m in found.values()} == {"allowed"}
    assert found["sms"].address == "+8613911112222"
    assert loan.reference in found["email"].body
    assert "It is now 3 days late." in found["email"].body
    assert "/en/messages/stop/" in found["email"].body  # the one-click opt-out
    assert "STOP" in found["sms"].body


def test_running_twice_writes_nothing_twice(morning):
    late_loan(paid=3, late_days=3)
    first = plan(morning)
    count = OutboundMessage.objects.count()
    assert sum(first.values()) == count > 0
    assert plan(morning) == {}
    assert OutboundMessage.objects.count() == count


def test_rows_another_planner_wrote_meanwhile_are_skipped_and_the_rest_written(
    morning, monkeypatch
):
    first = late_loan(paid=3, late_days=3)
    plan(morning)
    before = {m.key: (m.status, m.created_at) for m in OutboundMessage.objects.all()}
    second = late_loan(paid=3, late_days=3)
    # As if another planner wrote the first loan's rows after this one looked for them.
    monkeypatch.setattr(planner, "_existing", lambda dues: set())

    plan(morning)

    after = {m.key: (m.status, m.created_at) for m in OutboundMessage.objects.all()}
    assert {k: v for k, v in after.items() if k in before} == before
    new = OutboundMessage.objects.exclude(key__in=before)
    assert {m.borrower_id for m in new} == {second.borrower_id} != {first.borrower_id}
    assert {(m.channel, m.event, m.rule) for m in new} >= {
        ("email", "payment_missed", "allowed"),
        ("in_portal", "payment_missed", "allowed"),
    }
    assert {(m.attempts, m.provider_ref, m.last_error) for m in new} == {(0, "", "")}
    assert all(m.created_at is not None for m in new)


def test_an_open_dispute_holds_reminders_but_not_a_payment_receipt(morning):
    # Three days late on an installment, and a fee questioned: the dispute holds every
    # reminder about the loan, not only the fee's.
    loan = late_loan(paid=3, late_days=3)
    fee = EntryFactory(loan=loan, kind="fee", amount="30.00", effective_date=today_in())
    Dispute.objects.create(loan=loan, entry=fee, message="This fee is wrong")
    EntryFactory(loan=loan, kind="payment", amount="100.00", effective_date=today_in())
    plan(morning)
    held = rows(loan)
    assert {m.status for m in held.values()} == {Status.SUPPRESSED}
    assert {m.rule for m in held.values()} == {"dispute_open"}
    receipts = OutboundMessage.objects.filter(event="payment_received")
    assert {m.channel: m.status for m in receipts} == {
        "email": Status.PLANNED,
        "in_portal": Status.SENT,
    }


def test_a_pause_holds_reminders(morning):
    # Four days late, paused from today: paused days are not days late, so it counts as 3,
    # a reminder day; the pause holds the reminder.
    loan = late_loan(paid=3, late_days=4)
    today = today_in()
    Pause.objects.create(
        loan=loan,
        reason=PauseReason.ILLNESS,
        starts_on=today,
        ends_on=today + dt.timedelta(days=20),
        status=PauseStatus.GRANTED,
    )
    plan(morning)
    assert {m.rule for m in rows(loan).values()} == {"pause_active"}


def test_an_open_promise_to_pay_holds_arrears_reminders_until_its_day_and_grace(morning):
    from repayment.hardship.promises import make_promise

    loan = late_loan(paid=3, late_days=3)
    today = today_in()
    promise = make_promise(
        loan=loan, amount="100.00", pay_by=today + dt.timedelta(days=5), today=today
    )
    plan(morning)
    assert {m.rule for m in rows(loan).values()} == {"promise_open"}
    assert promise.hold_until == today + dt.timedelta(days=7)


def test_after_a_pause_the_reminders_count_only_the_days_that_were_not_paused(morning):
    loan = late_loan(paid=3, late_days=13)
    today = today_in()
    Pause.objects.create(
        loan=loan,
        reason=PauseReason.ILLNESS,
        starts_on=today - dt.timedelta(days=12),
        ends_on=today - dt.timedelta(days=3),
        status=PauseStatus.GRANTED,
    )
    plan(morning)
    # 13 calendar days late, 10 of them paused: 3 days late, the first reminder's day.
    assert {m.rule for m in rows(loan).values()} == {"allowed"}


def test_an_opted_out_address_gets_nothing_but_the_message_centre_still_does(morning):
    loan = late_loan(paid=3, late_days=3)
    # Opt-outs match however the address was written when it opted out.
    Suppression.objects.create(
        channel="email",
        address=normalise("email", loan.borrower.user.email.upper()),
        reason="opted_out",
        source="link",
    )
    plan(morning)
    found = rows(loan)
    assert (found["email"].status, found["email"].rule) == (Status.SUPPRESSED, "opted_out")
    assert (found["in_portal"].status, found["in_portal"].rule) == (Status.SENT, "allowed")


def test_two_loans_due_a_reminder_on_one_day_make_one_reminder_the_other_is_capped(morning):
    first = late_loan(paid=3, late_days=3)
    second = late_loan(paid=3, late_days=17)
    second.borrower_id = first.borrower_id
    second.save()
    plan(morning)
    by_loan = {}
    for m in OutboundMessage.objects.filter(borrower=first.borrower):
        by_loan.setdefault(m.loan_id, set()).add((m.status, m.rule))
    assert len(by_loan) == 2
    outcomes = sorted(by_loan.values(), key=sorted)
    assert {(Status.PLANNED, "allowed"), (Status.SENT, "allowed")} in outcomes
    assert {(Status.SUPPRESSED, "daily_cap")} in outcomes


def test_at_night_the_email_waits_for_the_morning_and_the_message_centre_does_not():
    with time_machine.travel(NIGHT_IN_SHANGHAI, tick=False):
        loan = late_loan(paid=3, late_days=3)
        plan(NIGHT_IN_SHANGHAI)
    found = rows(loan)
    assert found["email"].rule == "quiet_hours"
    assert found["email"].status == Status.PLANNED
    assert found["email"].send_at == dt.datetime(2026, 6, 11, 0, 0, tzinfo=dt.UTC)  # 08:00
    assert found["in_portal"].send_at == NIGHT_IN_SHANGHAI
    assert found["in_portal"].rule == "allowed"


def test_each_time_zone_is_planned_on_its_own_day(morning):
    # 02:00 UTC is 10:00 on 10 June in Shanghai and 19:00 on 9 June in Los Angeles.
    shanghai = late_loan(paid=3, late_days=3)
    los_angeles = late_loan(paid=3, late_days=4)  # by Los Angeles' 9 June, 3 days late
    los_angeles.borrower.time_zone = "America/Los_Angeles"
    los_angeles.borrower.save()
    plan(morning)
    assert {(m.event, m.due_on) for m in rows(shanghai).values()} == {
        ("payment_missed", dt.date(2026, 6, 10))
    }
    assert {(m.event, m.due_on) for m in rows(los_angeles).values()} == {
        ("payment_missed", dt.date(2026, 6, 9))
    }


def test_a_borrower_who_reads_chinese_gets_chinese(morning):
    loan = late_loan(paid=3, late_days=3)
    loan.borrower.preferred_language = "zh-hans"
    loan.borrower.save()
    plan(morning)
    email = rows(loan)["email"]
    assert email.language == "zh-hans"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in email.subject)
    assert "/zh-hans/" in email.body
    assert "晚了 3 天" in email.body
    assert "/zh-hans/messages/stop/" in email.body  # the opt-out page in her language too


def test_the_message_centre_links_by_path_and_the_email_by_the_sites_address(morning, settings):
    settings.SITE_URL = "https://portal.example"
    loan = late_loan(paid=3, late_days=3)
    plan(morning)
    found = rows(loan)
    statement = f"/en/my/loans/{loan.reference}/"
    assert f"https://portal.example{statement}" in found["email"].body
    assert statement in found["in_portal"].body
    assert "https://portal.example" not in found["in_portal"].body


def test_the_planner_asks_the_same_number_of_queries_for_a_bigger_book(morning):
    def queries_for(count):
        OutboundMessage.objects.all().delete()
        for _ in range(count):
            late_loan(paid=3, late_days=3)
        with CaptureQueriesContext(connection) as captured:
            plan(morning)
        return len(captured)

    small = queries_for(2)
    assert queries_for(8) == small


def test_a_large_run_brings_the_outbox_statistics_up_to_date_and_a_small_one_does_not(
    morning, monkeypatch
):
    analysed = []
    monkeypatch.setattr(planner, "_analyze_outbox", lambda: analysed.append(True))
    late_loan(paid=3, late_days=3)
    monkeypatch.setattr(planner, "ANALYZE_AFTER", 10_000)
    assert plan(morning)
    assert analysed == []

    late_loan(paid=3, late_days=3)
    monkeypatch.setattr(planner, "ANALYZE_AFTER", 1)
    assert plan(morning)
    assert analysed == [True]


def test_analysing_the_outbox_asks_postgresql_and_nothing_else(morning):
    with CaptureQueriesContext(connection) as captured:
        planner._analyze_outbox()
    statements = [query["sql"] for query in captured]
    if connection.vendor == "postgresql":
        assert statements == [f'ANALYZE "{OutboundMessage._meta.db_table}"']
    else:
        assert statements == []
