from pathlib import Path

from education import readability
from education.readability import check_text, jargon_for

PLAIN = (
    "Your statement shows what you owe today. It also shows what that amount includes. "
    "If you can't pay, call us. We will work it out with you."
)
HARD = (
    "Notwithstanding the aforementioned remediation, arrears which have accrued pursuant to "
    "the agreement will be capitalised and a collections agency may be instructed by the "
    "creditor prior to any forbearance being considered by the lender in accordance with "
    "its policy."
)


def test_plain_english_passes():
    report = check_text(PLAIN, "en")

    assert report.findings == ()
    assert report.passes
    assert report.sentences == 4
    assert report.reading_level is not None and report.reading_level < 6


def test_jargon_heavy_passive_text_is_flagged_line_by_line():
    report = check_text(HARD, "en")

    assert not report.passes
    assert [f.detail for f in report.of_kind("long_sentence")] == ["39"]
    jargon = {f.detail: f.suggestion for f in report.of_kind("jargon")}
    assert jargon["arrears"] == "money you owe that is late"
    assert jargon["pursuant to"] == "under"
    assert {"notwithstanding", "capitalised", "forbearance", "prior to", "creditor"} <= set(jargon)
    passives = [f.detail for f in report.of_kind("passive")]
    assert "be capitalised" in passives
    assert "be instructed" in passives
    assert "being considered" in passives
    assert report.reading_level > 20
    assert not report.level_ok


def test_flesch_kincaid_matches_the_formula():
    # 2 sentences, 9 words of one syllable each.
    sentences = ["The cat sat on the mat.", "We paid it."]
    words = 9
    syllables = 9
    expected = round(0.39 * words / 2 + 11.8 * syllables / words - 15.59, 1)

    assert readability.flesch_kincaid_grade(sentences) == max(expected, 0.0)


def test_adjectives_after_be_are_not_passive():
    assert readability.find_passive("I am worried and interested in a plan.") == []
    assert readability.find_passive("The fee was added to your balance.") == ["was added"]
    assert readability.find_passive("The fee is usually charged on day 6.") == [
        "is usually charged"
    ]


def test_long_chinese_sentence_is_flagged_by_characters():
    long_sentence = (
        "如果您在合同约定的还款日之后仍然没有按照还款计划足额偿还本期应还的本金利息以及各项费用，"
        "我们将会按照合同的有关规定从宽限期结束的次日起每日计收逾期利息并且收取逾期费用。"
    )
    report = check_text(f"请按时还款。{long_sentence}", "zh-hans")

    long = report.of_kind("long_sentence")
    assert len(long) == 1
    assert long[0].sentence == long_sentence
    assert int(long[0].detail) > 35
    assert report.of_kind("passive") == []


def test_plain_chinese_passes_and_scores_lower_than_dense_chinese():
    plain = "您可以先还一部分。有困难，请给我们打电话。我们会和您一起想办法。"
    dense = "鉴于债务人未能履行清偿义务，债权人依据合同计提罚息并对逾期未还款项予以核销处理。"
    plain_report = check_text(plain, "zh-hans")
    dense_report = check_text(dense, "zh-hans")

    assert plain_report.passes
    assert {f.detail for f in dense_report.of_kind("jargon")} >= {"鉴于", "债务人", "罚息", "核销"}
    assert plain_report.reading_level < dense_report.reading_level


def test_each_line_is_checked_on_its_own():
    report = check_text("First line without a full stop\nSecond line", "en")

    assert report.sentences == 2


def test_jargon_list_is_configurable(settings):
    settings.EDUCATION_JARGON = {"en": {"statement": "account summary", "arrears": ""}}

    report = check_text("Arrears are shown on your statement.", "en")

    assert {f.detail for f in report.of_kind("jargon")} == {"statement"}


def test_sentence_limit_is_configurable(settings):
    settings.EDUCATION_READABILITY = {"max_sentence_words": 5}

    report = check_text("This sentence has exactly seven words in it.", "en")

    assert [f.detail for f in report.of_kind("long_sentence")] == ["8"]
    assert report.max_sentence_length == 5


def test_report_serialises_for_storage():
    data = check_text(HARD, "en").as_dict()

    assert data["measure"] == "flesch-kincaid-grade"
    assert data["findings"][0]["kind"] == "long_sentence"


CORPUS = Path(__file__).parent / "readability_corpus"


def _passages(name: str) -> list[str]:
    text = (CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    return [passage.strip() for passage in text.split("\n\n") if passage.strip()]


def test_chinese_reading_level_tells_plain_from_legal_chinese_on_the_labelled_set():
    plain, legal = _passages("plain"), _passages("legal")
    assert len(plain) == len(legal) == 20

    plain_levels = [check_text(passage, "zh-hans").reading_level for passage in plain]
    legal_levels = [check_text(passage, "zh-hans").reading_level for passage in legal]

    assert all(check_text(passage, "zh-hans").level_ok for passage in plain), plain_levels
    assert not any(check_text(passage, "zh-hans").level_ok for passage in legal), legal_levels


def test_a_paragraph_of_chinese_legalese_fails_the_level():
    legalese = (
        "借款人应当按照本合同约定按期足额清偿借款本金及应计利息。如借款人未能按期履行还款义务，"
        "贷款人有权自逾期之日起计收罚息，并有权宣布全部未偿本金立即到期。"
    )

    report = check_text(legalese, "zh-hans")

    assert not report.level_ok
    assert {"未偿本金", "应计利息"} <= {finding.detail for finding in report.of_kind("jargon")}


def test_finance_and_legal_jargon_is_flagged_in_both_languages():
    english = check_text(
        "The principal will be amortised over the residual term. Amortized loans vary.", "en"
    )
    chinese = check_text("您的未偿本金和应计利息如下。", "zh-hans")

    assert {"principal", "amortised", "residual term", "amortized"} <= {
        finding.detail for finding in english.of_kind("jargon")
    }
    assert {"未偿本金", "应计利息"} <= {finding.detail for finding in chinese.of_kind("jargon")}
    assert len(jargon_for("en")) >= 100 and len(jargon_for("zh-hans")) >= 60


def test_a_linked_word_is_explained_everywhere_in_the_text():
    text = "Your principal goes down. Interest is worked out on the principal."

    report = check_text(text, "en", explained=["principal"])

    assert "principal" not in {finding.detail for finding in report.of_kind("jargon")}
