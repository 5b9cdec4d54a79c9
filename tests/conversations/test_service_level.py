"""The answer-by time: the lender's hours, counted on working days in the borrower's zone."""

import datetime as dt
from zoneinfo import ZoneInfo

from portal.conversations.models import ServiceLevel
from portal.conversations.service_level import DEFAULT_HOURS, add_working_hours, hours_for
from portal.conversations.threads import NewThread, start_thread

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_hours_on_a_weekday_run_straight_through():
    tuesday = dt.datetime(2026, 12, 1, 9, 0, tzinfo=SHANGHAI)
    assert add_working_hours(tuesday, 48, time_zone="Asia/Shanghai") == dt.datetime(
        2026, 12, 3, 9, 0, tzinfo=SHANGHAI
    )


def test_the_weekend_does_not_count():
    friday_evening = dt.datetime(2026, 12, 4, 18, 0, tzinfo=SHANGHAI)
    due = add_working_hours(friday_evening, 48, time_zone="Asia/Shanghai")
    assert due == dt.datetime(2026, 12, 8, 18, 0, tzinfo=SHANGHAI)  # Tuesday


def test_a_message_on_sunday_counts_from_monday():
    sunday = dt.datetime(2026, 12, 6, 15, 0, tzinfo=SHANGHAI)
    due = add_working_hours(sunday, 16, time_zone="Asia/Shanghai")
    assert due == dt.datetime(2026, 12, 7, 16, 0, tzinfo=SHANGHAI)


def test_the_lenders_own_service_level_sets_the_answer_by_time(loan):
    lender = loan.product.lender
    assert hours_for(lender=lender) == DEFAULT_HOURS
    ServiceLevel.objects.create(lender=lender, answer_within_hours=8)
    written = dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.UTC)  # a Tuesday
    thread = start_thread(
        borrower=loan.borrower,
        new=NewThread(about="loan", subject="s", text="t", loan=loan),
        now=written,
    )
    assert thread.answer_by == written + dt.timedelta(hours=8)
