from django.http import HttpResponse
from django.views.decorators.http import require_GET

from portal.accounts.decorators import borrower_required

from . import selectors


@require_GET
@borrower_required
def statement_pdf(request, reference):
    selectors.loan_of(borrower=request.borrower, reference=reference)
    return HttpResponse(status=501)
