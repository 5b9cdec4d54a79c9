"""Plans in plain words: a proposal's decision with its reasons, and an offer's name."""

from __future__ import annotations

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from ..models import Decision, Frequency, PlanKind, Proposal
from ..money import format_money
from . import decisions
from .policy import policy_for
from .terms import PlanTerms


def each_period(frequency: str) -> str:
    """How often a payment comes, after its amount: "CN¥500.00 a month"."""
    return {
        Frequency.WEEKLY: _("a week"),
        Frequency.FORTNIGHTLY: _("every two weeks"),
    }.get(frequency, _("a month"))


def span(count: int, frequency: str) -> str:
    """How long ``count`` payments take, one period apart, counted as the borrower would."""
    if frequency == Frequency.WEEKLY:
        return ngettext("%(count)d week", "%(count)d weeks", count) % {"count": count}
    if frequency == Frequency.FORTNIGHTLY:
        weeks = 2 * count
        return ngettext("%(count)d week", "%(count)d weeks", weeks) % {"count": weeks}
    return ngettext("%(count)d month", "%(count)d months", count) % {"count": count}


def offer_name(terms: PlanTerms) -> str:
    """The offer's name, saying how it differs from another of the same kind: two spreads
    are "over 3 months" and "over 6 months"."""
    length = span(terms.count, terms.frequency)
    if terms.kind == PlanKind.SPREAD:
        return _("Spread the overdue amount over %(span)s") % {"span": length}
    if terms.kind == PlanKind.REDUCED:
        return _("Smaller payments for %(span)s") % {"span": length}
    if terms.kind == PlanKind.HOLIDAY:
        return _("Payment holiday, then catch up over %(span)s") % {"span": length}
    return str(PlanKind(terms.kind).label)


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
    limit = decisions.periods_within(months, proposal.frequency)
    # The plan the website answered with; a person's answer has its own words.
    countered = proposal.decision == Decision.COUNTERED and proposal.terms
    terms = PlanTerms.from_json(proposal.terms) if countered else None
    if terms is None:
        # Sent to a person: the limit is why, there is no lower plan to name.
        too_long = ngettext(
            "A plan we agree straight away must catch up within %(count)d payment.",
            "A plan we agree straight away must catch up within %(count)d payments.",
            limit,
        ) % {"count": limit}
    else:
        too_long = ngettext(
            "The lowest we can agree is %(amount)s %(each)s, because a plan we agree "
            "straight away must catch up on what is overdue within %(count)d payment.",
            "The lowest we can agree is %(amount)s %(each)s, because a plan we agree "
            "straight away must catch up on what is overdue within %(count)d payments.",
            limit,
        ) % {
            "amount": money(terms.first.amount),
            "each": each_period(terms.frequency),
            "count": limit,
        }
    if decisions.TOO_LONG in proposal.reasons:
        # The catch-up limit, not the smallest payment, set the amount.
        below_minimum = _("The smallest payment we can set up is %(amount)s.") % {
            "amount": money(policy.min_installment)
        }
    else:
        below_minimum = _(
            "The smallest payment we can set up is %(amount)s, so the plan uses that."
        ) % {"amount": money(policy.min_installment)}
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
        decisions.BELOW_MINIMUM: below_minimum,
        decisions.TOO_LONG: too_long,
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
