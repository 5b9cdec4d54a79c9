"""Random sequences of writes and days passing, each through the code a borrower, staff or
the lender's batch would run: after every step the kept row agrees with the position function,
and the daily refresh, touching only the rows whose ``changes_on`` has come, keeps it so."""

import contextlib
import datetime as dt

import pytest
import time_machine
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from repayment.hardship.disputes import DisputeError, open_dispute, reject, uphold
from repayment.hardship.pauses import PauseError, end_pause, request_pause
from repayment.hardship.promises import PromiseError, make_promise, settle
from repayment.importing.parse import records_from_batch
from repayment.importing.service import import_batch
from repayment.models import DisputeStatus, LoanPosition, PauseStatus, PlanStatus, PromiseStatus
from repayment.plans.accepting import accept
from repayment.plans.keeping_on_track import track
from repayment.plans.options import options_for
from repayment.position_table.checking import differences
from repayment.position_table.keeping import refresh, refresh_due
from repayment.statements.cache import statement_for
from tests.factories import LoanProductFactory
from tests.hypothesis_profiles import scaled
from tests.repayment.plan_fixtures import late_loan, today_in

STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("pay"), st.sampled_from(["30.00", "550.00", "1100.00", "9000.00"])),
        st.tuples(st.just("fee"), st.just("30.00")),
        st.tuples(st.just("dispute"), st.booleans()),
        st.tuples(st.just("answer"), st.booleans()),
        st.tuples(st.just("pause"), st.sampled_from([1, 7, 30])),
        st.tuples(st.just("end_pause"), st.just(0)),
        st.tuples(st.just("promise"), st.sampled_from([0, 5])),
        st.tuples(st.just("settle"), st.just(0)),
        st.tuples(st.just("plan"), st.just(0)),
        st.tuples(st.just("track"), st.just(0)),
        st.tuples(st.just("days"), st.sampled_from([1, 2, 6, 13, 31])),
    ),
    min_size=1,
    max_size=8,
)


class Book:
    def __init__(self, loan):
        self.loan = loan
        self.clock = dt.datetime.now(dt.UTC)
        self.sent = 0

    def today(self):
        return today_in()

    def batch(self, kind, amount):
        self.sent += 1
        entry = {
            "external_id": f"R-{self.loan.pk}-{self.sent}",
            "loan_external_id": self.loan.external_id,
            "kind": kind,
            "effective_date": self.today().isoformat(),
            "amount": amount,
        }
        import_batch(records=records_from_batch(batch={"entries": [entry]}))

    def do(self, action, value):
        loan, today = self.loan, self.today()
        if action == "pay":
            self.batch("payment", value)
        elif action == "fee":
            self.batch("fee", value)
        elif action == "dispute":
            entries = loan.entries.filter(kind="fee" if value else "installment_due")
            entry = entries.order_by("-pk").first()
            if entry is not None:
                with contextlib.suppress(DisputeError):
                    open_dispute(loan=loan, entry=entry, message="This looks wrong")
        elif action == "answer":
            dispute = loan.disputes.filter(status=DisputeStatus.OPEN).first()
            if dispute is not None:
                try:
                    if value:
                        uphold(dispute=dispute, by=None, note="Corrected", today=today)
                    else:
                        reject(dispute=dispute, by=None, note="It stands")
                except DisputeError:
                    pass
        elif action == "pause":
            with contextlib.suppress(PauseError):
                request_pause(loan=loan, reason="illness", days=value, note="", today=today)
        elif action == "end_pause":
            pause = loan.pauses.filter(status=PauseStatus.GRANTED, ends_on__gte=today).first()
            if pause is not None:
                end_pause(pause=pause, by=None, today=today)
        elif action == "promise":
            with contextlib.suppress(PromiseError):
                make_promise(
                    loan=loan,
                    amount="50.00",
                    pay_by=today + dt.timedelta(days=value),
                    today=today,
                )
        elif action == "settle":
            for promise in loan.promises.filter(status=PromiseStatus.OPEN):
                settle(promise, today=today)
        elif action == "plan":
            options = options_for(loan=loan)
            offers = [terms for _, terms in options.offers if terms.kind == "spread"]
            if offers and not loan.plans.filter(status=PlanStatus.ACTIVE).exists():
                accept(
                    loan=loan,
                    terms=offers[0],
                    key=f"{loan.pk:016x}{self.sent:016x}",
                    segment="arrears",
                    today=today,
                )
        elif action == "track":
            for plan in loan.plans.filter(status=PlanStatus.ACTIVE):
                track(plan, today=today)
        elif action == "days":
            self.clock += dt.timedelta(days=value)


@pytest.mark.django_db
@settings(
    max_examples=scaled(20),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=STEPS, late_days=st.sampled_from([0, 3, 45]))
def test_after_every_write_and_every_day_the_row_agrees_with_the_function(steps, late_days):
    loan = late_loan(late_days=late_days, product=LoanProductFactory(servicing_enabled=False))
    refresh([loan.pk])
    book = Book(loan)
    for action, value in steps:
        event(action)
        with time_machine.travel(book.clock, tick=False):
            book.do(action, value)
        with time_machine.travel(book.clock, tick=False):
            if action == "days":
                # What the daily step would do for these days: only the rows it picks.
                refresh_due(now=book.clock)
            assert list(differences([loan.pk], now=book.clock)) == [], (steps, late_days)
            position = statement_for(loan=loan).position
            kept = LoanPosition.objects.get(loan=loan)
            assert kept.days_past_due(position.today) == position.days_past_due
