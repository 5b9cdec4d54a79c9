"""The loan's open promise to pay, for the cards on the help page and the statement."""

from django import template

from repayment.models import Promise, PromiseStatus

register = template.Library()


@register.simple_tag
def open_promise_of(loan_id: int) -> Promise | None:
    return Promise.objects.filter(loan_id=loan_id, status=PromiseStatus.OPEN).first()
