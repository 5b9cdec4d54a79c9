"""An independent check of what was sent: did any message break a contact rule? It shares no
code with ``rules`` (only the profiles' numbers), so a mistake there shows up here. See
docs/contact-rules.md."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from portal.notifications.contact_rules.presets import profile_for
from portal.notifications.models import ContactPreferences, OutboundMessage, Status, Suppression
from portal.notifications.outbox.keys import logical_key
from repayment.models import Dispute, Loan, Pause, PauseStatus, PaymentReport, Promise

REMINDER_KINDS = {"collection", "courtesy"}
# Channels that reach the borrower wherever they are; a message-centre entry waits until the
# borrower opens the portal, so the hours do not bind it.
REACHING_OUT = {"email", "sms", "call"}


@dataclass(frozen=True, slots=True)
class Violation:
    rule: str
    message_key: str
    detail: str


def _in_hours(local: time, start: time, end: time) -> bool:
    return start <= local < end


def check(messages: Iterable[OutboundMessage] | None = None) -> list[Violation]:
    """Every violation among ``messages`` (default: everything sent)."""
    if messages is None:
        messages = OutboundMessage.objects.filter(status=Status.SENT)
    messages = sorted(messages, key=lambda m: (m.borrower_id, m.sent_at))
    if not messages:
        return []
    borrower_ids = {m.borrower_id for m in messages}
    loan_ids = {m.loan_id for m in messages}
    loans = Loan.objects.select_related("borrower", "product__lender").in_bulk(loan_ids)
    preferences = {
        p.borrower_id: p for p in ContactPreferences.objects.filter(borrower_id__in=borrower_ids)
    }
    opt_outs: dict[tuple[str, str], datetime] = {}
    for s in Suppression.objects.filter(reason=Suppression.Reason.OPTED_OUT):
        key = (s.channel, s.address)
        opt_outs[key] = min(s.created_at, opt_outs.get(key, s.created_at))
    disputes = defaultdict(list)
    for d in Dispute.objects.filter(loan_id__in=loan_ids):
        disputes[d.loan_id].append((d.created_at, d.resolved_at))
    pauses = defaultdict(list)
    for p in Pause.objects.filter(loan_id__in=loan_ids, status=PauseStatus.GRANTED):
        pauses[p.loan_id].append((p.starts_on, p.ends_on))
    # An open promise to pay holds arrears reminders from the day it was made to its last
    # day, and a payment the borrower told us of holds every payment reminder the same way.
    promises = _held_windows(Promise.objects.filter(loan_id__in=loan_ids), "made_on")
    reports = _held_windows(PaymentReport.objects.filter(loan_id__in=loan_ids), "reported_on")

    violations: list[Violation] = []
    reminders_by_day: dict[tuple[int, date], set[str]] = defaultdict(set)
    caps: dict[int, tuple[int | None, int | None]] = {}
    for m in messages:
        loan = loans[m.loan_id]
        product = loan.product
        profile = profile_for(product)
        zone = ZoneInfo(loan.borrower.time_zone)
        local = m.sent_at.astimezone(zone)
        wall = local.time().replace(tzinfo=None)
        start, end = profile.window.start, profile.window.end
        own = preferences.get(m.borrower_id)
        if own and own.contact_from:
            start = max(start, own.contact_from)
        if own and own.contact_until:
            end = min(end, own.contact_until)
        if m.channel in REACHING_OUT and not _in_hours(wall, start, end):
            violations.append(
                Violation("quiet_hours", m.key, f"sent at {local:%H:%M}, hours {start}-{end}")
            )
        if m.channel in ("email", "sms"):
            stopped = opt_outs.get((m.channel, m.address))
            if stopped is not None and stopped <= m.sent_at:
                violations.append(
                    Violation("opted_out", m.key, f"{m.address} opted out at {stopped}")
                )
            if own is not None and not (
                own.email_enabled if m.channel == "email" else own.sms_enabled
            ):
                violations.append(Violation("channel_off", m.key, f"{m.channel} switched off"))
        if m.kind in REMINDER_KINDS:
            for opened, resolved in disputes[m.loan_id]:
                if opened <= m.sent_at and (resolved is None or m.sent_at < resolved):
                    violations.append(Violation("dispute_open", m.key, f"dispute opened {opened}"))
            for first, last in pauses[m.loan_id]:
                if first <= local.date() <= last:
                    violations.append(Violation("pause_active", m.key, f"pause {first}-{last}"))
            if m.kind == "collection":
                for first, last in promises[m.loan_id]:
                    if first <= local.date() <= last:
                        violations.append(
                            Violation("promise_open", m.key, f"promise {first}-{last}")
                        )
            for first, last in reports[m.loan_id]:
                if first <= local.date() <= last:
                    violations.append(
                        Violation("payment_reported", m.key, f"payment reported {first}-{last}")
                    )
            reminders_by_day[(m.borrower_id, local.date())].add(logical_key(m.key))
            caps[m.borrower_id] = (profile.daily_cap, profile.weekly_cap)

    for (borrower_id, day), keys in reminders_by_day.items():
        daily, weekly = caps[borrower_id]
        if daily is not None and len(keys) > daily:
            violations.append(
                Violation("daily_cap", sorted(keys)[0], f"{len(keys)} reminders on {day}")
            )
        if weekly is not None:
            week = set().union(
                *(
                    reminders_by_day.get((borrower_id, day - timedelta(days=n)), set())
                    for n in range(7)
                )
            )
            if len(week) > weekly:
                violations.append(
                    Violation(
                        "weekly_cap", sorted(keys)[0], f"{len(week)} reminders in 7 days to {day}"
                    )
                )
    return violations


def _held_windows(words, first_field: str) -> dict[int, list[tuple[date, date]]]:
    """Per loan, the days each promise or report held reminders: from ``first_field`` to its
    last day; a settled one held them until the day before it was settled."""
    windows = defaultdict(list)
    for word in words:
        last = word.hold_until
        if word.settled_on is not None:
            last = min(last, word.settled_on - timedelta(days=1))
        windows[word.loan_id].append((getattr(word, first_field), last))
    return windows
