"""The borrower's "I have paid" page. Thin: the rules are in ``repayment.paying.reports``."""

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
from repayment.form_fields import MoneyField, PlainDateField, choose_from_list
from repayment.models import PaymentMethodKind, PaymentReportStatus
from repayment.paying.methods import methods_for
from repayment.paying.reports import LONGEST_AGO, ReportError, open_report, report_payment
from repayment.plans.views import paid_off
from repayment.statements.cache import statement_for


class PaidForm(forms.Form):
    amount = MoneyField(label=gettext_lazy("How much did you pay?"), min_value=Decimal("0.01"))
    paid_on = PlainDateField(label=gettext_lazy("On which day?"))
    how = forms.ChoiceField(label=gettext_lazy("How did you pay?"), required=False)
    details = forms.CharField(
        label=gettext_lazy("Anything that helps us find it"),
        help_text=gettext_lazy("For example the bank it came from, or a receipt number."),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, today, currency: str, kinds: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amount"].currency = currency
        self.fields["paid_on"].example = today
        self.fields["paid_on"].widget.attrs.update(
            {"min": (today - LONGEST_AGO).isoformat(), "max": today.isoformat()}
        )
        # The ways this loan can be paid first, then any other (a payment may come any way).
        offered = list(dict.fromkeys([*kinds, *PaymentMethodKind.values]))
        self.fields["how"].choices = [
            ("", _("I am not sure")),
            *((kind, PaymentMethodKind(kind).label) for kind in offered),
        ]
        choose_from_list(self.fields["how"], _("Choose one of the ways to pay listed."))


@require_http_methods(["GET", "POST"])
@borrower_required
def loan_paid(request, reference):
    loan = get_object_or_404(selectors.loans_of(borrower=request.borrower), reference=reference)
    statement = statement_for(loan=loan)
    if statement.position.owes_nothing:
        return paid_off(request, loan)
    today = statement.today
    kinds = [
        method.kind
        for method in methods_for(product_id=loan.product_id, lender_id=loan.product.lender_id)
    ]
    form = PaidForm(request.POST or None, today=today, currency=loan.currency, kinds=kinds)
    waiting = open_report(loan)
    if request.method == "POST" and waiting is None and form.is_valid():
        try:
            report = report_payment(loan=loan, today=today, **form.cleaned_data)
        except ReportError as refused:
            form.add_error(refused.field or None, str(refused))
        else:
            messages.success(
                request,
                _(
                    "Thank you. We will look out for your payment and not send payment "
                    "reminders until %(date)s."
                )
                % {"date": date_format(report.hold_until, "DATE_FORMAT")},
            )
            return redirect("loan_statement", reference)
    last = loan.payment_reports.first()
    return render(
        request,
        "repayment/paid.html",
        {
            "statement": statement,
            "form": form,
            "report": waiting,
            "not_found": last
            if last is not None and last.status == PaymentReportStatus.NOT_FOUND
            else None,
            "earliest": today - timedelta(days=LONGEST_AGO.days),
        },
    )
