from django import template
from django.utils.translation import gettext as _

from repayment.plans import payments_matched as progress
from repayment.plans import wording
from repayment.plans.terms import PlanTerms

from ..models import PlanKind
from .statement import money

register = template.Library()


@register.filter
def plan_kind_label(kind: str) -> str:
    return PlanKind(kind).label


@register.filter
def offer_name(terms: PlanTerms) -> str:
    return wording.offer_name(terms)


@register.filter
def installment_state(item: progress.InstallmentProgress, currency: str) -> str:
    if item.state == progress.PAID:
        return _("Paid")
    if item.state == progress.MISSED:
        return _("Missed")
    if item.state == progress.LATE:
        return _("Not paid yet")
    if item.state == progress.PART_PAID:
        return _("%(left)s still to pay") % {"left": money(item.left, currency)}
    return _("Coming up")
