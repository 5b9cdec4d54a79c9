"""Hardship pauses. A request up to the policy's limit is granted at once; a longer one waits
for staff. UK Breathing Space is granted as notified, for its legal 60 days, and always freezes
interest and fees (The Debt Respite Scheme (Breathing Space Moratorium and Mental Health Crisis
Moratorium) (England and Wales) Regulations 2020, reg. 7)."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import Loan, Pause, PauseReason, PauseStatus
from .events import tell_borrower, tell_lender
from .offering import current_pause
from .policy import policy_for

BREATHING_SPACE_DAYS = 60


class PauseError(Exception):
    pass


def request_pause(*, loan: Loan, reason: str, days: int, note: str, today: date) -> Pause:
    policy = policy_for(loan.product)
    breathing_space = reason == PauseReason.BREATHING_SPACE
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
        if granted:
            tell_lender(
                loan=loan,
                topic="pause.granted",
                key=f"pause.granted:{pause.pk}",
                payload={
                    "pause": pause.pk,
                    "reason": reason,
                    "from": pause.starts_on.isoformat(),
                    "until": pause.ends_on.isoformat(),
                },
            )
            tell_borrower(
                loan=loan,
                event="pause_granted",
                about=f"pause{pause.pk}",
                facts={"until": pause.ends_on},
            )
    return pause
