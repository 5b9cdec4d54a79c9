"""Celery tasks for statement PDFs: each loads by id and calls ``pdf_requests``. Registered
with the worker through ``CELERY_IMPORTS`` (autodiscovery finds only ``repayment.tasks``)."""

from celery import shared_task

# A render that fails (the database away, WeasyPrint out of memory) is tried this many more
# times before the borrower is told it failed and offered to try again.
RETRIES = 2


@shared_task(bind=True, acks_late=True, max_retries=RETRIES, default_retry_delay=30)
def prepare_statement_pdf(self, pdf_id: int) -> str:
    """Render a long statement's PDF the borrower asked for, and keep it for them."""
    from repayment.statements import pdf_requests

    try:
        pdf = pdf_requests.prepare(pdf_id)
    except Exception as exc:
        if self.request.retries < self.max_retries:
            raise self.retry(exc=exc) from exc
        pdf_requests.mark_failed(pdf_id)
        raise
    return pdf.status if pdf is not None else "gone"


@shared_task
def delete_expired_statement_pdfs() -> int:
    """Daily: delete statement PDFs past their STATEMENT_PDF_KEEP_HOURS, files and rows."""
    from repayment.statements import pdf_requests

    return pdf_requests.delete_expired()
