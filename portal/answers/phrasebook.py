"""The matcher the help box uses: the built-in phrasings and the editors' live ones."""

from __future__ import annotations

from functools import lru_cache

from .intents import INTENTS
from .matching import Matcher
from .models import IntentPhrasing
from .phrasings import built_in


def phrasings() -> tuple[tuple[str, str, str], ...]:
    editors = IntentPhrasing.objects.filter(live=True, intent__in=INTENTS).values_list(
        "intent", "language", "text"
    )
    return tuple(built_in()) + tuple(sorted(editors))


@lru_cache(maxsize=4)
def _matcher(rows: tuple[tuple[str, str, str], ...]) -> Matcher:
    return Matcher(rows)


def matcher() -> Matcher:
    """Built once for each set of phrasings: an editor's change shows on the next question."""
    return _matcher(phrasings())
