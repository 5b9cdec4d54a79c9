import re

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from repayment import selectors
from repayment.borrowers import borrower_required
from repayment.borrowers_word import open_word
from repayment.statements.build import PAID_OFF
from repayment.statements.cache import statement_for
from repayment.statements.forms import HistoryFilterForm
from repayment.statements.pdf import render_paid_in_full_pdf, render_statement_pdf

_UNSAFE_IN_FILENAME = re.compile(r"[^A-Za-z0-9._-]+")


@never_cache
@require_GET
@borrower_required
def statement_pdf(request, reference):
    """The statement page as a PDF download, in the page's language. Takes the same optional
    ``since`` as the page; without it, or with one the page refuses (after the borrower's
    today, before the loan started), the itemisation starts where the page's does."""
    loan = get_object_or_404(selectors.loans_of(borrower=request.borrower), reference=reference)
    statement = statement_for(
        loan=loan, since=HistoryFilterForm(request.GET or None, loan=loan).chosen("since")
    )
    pdf = render_statement_pdf(
        statement=statement,
        borrower_name=loan.borrower.full_name,
        language=translation.get_language(),
        question_url=request.build_absolute_uri(reverse("loan_dispute", args=[loan.reference])),
        word=open_word(loan),
    )
    return _download(pdf, "statement", statement)


@never_cache
@require_GET
@borrower_required
def paid_in_full_pdf(request, reference):
    """The letter confirming a loan is paid in full, in the page's language: for the
    borrower's own loan, and only once it is paid off (until then there is no such letter)."""
    loan = get_object_or_404(selectors.loans_of(borrower=request.borrower), reference=reference)
    statement = statement_for(loan=loan)
    if statement.position.status != PAID_OFF:
        raise Http404("This loan is not paid off.")
    pdf = render_paid_in_full_pdf(
        statement=statement,
        borrower_name=loan.borrower.full_name,
        language=translation.get_language(),
    )
    return _download(pdf, "paid-in-full", statement)


def _download(pdf: bytes, name: str, statement) -> HttpResponse:
    filename = "{}-{}-{}.pdf".format(
        name, _UNSAFE_IN_FILENAME.sub("-", statement.reference), statement.today.isoformat()
    )
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": content_disposition_header(True, filename)},
    )
