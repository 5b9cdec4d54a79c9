import re

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from repayment import selectors
from repayment.borrowers import borrower_required
from repayment.statements.cache import statement_for
from repayment.statements.forms import HistoryFilterForm
from repayment.statements.pdf import render_statement_pdf

_UNSAFE_IN_FILENAME = re.compile(r"[^A-Za-z0-9._-]+")


@never_cache
@require_GET
@borrower_required
def statement_pdf(request, reference):
    """The statement page as a PDF download, in the page's language. Takes the same optional
    ``since`` as the page; without it the itemisation starts where the page's does."""
    loan = get_object_or_404(selectors.loans_of(borrower=request.borrower), reference=reference)
    statement = statement_for(
        loan=loan, since=HistoryFilterForm(request.GET or None).chosen("since")
    )
    pdf = render_statement_pdf(statement=statement, language=translation.get_language())
    filename = "statement-{}-{}.pdf".format(
        _UNSAFE_IN_FILENAME.sub("-", statement.reference), statement.today.isoformat()
    )
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": content_disposition_header(True, filename)},
    )
