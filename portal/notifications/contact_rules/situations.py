"""What the contact rules need to know, loaded in bulk: a handful of queries whatever the number
of borrowers. How contacts are counted: docs/contact-rules.md."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from portal.notifications.addresses import addresses_for
from portal.notifications.contact_rules.presets import US_REG_F, profile_for
from portal.notifications.contact_rules.rules import (
    Channel,
    Contact,
    ContactSituation,
    Decision,
    Kind,
    Message,
    Window,
    decide,
)
from portal.notifications.models import (
    ContactAttempt,
    ContactPreferences,
    OutboundMessage,
    Status,
    Suppression,
)
from portal.notifications.outbox.keys import logical_key
from repayment.models import (
    Dispute,
    DisputeStatus,
    Loan,
    LoanProduct,
    Pause,
    PauseReason,
    PauseStatus,
    PaymentReport,
    PaymentReportStatus,
    Plan,
    PlanStatus,
    Promise,
    PromiseStatus,
)

# Rows that reached, or are on their way to, the borrower: these count towards the caps.
COUNTED = (Status.PLANNED, Status.SENDING, Status.SENT, Status.UNCERTAIN)
LOOKBACK = timedelta(days=8)  # a week of local days, whatever the borrower's time zone


@dataclass(frozen=True, slots=True)
class Person:
    """A borrower as the planner needs them, loaded once per run."""

    borrower_id: int
    time_zone: str
    language: str
    addresses: Mapping[Channel, str]
    window: Window | None
    opted_out: frozenset[Channel]
    bounced: frozenset[Channel]


@dataclass(frozen=True, slots=True)
class LoanFacts:
    """A loan as the planner's texts and the rules need it."""

    reference: str
    first_name: str
    product: LoanProduct  # with its lender


def load_loans(loan_ids: Iterable[int]) -> dict[int, LoanFacts]:
    """Each loan's reference, borrower's first name and product. A run has thousands of loans
    and a handful of products: each product and lender is read once, not once per loan."""
    rows = list(
        Loan.objects.filter(pk__any=set(loan_ids)).values_list(
            "pk", "reference", "borrower__full_name", "product_id"
        )
    )
    products = LoanProduct.objects.select_related("lender").in_bulk({row[3] for row in rows})
    return {
        pk: LoanFacts(reference, (name.split() or [""])[0], products[product_id])
        for pk, reference, name, product_id in rows
    }


@dataclass(frozen=True, slots=True)
class Holds:
    """What stops or changes reminders about one loan."""

    dispute_open: bool = False
    plan_active: bool = False
    pauses: tuple[tuple[date, date, bool], ...] = ()  # (from, until, breathing space)
    # The last day an open promise to pay holds arrears reminders: its date plus grace days.
    promise_until: date | None = None

    # The last day reminders wait for a payment the borrower says they made.
    reported_until: date | None = None

    def reported_on(self, day: date) -> bool:
        return self.reported_until is not None and day <= self.reported_until

    def promise_on(self, day: date) -> bool:
        return self.promise_until is not None and day <= self.promise_until

    def pause_on(self, day: date) -> bool:
        return any(start <= day <= end for start, end, _ in self.pauses)

    def breathing_space_on(self, day: date) -> bool:
        return any(start <= day <= end for start, end, statutory in self.pauses if statutory)


@dataclass
class Contacts:
    """Recent contacts per borrower, as (logical key, contact), which a run extends as it
    plans so that two messages planned in one run count against each other."""

    by_borrower: dict[int, list[tuple[str, Contact]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def add(self, borrower_id: int, logical: str, contact: Contact) -> None:
        known = self.by_borrower[borrower_id]
        if all(key != logical for key, _ in known):
            known.append((logical, contact))

    def of(self, borrower_id: int, *, excluding: str) -> tuple[Contact, ...]:
        return tuple(c for key, c in self.by_borrower.get(borrower_id, ()) if key != excluding)


def _window(preferences: ContactPreferences) -> Window | None:
    """The borrower's own hours; an empty edge is the legal window's (the rules intersect
    the two, so the whole day stands in for it)."""
    if not (preferences.contact_from or preferences.contact_until):
        return None
    start = preferences.contact_from or time.min
    end = preferences.contact_until or time.max
    return Window(start, end) if start < end else None


def load_people(borrower_ids: Iterable[int]) -> dict[int, Person]:
    from repayment.models import Borrower

    borrowers = list(
        Borrower.objects.filter(pk__any=set(borrower_ids)).select_related(
            "user", "contact_preferences"
        )
    )
    found: dict[int, tuple] = {}
    for borrower in borrowers:
        preferences = getattr(borrower, "contact_preferences", None) or ContactPreferences()
        found[borrower.pk] = (borrower, preferences, addresses_for(borrower, preferences))
    wanted = {
        (channel, address)
        for _, _, addresses in found.values()
        for channel, address in addresses.items()
        if address
    }
    suppressed = _suppressed(wanted)
    people = {}
    for pk, (borrower, preferences, addresses) in found.items():
        reasons = {
            channel: suppressed.get((channel, address), set())
            for channel, address in addresses.items()
        }
        people[pk] = Person(
            borrower_id=pk,
            time_zone=borrower.time_zone,
            language=borrower.preferred_language,
            addresses=addresses,
            window=_window(preferences),
            opted_out=frozenset(c for c, r in reasons.items() if Suppression.Reason.OPTED_OUT in r),
            bounced=frozenset(c for c, r in reasons.items() if Suppression.Reason.BOUNCED in r),
        )
    return people


def load_holds(loan_ids: Iterable[int], *, around: date) -> dict[int, Holds]:
    """Holds per loan for local days within a couple of days of ``around`` (time zones put
    a borrower's today a day either side of the server's)."""
    ids = set(loan_ids)
    disputes = set(
        Dispute.objects.filter(loan_id__any=ids, status=DisputeStatus.OPEN).values_list(
            "loan_id", flat=True
        )
    )
    plans = set(
        Plan.objects.filter(loan_id__any=ids, status=PlanStatus.ACTIVE).values_list(
            "loan_id", flat=True
        )
    )
    pauses: dict[int, list] = defaultdict(list)
    rows = Pause.objects.filter(
        loan_id__any=ids,
        status=PauseStatus.GRANTED,
        starts_on__lte=around + timedelta(days=2),
        ends_on__gte=around - timedelta(days=2),
    ).values_list("loan_id", "starts_on", "ends_on", "reason")
    for loan_id, start, end, reason in rows:
        pauses[loan_id].append((start, end, reason == PauseReason.BREATHING_SPACE))
    promises = dict(
        Promise.objects.filter(loan_id__any=ids, status=PromiseStatus.OPEN).values_list(
            "loan_id", "hold_until"
        )
    )
    reports = dict(
        PaymentReport.objects.filter(loan_id__any=ids, status=PaymentReportStatus.OPEN).values_list(
            "loan_id", "hold_until"
        )
    )
    return {
        loan_id: Holds(
            dispute_open=loan_id in disputes,
            plan_active=loan_id in plans,
            pauses=tuple(pauses.get(loan_id, ())),
            promise_until=promises.get(loan_id),
            reported_until=reports.get(loan_id),
        )
        for loan_id in ids
    }


def load_contacts(borrower_ids: Iterable[int], *, now: datetime) -> Contacts:
    """Messages counted as contacts (one per logical message, at its send or sent time) and
    contacts people recorded, from the last week and anything already planned ahead."""
    ids = set(borrower_ids)
    since = now - LOOKBACK
    contacts = Contacts()
    seen: set[str] = set()
    # The sender sets a row's send time to the moment it claims it, and a row is sent within
    # moments of that, so the send time finds every row sent in the week, through the
    # (borrower, send_at) index; the day's margin is for rows still being sent.
    rows = (
        OutboundMessage.objects.filter(
            borrower_id__any=ids, status__in=COUNTED, send_at__gte=since - timedelta(days=1)
        )
        .order_by("send_at")
        .values_list("borrower_id", "key", "kind", "channel", "send_at", "sent_at")
    )
    for borrower_id, key, kind, channel, send_at, sent_at in rows:
        logical = logical_key(key)
        if logical in seen:
            continue
        seen.add(logical)
        contacts.add(
            borrower_id,
            logical,
            Contact(at=sent_at or send_at, channel=Channel(channel), kind=Kind(kind)),
        )
    attempts = ContactAttempt.objects.filter(borrower_id__any=ids, at__gte=since).values_list(
        "borrower_id", "pk", "at", "channel", "kind", "connected", "conversation"
    )
    for borrower_id, pk, at, channel, kind, connected, conversation in attempts:
        contacts.add(
            borrower_id,
            f"attempt:{pk}",
            Contact(
                at=at,
                channel=Channel(channel),
                kind=Kind(kind),
                connected=connected,
                conversation=conversation,
            ),
        )
    return contacts


def situation(
    person: Person, holds: Holds, contacts: Contacts, *, logical: str, local_day: date
) -> ContactSituation:
    return ContactSituation(
        time_zone=person.time_zone,
        borrower_window=person.window,
        opted_out=person.opted_out,
        bounced=person.bounced,
        dispute_open=holds.dispute_open,
        pause_active=holds.pause_on(local_day),
        breathing_space_active=holds.breathing_space_on(local_day),
        plan_in_good_standing=holds.plan_active,
        promise_open=holds.promise_on(local_day),
        payment_reported=holds.reported_on(local_day),
        recent_contacts=contacts.of(person.borrower_id, excluding=logical),
    )


def _suppressed(pairs: set[tuple[str, str]]) -> dict[tuple[str, str], set[str]]:
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    if pairs:
        rows = Suppression.objects.filter(
            address__any={address for _, address in pairs}
        ).values_list("channel", "address", "reason")
        for channel, address, reason in rows:
            found[(channel, address)].add(reason)
    return found


def _as_addressed(person: Person, row: OutboundMessage, suppressed) -> Person:
    """The borrower as seen by a row planned earlier: the row goes to the address it was
    planned for, so that address's opt-out or bounce counts; and a channel switched off since
    counts as opted out."""
    if row.channel == Channel.IN_PORTAL:
        return person
    channel = Channel(row.channel)
    reasons = suppressed.get((row.channel, row.address), set())
    opted_out = set(person.opted_out) - {channel}
    bounced = set(person.bounced) - {channel}
    if Suppression.Reason.OPTED_OUT in reasons or channel not in person.addresses:
        opted_out.add(channel)
    if Suppression.Reason.BOUNCED in reasons:
        bounced.add(channel)
    return replace(person, opted_out=frozenset(opted_out), bounced=frozenset(bounced))


def recheck(rows: Iterable[OutboundMessage], now: datetime) -> dict[int, Decision]:
    """The rules' answer for each planned row if it went ``now``: the sender asks just before
    delivering, so an opt-out, a dispute or a pause that came after planning still stops it.

    Content rules were checked when the row was planned and its text rendered; the text has
    not changed since, so the message is taken to carry what it carried then."""
    rows = list(rows)
    if not rows:
        return {}
    loans = load_loans({r.loan_id for r in rows})
    people = load_people({r.borrower_id for r in rows})
    holds = load_holds(loans, around=now.date())
    contacts = load_contacts(people, now=now)
    suppressed = _suppressed({(r.channel, r.address) for r in rows if r.address})
    decisions = {}
    for row in rows:
        person = _as_addressed(people[row.borrower_id], row, suppressed)
        logical = logical_key(row.key)
        message = Message(
            borrower_id=row.borrower_id,
            channel=Channel(row.channel),
            kind=Kind(row.kind),
            send_at=now,
            includes_opt_out=True,
            signposts_debt_advice=True,
        )
        local_day = now.astimezone(ZoneInfo(person.time_zone)).date()
        facts = situation(
            person,
            holds.get(row.loan_id, Holds()),
            contacts,
            logical=logical,
            local_day=local_day,
        )
        loan = loans.get(row.loan_id)
        profile = profile_for(loan.product) if loan else US_REG_F
        decisions[row.pk] = decide(message, facts, profile)
    return decisions
