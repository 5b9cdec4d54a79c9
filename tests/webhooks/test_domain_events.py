"""What the borrower does in the portal reaches the lender's system, signed, in order."""

import time

import pytest

from portal.webhooks.models import WebhookEndpoint
from portal.webhooks.signing import verify
from portal.webhooks.tasks import deliver_lender_events
from repayment.hardship.disputes import open_dispute
from repayment.hardship.pauses import request_pause
from repayment.models import LenderEvent
from repayment.plans.accepting import accept
from repayment.plans.options import options_for
from tests.repayment.plan_fixtures import late_loan, today_in

pytestmark = pytest.mark.django_db


def test_a_plan_a_pause_and_a_dispute_arrive_signed_and_in_order(receiver):
    loan = late_loan()
    endpoint = WebhookEndpoint.objects.create(lender=loan.product.lender, url=receiver.url())
    options = options_for(loan=loan)
    _code, terms = options.offers[0]
    plan, _ = accept(
        loan=loan, terms=terms, key="k" * 32, segment="arrears", today=options.statement.today
    )
    request_pause(loan=loan, reason="illness", days=14, note="", today=today_in())
    entry = loan.entries.filter(kind="installment_due").first()
    open_dispute(loan=loan, entry=entry, message="I paid this at the branch.")

    assert deliver_lender_events() == {"delivered": 3}

    topics = [r.headers["Portal-Event"] for r in receiver.requests]
    assert topics == ["plan.accepted", "pause.granted", "dispute.opened"]
    for request in receiver.requests:
        verify(endpoint.secret, request.headers["Portal-Signature"], request.body, time.time())
        assert request.json["data"]["loan"] == loan.external_id
        assert request.json["id"] == request.headers["Portal-Event-Id"]
    accepted = receiver.requests[0].json["data"]
    assert accepted["plan"] == plan.pk and accepted["total"] == str(plan.total)
    assert receiver.requests[2].json["data"]["entry"] == entry.external_id
    assert set(LenderEvent.objects.values_list("status", flat=True)) == {"delivered"}


def test_a_promise_made_and_not_kept_reaches_the_lender(receiver):
    import datetime as dt

    from repayment.hardship.promises import make_promise, settle

    loan = late_loan()
    WebhookEndpoint.objects.create(lender=loan.product.lender, url=receiver.url())
    today = today_in()
    promise = make_promise(
        loan=loan, amount="300.00", pay_by=today + dt.timedelta(days=3), today=today
    )
    settle(promise, today=promise.hold_until + dt.timedelta(days=1))

    assert deliver_lender_events() == {"delivered": 2}

    topics = [r.headers["Portal-Event"] for r in receiver.requests]
    assert topics == ["promise.made", "promise.broken"]
    made, broken = (r.json["data"] for r in receiver.requests)
    assert (made["promise"], made["amount"], made["pay_by"]) == (
        promise.pk,
        "300.00",
        promise.pay_by.isoformat(),
    )
    assert (broken["outcome"], broken["paid"]) == ("broken", "0.00")


def test_a_payment_told_of_and_then_found_reaches_the_lender(receiver):
    import datetime as dt

    from repayment.paying.reports import report_payment, settle
    from tests.repayment.plan_fixtures import pay

    loan = late_loan()
    WebhookEndpoint.objects.create(lender=loan.product.lender, url=receiver.url())
    today = today_in()
    yesterday = today - dt.timedelta(days=1)
    report = report_payment(loan=loan, amount="550.00", paid_on=yesterday, today=today, how="cash")
    pay(loan, "550.00", day=yesterday)
    settle(report, today=today)

    assert deliver_lender_events() == {"delivered": 2}

    topics = [r.headers["Portal-Event"] for r in receiver.requests]
    assert topics == ["payment.reported", "payment.report_arrived"]
    told, arrived = (r.json["data"] for r in receiver.requests)
    assert (told["report"], told["amount"], told["paid_on"], told["how"]) == (
        report.pk,
        "550.00",
        yesterday.isoformat(),
        "cash",
    )
    assert told["reminders_held_until"] == report.hold_until.isoformat()
    assert (arrived["found"], arrived["reference"]) == ("550.00", loan.reference)
