"""My loans, a loan's statement and what a borrower can arrange for it: the same values the
home, statement and help pages render."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.response import Response

from repayment import selectors
from repayment.borrowers_word import open_word, open_words
from repayment.debt_advice import advice_for
from repayment.plans.options import options_for
from repayment.plans.proposing import proposal_under_review
from repayment.plans.wording import offer_name
from repayment.statements.cache import statement_for

from ..serializers.loans import LoanSummarySerializer, StatementSerializer
from ..serializers.plans import OffersSerializer
from ..serializers.requests import IsoDateField
from .base import BorrowerView
from .errors import ERRORS


class LoanList(BorrowerView):
    @extend_schema(
        operation_id="loans_list",
        summary="My loans",
        responses={200: LoanSummarySerializer(many=True), **ERRORS.auth},
    )
    def get(self, request):
        loans = list(selectors.loans_of(borrower=self.borrower))
        words = open_words(loans)
        return Response(
            [
                LoanSummarySerializer(
                    statement_for(loan=loan),
                    context={
                        "currency": loan.currency,
                        "language": self.language,
                        "has_active_plan": loan.has_active_plan,
                        "word": words[loan.pk],
                    },
                ).data
                for loan in loans
            ]
        )


class LoanStatement(BorrowerView):
    @extend_schema(
        operation_id="loan_statement",
        summary="A loan's statement",
        description="The statement the statement page shows: balances by component, what is "
        "due, days past due, the next payment, every entry since `since` (a year back by "
        "default) and what happens if nothing is paid.",
        parameters=[
            OpenApiParameter(
                "since",
                type=OpenApiTypes.DATE,
                description="List entries from this date (YYYY-MM-DD); a year back without it.",
            )
        ],
        responses={200: StatementSerializer, **ERRORS.read},
    )
    def get(self, request, reference):
        loan = self.loan(reference)
        since = None
        if "since" in request.query_params:
            try:
                since = IsoDateField().run_validation(request.query_params["since"])
            except exceptions.ValidationError as error:
                raise exceptions.ValidationError({"since": error.detail}) from None
        value = statement_for(loan=loan, since=since)
        context = {
            "currency": value.currency,
            "language": self.language,
            "debt_advice": advice_for(product=loan.product, language=self.language),
            "word": open_word(loan),
        }
        return Response(StatementSerializer(value, context=context).data)


def unavailable(options) -> dict | None:
    """Why a loan has no offers, in the words of the help page; None when it has some."""
    if options.offers:
        return None
    if options.active_plan:
        return {
            "code": "active_plan",
            "message": _("This loan has a plan in place now, so it cannot take up another one."),
        }
    if options.at_plan_limit:
        return {
            "code": "plan_limit",
            "message": _(
                "This loan has had as many plans this year as we can agree online. You can "
                "still propose a plan: a person will look at it with you."
            ),
        }
    return {
        "code": "none_fits",
        "message": _(
            "We have no ready-made plan for this loan today. You can propose your own plan, "
            "or ask for a pause."
        ),
    }


class LoanOffers(BorrowerView):
    @extend_schema(
        operation_id="loan_offers",
        summary="Plans we can agree now",
        responses={200: OffersSerializer, **ERRORS.read},
    )
    def get(self, request, reference):
        loan = self.loan(reference)
        options = options_for(loan=loan)
        value = {
            "reference": loan.reference,
            "currency": loan.currency,
            "amount_due": options.statement.amount_due,
            "offers": [
                {"code": code, "name": offer_name(terms), "terms": terms}
                for code, terms in options.offers
            ],
            "unavailable": unavailable(options),
            "active_plan": options.active_plan.pk if options.active_plan else None,
            "can_propose": not options.paid_off
            and options.active_plan is None
            and proposal_under_review(loan) is None,
        }
        return Response(OffersSerializer(value, context={"currency": loan.currency}).data)
