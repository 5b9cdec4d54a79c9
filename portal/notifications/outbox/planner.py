"""The reminder planner: who is due a message, what the rules say, one outbox row each.
See docs/reminders.md."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import ngettext

from education.debt_advice import load_book
from portal.core.bulk import insert_rows
from portal.notifications.channels.links import on_this_site, opt_out_url, page_url
from portal.notifications.contact_rules.presets import profile_for
from portal.notifications.contact_rules.rules import Channel, Contact, Kind, Message, Rule, decide
from portal.notifications.contact_rules.situations import (
    Holds,
    LoanFacts,
    load_contacts,
    load_holds,
    load_loans,
    load_people,
    situation,
)
from portal.notifications.message_texts.how_to_pay import PAY_EVENTS, PayDetails
from portal.notifications.models import EVENT_KIND, Event, OutboundMessage, Status
from portal.notifications.outbox import keys
from portal.notifications.outbox.selection import (
    Due,
    missed,
    payments_received,
    plan_installments,
    upcoming,
)
from repayment.debt_advice import advice_for
from repayment.events import LoanEvent
from repayment.models import Borrower, Loan
from repayment.money import format_money
from repayment.paying.methods import MethodBook, shown_methods
from repayment.paying.reference import payment_reference
from repayment.position_table.keeping import refresh_due

# The channels the planner writes rows for (calls are made by people, not planned).
SEND_AT = time(10, 0)  # the local time reminders aim for; the rules move them into hours


def _logical_key(due: Due) -> str:
    return keys.logical(
        borrower_id=due.borrower_id,
        event=due.event,
        loan_id=due.loan_id,
        due_on=due.due_on,
        tag=due.tag,
    )


def plan(now: datetime | None = None) -> Counter:
    """Plan every message due today in each borrower's time zone."""
    now = now or timezone.now()
    # The selections read the kept positions: first, those the date alone has moved since
    # (a zone's midnight passed since the last refresh; nothing, when the daily step has run).
    refresh_due(now=now)
    zones = (
        Borrower.objects.filter(loans__isnull=False)
        .order_by("time_zone")
        .values_list("time_zone", flat=True)
        .distinct()
    )
    # The zones where it is the same day ask together: a handful of zones fall on one or two
    # local days at any moment, so the selection runs once or twice rather than once a zone.
    zones_on: dict[date, list[str]] = defaultdict(list)
    for zone in zones:
        zones_on[now.astimezone(ZoneInfo(zone)).date()].append(zone)
    dues: list[Due] = []
    for today, same_day in zones_on.items():
        dues += [
            *missed(time_zones=same_day, today=today),
            *upcoming(time_zones=same_day, today=today),
            *plan_installments(time_zones=same_day, today=today),
            *payments_received(time_zones=same_day, today=today, now=now),
        ]
    # One write for every zone: a borrower lives in one zone, so nothing one zone's messages
    # decide depends on another's, and the rules' view of the borrowers is loaded once a run.
    counts = write(dues, now=now)
    if sum(n for key, n in counts.items() if key.startswith("planned")) >= ANALYZE_AFTER:
        _analyze_outbox()
    return counts


# Rows planned in one run after which the outbox's statistics are brought up to date at once:
# with the old ones, the sender's claim sorted every due row on disk (108 ms a claim at a
# million loans) instead of reading them from its index (4 ms), until autovacuum came round.
ANALYZE_AFTER = 10_000


def _analyze_outbox() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # The table's name comes from the model, quoted; ANALYZE takes no parameters.
            cursor.execute(f"ANALYZE {connection.ops.quote_name(OutboundMessage._meta.db_table)}")


def notify(*, loan: Loan, event: Event, facts: dict | None = None, tag: str = "") -> Counter:
    """Tell the borrower about something that just happened to their loan, through their
    channels and the contact rules. Written in the caller's transaction, so the message
    exists exactly when the change does; the sender delivers it within a minute."""
    now = timezone.now()
    today = now.astimezone(ZoneInfo(loan.borrower.time_zone)).date()
    due = Due(
        borrower_id=loan.borrower_id,
        loan_id=loan.pk,
        event=Event(event),
        due_on=today,
        facts=facts or {},
        tag=tag,
    )
    return write([due], now=now)


def on_loan_event(happened: LoanEvent) -> None:
    """Message the borrower about something ``repayment`` announces. ``about`` names the thing
    it concerns ("plan12"), so that two plans ended on one day are two messages; a ``page``
    named by the event is the message's ``link``."""
    loan = happened.loan
    facts = happened.facts
    if happened.page:
        name, *arguments = happened.page
        link = page_url(name, loan.reference, *arguments, language=loan.borrower.preferred_language)
        facts = {**facts, "link": link}
    notify(loan=loan, event=happened.event, facts=facts, tag=happened.about)


def _send_at(due: Due, channel: Channel, zone: ZoneInfo, now: datetime) -> datetime:
    """Confirmations and message-centre entries go now; reminders that reach out aim for the
    morning of their day, or now if that is later."""
    if EVENT_KIND[due.event] == Kind.SERVICE or channel == Channel.IN_PORTAL:
        return now
    aimed = datetime.combine(due.due_on, SEND_AT, tzinfo=zone)
    return max(now, aimed)


def _context(due: Due, loan: LoanFacts, language: str, formatted: dict) -> dict[str, str]:
    """The text's placeholders, formatted the way the borrower's language writes them.
    ``formatted`` remembers each value's words for one run: most messages of a day share
    their amounts and dates, and formatting one switches language."""
    currency = loan.product.currency
    page = "loan_plan" if due.event in PLAN_PAGE_EVENTS else "loan_statement"
    context = {
        "name": loan.first_name,
        "lender": loan.product.lender.name,
        "reference": loan.reference,
        "link": page_url(page, loan.reference, language=language),
        "help_link": page_url("loan_help", loan.reference, language=language),
    }
    for name, value in due.facts.items():
        # repr, not the value: Decimal("5") == Decimal("5.00"), but str() tells them apart.
        key = (name, repr(value), currency, language)
        words = formatted.get(key)
        if words is None:
            words = formatted[key] = _format(name, value, currency, language)
        context[name] = words
    return context


def _format(name: str, value: object, currency: str, language: str) -> str:
    with translation.override(language):
        if isinstance(value, date):
            return date_format(value, "DATE_FORMAT")
        if name == "amount":
            return format_money(value, currency, language)
        if name == "days_late":
            return ngettext("%(count)d day", "%(count)d days", value) % {"count": value}
        return str(value)


def _pay_details(due: Due, loan: LoanFacts, language: str, book: MethodBook) -> PayDetails | None:
    """How to pay, for a message that asks for a payment: the amount it names goes into the
    lender's payment page address."""
    if due.event not in PAY_EVENTS:
        return None
    reference = payment_reference(loan.reference)
    methods = book.methods_for(product_id=loan.product.pk, lender_id=loan.product.lender_id)
    amount = due.facts.get("amount")
    return PayDetails(
        reference=reference,
        methods=tuple(
            shown_methods(
                methods,
                language=language,
                reference=reference,
                amount=amount if isinstance(amount, Decimal) else None,
            )
        ),
        page=page_url("loan_pay", loan.reference, language=language),
    )


LINKS = ("link", "help_link")


def _links_by_path(context: dict[str, str]) -> dict[str, str]:
    """The message centre is read on the site: its links are paths, not ``SITE_URL``'s."""
    return {
        name: on_this_site(value) if name in LINKS else value for name, value in context.items()
    }


PLAN_PAGE_EVENTS = frozenset(
    {Event.PLAN_INSTALLMENT_DUE, Event.PLAN_ACCEPTED, Event.PLAN_COMPLETED}
)


def _existing(dues: list[Due]) -> set[str]:
    """Logical keys already in the outbox for these dues, looked up by key so the unique
    index answers it. Every message is written with its message-centre row (in-portal is
    always on, and a message's rows are inserted together), so that row's key stands for the
    message: a third of the lookups of asking for every channel."""
    if not dues:
        return set()
    wanted = [keys.build(_logical_key(due), Channel.IN_PORTAL) for due in dues]
    found = OutboundMessage.objects.filter(key__any=wanted).values_list("key", flat=True)
    return {keys.logical_key(key) for key in found}


def _status(channel: Channel, decision, planned: bool, at: datetime, now: datetime) -> Status:
    """A message-centre entry the rules allow now is delivered by being written: it is only a
    row the borrower reads, so there is nothing for the sender to do and nothing to wait for."""
    if not planned:
        return Status.SUPPRESSED
    if channel == Channel.IN_PORTAL and decision.allowed and at <= now:
        return Status.SENT
    return Status.PLANNED


def _order(due: Due) -> tuple:
    # Confirmations first (they never use up a cap), then the oldest arrears, then the rest.
    kind = EVENT_KIND[due.event]
    return (due.borrower_id, kind != Kind.SERVICE, kind != Kind.COLLECTION, due.loan_id)


def write(dues: Iterable[Due], *, now: datetime) -> Counter:
    """One row per due message and channel, each with the rules' decision."""
    from portal.notifications.message_texts.compose import load_texts

    dues = list(dues)
    existing = _existing(dues)
    dues = [d for d in dues if _logical_key(d) not in existing]
    counts: Counter = Counter()
    if not dues:
        return counts
    loans = load_loans({d.loan_id for d in dues})
    people = load_people({d.borrower_id for d in dues})
    holds = load_holds(loans, around=now.date())
    contacts = load_contacts(people, now=now)
    texts = load_texts()
    # Every country's free help, read once for the run: the signpost each message carries.
    help_book = load_book()
    method_book = MethodBook()
    formatted: dict = {}
    rows = []
    for due in sorted(dues, key=_order):
        loan, person = loans[due.loan_id], people[due.borrower_id]
        zone = ZoneInfo(person.time_zone)
        kind = EVENT_KIND[due.event]
        logical = _logical_key(due)
        profile = profile_for(loan.product)
        context = _context(due, loan, person.language, formatted)
        advice = advice_for(product=loan.product, language=person.language, book=help_book)
        pay = _pay_details(due, loan, person.language, method_book)
        first_planned = None
        for channel, address in person.addresses.items():
            send_at = _send_at(due, channel, zone, now)
            facts = situation(
                person,
                holds.get(due.loan_id, Holds()),
                contacts,
                logical=logical,
                local_day=send_at.astimezone(zone).date(),
            )
            rendered = texts.render(
                event=due.event,
                channel=channel,
                language=person.language,
                context=_links_by_path(context) if channel == Channel.IN_PORTAL else context,
                lender=advice,
                opt_out_url=(
                    opt_out_url(channel, address, language=person.language)
                    if channel == Channel.EMAIL
                    else ""
                ),
                pay=pay
                if pay is None or channel != Channel.IN_PORTAL
                else replace(pay, page=on_this_site(pay.page)),
            )
            message = Message(
                borrower_id=due.borrower_id,
                channel=channel,
                kind=kind,
                send_at=send_at,
                includes_opt_out=rendered.includes_opt_out,
                signposts_debt_advice=rendered.signposts_debt_advice,
            )
            decision = decide(message, facts, profile)
            waits = decision.rule == Rule.QUIET_HOURS and decision.next_allowed_at is not None
            planned = decision.allowed or waits
            at = decision.next_allowed_at if waits else send_at
            if planned and (first_planned is None or at < first_planned[0]):
                first_planned = (at, channel)
            counts[f"{'planned' if planned else 'suppressed'}:{decision.rule}"] += 1
            status = _status(channel, decision, planned, at, now)
            rows.append(
                (
                    keys.build(logical, channel),
                    due.borrower_id,
                    due.loan_id,
                    str(due.event),
                    str(kind),
                    str(channel),
                    due.due_on,
                    address,
                    person.language,
                    rendered.subject[:200],
                    rendered.body,
                    str(decision.rule),
                    decision.reason[:400],
                    decision.citation[:400],
                    at,
                    str(status),
                    now if status == Status.SENT else None,
                )
            )
        if first_planned is not None:
            at, channel = first_planned
            contacts.add(due.borrower_id, logical, Contact(at=at, channel=channel, kind=kind))
    _insert(rows)
    return counts


# What the planner writes; the other columns get the model's defaults.
COLUMNS = (
    "key",
    "borrower_id",
    "loan_id",
    "event",
    "kind",
    "channel",
    "due_on",
    "address",
    "language",
    "subject",
    "body",
    "rule",
    "reason",
    "citation",
    "send_at",
    "status",
    "sent_at",
)


def _insert(rows: list[tuple]) -> None:
    """Every row of a run in one statement: on PostgreSQL a COPY, because bulk_create's model
    instance and bound parameter per value took about a fifth of the planner's writing time.
    A key another planner wrote after ``_existing`` looked is skipped (``ignore_conflicts``):
    the unique key stays the guard against writing a message twice."""
    with transaction.atomic():
        insert_rows(OutboundMessage, COLUMNS, rows, ignore_conflicts=True)
