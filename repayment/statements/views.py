from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from education import cache as content_cache
from repayment import selectors
from repayment.borrowers import borrower_required
from repayment.borrowers_word import open_word, open_words
from repayment.engagement.recording import mark_statement_shown
from repayment.plans.active_plans import active_plans
from repayment.statements.cache import statement_for, statement_with
from repayment.statements.chart import balance_chart
from repayment.statements.forms import HistoryFilterForm
from repayment.statements.loan_marks import marked_loan_or_404
from repayment.statements.parts import PREFETCHED, part_key

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


def statement_context(*, loan, params, read_only: bool = False) -> dict:
    """What the statement page shows of ``loan``, for the period and page asked for in
    ``params`` (the query string). The borrower's page and the console's read-only view both
    build from this, so staff see exactly what the borrower sees. ``read_only``: as the
    template is told, so that the cached parts are read with the statement."""
    form = HistoryFilterForm(params or None, loan=loan)
    word = open_word(loan)
    language = get_language()
    glossary_version = content_cache.generation()
    asked_page = form.chosen("page") or 1

    def parts(statement_key: str) -> list[str]:
        # Named as statement_body.html names them: a part named otherwise is only read apart.
        return [
            part_key(
                "next_action",
                statement_key,
                language,
                read_only,
                "report" if word.report else "none",
                glossary_version,
            ),
            part_key("facts", statement_key, language, read_only, glossary_version),
            part_key("history", statement_key, language, read_only, asked_page),
        ]

    value, found = statement_with(loan=loan, since=form.chosen("since"), also=parts)
    page = Paginator(value.history, HISTORY_PAGE_SIZE).get_page(asked_page)
    return {
        "statement": value,
        PREFETCHED: found,
        "plan": active_plans([value]).get(value.loan_id) if loan.has_active_plan else None,
        "promise": word.promise,
        "report": word.report,
        "form": form
        if form.is_bound
        else HistoryFilterForm(initial={"since": value.itemisation.since}, loan=loan),
        "history_page": page,
        # Worked out only if the page draws it: a cached part may already hold it.
        "chart": SimpleLazyObject(lambda: balance_chart(value.balance_series, value.today)),
    }


@require_GET
@borrower_required
def statement(request, reference):
    loan = marked_loan_or_404(borrower=request.borrower, reference=reference)
    mark_statement_shown(request, loan)
    return render(
        request, "repayment/statement.html", statement_context(loan=loan, params=request.GET)
    )
