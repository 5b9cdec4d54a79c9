from django import template
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from repayment.hardship import answer_time
from repayment.money import format_money
from repayment.statements import step_labels as labels

register = template.Library()


@register.filter
def money(amount, currency):
    """``{{ amount|money:statement.currency }}`` in the page's language."""
    if amount is None:
        return ""
    return format_money(amount, currency, get_language() or "en")


@register.filter
def unsigned(amount):
    return abs(amount) if amount is not None else amount


@register.filter
def product_label(statement):
    return statement.product_label(get_language() or "en")


@register.filter
def explanation(milestone):
    return milestone.explanation(get_language() or "en")


@register.filter
def step_label(step, currency):
    return labels.step_label(step, currency)


@register.filter
def tel(phone):
    """A phone number as a tel: URI: digits and a leading plus only."""
    phone = str(phone or "")
    return "".join(ch for i, ch in enumerate(phone) if ch.isdigit() or (ch == "+" and i == 0))


_ENTRY_LABELS = {
    "disbursement": _("Loan paid out to you"),
    "installment_due": _("Installment fell due"),
    "interest": _("Interest charged"),
    "fee": _("Fee charged"),
    "payment": _("Payment received, thank you"),
    "waiver": _("Amount waived"),
}
_CORRECTION_LABELS = {
    "payment": _("Correction: payment reversed"),
    "fee": _("Correction: fee removed"),
    "interest": _("Correction: interest removed"),
    "installment_due": _("Correction: installment cancelled"),
}


@register.filter
def entry_label(line):
    """What a history line was, in the borrower's words."""
    if line.kind == "reversal":
        return _CORRECTION_LABELS.get(line.reversed_kind, _("Correction"))
    return _ENTRY_LABELS.get(line.kind, line.kind)


@register.filter
def change_label(line, currency):
    """How a history line moved what is owed: "+ ¥50.00", "− ¥733.40", or for an installment
    falling due (which moves nothing) "¥733.40 due"."""
    if line.kind == "installment_due":
        return gettext("%(amount)s due") % {"amount": money(line.became_due, currency)}
    if line.change < 0:
        return f"− {money(-line.change, currency)}"
    return f"+ {money(line.change, currency)}"


@register.filter
def reply_day(asked) -> str:
    """``{{ pause|reply_day }}``: the day a person answers a pause request or a dispute, in the
    borrower's own time zone, in the words the confirmation used (answer_time.reply_day)."""
    return answer_time.reply_day(asked)
