"""How well the tone check does on the labelled corpus in tests/tone_corpus (see its README):
per language and category, the share of harmful sentences it refuses and of fair ones it lets
through. Used by ``manage.py tone_report`` and by tests/education/test_tone_corpus.py."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .tone_check import LANGUAGES, check_tone

CORPUS_DIR = Path(__file__).resolve().parent.parent / "tests" / "tone_corpus"
HALVES = ("tune", "heldout")
LABELS = ("harmful", "fair")


@dataclass(frozen=True, slots=True)
class Example:
    label: str  # "harmful" or "fair"
    category: str  # a Category value, or for a fair sentence "general"
    sentence: str
    round: int = 1  # which writing of the corpus it came from (tests/tone_corpus/README.md)


@dataclass(slots=True)
class Score:
    """Counts for one language and category."""

    harmful: int = 0
    refused: int = 0
    fair: int = 0
    passed: int = 0
    misses: list[str] = field(default_factory=list)  # harmful sentences let through
    false_alarms: list[str] = field(default_factory=list)  # fair sentences refused

    @property
    def refused_share(self) -> float | None:
        return self.refused / self.harmful if self.harmful else None

    @property
    def passed_share(self) -> float | None:
        return self.passed / self.fair if self.fair else None


# Each round was written, split and its held-out half committed before the patterns were tuned
# on its other half; round 2 came from a writer who never saw the patterns.
ROUNDS = {1: "{language}.tsv", 2: "{language}.round2.tsv"}


def corpus_paths(half: str, language: str) -> dict[int, Path]:
    if half not in HALVES or language not in LANGUAGES:
        raise ValueError(f"no corpus for half {half!r} and language {language!r}")
    paths = {
        number: CORPUS_DIR / half / name.format(language=language)
        for number, name in ROUNDS.items()
    }
    return {number: path for number, path in paths.items() if path.exists()}


def load(half: str, language: str) -> list[Example]:
    examples = []
    for number, path in corpus_paths(half, language).items():
        with path.open(encoding="utf-8", newline="") as file:
            rows = csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE)
            examples += [
                Example(row["label"], row["category"], row["sentence"], number) for row in rows
            ]
    return examples


def score(examples: Iterable[Example], language: str) -> dict[str, Score]:
    """Scores per category, and under "all" for the language as a whole. A harmful sentence
    counts as refused when the check finds anything in it, whatever the category."""
    scores: dict[str, Score] = {}
    for example in examples:
        refused = bool(check_tone(example.sentence, language))
        for key in (example.category, "all"):
            entry = scores.setdefault(key, Score())
            if example.label == "harmful":
                entry.harmful += 1
                entry.refused += refused
                if not refused:
                    entry.misses.append(example.sentence)
            else:
                entry.fair += 1
                entry.passed += not refused
                if refused:
                    entry.false_alarms.append(example.sentence)
    return scores
