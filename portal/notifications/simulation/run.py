"""A synthetic book and a clock: run the planner and the sender over simulated days
(``manage.py simulate_contacts``). See docs/reminders.md."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.test import override_settings

from portal.notifications.addresses import normalise
from portal.notifications.models import ContactPreferences, OutboundMessage, Status, Suppression
from portal.notifications.simulation import maintenance
from repayment.models import (
    Borrower,
    Dispute,
    DisputeStatus,
    EntryKind,
    LedgerEntry,
    Lender,
    Loan,
    LoanProduct,
    Pause,
    PauseReason,
    PauseStatus,
    PaymentReport,
    Promise,
)
from repayment.position_table.keeping import refresh
from repayment.servicing.product_terms import add_periods

ZONES = {
    "US Regulation F": ("America/New_York", "America/Los_Angeles"),
    "China NIFA": ("Asia/Shanghai",),
    "UK FCA": ("Europe/London",),
}
PREFIX = "sim"
AMOUNT = Decimal("250.00")


@dataclass(order=True)
class Happening:
    at: datetime
    what: str = field(compare=False)  # opt_out, dispute_open, dispute_resolve
    ids: tuple = field(compare=False, default=())


@dataclass
class Book:
    seed: int
    start: date
    days: int
    happenings: list[Happening]
    borrowers: int
    loans: int


def _local_hours(rng: random.Random):
    if rng.random() < 0.5:
        return None, None
    return time(rng.choice([7, 8, 9, 10, 12])), time(rng.choice([13, 17, 20, 21, 23]))


def build_book(*, borrowers: int, days: int, start: date, seed: int = 1) -> Book:
    """Write a synthetic book starting ``start``; everything it writes is prefixed ``sim``."""
    rng = random.Random(seed)
    lender = Lender.objects.create(
        name="Simulated lender",
        phone="+1 555 0100",
        debt_advice_name="Free debt advice",
        debt_advice_phone="0800 000 000",
    )
    products = {}
    for number, rules in enumerate(ZONES):
        products[rules] = LoanProduct.objects.create(
            lender=lender,
            code=f"{PREFIX}-{seed}-{number}",
            name=f"Simulated loan ({rules})",
            currency="USD",
            installment_frequency=rng.choice(["monthly", "fortnightly"]),
            annual_interest_rate=Decimal("0"),
            servicing_enabled=False,
            contact_rules=rules,
        )
    people, loans, entries, preferences = [], [], [], []
    for n in range(borrowers):
        rules = rng.choice(list(ZONES))
        people.append(
            Borrower(
                external_id=f"{PREFIX}-{seed}-B{n}",
                full_name=f"Sim Borrower{n}",
                email=f"sim{seed}.{n}@example.com",
                phone=f"+1555{seed:03d}{n:07d}",
                date_of_birth=date(1990, 1, 1),
                preferred_language=rng.choice(["en", "zh-hans"]),
                time_zone=rng.choice(ZONES[rules]),
            )
        )
    Borrower.objects.bulk_create(people, batch_size=2000)
    people = list(Borrower.objects.filter(external_id__startswith=f"{PREFIX}-{seed}-B"))
    for n, borrower in enumerate(people):
        rules = next(r for r, zones in ZONES.items() if borrower.time_zone in zones)
        product = products[rules]
        first = start + timedelta(days=rng.randint(-60, 20))
        loans.append(
            Loan(
                borrower=borrower,
                product=product,
                external_id=f"{PREFIX}-{seed}-L{n}",
                reference=f"SIM-{seed}-{n}",
                principal=AMOUNT * 12,
                disbursed_on=first - timedelta(days=30),
                first_due_date=first,
                installment_count=12,
                installment_amount=AMOUNT,
            )
        )
        if rng.random() < 0.7:
            since, until = _local_hours(rng)
            preferences.append(
                ContactPreferences(
                    borrower=borrower,
                    email_enabled=rng.random() < 0.8,
                    sms_enabled=rng.random() < 0.5,
                    contact_from=since,
                    contact_until=until,
                )
            )
    Loan.objects.bulk_create(loans, batch_size=2000)
    ContactPreferences.objects.bulk_create(preferences, batch_size=2000)
    loans = list(
        Loan.objects.filter(external_id__startswith=f"{PREFIX}-{seed}-L").select_related(
            "product", "borrower"
        )
    )
    horizon = start + timedelta(days=days)
    happenings: list[Happening] = []
    pauses = []
    promises = []
    reports = []
    for loan in loans:
        entries.append(_entry(loan, "d", EntryKind.DISBURSEMENT, loan.disbursed_on, loan.principal))
        habit = rng.random()
        stops_after = rng.randint(0, 6) if habit > 0.85 else 99
        for k in range(loan.installment_count):
            due = add_periods(loan.first_due_date, loan.product.installment_frequency, k)
            if due > horizon:
                break
            entries.append(_entry(loan, f"i{k}", EntryKind.INSTALLMENT_DUE, due, AMOUNT))
            if k >= stops_after:
                continue
            paid_on = due + timedelta(days=0 if habit < 0.6 else rng.randint(0, 40))
            if paid_on <= horizon:
                entries.append(_entry(loan, f"p{k}", EntryKind.PAYMENT, paid_on, AMOUNT))
        moment = _moment(rng, start, days)
        if rng.random() < 0.05:
            happenings.append(Happening(moment, "opt_out", (loan.borrower_id,)))
        if rng.random() < 0.04:
            happenings.append(Happening(moment, "dispute_open", (loan.pk,)))
            if rng.random() < 0.7:
                answer = moment + timedelta(days=rng.randint(3, 20), hours=rng.randint(0, 23))
                happenings.append(Happening(answer, "dispute_resolve", (loan.pk,)))
        if rng.random() < 0.04:
            first_day = moment.date()
            pauses.append(
                Pause(
                    loan=loan,
                    reason=rng.choice([PauseReason.INCOME_DROP, PauseReason.BREATHING_SPACE]),
                    starts_on=first_day,
                    ends_on=first_day + timedelta(days=rng.randint(14, 60)),
                    status=PauseStatus.GRANTED,
                )
            )
        if rng.random() < 0.1:
            # A borrower who said when they will pay: an open promise holds arrears reminders.
            made_on = moment.date()
            pay_by = made_on + timedelta(days=rng.randint(1, 14))
            promises.append(
                Promise(
                    loan=loan,
                    amount=AMOUNT,
                    made_on=made_on,
                    pay_by=pay_by,
                    hold_until=pay_by + timedelta(days=2),
                )
            )
        elif rng.random() < 0.05:
            # A borrower who says they have paid: every payment reminder waits for the money.
            told_on = moment.date()
            reports.append(
                PaymentReport(
                    loan=loan,
                    amount=AMOUNT,
                    paid_on=told_on - timedelta(days=rng.randint(0, 3)),
                    reported_on=told_on,
                    hold_until=told_on + timedelta(days=5),
                )
            )
    LedgerEntry.objects.bulk_create(entries, batch_size=5000)
    Pause.objects.bulk_create(pauses, batch_size=2000)
    Promise.objects.bulk_create(promises, batch_size=2000)
    PaymentReport.objects.bulk_create(reports, batch_size=2000)
    happenings.sort()
    return Book(seed, start, days, happenings, len(people), len(loans))


def _entry(loan, suffix, kind, day, amount):
    return LedgerEntry(
        loan=loan,
        external_id=f"{PREFIX}-{suffix}",
        kind=kind,
        effective_date=day,
        amount=amount,
        source="lender",
    )


def _moment(rng: random.Random, start: date, days: int) -> datetime:
    return datetime.combine(start, time(0), tzinfo=UTC) + timedelta(
        days=rng.randint(0, max(days - 1, 0)), hours=rng.randint(0, 23), minutes=rng.randint(0, 59)
    )


def _apply(happening: Happening, rng: random.Random) -> None:
    at = happening.at
    if happening.what == "opt_out":
        borrower = Borrower.objects.select_related("user").get(pk=happening.ids[0])
        channel = rng.choice(["email", "sms"])
        address = borrower.email if channel == "email" else borrower.phone
        row, _ = Suppression.objects.get_or_create(
            channel=channel,
            address=normalise(channel, address),
            reason=Suppression.Reason.OPTED_OUT,
            defaults={"source": "simulation"},
        )
        Suppression.objects.filter(pk=row.pk).update(created_at=at)
    elif happening.what == "dispute_open":
        loan = Loan.objects.get(pk=happening.ids[0])
        if loan.disputes.filter(status=DisputeStatus.OPEN).exists():
            return
        entry = loan.entries.order_by("effective_date").last()
        dispute = Dispute.objects.create(loan=loan, entry=entry, message="simulated")
        Dispute.objects.filter(pk=dispute.pk).update(created_at=at)
        refresh([loan.pk], now=at)
    elif happening.what == "dispute_resolve":
        Dispute.objects.filter(loan_id=happening.ids[0], status=DisputeStatus.OPEN).update(
            status=DisputeStatus.REJECTED, resolution="simulated", resolved_at=at
        )
        refresh([happening.ids[0]], now=at)


class Provider(BaseEmailBackend):
    """Where the run's e-mail goes: each message is built, as a provider's API or SMTP would
    build it (so a bad header still fails the send), and then dropped. Django's locmem backend
    keeps a deep copy of every message, which a run of 100,000 e-mails pays for in time and
    memory and nothing here reads."""

    def send_messages(self, email_messages):
        for message in email_messages:
            message.message()
        return len(email_messages)


@override_settings(
    EMAIL_BACKEND="portal.notifications.simulation.run.Provider",
    SMS_BACKEND="portal.notifications.channels.sms.LocmemBackend",
    # One worker and no crashes here: claim bigger batches, so the rules are asked less often.
    NOTIFICATIONS_CLAIM_BATCH=200,
)
def run(book: Book, *, plan_every_hours: int = 6, seed: int = 1) -> Counter:
    """Move the clock through the book's days; returns counts of what happened."""
    from portal.notifications.outbox.planner import plan
    from portal.notifications.outbox.sender import send_all_due

    rng = random.Random(seed)
    counts: Counter = Counter()
    pending = list(book.happenings)
    clock = datetime.combine(book.start, time(0), tzinfo=UTC)
    # A server's autovacuum keeps the outbox's statistics fresh beside the run; where it is
    # off, a stand-in does its work (see maintenance).
    stand_in = maintenance.start_if_needed()
    try:
        for _ in range(book.days * 24):
            while pending and pending[0].at <= clock:
                with transaction.atomic():
                    _apply(pending.pop(0), rng)
            if clock.hour % plan_every_hours == 0:
                counts.update(plan(clock))
            send_all_due(now=clock)
            clock += timedelta(hours=1)
    finally:
        if stand_in is not None:
            stand_in.stop()
            counts["maintenance:started"] += 1
            counts.update(f"maintenance:{done.split()[0]}" for done in stand_in.done)
    counts.update(
        f"status:{status}"
        for status in OutboundMessage.objects.filter(
            borrower__external_id__startswith=book_prefix(book)
        ).values_list("status", flat=True)
    )
    return counts


def book_prefix(book: Book) -> str:
    return f"{PREFIX}-{book.seed}-"


def already_built(seed: int) -> bool:
    return Borrower.objects.filter(external_id__startswith=f"{PREFIX}-{seed}-").exists()


def held_back_by_rule(book: Book) -> Counter:
    """The rule recorded on each suppressed message of the book (a message held by quiet
    hours and sent later records the rule that finally let it go)."""
    return Counter(
        OutboundMessage.objects.filter(
            status=Status.SUPPRESSED, borrower__external_id__startswith=book_prefix(book)
        ).values_list("rule", flat=True)
    )
