"""What changed in an English lesson between two of its revisions, as the lines a reader sees:
what a translator needs to bring across. Pure apart from reading the revisions."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .text import lesson_lines

ADDED, REMOVED = "added", "removed"


@dataclass(frozen=True, slots=True)
class Change:
    kind: str  # ADDED or REMOVED
    line: str


def line_changes(before: list[str], after: list[str]) -> list[Change]:
    """Lines removed from ``before`` and added in ``after``, in reading order."""
    changes = []
    for line in difflib.ndiff(before, after):
        if line.startswith("+ "):
            changes.append(Change(ADDED, line[2:]))
        elif line.startswith("- "):
            changes.append(Change(REMOVED, line[2:]))
    return changes


def changes_since(revision, source) -> list[Change]:
    """The English lesson ``source`` now (its latest revision) against ``revision``, the one
    the translation was last saved against. Empty when nothing changed or there is nothing to
    compare with."""
    if source is None or revision is None or source.latest_revision_id is None:
        return []
    if revision.pk == source.latest_revision_id:
        return []
    before = lesson_lines(revision.as_object())
    after = lesson_lines(source.latest_revision.as_object())
    return line_changes(before, after)
