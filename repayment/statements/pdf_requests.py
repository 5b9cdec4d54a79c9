"""Long statement PDFs, made by a task instead of in the borrower's request.

WeasyPrint takes seconds per hundred history lines, so a statement longer than
``INLINE_MAX_LINES`` is not rendered inline: the request records a ``StatementPdf`` and a
Celery task (``repayment.statements.tasks``) renders it with the same functions as the inline
download, into private storage. The borrower waits on a page that refreshes itself and then
fetches the file. Files are kept ``STATEMENT_PDF_KEEP_HOURS``; after that the download is
refused and the daily clean-up deletes file and row.

Asking again for the same statement (same content, same language) while a request is pending
or ready reuses it: one render, whatever the number of clicks (the database holds it to one).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from repayment.borrowers_word import open_word
from repayment.models import Loan, StatementPdf, StatementPdfStatus
from repayment.statements.build import Statement
from repayment.statements.cache import statement_for
from repayment.statements.pdf import render_statement_pdf
from repayment.statements.tasks import prepare_statement_pdf

# Above this many history lines the PDF is made by a task (2,000 lines take WeasyPrint 15-19 s).
INLINE_MAX_LINES = 200

LIVE = (StatementPdfStatus.PENDING, StatementPdfStatus.READY)
# What the borrower's page says of a request: its status, or expired once past expires_at.
EXPIRED = "expired"

_UNSAFE_IN_FILENAME = re.compile(r"[^A-Za-z0-9._-]+")


def renders_inline(statement: Statement) -> bool:
    return len(statement.history) <= INLINE_MAX_LINES


def keep_for() -> timedelta:
    return timedelta(hours=settings.STATEMENT_PDF_KEEP_HOURS)


def request_pdf(
    *, loan: Loan, statement: Statement, language: str, question_url: str = ""
) -> StatementPdf:
    """The request for ``statement`` of ``loan`` as a PDF in ``language``: the pending or ready
    one already made for the same content, else a new one whose task is sent once this
    transaction commits (so the worker never looks for a row that is not there yet)."""
    if not statement.cache_key:
        raise ValueError("a statement from statement_for names its content; this one does not")
    now = timezone.now()
    same = StatementPdf.objects.filter(
        loan=loan, content_key=statement.cache_key, language=language
    )
    # An expired file of the same content would hold the one live place: it goes first.
    _delete(same.filter(expires_at__lte=now))
    live = same.filter(status__in=LIVE)
    if (found := live.first()) is not None:
        return found
    try:
        with transaction.atomic():
            pdf = StatementPdf.objects.create(
                loan=loan,
                language=language,
                since=statement.itemisation.since,
                as_of=statement.as_of,
                day=statement.today,
                content_key=statement.cache_key,
                question_url=question_url,
                expires_at=now + keep_for(),
            )
            transaction.on_commit(lambda: prepare_statement_pdf.delay(pdf.pk))
    except IntegrityError:
        # Asked twice at the same moment: the other request's row won; use it.
        return live.get()
    return pdf


def prepare(pdf_id: int) -> StatementPdf | None:
    """Render a pending request's PDF and keep it. Does nothing to a request that is gone
    (cleaned up) or no longer pending (a redelivered task): the work is done once."""
    pdf = (
        StatementPdf.objects.select_related("loan__product__lender", "loan__borrower")
        .filter(pk=pdf_id)
        .first()
    )
    if pdf is None or pdf.status != StatementPdfStatus.PENDING:
        return pdf
    loan = pdf.loan
    statement = statement_for(loan=loan, as_of=pdf.as_of, since=pdf.since)
    content = render_statement_pdf(
        statement=statement,
        borrower_name=loan.borrower.full_name,
        language=pdf.language,
        question_url=pdf.question_url,
        word=open_word(loan),
    )
    pdf.file.save("statement.pdf", ContentFile(content), save=False)
    now = timezone.now()
    # Only a row still pending becomes ready: the clean-up may have deleted it meanwhile.
    kept = StatementPdf.objects.filter(pk=pdf.pk, status=StatementPdfStatus.PENDING).update(
        status=StatementPdfStatus.READY,
        file=pdf.file.name,
        ready_at=now,
        expires_at=now + keep_for(),
    )
    if not kept:
        pdf.file.delete(save=False)
        return None
    pdf.refresh_from_db()
    return pdf


def mark_failed(pdf_id: int) -> None:
    StatementPdf.objects.filter(pk=pdf_id, status=StatementPdfStatus.PENDING).update(
        status=StatementPdfStatus.FAILED
    )


def state(pdf: StatementPdf, *, now: datetime | None = None) -> str:
    """What the borrower is told: pending, ready, failed, or expired once past its time."""
    if pdf.expires_at <= (now or timezone.now()):
        return EXPIRED
    return pdf.status


def filename(pdf: StatementPdf) -> str:
    """The name the borrower's download is saved under, as the inline download names it."""
    return download_name("statement", pdf.loan.reference, pdf.day)


def download_name(name: str, reference: str, day) -> str:
    return "{}-{}-{}.pdf".format(name, _UNSAFE_IN_FILENAME.sub("-", reference), day.isoformat())


def delete_expired(*, now: datetime | None = None) -> int:
    """Delete every request past its time, with its file. Returns how many."""
    return _delete(StatementPdf.objects.filter(expires_at__lte=now or timezone.now()))


def _delete(requests) -> int:
    count = 0
    for pdf in requests:
        if pdf.file:
            pdf.file.delete(save=False)
        pdf.delete()
        count += 1
    return count
