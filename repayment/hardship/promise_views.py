"""The borrower's page for a promise to pay: "I will pay X on D". Thin: the rules are in
``repayment.hardship.promises``."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from repayment import selectors
from repayment.borrowers import borrower_required
from repayment.form_fields import MoneyField, PlainDateField
from repayment.hardship.promises import PromiseError, make_promise, open_promise
from repayment.plans.options import options_for
from repayment.plans.views import paid_off


class PromiseForm(forms.Form):
    amount = MoneyField(label=gettext_lazy("How much will you pay?"), min_value=Decimal("0.01"))
    pay_by = PlainDateField(label=gettext_lazy("By which day?"))

    def __init__(self, *args, today, latest, currency: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amount"].currency = currency
        self.fields["pay_by"].example = min(today + timedelta(days=7), latest)
        self.fields["pay_by"].widget.attrs.update(
            {"min": today.isoformat(), "max": latest.isoformat()}
        )


@require_http_methods(["GET", "POST"])
@borrower_required
def loan_promise(request, reference):
    loan = get_object_or_404(selectors.loans_of(borrower=request.borrower), reference=reference)
    options = options_for(loan=loan)
    if options.paid_off:
        return paid_off(request, loan)
    today = options.statement.today
    latest = today + timedelta(days=options.policy.promise_max_days)
    form = PromiseForm(request.POST or None, today=today, latest=latest, currency=loan.currency)
    if request.method == "POST" and form.is_valid():
        try:
            promise = make_promise(
                loan=loan,
                amount=form.cleaned_data["amount"],
                pay_by=form.cleaned_data["pay_by"],
                today=today,
            )
        except PromiseError as refused:
            form.add_error(refused.field or None, str(refused))
        else:
            messages.success(
                request,
                _("Thank you. We will not send payment reminders until %(date)s.")
                % {"date": date_format(promise.hold_until, "DATE_FORMAT")},
            )
            return redirect("loan_help", reference)
    return render(
        request,
        "repayment/hardship/promise.html",
        {
            "loan": loan,
            "options": options,
            "form": form,
            "promise": open_promise(loan),
            "latest": latest,
        },
    )
