"""The labelled questions: split by the written rule, kept apart from the phrasings, and
recognised well enough (docs/help.md)."""

import pytest
from django.core.management import call_command

from education.text_analysis import fold
from portal.answers.evaluation import (
    LANGUAGES,
    QUESTIONS_DIR,
    ROUNDS,
    evaluate,
    half_path,
    read_half,
    read_questions,
    split,
)
from portal.answers.matching import Matcher
from portal.answers.phrasings import built_in

TARGET = 0.9


def both_halves(language, round_):
    return read_questions(half_path("tune", language, round_=round_)), read_questions(
        half_path("heldout", language, round_=round_)
    )


@pytest.mark.parametrize("round_", ROUNDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_halves_follow_the_split_rule_within_each_round(language, round_):
    tune, heldout = both_halves(language, round_)

    again = split(tune + heldout)

    assert again == (tune, heldout)
    assert len(tune) + len(heldout) >= 100


def test_the_split_rule_alternates_by_hash_within_each_intent():
    rows = [("fee", f"question {n}") for n in range(5)] + [("rights", "only one")]

    tune, heldout = split(rows)

    assert len(tune) == 4 and len(heldout) == 2  # 3 of 5 fees and the lone rights question
    assert ("rights", "only one") in tune


@pytest.mark.parametrize("round_", ROUNDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_held_out_question_is_among_the_built_in_phrasings(language, round_):
    phrasings = {fold(text).strip(" ?？!！.。") for _intent, _language, text in built_in()}
    _tune, heldout = both_halves(language, round_)

    copied = [q for _intent, q in heldout if fold(q).strip(" ?？!！.。") in phrasings]

    assert copied == []


def test_each_round_has_its_own_files_in_each_half():
    assert half_path("tune", "en", round_=1).name == "en.tsv"
    assert half_path("heldout", "zh-hans", round_=2).name == "zh-hans.round2.tsv"
    with pytest.raises(ValueError):
        half_path("tune", "en", round_=4)


def test_the_questions_are_kept_in_tests():
    assert (QUESTIONS_DIR / "README.md").exists()


@pytest.fixture(scope="module")
def matcher():
    return Matcher(built_in())


@pytest.mark.parametrize("round_", ROUNDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_tune_half_accuracy_is_at_least_90_percent_in_each_round(matcher, language, round_):
    rows = read_questions(half_path("tune", language, round_=round_))

    report = evaluate(matcher, language, rows)

    assert report.accuracy >= TARGET, report.misses


@pytest.mark.parametrize("language", LANGUAGES)
def test_held_out_half_accuracy_is_at_least_90_percent(matcher, language):
    rows = [row for rows in read_half("heldout", language).values() for row in rows]

    report = evaluate(matcher, language, rows)

    assert report.accuracy >= TARGET, f"{report.correct}/{report.total}"


# The shipped figures, less a question or two: a change that makes the matcher worse on unseen
# questions fails here, though nothing may be tuned on them.
HELD_OUT_FLOOR = {"en": 0.91, "zh-hans": 0.90}


@pytest.mark.parametrize("language", LANGUAGES)
def test_held_out_accuracy_does_not_get_worse(matcher, language):
    rows = [row for rows in read_half("heldout", language).values() for row in rows]

    assert evaluate(matcher, language, rows).accuracy >= HELD_OUT_FLOOR[language]


@pytest.mark.django_db
def test_help_report_prints_accuracy_per_language_and_intent(capsys):
    call_command("help_report", "--half", "tune")

    out = capsys.readouterr().out
    assert "en round 1: " in out and "en round 2: " in out
    assert "zh-hans round 1: " in out and "zh-hans round 2: " in out
    assert "rounds 1, 2, 3 together" in out
    assert "next_payment" in out and "unknown" in out
