"""Contact rules: may this one message go now, and if not, which rule stops it? Pure: no
database, no clock, no Django. The rules, their order and their sources: docs/contact-rules.md."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from types import MappingProxyType
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ONE_DAY = timedelta(days=1)


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"
    IN_PORTAL = "in_portal"
    CALL = "call"


# Channels whose every message carries a one-step opt-out (12 CFR 1006.6(e); lender policy
# elsewhere).
ELECTRONIC = frozenset({Channel.EMAIL, Channel.SMS})


class Kind(StrEnum):
    COLLECTION = "collection"  # arrears reminders
    COURTESY = "courtesy"  # a plan's own instalment reminder; an upcoming due date
    SERVICE = "service"  # confirmations: payment received, plan accepted, dispute received


# Kinds that count towards, and are bound by, the daily and weekly caps and the holds.
REMINDERS = frozenset({Kind.COLLECTION, Kind.COURTESY})


class Recipient(StrEnum):
    BORROWER = "borrower"
    THIRD_PARTY = "third_party"


class Rule(StrEnum):
    THIRD_PARTY = "third_party"
    OPTED_OUT = "opted_out"
    BOUNCED = "bounced"
    OPT_OUT_NOTICE_MISSING = "opt_out_notice_missing"
    DEBT_ADVICE_MISSING = "debt_advice_missing"
    BREATHING_SPACE = "breathing_space"
    DISPUTE_OPEN = "dispute_open"
    PAUSE_ACTIVE = "pause_active"
    PLAN_IN_GOOD_STANDING = "plan_in_good_standing"
    PROMISE_OPEN = "promise_open"
    PAYMENT_REPORTED = "payment_reported"
    AFTER_CONVERSATION = "after_conversation"
    CALL_ATTEMPTS = "call_attempts"
    CONNECTED_CALLS = "connected_calls"
    WEEKLY_CAP = "weekly_cap"
    DAILY_CAP = "daily_cap"
    QUIET_HOURS = "quiet_hours"
    ALLOWED = "allowed"


def _require_aware(value: datetime, what: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be an aware datetime, got {value!r}")


@dataclass(frozen=True, slots=True)
class Window:
    """Local wall-clock hours in which contact is allowed: ``start`` included, ``end`` excluded.

    The end is excluded on purpose: "after 9 p.m." read strictly would allow 21:00:00, and a
    message stamped 21:00 arrives after it. A window does not cross midnight; no legal window
    does, and a borrower's own window must lie inside the legal one."""

    start: time
    end: time

    def __post_init__(self) -> None:
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise ValueError("window times are local wall-clock times, without a time zone")
        if not self.start < self.end:
            raise ValueError(f"window must start before it ends: {self}")

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"

    def contains(self, wall: time) -> bool:
        return self.start <= wall.replace(tzinfo=None) < self.end

    def within(self, other: Window) -> bool:
        return other.start <= self.start and self.end <= other.end

    def intersection(self, other: Window) -> Window | None:
        start, end = max(self.start, other.start), min(self.end, other.end)
        return Window(start, end) if start < end else None


# Profile fields that carry a number or a duty, each of which needs a citation when it is set.
CITED_FIELDS = (
    "window",
    "max_call_attempts",
    "no_call_days_after_conversation",
    "max_connected_calls_per_day",
    "third_party_contact_forbidden",
    "opt_out_notice_required",
    "debt_advice_signpost_required",
    "breathing_space_days",
    "daily_cap",
    "weekly_cap",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    """A contact-rules profile for a lender or product. ``None`` means "no such limit".

    Every number or duty that is set must say where it comes from in ``citations`` (keyed by
    field name); a number without a source cannot be configured. See ``presets`` for the
    profiles built from real rules."""

    name: str
    window: Window  # legal local hours for any contact
    max_call_attempts: int | None = None  # call attempts allowed within call_attempt_days
    call_attempt_days: int = 7
    no_call_days_after_conversation: int | None = None  # the conversation's day is day 1
    max_connected_calls_per_day: int | None = None  # answered calls per borrower per local day
    third_party_contact_forbidden: bool = True
    opt_out_notice_required: bool = True  # every e-mail and SMS carries a one-step opt-out
    debt_advice_signpost_required: bool = False  # every collection message signposts advice
    breathing_space_days: int | None = None  # length of a statutory breathing space
    daily_cap: int | None = 1  # reminders (collection + courtesy) per local day, all channels
    weekly_cap: int | None = 3  # reminders in the last 7 local days, all channels
    citations: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.third_party_contact_forbidden:
            raise ValueError("this portal never contacts third parties about a debt")
        for name in ("call_attempt_days", "no_call_days_after_conversation"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise ValueError(f"{name} must be at least 1, got {value}")
        for name in (
            "max_call_attempts",
            "max_connected_calls_per_day",
            "breathing_space_days",
            "daily_cap",
            "weekly_cap",
        ):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} must not be negative, got {value}")
        unknown = set(self.citations) - set(CITED_FIELDS)
        if unknown:
            raise ValueError(f"citations for unknown fields: {sorted(unknown)}")
        uncited = [
            name
            for name in CITED_FIELDS
            if getattr(self, name) not in (None, False) and not self.citations.get(name)
        ]
        if uncited:
            raise ValueError(f"profile {self.name!r} sets {uncited} without a citation")
        object.__setattr__(self, "citations", MappingProxyType(dict(self.citations)))

    def cite(self, name: str) -> str:
        return self.citations.get(name, "")

    def accepts(self, window: Window) -> bool:
        """Whether a borrower's chosen hours lie inside this profile's legal window (for the
        preferences form; ``decide`` uses the stricter of the two either way)."""
        return window.within(self.window)


@dataclass(frozen=True, slots=True, kw_only=True)
class Contact:
    """A contact already made with the borrower, by the lender or any of its agencies."""

    at: datetime
    channel: Channel
    kind: Kind
    connected: bool = False  # a call that was answered
    conversation: bool = False  # a telephone conversation with the borrower about the debt

    def __post_init__(self) -> None:
        _require_aware(self.at, "contact time")
        object.__setattr__(self, "channel", Channel(self.channel))
        object.__setattr__(self, "kind", Kind(self.kind))
        if (self.connected or self.conversation) and self.channel != Channel.CALL:
            raise ValueError("only a call can be connected or be a conversation")
        if self.conversation and not self.connected:
            raise ValueError("a conversation is a connected call")


@dataclass(frozen=True, slots=True, kw_only=True)
class Message:
    """A message the planner proposes to send."""

    borrower_id: int
    channel: Channel
    kind: Kind
    send_at: datetime
    recipient: Recipient = Recipient.BORROWER
    includes_opt_out: bool = False  # carries a one-step opt-out (link or reply keyword)
    signposts_debt_advice: bool = False  # says where to get free, independent debt advice

    def __post_init__(self) -> None:
        _require_aware(self.send_at, "send time")
        object.__setattr__(self, "channel", Channel(self.channel))
        object.__setattr__(self, "kind", Kind(self.kind))
        object.__setattr__(self, "recipient", Recipient(self.recipient))


@dataclass(frozen=True, slots=True, kw_only=True)
class ContactSituation:
    """What the rules need to know about the borrower at the proposed send time.

    ``borrower_window`` is the hours the borrower is happy to be contacted (the complement of
    their quiet hours); the rules use its intersection with the legal window.
    ``recent_contacts`` holds the contacts of at least the last week, from the lender and all
    its agencies (the China limit counts calls across both)."""

    time_zone: str  # IANA name, e.g. "America/New_York"
    borrower_window: Window | None = None
    opted_out: frozenset[Channel] = frozenset()
    bounced: frozenset[Channel] = frozenset()
    dispute_open: bool = False
    pause_active: bool = False
    breathing_space_active: bool = False
    plan_in_good_standing: bool = False
    promise_open: bool = False  # the borrower said when they will pay, and that day is not past
    # The borrower said they have paid, and the days the money may take are not over.
    payment_reported: bool = False
    recent_contacts: tuple[Contact, ...] = ()

    def __post_init__(self) -> None:
        try:  # an unknown zone fails here, not in the middle of a planner run
            ZoneInfo(self.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {self.time_zone!r}") from None
        object.__setattr__(self, "opted_out", frozenset(map(Channel, self.opted_out)))
        object.__setattr__(self, "bounced", frozenset(map(Channel, self.bounced)))
        object.__setattr__(self, "recent_contacts", tuple(self.recent_contacts))

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)  # ZoneInfo caches instances by key


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    rule: Rule
    reason: str  # plain English for staff and logs
    citation: str = ""  # the source of the number or duty applied, when it has one
    next_allowed_at: datetime | None = None  # UTC; set only for quiet_hours


def effective_window(profile: Profile, situation: ContactSituation) -> Window | None:
    """The stricter of the legal window and the borrower's own hours; None if they do not
    overlap (the preferences form should refuse such hours; see ``Profile.accepts``)."""
    if situation.borrower_window is None:
        return profile.window
    return profile.window.intersection(situation.borrower_window)


def _wall(instant: datetime, zone: ZoneInfo) -> datetime:
    return instant.astimezone(zone).replace(tzinfo=None, fold=0)


def _instants_at(day: date, wall: time, zone: ZoneInfo) -> list[datetime]:
    """The instants (UTC, in order) when the local clock in ``zone`` first reads at least
    ``wall`` on ``day``.

    Usually one. On a fall-back day the wall time may happen twice: both are returned. On a
    spring-forward day it may not happen at all: the answer is then the instant the clocks
    jump past it."""
    naive = datetime.combine(day, wall)
    earlier, later = sorted(
        naive.replace(tzinfo=zone, fold=fold).astimezone(UTC) for fold in (0, 1)
    )
    if _wall(earlier, zone) == naive:
        return [earlier] if earlier == later else [earlier, later]
    # In a gap: ``earlier`` reads before the gap and ``later`` after it. Transitions fall on
    # whole seconds, so bisect on seconds for the first instant that reads at least ``wall``.
    low, high = int(earlier.timestamp()), int(later.timestamp())
    while high - low > 1:
        middle = (low + high) // 2
        if _wall(datetime.fromtimestamp(middle, UTC), zone) >= naive:
            high = middle
        else:
            low = middle
    return [datetime.fromtimestamp(high, UTC)]


def next_allowed_time(when: datetime, time_zone: str | ZoneInfo, window: Window) -> datetime:
    """The earliest instant at or after ``when`` whose local time in ``time_zone`` lies in
    ``window``, in UTC. Daylight-saving changes are handled by zoneinfo: the window opens at
    08:00 local on a spring-forward or fall-back day like on any other.

    One simplification, on the safe side: when a fall-back carries the clock back into a
    window that had closed (a window of 00:30-01:10 at 01:20, on a night the clocks go from
    02:00 back to 01:00), that second pass is not used and the answer is the next opening of
    the window's start. No legal window is near a clock change."""
    _require_aware(when, "time")
    zone = time_zone if isinstance(time_zone, ZoneInfo) else ZoneInfo(time_zone)
    local = when.astimezone(zone)
    if window.contains(local.time()):
        return when.astimezone(UTC)
    day = local.date()
    for _ in range(4):  # today or tomorrow, unless a clock change swallows a whole window
        for opening in _instants_at(day, window.start, zone):
            opening_local = opening.astimezone(zone)
            if (
                opening > when
                and opening_local.date() == day
                and window.contains(opening_local.time())
            ):
                return opening
        day += ONE_DAY
    raise ValueError(f"window {window} never opens in {zone.key} after {when.isoformat()}")


# The checks. Each returns a suppressing Decision or None; ``decide`` runs them in RULE_ORDER.


def _refuse(rule: Rule, reason: str, citation: str = "", **extra) -> Decision:
    return Decision(allowed=False, rule=rule, reason=reason, citation=citation, **extra)


def _local_day(instant: datetime, situation: ContactSituation) -> date:
    return instant.astimezone(situation.zone).date()


def _on_days(contacts: Iterable[Contact], situation: ContactSituation, last: date, days: int):
    """The contacts on the ``days`` local days ending with ``last``."""
    first = last - timedelta(days=days - 1)
    return [c for c in contacts if first <= _local_day(c.at, situation) <= last]


def _check_third_party(message: Message, situation: ContactSituation, profile: Profile):
    if message.recipient != Recipient.BORROWER:
        return _refuse(
            Rule.THIRD_PARTY,
            "Only the borrower may be contacted about their debt, never a third party.",
            profile.cite("third_party_contact_forbidden"),
        )
    return None


def _check_opted_out(message: Message, situation: ContactSituation, profile: Profile):
    if message.channel in situation.opted_out:
        return _refuse(Rule.OPTED_OUT, f"The borrower has opted out of {message.channel} messages.")
    return None


def _check_bounced(message: Message, situation: ContactSituation, profile: Profile):
    if message.channel in situation.bounced:
        return _refuse(
            Rule.BOUNCED,
            f"The borrower's {message.channel} address bounced; the channel is suspended "
            "until they confirm a working one.",
        )
    return None


def _check_opt_out_notice(message: Message, situation: ContactSituation, profile: Profile):
    if (
        profile.opt_out_notice_required
        and message.channel in ELECTRONIC
        and not message.includes_opt_out
    ):
        return _refuse(
            Rule.OPT_OUT_NOTICE_MISSING,
            f"Every {message.channel} message must carry a one-step way to opt out.",
            profile.cite("opt_out_notice_required"),
        )
    return None


def _check_debt_advice(message: Message, situation: ContactSituation, profile: Profile):
    if (
        profile.debt_advice_signpost_required
        and message.kind == Kind.COLLECTION
        and not message.signposts_debt_advice
    ):
        return _refuse(
            Rule.DEBT_ADVICE_MISSING,
            "An arrears message must say where to get free, independent debt advice.",
            profile.cite("debt_advice_signpost_required"),
        )
    return None


def _check_breathing_space(message: Message, situation: ContactSituation, profile: Profile):
    if situation.breathing_space_active and message.kind in REMINDERS:
        return _refuse(
            Rule.BREATHING_SPACE,
            "The borrower is in a breathing space: no reminders about the debt until it ends.",
            profile.cite("breathing_space_days"),
        )
    return None


def _check_dispute(message: Message, situation: ContactSituation, profile: Profile):
    if situation.dispute_open and message.kind in REMINDERS:
        return _refuse(
            Rule.DISPUTE_OPEN,
            "The borrower disputes the amount: no reminders about it until the dispute is "
            "resolved.",
        )
    return None


def _check_pause(message: Message, situation: ContactSituation, profile: Profile):
    if situation.pause_active and message.kind in REMINDERS:
        return _refuse(
            Rule.PAUSE_ACTIVE, "A pause is active: no reminders about the debt until it ends."
        )
    return None


def _check_plan(message: Message, situation: ContactSituation, profile: Profile):
    if situation.plan_in_good_standing and message.kind == Kind.COLLECTION:
        return _refuse(
            Rule.PLAN_IN_GOOD_STANDING,
            "The borrower is keeping to a repayment plan: only the plan's own courtesy "
            "reminders go out.",
        )
    return None


def _check_promise(message: Message, situation: ContactSituation, profile: Profile):
    if situation.promise_open and message.kind == Kind.COLLECTION:
        return _refuse(
            Rule.PROMISE_OPEN,
            "The borrower has said when they will pay: no arrears reminders until that day "
            "and its grace days have passed.",
        )
    return None


def _check_payment_reported(message: Message, situation: ContactSituation, profile: Profile):
    if situation.payment_reported and message.kind in (Kind.COLLECTION, Kind.COURTESY):
        return _refuse(
            Rule.PAYMENT_REPORTED,
            "The borrower has told us they paid: no payment reminders while the payment may "
            "still be on its way.",
        )
    return None


def _check_after_conversation(message: Message, situation: ContactSituation, profile: Profile):
    days = profile.no_call_days_after_conversation
    if message.channel != Channel.CALL or days is None:
        return None
    today = _local_day(message.send_at, situation)
    talks = [
        c for c in _on_days(situation.recent_contacts, situation, today, days) if c.conversation
    ]
    if talks:
        last = max(_local_day(c.at, situation) for c in talks)
        return _refuse(
            Rule.AFTER_CONVERSATION,
            f"A conversation with the borrower took place on {last}; no calls until "
            f"{last + timedelta(days=days)}.",
            profile.cite("no_call_days_after_conversation"),
        )
    return None


def _check_call_attempts(message: Message, situation: ContactSituation, profile: Profile):
    limit = profile.max_call_attempts
    if message.channel != Channel.CALL or limit is None:
        return None
    today = _local_day(message.send_at, situation)
    days = profile.call_attempt_days
    calls = [
        c
        for c in _on_days(situation.recent_contacts, situation, today, days)
        if c.channel == Channel.CALL
    ]
    if len(calls) >= limit:
        return _refuse(
            Rule.CALL_ATTEMPTS,
            f"{len(calls)} call attempts already in the {days} days to {today}; the limit is "
            f"{limit}.",
            profile.cite("max_call_attempts"),
        )
    return None


def _check_connected_calls(message: Message, situation: ContactSituation, profile: Profile):
    limit = profile.max_connected_calls_per_day
    if message.channel != Channel.CALL or limit is None:
        return None
    today = _local_day(message.send_at, situation)
    connected = [
        c
        for c in _on_days(situation.recent_contacts, situation, today, 1)
        if c.channel == Channel.CALL and c.connected
    ]
    if len(connected) >= limit:
        return _refuse(
            Rule.CONNECTED_CALLS,
            f"{len(connected)} connected calls already on {today}; the limit is {limit} a day.",
            profile.cite("max_connected_calls_per_day"),
        )
    return None


Check = Callable[[Message, ContactSituation, Profile], "Decision | None"]


def _reminder_cap(rule: Rule, field: str, days: int, span: str) -> Check:
    """The check of one cap on reminders (collection and courtesy) across all channels:
    ``profile.<field>`` of them on the ``days`` local days up to the send day."""

    def check(message: Message, situation: ContactSituation, profile: Profile):
        cap = getattr(profile, field)
        if message.kind not in REMINDERS or cap is None:
            return None
        today = _local_day(message.send_at, situation)
        count = sum(
            1
            for c in _on_days(situation.recent_contacts, situation, today, days)
            if c.kind in REMINDERS
        )
        if count >= cap:
            return _refuse(
                rule,
                f"{count} reminders already {span}, across all channels; the cap is {cap}.",
                profile.cite(field),
            )
        return None

    return check


def _check_quiet_hours(message: Message, situation: ContactSituation, profile: Profile):
    if message.channel == Channel.IN_PORTAL:
        # A message-centre entry waits until the borrower looks; it rings no phone and
        # disturbs nobody, so a confirmation shows at once even at night.
        return None
    window = effective_window(profile, situation)
    if window is None:
        return _refuse(
            Rule.QUIET_HOURS,
            f"The borrower's hours ({situation.borrower_window}) do not overlap the permitted "
            f"hours ({profile.window}); no time of day is allowed until they change them.",
            profile.cite("window"),
        )
    local = message.send_at.astimezone(situation.zone)
    if window.contains(local.time()):
        return None
    opens = next_allowed_time(message.send_at, situation.zone, window)
    return _refuse(
        Rule.QUIET_HOURS,
        f"{local:%H:%M} in {situation.time_zone} is outside the contact hours {window}; it "
        f"can go at {opens.astimezone(situation.zone):%Y-%m-%d %H:%M}.",
        profile.cite("window"),
        next_allowed_at=opens,
    )


RULE_ORDER: tuple[tuple[Rule, Check], ...] = (
    (Rule.THIRD_PARTY, _check_third_party),
    (Rule.OPTED_OUT, _check_opted_out),
    (Rule.BOUNCED, _check_bounced),
    (Rule.OPT_OUT_NOTICE_MISSING, _check_opt_out_notice),
    (Rule.DEBT_ADVICE_MISSING, _check_debt_advice),
    (Rule.BREATHING_SPACE, _check_breathing_space),
    (Rule.DISPUTE_OPEN, _check_dispute),
    (Rule.PAUSE_ACTIVE, _check_pause),
    (Rule.PLAN_IN_GOOD_STANDING, _check_plan),
    (Rule.PROMISE_OPEN, _check_promise),
    (Rule.PAYMENT_REPORTED, _check_payment_reported),
    (Rule.AFTER_CONVERSATION, _check_after_conversation),
    (Rule.CALL_ATTEMPTS, _check_call_attempts),
    (Rule.CONNECTED_CALLS, _check_connected_calls),
    (Rule.WEEKLY_CAP, _reminder_cap(Rule.WEEKLY_CAP, "weekly_cap", 7, "in the last 7 days")),
    (Rule.DAILY_CAP, _reminder_cap(Rule.DAILY_CAP, "daily_cap", 1, "today")),
    (Rule.QUIET_HOURS, _check_quiet_hours),
)


def decide(message: Message, situation: ContactSituation, profile: Profile) -> Decision:
    """Whether ``message`` may go at its send time; the first rule in RULE_ORDER that
    suppresses it decides (docs/contact-rules.md gives the order and why)."""
    for rule, check in RULE_ORDER:
        decision = check(message, situation, profile)
        if decision is not None:
            assert decision.rule is rule, f"{check.__name__} reported {decision.rule}"
            return decision
    return Decision(
        allowed=True,
        rule=Rule.ALLOWED,
        reason=f"No contact rule of the {profile.name} profile stops this {message.kind} "
        f"{message.channel} message.",
    )


__all__ = [
    "CITED_FIELDS",
    "ELECTRONIC",
    "REMINDERS",
    "RULE_ORDER",
    "Channel",
    "Contact",
    "ContactSituation",
    "Decision",
    "Kind",
    "Message",
    "Profile",
    "Recipient",
    "Rule",
    "Window",
    "decide",
    "effective_window",
    "next_allowed_time",
]
