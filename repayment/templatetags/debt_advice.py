from django import template
from django.utils.translation import get_language

from repayment.debt_advice import advice_for, advice_for_loan
from repayment.models import Loan

register = template.Library()


@register.simple_tag
def debt_advice_for(subject):
    """``{% debt_advice_for loan as advice %}``: the free help and rights for a ``Loan`` (its
    product and lender selected) or a statement value, in the page's language."""
    language = get_language() or "en"
    if isinstance(subject, Loan):
        return advice_for(product=subject.product, language=language)
    return advice_for_loan(loan_id=subject.loan_id, language=language)
