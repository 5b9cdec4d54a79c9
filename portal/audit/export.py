"""The trail as CSV. A cell a spreadsheet would read as a formula (=, +, -, @, or a tab or
carriage return first) is prefixed with an apostrophe, so opening the file runs nothing."""

import csv
from collections.abc import Iterable, Iterator

from django.utils import timezone
from django.utils.translation import gettext as _

from .trail import TrailRow

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    def write(self, value):
        return value


def header() -> list[str]:
    return [
        _("When"),
        _("Who"),
        _("From"),
        _("Borrower number"),
        _("Borrower"),
        _("Kind"),
        _("What"),
        _("Code"),
        _("Reason"),
        _("Changes"),
    ]


def cells(row: TrailRow) -> list:
    changes = "; ".join(f"{c.field}: {c.old} → {c.new}" for c in row.changes)
    return [
        timezone.localtime(row.at).isoformat(),
        row.who,
        row.ip,
        row.borrower_id,
        row.borrower_name,
        row.kind,
        row.what,
        row.code,
        row.reason,
        changes,
    ]


def csv_lines(rows: Iterable[TrailRow]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    # A byte-order mark, so spreadsheet programs read the file as UTF-8 (names in Chinese).
    yield "\ufeff" + writer.writerow(header())
    for row in rows:
        yield writer.writerow([neutralise(cell) for cell in cells(row)])
