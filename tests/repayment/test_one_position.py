"""Every surface tells a borrower the same thing: for each borrower state, the home page, the
statement page, the PDF, the API's ``position`` and the console show the same amount due now,
the same next payment and the same next step."""

import datetime as dt
import re
import subprocess
from decimal import Decimal

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import formats, translation
from rest_framework.test import APIClient

from portal.notifications.models import OutboundMessage
from portal.notifications.outbox.planner import plan
from repayment.hardship.pauses import PauseError, request_pause
from repayment.models import Dispute, Pause, PlanInstallment
from repayment.money import format_money
from repayment.statements.cache import statement_for
from tests.factories import EntryFactory, LoanFactory, MilestoneFactory, PlanFactory, UserFactory

pytestmark = pytest.mark.django_db

D = Decimal
NOON_SHANGHAI = dt.datetime(2026, 5, 20, 4, 0, tzinfo=dt.UTC)  # 20 May 2026 in Shanghai


def entry(loan, kind, amount, day):
    return EntryFactory(loan=loan, kind=kind, amount=D(amount), effective_date=day)


def borrowed(paid_months=(2, 3), due_months=(2, 3, 4, 5)):
    loan = LoanFactory(borrower__user=UserFactory())
    MilestoneFactory(product=loan.product, days_past_due=30)
    entry(loan, "disbursement", "6000.00", dt.date(2026, 1, 10))
    for month in due_months:
        entry(loan, "installment_due", "550.00", dt.date(2026, month, 10))
    for month in paid_months:
        entry(loan, "payment", "550.00", dt.date(2026, month, 10))
    return loan


def late():
    """April and May unpaid, and April's late fee charged: 40 days behind."""
    loan = borrowed()
    entry(loan, "fee", "30.00", dt.date(2026, 4, 16))
    return loan


def up_to_date():
    return borrowed(paid_months=(2, 3, 4, 5))


def disputed_fee():
    loan = late()
    Dispute.objects.create(loan=loan, entry=loan.entries.get(kind="fee"), message="Not fair")
    return loan


def with_plan(first_payment: dt.date):
    loan = late()
    plan = PlanFactory(
        loan=loan, total=D("1200.00"), covers_overdue=D("1130.00"), starts_on=dt.date(2026, 5, 15)
    )
    for number in range(3):
        day = dt.date(first_payment.year, first_payment.month + number, first_payment.day)
        PlanInstallment.objects.create(
            plan=plan, number=number + 1, due_date=day, original_due_date=day, amount=D("400.00")
        )
    return loan


def on_plan():
    return with_plan(dt.date(2026, 6, 15))


def plan_behind():
    return with_plan(dt.date(2026, 5, 18))  # two days late, inside the plan's 3 grace days


def paused():
    loan = late()
    Pause.objects.create(
        loan=loan,
        reason="income_drop",
        starts_on=dt.date(2026, 5, 15),
        ends_on=dt.date(2026, 6, 13),
        status="granted",
    )
    return loan


def paid_off():
    loan = borrowed(paid_months=(2, 3, 4, 5), due_months=(2, 3, 4, 5))
    entry(loan, "payment", "3800.00", dt.date(2026, 5, 12))
    return loan


# state: (make, status, amount due now, next payment (amount, date, source), next step date)
STATES = {
    "up to date": (
        up_to_date,
        "up_to_date",
        "0.00",
        ("550.00", dt.date(2026, 6, 10), "contract"),
        dt.date(2026, 6, 16),  # the late fee, if June's payment were missed
    ),
    "late": (late, "late", "1130.00", ("550.00", dt.date(2026, 6, 10), "contract"), None),
    "disputed fee": (
        disputed_fee,
        "late",
        "1100.00",
        ("550.00", dt.date(2026, 6, 10), "contract"),
        None,
    ),
    "on a plan": (
        on_plan,
        "on_plan",
        "0.00",
        ("400.00", dt.date(2026, 6, 15), "plan"),
        dt.date(2026, 6, 19),  # the plan ends if June's plan payment is 4 days late
    ),
    "plan behind": (
        plan_behind,
        "plan_behind",
        "400.00",
        ("400.00", dt.date(2026, 5, 18), "plan"),
        dt.date(2026, 5, 22),
    ),
    "paused": (
        paused,
        "paused",
        "0.00",
        ("1680.00", dt.date(2026, 6, 14), "contract"),  # what is due when the pause ends
        None,
    ),
    "paid off": (paid_off, "paid_off", "0.00", None, None),
}


def money(amount: str) -> str:
    return format_money(D(amount), "CNY", "en")


def day(value: dt.date) -> str:
    with translation.override("en"):
        return formats.date_format(value, "DATE_FORMAT")


def pdf_text(client, loan) -> str:
    pdf = client.get(reverse("loan_statement_pdf", args=[loan.reference])).content
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    return re.sub(r"\s+", " ", text)


def flat(html: str) -> str:
    return re.sub(r"\s+", " ", html)


@time_machine.travel(NOON_SHANGHAI, tick=False)
@pytest.mark.parametrize("state", STATES)
def test_every_surface_shows_the_same_position(state, agent_client):
    make, status, due, next_payment, next_step = STATES[state]
    loan = make()
    position = statement_for(loan=loan).position
    assert position.status == status
    assert position.amount_due == D(due)

    borrower = APIClient()
    borrower.force_authenticate(loan.borrower.user)
    api = borrower.get(f"/api/v1/loans/{loan.reference}/statement/").json()["position"]
    assert api["amount_due_now"] == due
    if next_payment is None:
        assert api["next_payment"] is None
    else:
        amount, when, source = next_payment
        assert api["next_payment"] == {"amount": amount, "date": when.isoformat(), "source": source}
    assert (api["next_step"] or {}).get("date") == (next_step and next_step.isoformat())

    client = Client()
    client.force_login(loan.borrower.user)
    surfaces = {
        "home": flat(client.get(reverse("borrower_home")).content.decode()),
        "statement": flat(client.get(reverse("loan_statement", args=[loan.reference])).text),
        "pdf": pdf_text(client, loan),
        "console": flat(
            agent_client.get(reverse("support:borrower", args=[loan.borrower_id])).text
        ),
    }
    for surface, text in surfaces.items():
        if D(due):
            assert money(due) in text, (surface, "amount due")
        if next_payment is not None:
            amount, when, _source = next_payment
            assert money(amount) in text, (surface, "next payment")
            assert day(when) in text, (surface, "next payment date")
        if next_step is not None and surface != "home":
            assert day(next_step) in text, (surface, "next step")
    if state == "disputed fee":
        for surface in ("statement", "pdf", "console"):
            assert money("30.00") in surfaces[surface], surface
        assert "that you questioned is not included" in surfaces["statement"]
    if state == "late":
        # Every step has been reached: the page says so instead of promising steps below.
        assert "there is no further step" in surfaces["statement"]
    if state == "paid off":
        assert "Paid in full on May 12, 2026" in surfaces["statement"]
        assert "Can&#x27;t pay the full amount?" not in surfaces["statement"]
        assert "Worried about your next payment?" not in surfaces["statement"]


@time_machine.travel(NOON_SHANGHAI, tick=False)
def test_a_dispute_opened_on_a_cached_statement_shows_at_once(client):
    loan = late()
    client.force_login(loan.borrower.user)
    url = reverse("loan_statement", args=[loan.reference])
    assert money("1130.00") in client.get(url).text  # now cached

    Dispute.objects.create(loan=loan, entry=loan.entries.get(kind="fee"), message="Not fair")

    page = flat(client.get(url).text)
    assert money("1130.00") not in page
    assert money("1100.00") in page
    assert "that you questioned is not included" in page


@time_machine.travel(NOON_SHANGHAI, tick=False)
def test_a_pause_moves_the_timeline_past_it():
    without = statement_for(loan=late()).position
    with_pause = statement_for(loan=paused()).position
    bureau = next(step for step in without.steps if step.kind == "lender")
    assert bureau.happened  # 40 days late, the 30-day step has been reached
    # Paused from 15 May: the clock stopped at 34 days, so nothing new happens in the pause.
    assert with_pause.days_past_due == 34
    assert with_pause.amount_due == 0 and with_pause.paused_until == dt.date(2026, 6, 13)


@time_machine.travel(NOON_SHANGHAI, tick=False)
def test_a_paid_off_loan_offers_and_accepts_no_hardship_options():
    loan = paid_off()
    client = Client()
    client.force_login(loan.borrower.user)
    statement = reverse("loan_statement", args=[loan.reference])
    for name in ("loan_help", "loan_pause", "plan_budget"):
        response = client.get(reverse(name, args=[loan.reference]), follow=True)
        assert response.redirect_chain[-1][0] == statement, name
        assert "This loan is paid off: there is nothing to arrange." in response.text
    with pytest.raises(PauseError):
        request_pause(loan=loan, reason="illness", days=10, note="", today=dt.date(2026, 5, 20))
    assert not loan.pauses.exists()

    api = APIClient()
    api.force_authenticate(loan.borrower.user)
    offers = api.get(f"/api/v1/loans/{loan.reference}/offers/").json()
    assert offers["offers"] == [] and offers["can_propose"] is False
    refused = api.post(
        f"/api/v1/loans/{loan.reference}/proposals/",
        {"amount": "100.00", "frequency": "monthly", "start_date": "2026-06-01"},
        format="json",
        HTTP_IDEMPOTENCY_KEY="paid-off-1",
    )
    assert refused.status_code == 409 and refused.json()["code"] == "paid_off"
    assert not loan.proposals.exists()


@time_machine.travel(NOON_SHANGHAI, tick=False)
def test_a_pause_shows_on_the_contact_preferences_and_the_plan_page():
    loan = paused()
    client = Client()
    client.force_login(loan.borrower.user)
    preferences = flat(client.get(reverse("contact_preferences")).text)
    assert f"Payments on loan {loan.reference} are paused until June 13, 2026" in preferences

    on_a_plan = on_plan()
    Pause.objects.create(
        loan=on_a_plan,
        reason="illness",
        starts_on=dt.date(2026, 5, 19),
        ends_on=dt.date(2026, 6, 30),
        status="granted",
    )
    client.force_login(on_a_plan.borrower.user)
    page = flat(client.get(reverse("loan_plan", args=[on_a_plan.reference])).text)
    assert "Payments are paused until June 30, 2026" in page


# The next reminder that names an amount, planned on its day at 10:00 in Shanghai: (the day,
# the event, the amount), or None where none goes (held, or nothing to remind about). (The
# offer of a plan, at 45 days late, names none.)
NEXT_REMINDER = {
    "up to date": (dt.date(2026, 6, 7), "upcoming_due", "550.00"),  # 3 days before 10 June
    "late": (dt.date(2026, 6, 9), "payment_missed", "1130.00"),  # 60 days late
    "disputed fee": None,  # held while the question is open
    "on a plan": (dt.date(2026, 6, 13), "plan_installment_due", "400.00"),  # 2 days before
    # Paused 15 May to 13 June: the days late stop at 35 and reach 60 on 9 July. (No June
    # installment is posted in this ledger, so what is due then is still April's and May's.)
    "paused": (dt.date(2026, 7, 9), "payment_missed", "1130.00"),
    "paid off": None,
}


@pytest.mark.parametrize("state", NEXT_REMINDER)
def test_the_next_reminder_names_the_amount_the_pages_show(state):
    make = STATES[state][0]
    with time_machine.travel(NOON_SHANGHAI, tick=False):
        loan = make()
    expected = NEXT_REMINDER[state]
    # Every day to mid-July, each planned at 10:00 local time.
    day = dt.date(2026, 5, 21)
    while day <= dt.date(2026, 7, 15):
        at = dt.datetime.combine(day, dt.time(2, 0), tzinfo=dt.UTC)
        with time_machine.travel(at, tick=False):
            plan(at)
        day += dt.timedelta(days=1)
    sent = OutboundMessage.objects.filter(
        borrower=loan.borrower,
        channel="in_portal",
        status="sent",
        event__in=["payment_missed", "upcoming_due", "plan_installment_due"],
    )
    if expected is None:
        assert not sent.exists(), [(m.event, m.rule) for m in sent]
        return
    when, event, amount = expected
    first = sent.order_by("send_at").first()
    assert (first.event, first.send_at.date()) == (event, when)
    assert money(amount) in first.body
    # The amount the pages show that day: due now, or the next payment it reminds of.
    with time_machine.travel(first.send_at, tick=False):
        position = statement_for(loan=loan).position
    shown = position.amount_due if event == "payment_missed" else position.next_payment.amount
    assert shown == D(amount)


@time_machine.travel(NOON_SHANGHAI, tick=False)
def test_a_promise_and_a_payment_on_its_way_read_the_same_on_every_surface(agent_client):
    from repayment.hardship.promises import make_promise
    from repayment.paying.reports import report_payment

    loan = late()
    today = dt.date(2026, 5, 20)
    promise = make_promise(loan=loan, amount="300.00", pay_by=dt.date(2026, 5, 25), today=today)
    report = report_payment(loan=loan, amount="200.00", paid_on=dt.date(2026, 5, 19), today=today)
    promised = (
        f"You told us you will pay {money('300.00')} by {day(promise.pay_by)}. We will not "
        f"send payment reminders until {day(promise.hold_until)}."
    )
    reported = f"You told us you paid {money('200.00')} on {day(report.paid_on)}. Thank you."

    client = Client()
    client.force_login(loan.borrower.user)
    surfaces = {
        "home": flat(client.get(reverse("borrower_home")).content.decode()),
        "statement": flat(client.get(reverse("loan_statement", args=[loan.reference])).text),
        "pdf": pdf_text(client, loan),
        "help box": flat(client.get(reverse("answers:ask"), {"q": "when is my next payment"}).text),
        "console statement": flat(
            agent_client.get(
                reverse("support:borrower_statement", args=[loan.borrower_id, loan.reference])
            ).text
        ),
    }
    for surface, text in surfaces.items():
        assert promised in text, (surface, "promise")
        assert reported in text, (surface, "report")

    borrower = APIClient()
    borrower.force_authenticate(loan.borrower.user)
    api = borrower.get(f"/api/v1/loans/{loan.reference}/statement/").json()
    assert api["promise"]["reminders_held_until"] == promise.hold_until.isoformat()
    assert api["payment_report"]["paid_on"] == "2026-05-19"
    listed = borrower.get("/api/v1/loans/").json()
    held = max(promise.hold_until, report.hold_until).isoformat()
    assert [item["reminders_held_until"] for item in listed] == [held]
