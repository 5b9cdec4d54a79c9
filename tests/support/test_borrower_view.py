"""The console's borrower page and its "view as borrower" statement."""

import datetime as dt
import itertools
import re
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.audit.models import Record
from portal.notifications.models import ContactAttempt, ContactPreferences, OutboundMessage
from portal.support.models import Note
from repayment.models import (
    Budget,
    Dispute,
    Pause,
    PaymentReport,
    Plan,
    PlanInstallment,
    Proposal,
)
from tests.factories import BorrowerFactory, LoanFactory, UserFactory
from tests.repayment.plan_fixtures import late_loan, today_in

from .staff import signed_in, staff_user

KEYS = itertools.count()


def page_url(borrower):
    return reverse("support:borrower", args=[borrower.pk])


def statement_url(loan):
    return reverse("support:borrower_statement", args=[loan.borrower_id, loan.reference])


def message(borrower, n, *, status="sent", channel="email", loan=None, **fields):
    now = timezone.now()
    return OutboundMessage.objects.create(
        key=f"{borrower.pk}:payment_missed:{loan.pk if loan else ''}:2026-01-01:t{next(KEYS)}"
        f":{channel}",
        borrower=borrower,
        loan=loan,
        event="payment_missed",
        kind="collection",
        channel=channel,
        due_on=now.date(),
        address="b@example.com" if channel == "email" else "",
        language="en",
        subject=f"Reminder {n}",
        body="Your payment is late.",
        rule="allowed",
        reason="Within the weekly limit.",
        send_at=now - dt.timedelta(hours=n),
        sent_at=now - dt.timedelta(hours=n) if status == "sent" else None,
        status=status,
        **fields,
    )


def with_history(loan, *, messages=1, contacts=1, notes=1, author=None):
    borrower = loan.borrower
    for n in range(messages):
        message(borrower, n, loan=loan)
    author = author or staff_user("agent")
    for n in range(contacts):
        ContactAttempt.objects.create(
            borrower=borrower,
            at=timezone.now() - dt.timedelta(days=n),
            channel="call",
            connected=True,
            note=f"Call {n}",
            recorded_by=author,
        )
    for n in range(notes):
        Note.objects.create(borrower=borrower, author=author, text=f"Note {n}")


def with_plan_proposal_pause_dispute(loan):
    today = today_in()
    plan = Plan.objects.create(
        loan=loan,
        kind="spread",
        segment="arrears",
        frequency="monthly",
        total=D("1200.00"),
        covers_overdue=D("1100.00"),
        starts_on=today,
        idempotency_key=f"plan-{loan.pk}",
    )
    for n in range(3):
        PlanInstallment.objects.create(
            plan=plan,
            number=n + 1,
            due_date=today + dt.timedelta(days=30 * (n + 1)),
            original_due_date=today + dt.timedelta(days=30 * (n + 1)),
            amount=D("400.00"),
        )
    budget = Budget.objects.create(
        loan=loan, answers={}, income=1000, spending=600, other_debts=0, available=400
    )
    proposal = Proposal.objects.create(
        loan=loan,
        budget=budget,
        amount=D("150.00"),
        frequency="monthly",
        start_date=today + dt.timedelta(days=10),
        segment="arrears",
        decision="review",
        status="in_review",
    )
    pause = Pause.objects.create(
        loan=loan,
        reason="illness",
        starts_on=today,
        ends_on=today + dt.timedelta(days=30),
        status="requested",
    )
    dispute = Dispute.objects.create(
        loan=loan,
        entry=loan.entries.filter(kind="installment_due").first(),
        message="I paid this at the branch.",
    )
    return plan, proposal, pause, dispute


@pytest.fixture
def loan(db):
    loan = late_loan(paid=2, late_days=20)
    loan.borrower.user = None
    loan.borrower.save()
    return loan


def test_the_page_shows_who_the_borrower_is_and_how_to_reach_them(agent_client, loan):
    borrower = loan.borrower
    borrower.preferred_language = "zh-hans"
    borrower.save()

    html = agent_client.get(page_url(borrower)).content.decode()

    assert borrower.full_name in html
    assert borrower.email in html
    assert borrower.phone in html
    assert "简体中文" in html
    assert "China Standard Time" in html  # the time zone by its name, not Asia/Shanghai
    assert "Asia/Shanghai" not in html
    assert "No login linked yet" in html
    # No saved preferences: the defaults, said to be defaults.
    assert "these are the defaults" in html


def test_saved_contact_preferences_and_a_linked_login_are_shown(agent_client, loan):
    borrower = loan.borrower
    borrower.user = UserFactory(email="login@example.org")
    borrower.save()
    ContactPreferences.objects.create(
        borrower=borrower,
        sms_enabled=True,
        phone="+86 139 0000 1111",
        contact_from=dt.time(9, 0),
        contact_until=dt.time(18, 30),
    )

    html = agent_client.get(page_url(borrower)).content.decode()

    assert "Linked to a login" in html
    assert "login@example.org" in html
    assert "+86 139 0000 1111" in html
    assert "09:00–18:30" in html
    assert "these are the defaults" not in html


def test_the_page_shows_loans_plans_proposals_pauses_and_disputes(agent_client, loan):
    _plan, proposal, pause, dispute = with_plan_proposal_pause_dispute(loan)

    html = agent_client.get(page_url(loan.borrower)).content.decode()

    assert loan.reference in html
    # The plan started today: the loan is on it, and its first payment is what comes next.
    assert "On a repayment plan" in html and "Behind on payments" not in html
    assert "Next plan payment" in html
    assert "Spread the overdue amount" in html
    assert "Paid 0 of 3" in html
    assert reverse("support:proposal", args=[proposal.pk]) in html
    assert "Waiting for staff" in html
    assert reverse("support:pause", args=[pause.pk]) in html
    assert reverse("support:dispute", args=[dispute.pk]) in html
    assert "I paid this at the branch." in html
    assert statement_url(loan) in html


def test_the_page_shows_messages_with_their_outcome_contacts_and_notes(agent_client, loan):
    borrower = loan.borrower
    message(borrower, 1, status="failed", last_error="Mailbox full", loan=loan)
    with_history(loan, messages=0)

    html = agent_client.get(page_url(borrower)).content.decode()

    assert "Payment missed" in html
    assert "Reminder 1" in html
    assert "failed" in html
    assert "Mailbox full" in html
    assert "Within the weekly limit." in html
    assert "Call 0" in html
    assert "Note 0" in html


def test_long_lists_stop_at_the_recent_ones_with_a_page_for_the_rest(agent_client, loan):
    with_history(loan, messages=12, contacts=2, notes=1)
    borrower = loan.borrower

    html = agent_client.get(page_url(borrower)).content.decode()
    more = reverse("support:borrower_history", args=[borrower.pk, "messages"])

    assert "Reminder 9" in html and "Reminder 10" not in html
    assert more in html
    assert reverse("support:borrower_history", args=[borrower.pk, "contacts"]) not in html
    everything = agent_client.get(more).content.decode()
    assert "Reminder 11" in everything
    assert Record.objects.filter(borrower=borrower, action="borrower.messages").exists()


def test_each_view_of_the_page_is_recorded(agent_client, agent, loan):
    agent_client.get(page_url(loan.borrower))
    agent_client.get(page_url(loan.borrower))

    records = Record.objects.filter(borrower=loan.borrower, action="borrower.account")
    assert records.count() == 2
    assert {(r.kind, r.actor_id) for r in records} == {("view", agent.pk)}


def test_queries_do_not_grow_with_loans_messages_or_contacts(agent_client, loan):
    def count():
        with CaptureQueriesContext(connection) as captured:
            assert agent_client.get(page_url(loan.borrower)).status_code == 200
        return len(captured.captured_queries)

    with_plan_proposal_pause_dispute(loan)
    reported(loan)
    with_history(loan, messages=1, contacts=1, notes=1)
    small = count()
    for _ in range(3):
        more = LoanFactory(borrower=loan.borrower, product=loan.product)
        with_plan_proposal_pause_dispute(late_loan_entries(more))
        reported(more, status="not_found")
        reported(more)
    with_history(loan, messages=30, contacts=15, notes=15)
    large = count()

    assert large == small
    assert large <= 30


def reported(loan, *, status="open"):
    today = today_in()
    return PaymentReport.objects.create(
        loan=loan,
        amount=D("90.00"),
        paid_on=today - dt.timedelta(days=2),
        reported_on=today,
        hold_until=today + dt.timedelta(days=5),
        status=status,
    )


def late_loan_entries(loan):
    from tests.factories import EntryFactory

    EntryFactory(loan=loan, kind="disbursement", amount=loan.principal)
    EntryFactory(loan=loan, kind="installment_due", amount=D("550.00"))
    return loan


def test_an_unknown_borrower_is_404(agent_client, db):
    assert agent_client.get(reverse("support:borrower", args=[987654])).status_code == 404


def test_the_page_is_for_console_staff_only(client, loan):
    assert client.get(page_url(loan.borrower)).status_code == 302
    signed_in(client, staff_user("reviewer"))
    assert client.get(page_url(loan.borrower)).status_code == 403
    assert not Record.objects.filter(action="borrower.account").exists()


# The statement as the borrower sees it


def figures(html):
    """The statement's money figures and days, in page order."""
    return re.findall(r"<dd[^>]*>([^<]*(?:¥|CN¥|CNY)[^<]*|\d+)</dd>", html)


@pytest.fixture
def linked_loan(db):
    return late_loan(paid=2, late_days=20)


def test_the_console_statement_shows_what_the_borrower_sees(client, agent, linked_loan):
    loan = linked_loan
    signed_in(client, loan.borrower.user)
    borrowers = client.get(reverse("loan_statement", args=[loan.reference])).content.decode()
    signed_in(client, agent)

    response = client.get(statement_url(loan))
    console = response.content.decode()

    assert response.status_code == 200
    assert figures(console) == figures(borrowers)
    assert len(figures(console)) > 5
    assert "You are seeing what the borrower sees. Nothing can be done from here." in console


def test_the_console_statement_offers_nothing_to_act_on(agent_client, linked_loan):
    loan = linked_loan
    console = agent_client.get(statement_url(loan)).content.decode()

    for name in ("loan_help", "loan_plan", "loan_dispute", "loan_statement_pdf"):
        assert reverse(name, args=[loan.reference]) not in console
    assert "Question this" not in console
    assert "Download PDF statement" not in console
    assert "Can&#x27;t pay the full amount?" not in console


def test_the_borrowers_own_statement_still_offers_its_actions(client, linked_loan):
    signed_in(client, linked_loan.borrower.user)
    own = client.get(reverse("loan_statement", args=[linked_loan.reference])).content.decode()

    assert "Question this" in own
    assert "Download PDF statement" in own
    assert reverse("loan_help", args=[linked_loan.reference]) in own


def test_the_console_statement_pages_through_history(agent_client, linked_loan):
    response = agent_client.get(statement_url(linked_loan), {"since": "2020-01-01", "page": "1"})

    assert response.status_code == 200
    assert response.context["history_page"].number == 1


def test_viewing_the_statement_is_recorded(agent_client, agent, linked_loan):
    agent_client.get(statement_url(linked_loan))

    record = Record.objects.get(action="borrower.statement")
    assert record.borrower_id == linked_loan.borrower_id
    assert record.actor_id == agent.pk
    assert record.object_id == str(linked_loan.pk)


def test_another_borrowers_loan_reference_is_404(agent_client, linked_loan):
    other = BorrowerFactory()
    url = reverse("support:borrower_statement", args=[other.pk, linked_loan.reference])

    assert agent_client.get(url).status_code == 404


def test_the_page_shows_promises_to_pay_and_how_each_went(agent_client, loan):
    from repayment.hardship.promises import make_promise, settle

    today = today_in()
    broken = make_promise(
        loan=loan, amount=D("120.00"), pay_by=today + dt.timedelta(days=1), today=today
    )
    settle(broken, today=broken.hold_until + dt.timedelta(days=1))
    make_promise(loan=loan, amount=D("80.00"), pay_by=today + dt.timedelta(days=4), today=today)

    html = agent_client.get(page_url(loan.borrower)).content.decode()

    assert "Promises to pay" in html
    assert "Not kept" in html and "Open" in html
    assert html.count("reminders held until") == 2


def test_the_page_shows_payments_the_borrower_told_us_about_newest_first(agent_client, loan):
    from repayment.paying.reports import report_payment, settle

    today = today_in()
    missing = report_payment(
        loan=loan,
        amount=D("70.00"),
        paid_on=today - dt.timedelta(days=3),
        today=today,
        how="bank_transfer",
        details="Sent from my credit union",
    )
    settle(missing, today=missing.hold_until + dt.timedelta(days=1))
    report_payment(loan=loan, amount=D("95.00"), paid_on=today - dt.timedelta(days=1), today=today)

    html = agent_client.get(page_url(loan.borrower)).content.decode()
    listed = html[html.index("Payments the borrower told us about") :]

    assert listed.index("95.00") < listed.index("70.00")
    assert "Waiting for the payment" in listed and "Payment not found" in listed
    assert "Sent from my credit union" in listed
    assert "Bank transfer" in listed
    assert "payments found:" in listed
    assert listed.count("reminders held until") == 2


def test_an_open_payment_report_says_reminders_are_on_hold_at_the_top(agent_client, loan):
    from repayment.paying.reports import report_payment

    today = today_in()
    report = report_payment(
        loan=loan, amount=D("95.00"), paid_on=today - dt.timedelta(days=1), today=today
    )

    html = agent_client.get(page_url(loan.borrower)).content.decode()

    assert "Reminders are on hold" in html
    held = html[html.index("Reminders are on hold") :]
    assert "told us they paid" in held
    assert held.index("told us they paid") < held.index("Payments the borrower told us about")
    assert f"{report.hold_until.day}" in held


def test_no_hold_is_shown_once_the_payment_has_arrived_or_not(agent_client, loan):
    reported(loan, status="not_found")

    html = agent_client.get(page_url(loan.borrower)).content.decode()

    assert "Payments the borrower told us about" in html
    assert "Reminders are on hold" not in html


def test_an_open_promise_says_reminders_are_on_hold_at_the_top(agent_client, loan):
    from repayment.hardship.promises import make_promise

    today = today_in()
    make_promise(loan=loan, amount=D("80.00"), pay_by=today + dt.timedelta(days=4), today=today)

    html = agent_client.get(page_url(loan.borrower)).content.decode()

    held = html[html.index("Reminders are on hold") :]
    assert "the borrower promised to pay" in held
    assert held.index("promised to pay") < held.index("Promises to pay")
