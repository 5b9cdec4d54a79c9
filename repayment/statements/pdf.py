"""The account statement, and the letter that says a loan is paid in full, as PDFs: the same
``Statement`` value the page shows, rendered by WeasyPrint as PDF/UA-1, so each file is tagged
(headings, lists, tables with header cells) and carries its language and title for screen
readers.

Everything the PDF needs is inside the HTML (inline CSS, system fonts found by fontconfig), so
rendering fetches nothing: the URL fetcher refuses every scheme but ``data:``.
"""

from __future__ import annotations

import re

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from weasyprint import HTML, URLFetcher

from repayment.borrowers_word import OpenWord
from repayment.statements.build import PAID_OFF, Statement
from repayment.statements.chart import balance_chart

PDF_VARIANT = "pdf/ua-1"
TEMPLATE = "repayment/pdf/statement.html"
PAID_IN_FULL_TEMPLATE = "repayment/pdf/paid_in_full.html"

# The msgid the page's pagination already uses, so translators translate it once.
_PAGE_OF = "Page %(number)s of %(total)s"
_PLACEHOLDER = re.compile(r"%\((number|total)\)s")
_COUNTERS = {"number": "counter(page)", "total": "counter(pages)"}


def render_statement_pdf(
    *,
    statement: Statement,
    borrower_name: str,
    language: str,
    question_url: str = "",
    word: OpenWord | None = None,
) -> bytes:
    """The statement as PDF bytes, in ``language`` (a Django language code), addressed to
    ``borrower_name``. ``question_url``: the full address of the page where the borrower
    questions an entry, printed beside the words that say where it is. ``word``: what the
    borrower told us that holds reminders, said as the statement page says it."""
    return _render(
        TEMPLATE,
        statement=statement,
        language=language,
        borrower_name=borrower_name,
        chart=balance_chart(statement.balance_series, statement.today),
        question_url=question_url,
        word=word or OpenWord(),
    )


def render_paid_in_full_pdf(*, statement: Statement, borrower_name: str, language: str) -> bytes:
    """The letter confirming that the loan of ``statement`` is paid in full, dated the
    borrower's today. Refuses a statement whose position is not paid off: the letter would
    not be true."""
    if statement.position.status != PAID_OFF:
        raise ValueError(f"loan {statement.reference} is not paid off")
    return _render(
        PAID_IN_FULL_TEMPLATE,
        statement=statement,
        language=language,
        borrower_name=borrower_name,
    )


def _render(template: str, *, statement: Statement, language: str, **context) -> bytes:
    with translation.override(language):
        html = render_to_string(
            template,
            {
                "statement": statement,
                "language": translation.get_language(),
                "created": statement.as_of.isoformat(timespec="seconds"),
                "page_number_content": page_number_content(),
                **context,
            },
        )
    document = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols=("data",)))
    return document.write_pdf(pdf_variant=PDF_VARIANT)


def page_number_content() -> SafeString:
    """A CSS ``content`` value for "Page 1 of 3" in the active language, with the numbers as
    page counters wherever the translation puts them."""
    parts = _PLACEHOLDER.split(gettext(_PAGE_OF))
    values = [
        _COUNTERS[part] if index % 2 else css_string(part)
        for index, part in enumerate(parts)
        if part or index % 2
    ]
    # Safe because every piece is a counter() or went through css_string.
    return mark_safe(" ".join(values) or '""')  # noqa: S308


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string that cannot end the string or the <style> element."""
    escaped = "".join(
        ch if ch.isprintable() and ch not in '"\\<>&' else f"\\{ord(ch):x} " for ch in text
    )
    return f'"{escaped}"'
