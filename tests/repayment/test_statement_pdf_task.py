"""A long statement's PDF is made by a task: the borrower waits on a page that refreshes
itself, then downloads the file; the file is theirs alone, kept for a while, then deleted."""

import datetime as dt
from pathlib import Path

import pytest
import time_machine
from django.urls import reverse

from repayment.models import StatementPdf, StatementPdfStatus
from repayment.statements import pdf_requests
from repayment.statements.cache import statement_for
from repayment.statements.tasks import delete_expired_statement_pdfs
from tests.factories import BorrowerFactory, LoanFactory, UserFactory
from tests.repayment.plan_fixtures import late_loan
from tests.repayment.statements.conftest import bulk_ledger

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 5, 20, 4, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    """Prepared files go to a folder of the test's own."""
    settings.STATEMENT_FILES_ROOT = tmp_path / "private_files"
    return settings.STATEMENT_FILES_ROOT


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def long_enough(monkeypatch):
    """A few lines count as long, so the tests need not render hundreds of them."""
    monkeypatch.setattr(pdf_requests, "INLINE_MAX_LINES", 3)


@pytest.fixture
def loan(client, frozen):
    loan = late_loan()
    client.force_login(loan.borrower.user)
    return loan


def pdf_url(loan):
    return reverse("loan_statement_pdf", args=[loan.reference])


def page_url(pdf):
    return reverse("loan_statement_pdf_prepared", args=[pdf.loan.reference, pdf.pk])


def file_url(pdf):
    return reverse("loan_statement_pdf_file", args=[pdf.loan.reference, pdf.pk])


def again_url(pdf):
    return reverse("loan_statement_pdf_again", args=[pdf.loan.reference, pdf.pk])


def ask(client, loan, django_capture_on_commit_callbacks, *, run=True, since=None):
    """Ask for the statement PDF; with ``run``, the task runs (eagerly) once the request's
    transaction commits, as it does in the demo."""
    with django_capture_on_commit_callbacks(execute=run):
        return client.get(pdf_url(loan), {"since": since.isoformat()} if since else {})


def test_a_long_statement_is_prepared_by_a_task_and_then_downloaded(
    client, frozen, django_capture_on_commit_callbacks, _private_files
):
    """Really past the line: more than 200 history lines, rendered by WeasyPrint."""
    user = UserFactory()
    loan = LoanFactory(
        borrower=BorrowerFactory(user=user),
        disbursed_on=dt.date(2019, 12, 1),
        first_due_date=dt.date(2020, 1, 1),
        installment_count=240,
    )
    bulk_ledger(loan, 320)
    since = dt.date(2019, 12, 1)
    assert len(statement_for(loan=loan, since=since).history) > pdf_requests.INLINE_MAX_LINES
    assert pdf_requests.INLINE_MAX_LINES == 200
    client.force_login(user)

    response = ask(client, loan, django_capture_on_commit_callbacks, since=since)

    pdf = StatementPdf.objects.get(loan=loan)
    assert response.status_code == 302
    assert response.url == page_url(pdf)
    assert pdf.status == StatementPdfStatus.READY
    assert pdf.expires_at == NOW + dt.timedelta(hours=24)
    page = client.get(response.url).content.decode()
    assert "Your statement is ready" in page
    assert file_url(pdf) in page
    assert 'http-equiv="refresh"' not in page

    download = client.get(file_url(pdf))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == (
        f'attachment; filename="statement-{loan.reference}-2026-05-20.pdf"'
    )
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    # Kept privately, outside MEDIA_ROOT.
    assert pdf.file.path.startswith(str(_private_files))


def test_while_it_is_prepared_the_page_refreshes_itself_and_the_file_waits(
    client, loan, long_enough, django_capture_on_commit_callbacks
):
    response = ask(client, loan, django_capture_on_commit_callbacks, run=False)

    pdf = StatementPdf.objects.get(loan=loan)
    assert pdf.status == StatementPdfStatus.PENDING
    page = client.get(response.url)
    html = page.content.decode()
    assert "Your statement is being prepared" in html
    assert '<meta http-equiv="refresh" content="5">' in html
    assert page["Cache-Control"].startswith("max-age=0")
    # The file's address, asked too early, leads back to the page.
    early = client.get(file_url(pdf))
    assert early.status_code == 302
    assert early.url == page_url(pdf)


def test_asking_twice_reuses_the_pending_request(
    client, loan, long_enough, django_capture_on_commit_callbacks, monkeypatch
):
    sent = []
    monkeypatch.setattr(pdf_requests.prepare_statement_pdf, "delay", sent.append)

    first = ask(client, loan, django_capture_on_commit_callbacks)
    second = ask(client, loan, django_capture_on_commit_callbacks)

    pdf = StatementPdf.objects.get(loan=loan)
    assert first.url == second.url == page_url(pdf)
    assert sent == [pdf.pk]


def test_asking_again_once_ready_reuses_the_file(
    client, loan, long_enough, django_capture_on_commit_callbacks, monkeypatch
):
    ask(client, loan, django_capture_on_commit_callbacks)
    rendered = []
    monkeypatch.setattr(pdf_requests, "render_statement_pdf", rendered.append)

    again = ask(client, loan, django_capture_on_commit_callbacks)

    assert StatementPdf.objects.get(loan=loan).status == StatementPdfStatus.READY
    assert again.url == page_url(StatementPdf.objects.get(loan=loan))
    assert rendered == []


def test_a_redelivered_task_does_not_render_again(
    client, loan, long_enough, django_capture_on_commit_callbacks, monkeypatch
):
    ask(client, loan, django_capture_on_commit_callbacks)
    pdf = StatementPdf.objects.get(loan=loan)
    monkeypatch.setattr(pdf_requests, "render_statement_pdf", lambda **kw: pytest.fail("again"))

    assert pdf_requests.prepare_statement_pdf.delay(pdf.pk).get() == "ready"


def test_another_borrower_gets_404_for_the_page_the_file_and_trying_again(
    client, loan, long_enough, django_capture_on_commit_callbacks
):
    ask(client, loan, django_capture_on_commit_callbacks)
    pdf = StatementPdf.objects.get(loan=loan)
    intruder = UserFactory()
    own_loan = LoanFactory(borrower=BorrowerFactory(user=intruder))
    client.force_login(intruder)

    assert client.get(page_url(pdf)).status_code == 404
    assert client.get(file_url(pdf)).status_code == 404
    assert client.post(again_url(pdf)).status_code == 404
    # Nor under the intruder's own loan's address.
    mixed = reverse("loan_statement_pdf_file", args=[own_loan.reference, pdf.pk])
    assert client.get(mixed).status_code == 404


def test_an_expired_file_is_refused_and_the_clean_up_deletes_it(
    client, loan, long_enough, frozen, django_capture_on_commit_callbacks
):
    ask(client, loan, django_capture_on_commit_callbacks)
    pdf = StatementPdf.objects.get(loan=loan)
    path = pdf.file.path

    frozen.shift(dt.timedelta(hours=24, seconds=1))

    refused = client.get(file_url(pdf))
    assert refused.status_code == 302
    assert refused.url == page_url(pdf)
    html = client.get(page_url(pdf)).content.decode()
    assert "This file is no longer available" in html
    assert "We keep a prepared statement for 24 hours." in html
    assert f'action="{again_url(pdf)}"' in html
    assert "csrfmiddlewaretoken" in html

    assert delete_expired_statement_pdfs.delay().get() == 1
    assert not StatementPdf.objects.exists()
    assert not Path(path).exists()


def test_the_clean_up_keeps_files_still_in_their_time(
    client, loan, long_enough, frozen, django_capture_on_commit_callbacks
):
    ask(client, loan, django_capture_on_commit_callbacks)
    frozen.shift(dt.timedelta(hours=23))

    assert delete_expired_statement_pdfs.delay().get() == 0
    assert StatementPdf.objects.get(loan=loan).file


def test_an_expired_file_can_be_prepared_again(
    client, loan, long_enough, frozen, django_capture_on_commit_callbacks
):
    ask(client, loan, django_capture_on_commit_callbacks)
    old = StatementPdf.objects.get(loan=loan)
    frozen.shift(dt.timedelta(hours=25))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(again_url(old))

    new = StatementPdf.objects.exclude(pk=old.pk).get(loan=loan)
    assert response.url == page_url(new)
    assert new.status == StatementPdfStatus.READY
    assert new.since == old.since


def test_a_short_statement_still_downloads_at_once(client, loan):
    response = client.get(pdf_url(loan))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert not StatementPdf.objects.exists()


def test_a_failing_render_is_marked_failed_and_can_be_tried_again(
    client, loan, long_enough, django_capture_on_commit_callbacks, monkeypatch
):
    attempts = []

    def broken(**kwargs):
        attempts.append(1)
        raise OSError("out of memory")

    real = pdf_requests.render_statement_pdf
    monkeypatch.setattr(pdf_requests, "render_statement_pdf", broken)

    response = ask(client, loan, django_capture_on_commit_callbacks)

    pdf = StatementPdf.objects.get(loan=loan)
    assert pdf.status == StatementPdfStatus.FAILED
    assert len(attempts) == 1 + pdf_requests.prepare_statement_pdf.max_retries == 3
    html = client.get(response.url).content.decode()
    assert "We could not prepare your statement" in html
    assert 'http-equiv="refresh"' not in html
    assert f'action="{again_url(pdf)}"' in html
    assert "csrfmiddlewaretoken" in html
    assert reverse("conversations:new") + f"?loan={loan.reference}" in html
    assert client.get(file_url(pdf)).url == page_url(pdf)

    monkeypatch.setattr(pdf_requests, "render_statement_pdf", real)
    with django_capture_on_commit_callbacks(execute=True):
        retried = client.post(again_url(pdf))

    new = StatementPdf.objects.get(loan=loan, status=StatementPdfStatus.READY)
    assert retried.url == page_url(new)


def test_the_page_speaks_the_borrowers_language(
    client, loan, long_enough, django_capture_on_commit_callbacks
):
    response = ask(client, loan, django_capture_on_commit_callbacks, run=False)
    pdf = StatementPdf.objects.get(loan=loan)
    assert pdf.language == "en"

    html = client.get(response.url.replace("/en/", "/zh-hans/")).content.decode()
    assert '<html lang="zh-hans">' in html
    assert f"贷款 {loan.reference} 的账单" in html


def test_the_clean_up_is_scheduled_and_the_worker_knows_the_tasks(settings):
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "repayment.statements.tasks.delete_expired_statement_pdfs" in scheduled
    assert "repayment.statements.tasks" in settings.CELERY_IMPORTS
