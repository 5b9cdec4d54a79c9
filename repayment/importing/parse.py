"""Reading a lender's batch into raw records, each named so a person can find it.

Parsing checks only the shape of the batch (a JSON object of lists of objects; a CSV file
with a header and a ``record`` column) and leaves what each field means to ``validate``. JSON
numbers are read as ``Decimal``, never ``float``, so an amount sent as a number keeps its digits.
Blank CSV cells and JSON nulls count as not given.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from django.utils.translation import gettext as _

from .records import BORROWER, ENTRY, FIELDS, LOAN, BatchRejected, RawRecord, RowError

CSV = "csv"
JSON = "json"
FORMATS = (CSV, JSON)

RECORD_COLUMN = "record"
# A header that names every column, in the documented order (external_id appears once).
CSV_HEADER = tuple(dict.fromkeys((RECORD_COLUMN, *(f for names in FIELDS.values() for f in names))))
CSV_COLUMNS = frozenset(CSV_HEADER)
# JSON batch keys, in the order their records are validated and reported.
JSON_LISTS = {"borrowers": BORROWER, "loans": LOAN, "entries": ENTRY}


def _file_error(message: str) -> BatchRejected:
    return BatchRejected([RowError(_("the file"), "", message)])


def format_for(*, path: Path, file_format: str | None = None) -> str:
    """The format named, or else the one the file's extension says."""
    chosen = (file_format or path.suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise _file_error(
            _("cannot tell the format from the name %(name)s; use --format csv or --format json")
            % {"name": path.name}
        )
    return chosen


def parse_file(*, path: Path, file_format: str | None = None) -> list[RawRecord]:
    chosen = format_for(path=path, file_format=file_format)
    # utf-8-sig: spreadsheet programs often start a UTF-8 CSV with a byte-order mark.
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            return parse_csv(stream=stream) if chosen == CSV else parse_json(stream=stream)
    except UnicodeDecodeError:
        raise _file_error(_("the file is not UTF-8 text")) from None


def parse_csv(*, stream: TextIO) -> list[RawRecord]:
    """One record per non-blank line after the header; ``row`` is the line number in the file
    where the record starts (a quoted value may span lines)."""
    reader = csv.reader(stream)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise _file_error(_("not readable as CSV: %(reason)s") % {"reason": exc}) from None
    if not header:
        raise _file_error(_("the file is empty; the first line must be the header"))
    columns = [name.strip() for name in header]
    header_errors = []
    seen: set[str] = set()
    for name in columns:
        if name in seen:
            header_errors.append(_("column %(name)s appears twice") % {"name": name})
        seen.add(name)
        if name not in CSV_COLUMNS:
            header_errors.append(_("unknown column %(name)s") % {"name": name})
    if RECORD_COLUMN not in seen:
        header_errors.append(_("the header has no record column"))
    if header_errors:
        line_one = _("line %(number)d") % {"number": 1}
        raise BatchRejected([RowError(line_one, "", message) for message in header_errors])

    width = len(columns)
    line_label = _("line %(number)d")
    wrong_width = _("has %(found)d columns; the header has %(expected)d")
    records: list[RawRecord] = []
    errors: list[RowError] = []
    last_line = reader.line_num
    try:
        for cells in reader:
            row = line_label % {"number": last_line + 1}
            last_line = reader.line_num
            if not any(cells):
                continue
            if len(cells) != width:
                errors.append(
                    RowError(row, "", wrong_width % {"found": len(cells), "expected": width})
                )
                continue
            fields = {
                name: stripped
                for name, value in zip(columns, cells, strict=True)
                if value and (stripped := value.strip())
            }
            kind = fields.pop(RECORD_COLUMN, "")
            errors += _nul_errors(row, fields)
            records.append(RawRecord(kind=kind, row=row, fields=fields))
    except csv.Error as exc:
        errors.append(
            RowError(
                line_label % {"number": reader.line_num},
                "",
                _("not readable as CSV: %(reason)s") % {"reason": exc},
            )
        )
    if errors:
        raise BatchRejected(errors)
    return records


def _nul_errors(row: str, fields: Mapping[str, object]) -> list[RowError]:
    """The one character PostgreSQL text cannot hold, refused in every format before a
    lookup sends it to the database."""
    return [
        RowError(row, name, _("contains a NUL character"))
        for name, value in fields.items()
        if isinstance(value, str) and "\x00" in value
    ]


def _refuse_constant(name: str) -> object:
    raise ValueError(_("%(name)s is not a number") % {"name": name})


# A key longer than this is cut short in the message that names it.
KEY_SHOWN = 100


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """An object whose keys are all different: ``json`` would keep the last of two values
    silently, so a field sent twice (e.g. two amounts) would be half read."""
    fields = dict(pairs)
    if len(fields) != len(pairs):
        seen = set()
        for key, _value in pairs:
            if key in seen:
                shown = key if len(key) <= KEY_SHOWN else key[:KEY_SHOWN] + "…"
                raise ValueError(
                    _("the key %(key)s appears twice in one object; send each key once")
                    % {"key": json.dumps(shown, ensure_ascii=False)}
                )
            seen.add(key)
    return fields


def decode_json(text: str) -> object:
    """A JSON batch with its numbers as ``Decimal``, never ``float`` (an amount sent as a
    number keeps its digits), NaN and Infinity refused, and an object that repeats a key
    refused. Raises ValueError (RecursionError for absurd nesting), for the file import and
    the lender API alike."""
    return json.loads(
        text,
        parse_float=Decimal,
        parse_constant=_refuse_constant,
        object_pairs_hook=_unique_keys,
    )


def parse_json(*, stream: TextIO) -> list[RawRecord]:
    try:
        batch = decode_json(stream.read())
    except (ValueError, RecursionError) as exc:
        raise _file_error(_("not valid JSON: %(reason)s") % {"reason": exc}) from None
    return records_from_batch(batch=batch)


def records_from_batch(*, batch: object) -> list[RawRecord]:
    """Records from an already decoded batch ``{"borrowers": [...], "loans": [...],
    "entries": [...]}``, as the JSON file or a lender API request carries it. Every list is
    optional; ``row`` is the record's place, e.g. ``entries[3]``."""
    if not isinstance(batch, Mapping):
        raise _file_error(_('the batch must be an object: {"borrowers": [...], ...}'))
    errors: list[RowError] = []
    records: list[RawRecord] = []
    for key in batch:
        if key not in JSON_LISTS:
            errors.append(
                RowError(
                    str(key),
                    "",
                    _("unknown list; expected borrowers, loans or entries"),
                )
            )
    for key, kind in JSON_LISTS.items():
        items = batch.get(key, [])
        if not isinstance(items, list):  # null and {} too: they are not an empty list
            errors.append(RowError(key, "", _("must be a list")))
            continue
        for index, item in enumerate(items):
            row = f"{key}[{index}]"
            if not isinstance(item, Mapping):
                errors.append(RowError(row, "", _("must be an object")))
                continue
            fields = {str(name): value for name, value in item.items() if value not in (None, "")}
            errors += _nul_errors(row, fields)
            records.append(RawRecord(kind=kind, row=row, fields=fields))
    if errors:
        raise BatchRejected(errors)
    return records
