"""A proposal's decision in plain words: every answer gives its reasons."""

from __future__ import annotations

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from ..models import Proposal
from ..money import format_money
from . import decisions
from .policy import policy_for


def reasons_for(proposal: Proposal) -> list[str]:
    loan = proposal.loan
    policy = policy_for(loan.product)
    language = get_language() or "en"

    def money(amount):
        return format_money(amount, loan.currency, language)

    affordable = decisions.affordable_each_time(
        proposal.budget.available, proposal.frequency, loan.currency
    )
    months = policy.auto_accept_max_months
    sentences = {
        decisions.INSIDE_POLICY: _(
            "Your budget shows you can afford this, and it is within what we can agree "
            "straight away."
        ),
        decisions.OVER_BUDGET: _(
            "Your budget shows about %(amount)s left each time after essential spending. A plan "
            "you can't keep would make things harder, so we suggest a plan at that amount."
        )
        % {"amount": money(affordable)},
        decisions.BELOW_MINIMUM: _(
            "The smallest payment we can set up is %(amount)s, so the plan uses that."
        )
        % {"amount": money(policy.min_installment)},
        decisions.TOO_LONG: ngettext(
            "To agree a plan straight away, it needs to catch up within %(months)d month, so "
            "each payment is a little higher.",
            "To agree a plan straight away, it needs to catch up within %(months)d months, so "
            "each payment is a little higher.",
            months,
        )
        % {"months": months},
        decisions.JOINED_LAST: _(
            "Your last payment would have been less than %(amount)s, the smallest payment we "
            "can set up, so it is added to the payment before it."
        )
        % {"amount": money(policy.min_installment)},
        decisions.NOTHING_LEFT: _(
            "Your budget shows little or nothing left after essential spending. A person will "
            "look at what could help, such as a pause or a smaller plan."
        ),
        decisions.CANNOT_AFFORD_IN_TIME: _(
            "A plan your budget can afford would take longer than we can agree straight away, "
            "so a person will look at it with you."
        ),
        decisions.HISTORY: _(
            "Given how this loan has gone recently, a person looks at new plans with you "
            "rather than the website."
        ),
        decisions.PLANS_LIMIT: _(
            "This loan has had as many plans this year as we can agree online, so a person "
            "will look at it with you."
        ),
    }
    return [sentences[code] for code in proposal.reasons if code in sentences]
