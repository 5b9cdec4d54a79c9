from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from repayment import selectors
from repayment.borrowers import borrower_required
from repayment.paying.methods import pay_request
from repayment.statements.cache import statement_for


@require_GET
@borrower_required
def pay(request, reference):
    loan = get_object_or_404(selectors.loans_of(borrower=request.borrower), reference=reference)
    statement = statement_for(loan=loan)
    return render(
        request,
        "repayment/pay.html",
        {"statement": statement, "asked": pay_request(statement.position)},
    )
