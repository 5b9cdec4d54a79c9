"""The free help and rights a borrower is shown beside their arrears: their own country's.

A loan's country is that of the contact rules it follows (its product's, or its lender's;
``LoanProduct.jurisdiction``). Editors publish each country's services and rights text in
Wagtail (``education.debt_advice``). A lender may name one service of its own instead: it is
shown only on loans that follow the lender's own contact rules, so a borrower never sees
another country's hotline. Pages, the PDF, the borrower API and the reminders all ask here.
"""

from __future__ import annotations

from education.debt_advice import Advice, AdviceBook, Service, advice_book

from .models import Lender, LoanProduct
from .models.loans import JURISDICTIONS


def advice_for(*, product: LoanProduct, language: str, book: AdviceBook | None = None) -> Advice:
    """The help for loans of ``product``, in ``language``. ``book``: the published content, if
    the caller has read it already (a run over many loans reads it once)."""
    book = book or advice_book()
    return book.advice(
        jurisdiction=product.jurisdiction,
        language=language,
        override=_lenders_own(product),
    )


def advice_for_loan(*, loan_id: int, language: str) -> Advice:
    """``advice_for`` the loan's product, for a caller that has only the loan's id (the
    statement value)."""
    product = LoanProduct.objects.select_related("lender").get(loans__pk=loan_id)
    return advice_for(product=product, language=language)


def _lenders_own(product: LoanProduct) -> Service | None:
    lender: Lender = product.lender
    name, phone, website = (
        (value or "").strip()
        for value in (lender.debt_advice_name, lender.debt_advice_phone, lender.debt_advice_url)
    )
    if not (name or phone or website):
        return None
    if JURISDICTIONS[lender.contact_rules] != product.jurisdiction:
        return None
    return Service(name=name, phone=phone, website=website)
