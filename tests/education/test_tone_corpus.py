"""The tone check against the labelled corpus in tests/tone_corpus: at least 95% of harmful
sentences refused and 95% of fair ones passed, per language and per category, on the half the
patterns were tuned on and on the held-out half (the bar). And the held-out half stays held out:
none of its wording is in the pattern data."""

import hashlib
import re
from collections import defaultdict
from pathlib import Path

import pytest

from education.tone_check import LANGUAGES, Category
from education.tone_scoring import HALVES, load, score

BAR = 0.95
CATEGORIES = {category.value for category in Category}
EDUCATION = Path(__file__).resolve().parents[2] / "education"


def _cells():
    return [(half, language) for half in HALVES for language in LANGUAGES]


@pytest.mark.parametrize(("half", "language"), _cells())
def test_the_corpus_is_big_enough_and_covers_every_category(half, language):
    examples = load(half, language)
    harmful = defaultdict(int)
    fair = defaultdict(int)
    for example in examples:
        assert example.label in ("harmful", "fair"), example
        if example.label == "harmful":
            assert example.category in CATEGORIES, example
            harmful[example.category] += 1
        else:
            assert example.category in CATEGORIES | {"general"}, example
            fair[example.category] += 1
    assert sum(harmful.values()) >= 100
    assert sum(fair.values()) >= 100
    assert set(harmful) == CATEGORIES
    assert all(count >= 10 for count in harmful.values())
    assert set(fair) >= CATEGORIES


# Not yet met: on the held-out half (both rounds) 88% (English) and 86% (Chinese) of harmful
# sentences are refused, and most cells fall short of 95% (docs/tone-check.md has the figures).
# Strict, so the day the check meets the bar this fails and the mark comes off; the tune half
# is held at the bar below, and the held-out floor in the test after the next one.
SHORT_OF_THE_BAR = pytest.mark.xfail(
    strict=True, reason="held-out half short of 95%: docs/tone-check.md"
)


def _bar_cells():
    return [
        pytest.param(half, language, marks=SHORT_OF_THE_BAR)
        if half == "heldout"
        else (half, language)
        for half, language in _cells()
    ]


@pytest.mark.parametrize("language", LANGUAGES)
@SHORT_OF_THE_BAR
def test_on_the_held_out_half_each_language_refuses_95_percent_and_passes_95_percent(language):
    scores = score(load("heldout", language), language).values()
    harmful = sum(entry.harmful for entry in scores)
    fair = sum(entry.fair for entry in scores)
    assert sum(entry.refused for entry in scores) >= BAR * harmful
    assert sum(entry.passed for entry in scores) >= BAR * fair


# What the shipped patterns do on the held-out half, less a little: a change that makes the check
# worse on unseen wording fails here, though nothing may be tuned on these sentences.
HELD_OUT_FLOOR = {"en": (0.87, 0.97), "zh-hans": (0.85, 0.96)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_held_out_half_does_not_get_worse(language):
    entry = score(load("heldout", language), language)["all"]
    harmful_floor, fair_floor = HELD_OUT_FLOOR[language]
    assert entry.refused_share >= harmful_floor
    assert entry.passed_share >= fair_floor


@pytest.mark.parametrize(("half", "language"), _bar_cells())
def test_harmful_sentences_are_refused_and_fair_ones_pass(half, language):
    scores = score(load(half, language), language)
    failing = {}
    for category, entry in scores.items():
        if entry.harmful and entry.refused_share < BAR:
            failing[f"{category}: harmful refused {entry.refused}/{entry.harmful}"] = (
                entry.misses if half == "tune" else len(entry.misses)
            )
        if entry.fair and entry.passed_share < BAR:
            failing[f"{category}: fair passed {entry.passed}/{entry.fair}"] = (
                entry.false_alarms if half == "tune" else len(entry.false_alarms)
            )
    # The held-out half reports only counts, so that a failure does not invite tuning on it.
    assert not failing, failing


def test_the_split_follows_the_documented_rule():
    for language in LANGUAGES:
        groups = defaultdict(list)
        for half in HALVES:
            for example in load(half, language):
                key = (example.round, example.label, example.category)
                groups[key].append((half, example.sentence))
        for members in groups.values():
            ordered = sorted(members, key=lambda m: hashlib.sha256(m[1].encode()).hexdigest())
            expected = ["tune" if i % 2 == 0 else "heldout" for i in range(len(ordered))]
            assert [half for half, _ in ordered] == expected
        sentences = [s for members in groups.values() for _, s in members]
        assert len(sentences) == len(set(sentences)), "a sentence is in the corpus twice"


# --- the held-out half stays out of the pattern data -------------------------------------------

_REGEX_ESCAPE = re.compile(r"\\[a-zA-Z]")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
CHINESE_SPAN = 6  # characters: about four Chinese words
ENGLISH_SPAN = 4  # words


def _pattern_data() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in EDUCATION.glob("tone_*.py"))


def _words(text: str) -> list[str]:
    # Regex escapes (\s, \w, \b) are syntax, not words: "your\s+boss" reads "your boss".
    return re.findall(r"[a-z0-9']+", _REGEX_ESCAPE.sub(" ", text.casefold()))


def _leaks(source: str) -> list:
    """Held-out sentences with a whole sentence, four English words in a row or six Chinese
    characters in a row found in ``source``."""
    source_words = " " + " ".join(_words(source)) + " "
    source_cjk = set()
    for run in _CJK_RUN.findall(source):
        source_cjk.update(run[i : i + CHINESE_SPAN] for i in range(len(run) - CHINESE_SPAN + 1))
    leaks = []
    for example in load("heldout", "en"):
        words = _words(example.sentence)
        grams = [words[i : i + ENGLISH_SPAN] for i in range(len(words) - ENGLISH_SPAN + 1)]
        for gram in [words, *grams]:
            if " " + " ".join(gram) + " " in source_words:
                leaks.append((example.sentence, " ".join(gram)))
                break
    for example in load("heldout", "zh-hans"):
        text = "".join(example.sentence.split())
        spans = {
            run[i : i + CHINESE_SPAN]
            for run in _CJK_RUN.findall(text)
            for i in range(len(run) - CHINESE_SPAN + 1)
        }
        if text in source or spans & source_cjk:
            leaks.append((example.sentence, sorted(spans & source_cjk)))
    return leaks


def test_no_held_out_wording_is_in_the_pattern_data():
    assert _leaks(_pattern_data()) == []


def test_the_leak_check_sees_a_planted_phrase():
    english = next(e for e in load("heldout", "en") if len(_words(e.sentence)) >= ENGLISH_SPAN)
    planted = r"(?:" + r"\s+".join(_words(english.sentence)[:ENGLISH_SPAN]) + ")"
    assert [leak[0] for leak in _leaks(planted)] == [english.sentence]
    chinese = next(e for e in load("heldout", "zh-hans") if len(e.sentence) > CHINESE_SPAN)
    run = max(_CJK_RUN.findall(chinese.sentence), key=len)
    assert chinese.sentence in [leak[0] for leak in _leaks(f"r'{run[:CHINESE_SPAN]}|'")]
