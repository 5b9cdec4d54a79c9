from django import template
from django.utils.translation import get_language

from repayment.models import Loan
from repayment.paying.methods import methods_for, shown_methods
from repayment.paying.methods import pay_request as request_of
from repayment.paying.reference import payment_reference as reference_of

register = template.Library()


@register.filter
def pay_request(statement):
    """``{% with asked=statement|pay_request %}``: what the loan asks to be paid, or None."""
    return request_of(statement.position)


@register.filter
def pay_requests(statements):
    """Each statement whose loan asks to be paid, with what it asks."""
    return [(s, asked) for s in statements if (asked := request_of(s.position)) is not None]


@register.inclusion_tag("repayment/includes/payment_methods.html", takes_context=True)
def payment_methods(context, statement, pdf=None):
    """How to pay this loan, with its reference and the amount its position asks for. Nothing
    when nothing is asked (paid off, in credit, paused)."""
    asked = request_of(statement.position)
    if asked is None:
        return {"asked": None}
    loan = Loan.objects.select_related("product").get(pk=statement.loan_id)
    reference = reference_of(loan.reference)
    language = get_language() or "en"
    methods = methods_for(product_id=loan.product_id, lender_id=loan.product.lender_id)
    shown = shown_methods(methods, language=language, reference=reference, amount=asked.amount)
    return {
        "asked": asked,
        "statement": statement,
        "payment_reference": reference,
        "methods": shown,
        "pdf": context.get("pdf", False) if pdf is None else pdf,
    }
