"""The words search and the help box compare: a question and a lesson agree on them whatever
the form the reader typed."""

from education.text_analysis import fold, terms


def test_english_plurals_and_verb_forms_meet_their_stem():
    assert terms("Payments") == terms("payment")
    assert terms("paying late fees") == terms("pay late fee")


def test_full_width_and_capitals_read_as_ordinary_letters():
    assert fold("ＰＡＹ ＮＯＷ") == "pay now"
    assert terms("ＰＡＹＭＥＮＴ") == ["payment"]


def test_chinese_is_segmented_into_words_and_their_parts():
    words = terms("我的信用评分为什么下降了")
    assert {"信用", "评分", "下降"} <= set(words)


def test_mixed_text_keeps_both_scripts():
    assert terms("还款 payment") == ["还款", "payment"]
