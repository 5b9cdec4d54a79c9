"""Tone check: what it catches, what it lets through, and property tests that any listed phrase,
written in any case, width or spacing, is caught inside an otherwise calm template."""

import dataclasses
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from education.tone_check import (
    LANGUAGES,
    NEGATABLE,
    PHRASES,
    Category,
    ToneFinding,
    check_tone,
    normalise,
)
from tests.hypothesis_profiles import scaled

# --- what it catches ---------------------------------------------------------------------------

HARMFUL_EN = [
    ("Pay now or we will take legal action.", "legal_action"),
    ("We may start legal proceedings against you.", "legal_action"),
    ("Failure to pay may result in your arrest.", "legal_action"),
    ("We will call the police if you ignore this.", "legal_action"),
    ("You could go to jail for this debt.", "legal_action"),
    ("We will seize your car next week.", "legal_action"),
    ("We will garnish your wages from next month.", "legal_action"),
    ("If you do not pay, we will tell your employer.", "third_party"),
    ("Our agents will visit your home on Saturday.", "visit_or_watching"),
    ("You will be added to our blacklist.", "third_party"),
    ("We will message everyone in your contact list.", "third_party"),
    ("You are a deadbeat.", "shaming"),
    ("Not paying your loan is irresponsible.", "shaming"),
    ("Shame on you for ignoring us.", "shaming"),
    ("You are a disgrace.", "shaming"),
    ("You told us you would pay. Liar.", "shaming"),
    ("FINAL NOTICE: pay today.", "false_urgency"),
    ("This is your last chance to pay.", "false_urgency"),
    ("Act now to avoid further action.", "false_urgency"),
    ("Pay immediately or else.", "false_urgency"),
    ("Pay within 24 hours or your account will be escalated.", "false_urgency"),
    ("URGENT!!! Your account is overdue.", "false_urgency"),
    ("We will contact your family about this debt.", "third_party"),
    ("We will call your references today.", "third_party"),
    ("We will tell your neighbours about your debt.", "third_party"),
    ("Your employer will be informed of your arrears.", "third_party"),
    # A negation that belongs to another verb does not excuse the threat.
    ("If you do not pay we will take legal action.", "legal_action"),
    ("We will not hesitate to take legal action.", "legal_action"),
    ("If you do not contact us we will call the police.", "legal_action"),
    # A double negative is refused.
    ("We cannot promise we will not take legal action.", "legal_action"),
    # Borderline, decided: shaming and urgency words are refused even when negated.
    ("This is not a final notice.", "false_urgency"),
    ("You are not a deadbeat.", "shaming"),
    ("Pay up, or our men will break your arm.", "threat"),
    ("We have been following you all week.", "visit_or_watching"),
    ("I am calling from the county court about your loan.", "false_authority"),
    ("Enclosed is a writ of execution for your account.", "fake_legal_document"),
]

HARMFUL_ZH = [
    ("如不还款，我们将依法起诉您。", "legal_action"),
    ("再不还钱就让你坐牢。", "legal_action"),
    ("我们已经报警。", "legal_action"),
    ("我们的人明天上门。", "visit_or_watching"),
    ("我们将在网上曝光您的欠款。", "third_party"),
    ("您将被列入黑名单。", "third_party"),
    ("法院传票即将寄出。", "fake_legal_document"),
    ("逾期不还将被拘留。", "legal_action"),
    ("我们会通知您的单位。", "third_party"),
    ("我们将联系您通讯录里的所有人。", "third_party"),
    ("请立即还款，否则后果自负。", "threat"),
    ("你这个老赖。", "shaming"),
    ("欠钱不还，丢人！", "shaming"),
    ("真不要脸。", "shaming"),
    ("你就是个骗子。", "shaming"),
    ("无耻之徒。", "shaming"),
    ("这是最后通牒。", "false_urgency"),
    ("这是您最后一次机会。", "false_urgency"),
    ("请立即还款否则我们将采取措施。", "false_urgency"),
    ("请马上处理。", "false_urgency"),
    ("限时三天还清。", "false_urgency"),
    ("我们将联系您的家人。", "third_party"),
    ("我们会通知您的亲友。", "third_party"),
    ("我们将联系紧急联系人。", "third_party"),
    ("我们会告诉您的同事。", "third_party"),
    # A negation that belongs to another verb, and a double negative, do not excuse a threat.
    ("不要逼我们报警。", "legal_action"),
    ("您不要以为我们不会报警。", "legal_action"),
    # Borderline, decided as in English: a negated ultimatum is still refused.
    ("这不是最后通牒。", "false_urgency"),
    ("再拖着不还，我们就找人收拾您。", "threat"),
    ("我们的人一直跟踪您。", "visit_or_watching"),
    ("这里是派出所，请配合还款。", "false_authority"),
    ("律师函已经发出，请查收。", "fake_legal_document"),
]


@pytest.mark.parametrize(("text", "category"), HARMFUL_EN)
def test_catches_harmful_english(text, category):
    assert category in {finding.category for finding in check_tone(text, "en")}


@pytest.mark.parametrize(("text", "category"), HARMFUL_ZH)
def test_catches_harmful_chinese(text, category):
    assert category in {finding.category for finding in check_tone(text, "zh-hans")}


def test_every_category_is_exercised_in_both_languages():
    for examples in (HARMFUL_EN, HARMFUL_ZH):
        assert {category for _, category in examples} == {c.value for c in Category}
        assert len(examples) >= 12


def test_a_threat_to_tell_the_employer_is_a_disclosure():
    categories = {f.category for f in check_tone("We will tell your employer.", "en")}
    assert categories == {"third_party"}


# New wordings of known ideas, written for these tests (not from the corpus): the patterns are
# word classes and structures, so a new way of saying the same thing is caught.
NEW_WORDINGS = [
    ("en", "Your children walk to school alone, don't they?", "threat"),
    ("en", "Whatever happens next is on you.", "threat"),
    ("en", "Keep stalling and you'll end up in a cell.", "legal_action"),
    ("en", "You are required to clear the full balance by 18:00 today.", "false_urgency"),
    ("en", "Your supervisor has been briefed on your situation.", "third_party"),
    ("en", "We've already been in touch with your old classmates.", "third_party"),
    ("en", "We found the company you work for. See you tomorrow.", "visit_or_watching"),
    ("en", "Your kids are unlucky to have a parent like you.", "shaming"),
    ("en", "By order of the magistrate, your loan must be cleared.", "false_authority"),
    ("en", "A warrant is being prepared in your name.", "fake_legal_document"),
    ("en", "pay b4 2nite or ur boss hears abt it", "third_party"),
    ("zh-hans", "你再不接电话，后面发生什么我们可不负责。", "threat"),
    ("zh-hans", "你这是欺诈，可以直接判。", "legal_action"),
    ("zh-hans", "请务必于今日18:00前结清全部欠款。", "false_urgency"),
    ("zh-hans", "我们把催款短信群发给了你的联系人。", "third_party"),
    ("zh-hans", "你的事我们已经跟你们领导汇报了。", "third_party"),
    ("zh-hans", "你昨天去了哪里，我们一清二楚。", "visit_or_watching"),
    ("zh-hans", "有钱吃喝没钱还账，还好意思？", "shaming"),
    ("zh-hans", "我是市公安局经侦支队的民警。", "false_authority"),
    ("zh-hans", "案号：（2024）京0105民初12345号，请按时到庭。", "fake_legal_document"),
]


@pytest.mark.parametrize(("language", "text", "category"), NEW_WORDINGS)
def test_new_wordings_of_a_known_idea_are_refused(language, text, category):
    assert category in {finding.category for finding in check_tone(text, language)}


# Hard fair cases, also written for these tests: rules, rights, negations, lawful and agreed
# contact, advice to the borrower.
HARD_FAIR = [
    ("en", "Collectors must not say you have committed a crime by missing payments."),
    ("en", "If the loan stays unpaid, we may go to court, but we will tell you in writing first."),
    ("en", "We only talk to your family if you have authorised it."),
    ("en", "A lawyer's letter must come from a law firm and be signed by a lawyer."),
    ("en", "Please don't feel ashamed about your debt; many people go through hard times."),
    ("en", "Our staff are trained never to insult or shame borrowers."),
    ("en", "We heard your shop was flooded; would you like to move this month's payment?"),
    ("en", "Would you like a home visit to go over the plan? It's entirely optional."),
    ("en", "Talk to your family about your budget."),
    ("en", "Did anyone call you names like 'deadbeat'? That is not allowed."),
    ("zh-hans", "如果长期不还，我们可能会依法向法院提起诉讼，但会提前书面告知您。"),
    ("zh-hans", "我们不会因为您逾期就向公安报案。"),
    ("zh-hans", "如您同意，我们的客户经理可以上门为您讲解。"),
    ("zh-hans", "律师函应当由律师事务所出具，并有律师签名。"),
    ("zh-hans", "请别为欠款感到羞耻，很多人都有过困难的时候。"),
    ("zh-hans", "恐吓任何时候都不可接受，您可以向监管部门举报。"),
    ("zh-hans", "如果您因为催收电话感到不安全，请立即报警。"),
    ("zh-hans", "我们不会就您的借款联系您的朋友、家人或邻居。"),
    ("zh-hans", '收到短信"律师函"？先别急着转账，可以先联系我们核实。'),
    ("zh-hans", "欠款不是丢人的事。"),
]


@pytest.mark.parametrize(("language", "text"), HARD_FAIR)
def test_hard_fair_cases_pass(language, text):
    assert check_tone(text, language) == ()


def test_text_message_spelling_is_read_as_words_and_quoted_as_written():
    findings = check_tone("pls pay b4 2nite", "en")
    assert [f.category for f in findings] == ["false_urgency"]
    assert findings[0].excerpt == "pls pay b4 2nite"
    assert normalise("u r late, pay b4 2nite", "en") == "you r late, pay before tonight"
    assert check_tone("U.S. law protects you.", "en") == ()


def test_the_start_filter_finds_what_trying_everywhere_finds():
    import dataclasses

    from education import tone_check
    from education.tone_scoring import load

    for language in LANGUAGES:
        texts = [example.sentence for example in load("tune", language)]
        texts += [text for lang, text, _ in NEW_WORDINGS if lang == language]
        texts += [text for lang, text in HARD_FAIR if lang == language]
        texts.append(" ".join(texts))
        fast = tone_check._COMPILED[language]
        assert sum(entry.starts is not None for entry in fast) > len(fast) * 3 // 4
        slow = tuple(dataclasses.replace(entry, starts=None) for entry in fast)
        expected = []
        try:
            tone_check._COMPILED[language] = slow
            expected = [check_tone(text, language) for text in texts]
        finally:
            tone_check._COMPILED[language] = fast
        assert [check_tone(text, language) for text in texts] == expected


# --- what it lets through ----------------------------------------------------------------------

CALM_EN = [
    # Saying there is no shame is what a kind text does (the corpus's "不丢人" is fair too).
    "There is no shame in asking for help.",
    "Your payment is overdue. If you can't pay, reply and we will look at options with you. "
    "Free debt advice: https://www.moneyhelper.org.uk",
    "We will never contact your employer or family about your loan.",
    "Hello {name}, your next payment of {amount} is due on {due_date}. You can pay in the "
    "portal or reply to this message.",
    "We received your payment of {amount}. Thank you.",
    "Your plan is in good standing. Your next instalment of {amount} is due on {due_date}.",
    "We have paused reminders while we look into your dispute. We will write to you when we "
    "have an answer.",
    "We will never threaten you with arrest or the police. If anyone does, please tell us.",
    "It is illegal for us to discuss your loan with anyone but you, so we only ever write to you.",
    "It is illegal for us to contact your employer about your debt.",
    "Nobody else will be told about your loan. We will not share your details with your family, "
    "friends or employer.",
    "We won\u2019t contact your friends or neighbours.",
    "Legal aid and free, confidential debt advice are available from StepChange.",
    "Illegal collection practices can be reported to the CFPB.",
    "Missed payments may be reported to credit reference agencies, which can make it harder to "
    "borrow. Talk to us and we can help.",
    "If this is a difficult time, you can ask for breathing space. We will stop reminders and "
    "interest while it lasts.",
    "Hello Shamelle, your statement for March is ready.",
    # Decided: a negated threat with a condition is a true statement of what will not happen.
    "We will not take legal action while your plan is in place.",
    # A clause that only goes on the one before keeps its negation (docs/tone-check.md).
    "We will never, ever contact your family.",
    "No one may threaten you, shame you or contact your family about your debt.",
    "Many people fall behind at some point; asking for help is a sensible step.",
]

CALM_ZH = [
    "我们不会联系您的家人或单位。",
    "您好，您本期应还{amount}元，还款日为{due_date}。如有困难，请回复本短信，我们会与您一起商量还款方案。",
    "我们已收到您的还款{amount}元，谢谢。",
    "您的还款计划执行良好，下一期还款日为{due_date}。",
    "您的争议正在处理中，处理期间我们将暂停提醒。",
    "请谨防骗子冒充我们的工作人员，我们不会要求您向个人账户转账。",
    "我们绝不会上门催收，也不会报警。",
    "如您暂时无法还款，可以申请暂停还款或调整还款计划。免费咨询热线：{phone}。",
    "您的信息只用于与您本人沟通，我们不会告诉您的同事或朋友。",
    "如有疑问，请随时在门户中给我们留言。",
    "逾期可能会影响您的信用记录。如有困难，请尽早联系我们，我们会帮助您。",
    "法律规定我们不得联系您的紧急联系人。",
]


@pytest.mark.parametrize("text", CALM_EN)
def test_lets_calm_english_through(text):
    assert check_tone(text, "en") == ()


@pytest.mark.parametrize("text", CALM_ZH)
def test_lets_calm_chinese_through(text):
    assert check_tone(text, "zh-hans") == ()


def test_there_are_enough_calm_examples():
    assert len(CALM_EN) >= 10
    assert len(CALM_ZH) >= 10


def test_english_matches_whole_words_only():
    assert check_tone("Illegal action by a collector can be reported.", "en") == ()
    assert check_tone("Dear Shamek, thank you for your payment.", "en") == ()
    assert check_tone("That is a shame.", "en")[0].category == "shaming"


# --- the finding -------------------------------------------------------------------------------


def test_finding_names_the_phrase_and_quotes_the_template():
    text = "Hello Sam. Your balance is $120.00, due 3 May. We will take LEGAL   ACTION. Reply STOP."
    (finding,) = check_tone(text, "en")
    assert finding.category == "legal_action"
    assert finding.phrase == "legal action"
    assert "LEGAL ACTION" in finding.excerpt


def test_findings_come_in_the_order_of_the_text():
    findings = check_tone("You deadbeat. Final notice: we will call the police.", "en")
    assert [f.category for f in findings] == ["shaming", "false_urgency", "legal_action"]


def test_finding_is_frozen():
    finding = ToneFinding("threat", "police", "call the police")
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.category = "shaming"


def test_unknown_language_is_an_error():
    with pytest.raises(ValueError, match="unknown language"):
        check_tone("Hello", "fr")


def test_a_long_template_is_checked_in_linear_time():
    text = "We will never contact your employer or family about your loan. " * 3000
    started = time.perf_counter()
    assert check_tone(text, "en") == ()
    assert time.perf_counter() - started < 10


def test_invisible_characters_do_not_hide_a_phrase():
    assert check_tone("leg\u200bal\u00ad action", "en")[0].phrase == "legal action"
    assert check_tone("老\u200b赖", "zh-hans")[0].phrase == "老赖"


# --- the phrase list ---------------------------------------------------------------------------

ENTRIES = [
    (language, category, phrase)
    for language, categories in PHRASES.items()
    for category, phrases in categories.items()
    for phrase in phrases
]


def test_both_languages_list_every_category():
    assert set(PHRASES) == set(LANGUAGES)
    for categories in PHRASES.values():
        assert set(categories) == set(Category)
        assert all(categories.values())
    assert set(Category) - NEGATABLE == {Category.SHAMING, Category.FALSE_URGENCY}


@pytest.mark.parametrize(
    ("language", "category", "phrase"), ENTRIES, ids=[e[2].text for e in ENTRIES]
)
def test_every_entry_catches_its_own_phrase_and_says_why(language, category, phrase):
    findings = check_tone(phrase.text, language)
    assert ToneFinding(category.value, phrase.text, phrase.text) in findings
    assert any(source in phrase.why for source in ("1006.", "CONC", "NIFA"))


# --- properties --------------------------------------------------------------------------------

CALM_SENTENCES = {
    "en": [
        "Hello {name}.",
        "Your payment of {amount} was due on {due_date}.",
        "If you can't pay, reply and we will look at options with you.",
        "We will never contact your employer or family about your loan.",
        "Free, confidential debt advice is available from MoneyHelper.",
        "Reply STOP to stop these messages.",
    ],
    "zh-hans": [
        "您好，{name}。",
        "您本期应还{amount}元，还款日为{due_date}。",
        "如有困难，请回复本短信，我们会与您一起商量还款方案。",
        "我们不会联系您的家人或单位。",
        "回复退订可停止接收提醒。",
    ],
}
WHITESPACE = [" ", "  ", "\t", "\u3000", "\u00a0", " \n ", "\u200b "]


def fullwidth(char: str) -> str:
    if "!" <= char <= "~":
        return chr(ord(char) + 0xFEE0)
    return "\u3000" if char == " " else char


@st.composite
def variant(draw, text: str, language: str) -> str:
    """The same phrase in another case, width and spacing."""
    out = []
    for char in text:
        if char.isascii() and char.isalpha() and draw(st.booleans()):
            char = char.swapcase()
        if draw(st.booleans()):
            char = fullwidth(char)
        if char == " ":
            char = draw(st.sampled_from(WHITESPACE))
        out.append(char)
        if language == "zh-hans" and draw(st.integers(0, 4)) == 0:
            out.append(draw(st.sampled_from(WHITESPACE)))
    return "".join(out)


@st.composite
def harmful_template(draw):
    language, category, phrase = draw(st.sampled_from(ENTRIES))
    sentences = CALM_SENTENCES[language]
    inserted = draw(variant(phrase.text, language)) + ("." if language == "en" else "。")
    at = draw(st.integers(0, len(sentences)))
    glue = " " if language == "en" else ""
    text = glue.join([*sentences[:at], inserted, *sentences[at:]])
    return language, category, phrase, text


@settings(max_examples=scaled(400), deadline=None)
@given(harmful_template())
def test_a_listed_phrase_in_any_case_width_or_spacing_is_caught_in_a_calm_template(case):
    language, category, phrase, text = case
    findings = [f for f in check_tone(text, language) if f.category == category]
    assert findings, (text, phrase.text)
    quoted = normalise(phrase.text, language)
    assert any(quoted in normalise(f.excerpt, language) for f in findings)


@st.composite
def calm_template(draw):
    language = draw(st.sampled_from(LANGUAGES))
    sentences = draw(st.permutations(CALM_SENTENCES[language]))
    glue = " " if language == "en" else ""
    return language, draw(variant(glue.join(sentences), language))


@settings(max_examples=scaled(200), deadline=None)
@given(calm_template())
def test_calm_templates_stay_calm_in_any_case_width_or_spacing(case):
    language, text = case
    assert check_tone(text, language) == ()


def test_hidden_characters_and_accent_apostrophes_do_not_hide_a_threat():
    assert check_tone("We will call the po\u2061lice.", "en")[0].category == "legal_action"
    assert check_tone("We will call the po\u034flice.", "en")[0].category == "legal_action"
