"""What a step of the consequence timeline says, in one sentence, in the active language: the
statement, the console and the API's ``next_step`` all say it in these words."""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from repayment import position
from repayment.money import format_money
from repayment.position import Step


def step_label(step: Step, currency: str) -> str:
    language = get_language() or "en"
    if step.kind == position.LATE_FEE:
        fee = format_money(step.fee, currency, language)
        if step.happened:
            return _("A late fee of %(fee)s was added to what you owe.") % {"fee": fee}
        return _("A late fee of %(fee)s is added to what you owe.") % {"fee": fee}
    if step.kind == position.PLAN_ENDS:
        return _(
            "If the plan payment is still unpaid, the plan ends and your loan's usual terms "
            "apply again."
        )
    return step.explanation(language)
