"""A lender's payment page address, filled in with the borrower's reference and amount."""

from __future__ import annotations

from decimal import Decimal
from string import Formatter
from urllib.parse import quote, urlsplit

from django.utils.translation import gettext as _

PLACEHOLDERS = ("reference", "amount")


def link_template_problems(template: str) -> list[str]:
    """Why staff cannot save this address, in their words; empty when it is fine."""
    problems = []
    parts = urlsplit(template.strip())
    if parts.scheme != "https" or not parts.netloc:
        problems.append(_("The address must start with https:// and name the payment site."))
    try:
        names = [
            name for _text, name, _spec, _conv in Formatter().parse(template) if name is not None
        ]
    except ValueError:
        return [*problems, _("A { or } is not closed. Write placeholders as {reference}.")]
    unknown = sorted({name for name in names if name not in PLACEHOLDERS})
    if unknown:
        problems.append(
            _("Unknown placeholder: %(names)s. You can use {reference} and {amount}.")
            % {"names": ", ".join("{" + name + "}" for name in unknown)}
        )
    if "reference" not in names:
        problems.append(
            _("Add {reference}, so that the payment can be matched to the borrower's loan.")
        )
    if any(spec or conv for _text, name, spec, conv in Formatter().parse(template) if name):
        problems.append(_("Write placeholders as {reference} and {amount}, with nothing else."))
    return problems


def payment_link(template: str, *, reference: str, amount: Decimal | None) -> str:
    """The address with the placeholders filled in, each safely quoted for a URL."""
    return template.format(
        reference=quote(reference, safe=""),
        amount=quote(f"{amount:.2f}" if amount is not None else "", safe=""),
    )
