"""Hardship pauses and UK Breathing Space: granting, declining and ending them, each in one
transaction. The rules and their sources: docs/plans-and-hardship.md."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from repayment.events import tell_borrower, tell_lender
from repayment.ledger.reading import local_today
from repayment.locking import still_in
from repayment.models import Loan, LoanProduct, Pause, PauseReason, PauseStatus
from repayment.models.lender_events import LenderTopic
from repayment.models.loans import UNITED_KINGDOM
from repayment.plans.options import current_pause
from repayment.plans.policy import policy_for
from repayment.position_table.keeping import refresh_loan
from repayment.statements.cache import statement_for

BREATHING_SPACE_DAYS = 60


class PauseError(Exception):
    pass


def breathing_space_offered(product: LoanProduct) -> bool:
    """Breathing Space is a scheme of English and Welsh law (the Debt Respite Scheme
    Regulations 2020): offered, and named, only on loans that follow the UK contact rules."""
    return product.jurisdiction == UNITED_KINGDOM


def pause_reasons(product: LoanProduct) -> list[tuple[str, str]]:
    """The reasons a borrower may give for a pause on a loan of ``product``."""
    return [
        (value, label)
        for value, label in PauseReason.choices
        if value != PauseReason.BREATHING_SPACE or breathing_space_offered(product)
    ]


def request_pause(*, loan: Loan, reason: str, days: int, note: str, today: date) -> Pause:
    if statement_for(loan=loan).position.owes_nothing:
        raise PauseError(_("This loan is paid off: there are no payments to pause."))
    policy = policy_for(loan.product)
    breathing_space = reason == PauseReason.BREATHING_SPACE
    if breathing_space and not breathing_space_offered(loan.product):
        raise PauseError(_("This reason does not apply to this loan. Choose another one."))
    if breathing_space:
        days = BREATHING_SPACE_DAYS
    elif not 1 <= days <= policy.pause_max_days:
        raise PauseError(
            ngettext(
                "A pause can be up to %(days)d day.",
                "A pause can be up to %(days)d days.",
                policy.pause_max_days,
            )
            % {"days": policy.pause_max_days}
        )
    with transaction.atomic():
        Loan.objects.select_for_update().filter(pk=loan.pk).first()
        if current_pause(loan, today) is not None:
            raise PauseError(_("This loan already has a pause, or a request for one."))
        granted = breathing_space or days <= policy.pause_auto_grant_days
        pause = Pause.objects.create(
            loan=loan,
            reason=reason,
            note=note,
            starts_on=today,
            ends_on=today + timedelta(days=days - 1),
            status=PauseStatus.GRANTED if granted else PauseStatus.REQUESTED,
            freezes_interest=breathing_space or policy.pause_freezes_interest,
            freezes_fees=breathing_space or policy.pause_freezes_fees,
            decided_at=timezone.now() if granted else None,
        )
        refresh_loan(loan)
        if granted:
            _announce_granted(pause)
    return pause


def _announce_granted(pause: Pause) -> None:
    """Tell the lender and the borrower, in the caller's transaction."""
    tell_lender(
        loan=pause.loan,
        topic=LenderTopic.PAUSE_GRANTED,
        key=f"pause.granted:{pause.pk}",
        payload={
            "pause": pause.pk,
            "reason": pause.reason,
            "from": pause.starts_on.isoformat(),
            "until": pause.ends_on.isoformat(),
        },
    )
    tell_borrower(
        loan=pause.loan,
        event="pause_granted",
        about=f"pause{pause.pk}",
        facts={"until": pause.ends_on},
    )


def grant_pause(*, pause: Pause, by, note: str = "", today: date | None = None) -> Pause:
    note = (note or "").strip()
    with transaction.atomic():
        locked = _locked(pause, PauseStatus.REQUESTED)
        if locked.ends_on < (today or _today(locked.loan)):
            raise PauseError(_("The dates of this request have passed. Ask the borrower again."))
        _answer(locked, by=by, note=note, status=PauseStatus.GRANTED)
        locked.save(update_fields=_ANSWER_FIELDS)
        refresh_loan(locked.loan_id)
        _announce_granted(locked)
    return locked


def decline_pause(*, pause: Pause, by, note: str) -> Pause:
    note = (note or "").strip()
    if not note:
        raise PauseError(
            _("Tell the borrower why, and what they could do instead: they read this note.")
        )
    with transaction.atomic():
        locked = _locked(pause, PauseStatus.REQUESTED)
        _answer(locked, by=by, note=note, status=PauseStatus.DECLINED)
        locked.save(update_fields=_ANSWER_FIELDS)
        tell_borrower(
            loan=locked.loan,
            event="pause_declined",
            about=f"pause{locked.pk}",
            facts={"note": note},
        )
    return locked


def end_pause(*, pause: Pause, by, today: date, note: str = "") -> Pause:
    """End a granted pause: today is its last day, and reminders, interest and fees resume
    tomorrow."""
    note = (note or "").strip()
    if pause.reason == PauseReason.BREATHING_SPACE and not note:
        raise PauseError(
            _(
                "Breathing Space ends early only when the debt adviser says so. Note what "
                "the adviser told us."
            )
        )
    with transaction.atomic():
        locked = _locked(pause, PauseStatus.GRANTED)
        if locked.ends_on < today:
            raise PauseError(_("This pause has already ended."))
        locked.ends_on = max(locked.starts_on, today)
        _answer(locked, by=by, note=note, status=PauseStatus.ENDED)
        locked.save(update_fields=["ends_on", *_ANSWER_FIELDS])
        refresh_loan(locked.loan_id)
        loan = locked.loan
        tell_lender(
            loan=loan,
            topic=LenderTopic.PAUSE_ENDED,
            key=f"pause.ended:{locked.pk}",
            payload={"pause": locked.pk, "until": locked.ends_on.isoformat()},
        )
        tell_borrower(
            loan=loan,
            event="pause_ended",
            about=f"pause{locked.pk}",
            facts={"until": locked.ends_on},
        )
    return locked


def last_answer(loan: Loan, *, since: datetime | None = None) -> Pause | None:
    """The latest pause staff declined or ended, for the borrower's pages: within the last
    30 days unless told otherwise."""
    since = since or timezone.now() - timedelta(days=30)
    return (
        loan.pauses.filter(
            status__in=[PauseStatus.DECLINED, PauseStatus.ENDED], decided_at__gte=since
        )
        .order_by("-decided_at")
        .first()
    )


_ANSWER_FIELDS = ["status", "decided_by", "decided_at", "staff_note"]


def _locked(pause: Pause, status: str) -> Pause:
    refusal = (
        _("This request has already been answered.")
        if status == PauseStatus.REQUESTED
        else _("Only a pause that is in place can be ended.")
    )
    return still_in(pause, status, refusal=PauseError(refusal))


def _answer(pause: Pause, *, by, note: str, status: str) -> None:
    pause.status = status
    pause.decided_by = by
    pause.decided_at = timezone.now()
    pause.staff_note = note


def _today(loan: Loan) -> date:
    return local_today(timezone.now(), loan.borrower.time_zone)
