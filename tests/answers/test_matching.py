"""Recognising the question: deterministic, explainable, in both languages, unsure when it
should be."""

import pytest
from django.utils import translation

from portal.answers import intents
from portal.answers.matching import NOT_ANSWERED, Matcher
from portal.answers.phrasings import BUILT_IN, built_in
from portal.answers.views import suggestions


@pytest.fixture(scope="module")
def matcher():
    return Matcher(built_in())


def test_every_intent_has_phrasings_in_both_languages():
    for intent in intents.INTENTS:
        assert len(BUILT_IN[intent]["en"]) >= 10, intent
        assert len(BUILT_IN[intent]["zh-hans"]) >= 10, intent


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_each_common_question_offered_is_recognised_as_its_own_intent(matcher, language):
    with translation.override(language):
        offered = suggestions()

    assert [matcher.match(text).intent for text in offered] == list(intents.INTENTS)


def test_a_match_names_the_example_and_the_words_it_shares(matcher):
    match = matcher.match("Why was I charged a fee??")

    assert match.intent == intents.FEE
    assert match.example == "why was I charged a fee"
    assert "fee" in match.shared


def test_chinese_is_matched_through_its_words_and_characters(matcher):
    # 罚款 is not an example word, but shares 罚 with 罚息 and 罚金.
    assert matcher.match("为什么有罚款").intent == intents.FEE
    assert matcher.match("下个月几号还款").intent == intents.NEXT_PAYMENT


def test_an_unknown_english_word_is_not_read_as_a_near_one(matcher):
    # With no dictionary, "reading" would be "real" (talk to a person) and "lines" "fine" (fee).
    assert matcher.match("reading").intent == intents.UNKNOWN
    assert matcher.match("lines").intent == intents.UNKNOWN


def test_nonsense_is_unsure(matcher):
    for question in ("asdfgh", "?", "？？？", ""):
        match = matcher.match(question)
        assert match.intent == intents.UNKNOWN and not match.sure


def test_a_question_the_account_cannot_answer_is_unsure(matcher):
    assert matcher.match("what is the weather today").intent == intents.UNKNOWN
    assert matcher.match("今天天气怎么样").intent == intents.UNKNOWN


def test_below_the_threshold_is_unsure():
    strict = Matcher([(intents.FEE, "en", "what is this fee")], threshold=0.9)

    assert strict.match("what is this fee").intent == intents.FEE
    assert strict.match("fee for paying in a shop on a sunday").intent == intents.UNKNOWN


def test_a_not_answered_example_makes_it_unsure_however_close():
    matcher = Matcher([(intents.FEE, "en", "fee"), (NOT_ANSWERED, "en", "new loan fee")])

    assert matcher.match("new loan fee").intent == intents.UNKNOWN


def test_the_same_question_always_gets_the_same_answer():
    one, two = Matcher(built_in()), Matcher(list(reversed(built_in())))

    for question in ("I can't pay", "怎么还款", "stop texting me", "我有什么权利"):
        assert one.match(question).intent == two.match(question).intent


def test_common_sms_spellings_are_read_as_the_words_they_stand_for(matcher):
    assert matcher.match("wat is dis fee 4").intent == intents.FEE
    assert matcher.match("wen is my nxt pymt").intent == intents.NEXT_PAYMENT


def test_chinese_typed_in_pinyin_is_read_through_its_sounds(matcher):
    match = matcher.match("xia ci huan kuan")

    assert match.intent == intents.NEXT_PAYMENT
    assert "下" in match.example or "还" in match.example


def test_an_intent_with_several_close_examples_beats_one_stray_example():
    phrasings = [
        (intents.FEE, "en", "late fee charge"),
        (intents.FEE, "en", "late fee amount"),
        (intents.CANT_PAY, "en", "late fee"),
        (intents.CANT_PAY, "en", "cannot pay"),
    ]

    assert Matcher(phrasings).match("late fee charge amount").intent == intents.FEE
