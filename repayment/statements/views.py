from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from repayment import selectors
from repayment.borrowers import borrower_required
from repayment.borrowers_word import open_word, open_words
from repayment.plans.active_plans import active_plans
from repayment.statements.cache import statement_for
from repayment.statements.chart import balance_chart
from repayment.statements.forms import HistoryFilterForm

HISTORY_PAGE_SIZE = 25


@require_GET
@borrower_required
def home(request):
    loans = list(selectors.loans_of(borrower=request.borrower))
    statements = [statement_for(loan=loan) for loan in loans]
    plans = active_plans(
        [s for s, loan in zip(statements, loans, strict=True) if loan.has_active_plan]
    )
    words = open_words(loans)
    return render(
        request,
        "repayment/home.html",
        {
            "borrower": request.borrower,
            "loans": [(s, plans.get(s.loan_id), words[s.loan_id]) for s in statements],
            "statements": statements,
        },
    )


def statement_context(*, loan, params) -> dict:
    """What the statement page shows of ``loan``, for the period and page asked for in
    ``params`` (the query string). The borrower's page and the console's read-only view both
    build from this, so staff see exactly what the borrower sees."""
    form = HistoryFilterForm(params or None, loan=loan)
    value = statement_for(loan=loan, since=form.chosen("since"))
    page = Paginator(value.history, HISTORY_PAGE_SIZE).get_page(form.chosen("page") or 1)
    word = open_word(loan)
    return {
        "statement": value,
        "plan": active_plans([value]).get(value.loan_id) if loan.has_active_plan else None,
        "promise": word.promise,
        "report": word.report,
        "form": form
        if form.is_bound
        else HistoryFilterForm(initial={"since": value.itemisation.since}, loan=loan),
        "history_page": page,
        "chart": balance_chart(value.balance_series, value.today),
    }


@require_GET
@borrower_required
def statement(request, reference):
    loan = get_object_or_404(selectors.loans_of(borrower=request.borrower), reference=reference)
    return render(
        request, "repayment/statement.html", statement_context(loan=loan, params=request.GET)
    )
