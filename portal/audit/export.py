"""The trail as CSV. A cell a spreadsheet would read as a formula (=, +, -, @, or a tab or
carriage return first) is prefixed with an apostrophe, so opening the file runs nothing."""

import csv
from collections.abc import Iterable, Iterator

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .trail import TrailRow

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    def write(self, value):
        return value


def header() -> list[str]:
    """The page's names, then the numbers and codes behind them for cross-checking."""
    return [
        _("When"),
        _("Who"),
        _("E-mail"),
        pgettext("the network address a request came from", "From"),
        _("Borrower"),
        _("Loan references"),
        _("Kind"),
        _("What"),
        pgettext("the object an audit record concerns", "About"),
        _("Reason"),
        _("Changes"),
        _("Borrower number"),
        _("Code"),
    ]


def cells(row: TrailRow) -> list:
    changes = "; ".join(f"{c.field}: {c.old} → {c.new}" for c in row.changes)
    return [
        timezone.localtime(row.at).isoformat(),
        row.who_name or row.who,
        row.who,
        row.ip,
        row.borrower_name,
        ", ".join(row.borrower_references),
        row.kind_label,
        row.what,
        row.about,
        row.reason,
        changes,
        row.borrower_id,
        row.code,
    ]


def csv_lines(rows: Iterable[TrailRow]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    # A byte-order mark, so spreadsheet programs read the file as UTF-8 (names in Chinese).
    yield "\ufeff" + writer.writerow(header())
    for row in rows:
        yield writer.writerow([neutralise(cell) for cell in cells(row)])
