"""How well the matcher recognises borrowers' questions, on the labelled questions kept in
tests/help_questions/ (docs/help.md): the rule that splits them into a half to tune on and a
held-out half, and the accuracy of a matcher on either half. Pure: no database."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .matching import Matcher

QUESTIONS_DIR = Path(__file__).resolve().parents[2] / "tests" / "help_questions"
HALVES = ("tune", "heldout")
LANGUAGES = ("en", "zh-hans")
HEADER = "intent\tquestion"
# Each round of labelled questions was written apart, split by the same rule within itself,
# and its held-out half committed before any tuning on it (tests/help_questions/README.md).
ROUNDS = {1: "{language}.tsv", 2: "{language}.round2.tsv", 3: "{language}.round3.tsv"}


def read_questions(path: Path) -> list[tuple[str, str]]:
    """``(intent, question)`` rows of a TSV file with an ``intent<TAB>question`` header."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0] != HEADER:
        raise ValueError(f"{path}: the first line must be {HEADER!r}")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        intent, sep, question = line.partition("\t")
        if not sep or not question.strip():
            raise ValueError(f"{path}:{number}: expected intent<TAB>question")
        rows.append((intent.strip(), question.strip()))
    return rows


def digest(question: str) -> str:
    return hashlib.sha256(question.encode("utf-8")).hexdigest()


def split(rows: Iterable[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The rule, within one language: for each intent, the questions sorted by the SHA-256 of
    their UTF-8 text; the first, third, fifth... go to the tuning half, the others are held
    out. Fixed by the text alone, so anyone can check it."""
    by_intent: dict[str, list[str]] = defaultdict(list)
    for intent, question in rows:
        by_intent[intent].append(question)
    tune, heldout = [], []
    for intent in sorted(by_intent):
        for index, question in enumerate(sorted(by_intent[intent], key=digest)):
            (tune if index % 2 == 0 else heldout).append((intent, question))
    return tune, heldout


@dataclass(frozen=True)
class Report:
    language: str
    total: int
    correct: int
    by_intent: dict[str, tuple[int, int]]  # intent: (correct, total)
    misses: tuple[tuple[str, str, str], ...]  # (expected, got, question)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def evaluate(matcher: Matcher, language: str, rows: list[tuple[str, str]]) -> Report:
    """A question labelled ``unknown`` is answered right when the matcher is unsure."""
    totals, rights = Counter(), Counter()
    misses = []
    for expected, question in rows:
        got = matcher.match(question).intent
        totals[expected] += 1
        if got == expected:
            rights[expected] += 1
        else:
            misses.append((expected, got, question))
    return Report(
        language=language,
        total=sum(totals.values()),
        correct=sum(rights.values()),
        by_intent={intent: (rights[intent], totals[intent]) for intent in sorted(totals)},
        misses=tuple(misses),
    )


def half_path(half: str, language: str, base: Path = QUESTIONS_DIR, round_: int = 1) -> Path:
    if half not in HALVES:
        raise ValueError(f"half must be one of {HALVES}")
    if round_ not in ROUNDS:
        raise ValueError(f"round must be one of {tuple(ROUNDS)}")
    return base / half / ROUNDS[round_].format(language=language)


def round_paths(half: str, language: str, base: Path = QUESTIONS_DIR) -> dict[int, Path]:
    """Each round's file of ``half`` in ``language``, by round number."""
    return {number: half_path(half, language, base, number) for number in ROUNDS}


def read_half(half: str, language: str, base: Path = QUESTIONS_DIR) -> dict[int, list]:
    """The ``(intent, question)`` rows of each round of ``half``, by round number."""
    paths = round_paths(half, language, base)
    return {number: read_questions(path) for number, path in paths.items()}
