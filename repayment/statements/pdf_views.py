from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from repayment import selectors
from repayment.borrowers import borrower_required
from repayment.borrowers_word import open_word
from repayment.engagement.recording import mark_statement_shown
from repayment.models import StatementPdf, StatementPdfStatus
from repayment.statements import pdf_requests
from repayment.statements.build import PAID_OFF
from repayment.statements.cache import statement_for
from repayment.statements.forms import HistoryFilterForm
from repayment.statements.pdf import render_paid_in_full_pdf, render_statement_pdf

# How often the page waiting for a long statement's PDF looks again.
REFRESH_SECONDS = 5


@never_cache
@require_GET
@borrower_required
def statement_pdf(request, reference):
    """The statement page as a PDF download, in the page's language. Takes the same optional
    ``since`` as the page; without it, or with one the page refuses (after the borrower's
    today, before the loan started), the itemisation starts where the page's does. A long
    statement is made by a task: the borrower is sent to a page that waits for it."""
    loan = get_object_or_404(selectors.loans_of(borrower=request.borrower), reference=reference)
    statement = statement_for(
        loan=loan, since=HistoryFilterForm(request.GET or None, loan=loan).chosen("since")
    )
    question_url = request.build_absolute_uri(reverse("loan_dispute", args=[loan.reference]))
    if not pdf_requests.renders_inline(statement):
        pdf = pdf_requests.request_pdf(
            loan=loan,
            statement=statement,
            language=translation.get_language(),
            question_url=question_url,
        )
        return redirect("loan_statement_pdf_prepared", loan.reference, pdf.pk)
    mark_statement_shown(request, loan)
    pdf = render_statement_pdf(
        statement=statement,
        borrower_name=loan.borrower.full_name,
        language=translation.get_language(),
        question_url=question_url,
        word=open_word(loan),
    )
    return _download(pdf, "statement", statement)


@never_cache
@require_GET
@borrower_required
def prepared_statement(request, reference, pk):
    """Where the borrower waits for a long statement's PDF: the page refreshes itself (no
    script) until the file is ready, then offers it; a failed or expired one can be asked for
    again."""
    pdf = _own_pdf(request, reference, pk)
    state = pdf_requests.state(pdf)
    return render(
        request,
        "repayment/statement_pdf.html",
        {
            "pdf": pdf,
            "reference": pdf.loan.reference,
            "state": state,
            "refresh_seconds": REFRESH_SECONDS if state == StatementPdfStatus.PENDING else None,
            "keep_hours": settings.STATEMENT_PDF_KEEP_HOURS,
        },
    )


@never_cache
@require_GET
@borrower_required
def prepared_statement_file(request, reference, pk):
    """The prepared PDF itself, while it is kept; otherwise back to its page, which says why."""
    pdf = _own_pdf(request, reference, pk)
    if pdf_requests.state(pdf) != StatementPdfStatus.READY:
        return redirect("loan_statement_pdf_prepared", pdf.loan.reference, pdf.pk)
    try:
        handle = pdf.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        content_type="application/pdf",
        as_attachment=True,
        filename=pdf_requests.filename(pdf),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@borrower_required
def prepare_statement_again(request, reference, pk):
    """A failed or expired request asked for again: the same period, the statement as it
    stands now, in the page's language. A request still pending or ready is left as it is."""
    pdf = _own_pdf(request, reference, pk)
    if pdf_requests.state(pdf) in pdf_requests.LIVE:
        return redirect("loan_statement_pdf_prepared", pdf.loan.reference, pdf.pk)
    loan = pdf.loan
    again = pdf_requests.request_pdf(
        loan=loan,
        statement=statement_for(loan=loan, since=pdf.since),
        language=translation.get_language(),
        question_url=pdf.question_url,
    )
    return redirect("loan_statement_pdf_prepared", loan.reference, again.pk)


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


def _own_pdf(request, reference, pk) -> StatementPdf:
    """The borrower's own request, on their own loan: anyone else's is a 404."""
    loan = get_object_or_404(selectors.loans_of(borrower=request.borrower), reference=reference)
    pdf = get_object_or_404(StatementPdf, loan=loan, pk=pk)
    pdf.loan = loan
    return pdf


def _download(pdf: bytes, name: str, statement) -> HttpResponse:
    filename = pdf_requests.download_name(name, statement.reference, statement.today)
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": content_disposition_header(True, filename)},
    )
