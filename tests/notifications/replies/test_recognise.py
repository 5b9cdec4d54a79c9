"""Opt-out replies: table-driven examples in English and Chinese, what must not match, and
property tests that the ways people decorate a keyword still match while ordinary sentences
never do."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.notifications.replies import recognise as optout
from portal.notifications.replies.recognise import (
    MAX_PHRASE_CHARS,
    START_KEYWORDS,
    START_PHRASES,
    STOP_KEYWORDS,
    STOP_PHRASES,
    OptOutIntent,
    normalise,
    recognise,
)
from tests.hypothesis_profiles import scaled

STOP_EXAMPLES = [
    # (message, the list entry that should match)
    ("STOP", "stop"),
    ("Stop.", "stop"),
    ("stop!!", "stop"),
    ("  stop  ", "stop"),
    ("STOP ALL", "stop all"),
    ("STOPALL", "stopall"),
    ("Stop it!", "stop it"),
    ("STOP please", "stop"),
    ("Please stop 🙏", "stop"),
    ("I said STOP", "stop"),
    ("stop stop stop", "stop"),
    ("stop texting me", "stop texting me"),
    ("Stop messaging me!", "stop messaging me"),
    ("please stop sending me messages", "stop sending me"),
    ("I've paid in full, please stop texting me now.", "stop texting me"),
    ("unsubscribe", "unsubscribe"),
    ("Unsubscribe me please", "unsubscribe"),
    ("How do I unsubscribe?", "unsubscribe"),
    ("unsub", "unsub"),
    ("opt out", "opt out"),
    ("Opt-out", "opt out"),
    ("OPTOUT", "optout"),
    ("please opt me out", "opt me out"),
    ("remove me", "remove me"),
    ("Remove me from your list.", "remove me from your list"),
    ("take me off your list", "take me off your list"),
    ("Do not contact me", "do not contact me"),
    ("don't text me", "don't text me"),
    ("Don’t text me!!", "don't text me"),
    ("no more texts", "no more texts"),
    ("cancel", "cancel"),
    ("CANCEL.", "cancel"),
    ("end", "end"),
    ("END", "end"),
    ("quit", "quit"),
    ("Quit!", "quit"),
    ("leave me alone", "leave me alone"),
    ("ＳＴＯＰ", "stop"),
    ("Ｓｔｏｐ！", "stop"),
    ("st\u200bop", "stop"),
    # Simplified Chinese
    ("退订", "退订"),
    ("退订短信", "退订短信"),
    ("回复TD退订", "退订"),
    ("TD", "td"),
    ("td", "td"),
    ("ＴＤ", "td"),
    ("T", "t"),
    ("t。", "t"),
    ("请TD", "td"),
    ("退订，谢谢", "退订"),
    ("退 订", "退订"),
    ("我要退订", "退订"),
    ("取消订阅", "取消订阅"),
    ("取消", "取消"),
    ("不要再发", "不要再发"),
    ("不要再发了！", "不要再发了"),
    ("我已经还清了，请不要再发了", "不要再发了"),
    ("不要再发这种短信了", "不要再发"),
    ("别再发了", "别再发了"),
    ("别发了", "别发了"),
    ("别发！", "别发"),
    ("不要给我发短信", "不要给我发短信"),
    ("停止发送", "停止发送"),
    ("拒收", "拒收"),
    ("请勿打扰", "请勿打扰"),
    ("不再接收", "不再接收"),
    ("不要再联系我", "不要再联系我"),
    # Both requests in one message: stop wins.
    ("STOP. Actually start. No, 退订", "退订"),
]

START_EXAMPLES = [
    ("START", "start"),
    ("start.", "start"),
    ("Start please", "start"),
    ("ｓｔａｒｔ", "start"),
    ("UNSTOP", "unstop"),
    ("resubscribe", "resubscribe"),
    ("Please opt me back in", "opt me back in"),
    ("订阅", "订阅"),
    ("恢复", "恢复"),
    ("恢复吧", "恢复"),
    ("恢复订阅", "恢复订阅"),
    ("我想重新订阅", "重新订阅"),
]

NEGATIVES = [
    "I can't stop worrying about this loan",
    "when does the late fee end?",
    "please don't cancel my plan",
    "I will pay by the end of the month",
    "stop by the branch tomorrow?",
    "Can I stop by the branch at the end of the day?",
    "I quit my job last month, can I pause payments?",
    "Cancel my payment on Friday?",
    "Please stop the payment on Friday",
    "Can I opt out of autopay?",
    "Remove me as co-borrower",
    "I did not unsubscribe",
    "don't unsubscribe me",
    "Thanks, got it",
    "OK",
    "Is the T&C attached?",
    "the end",
    "Start my plan next month",
    "",
    "   !!! 🙏 ",
    "我想了解还款计划",
    "我已经还款了",
    "不要取消我的计划",
    "我没有退订",
    "不要退订",
    "我要退订单",
    "不要再发生扣款错误了",
    "别再发愁了，我们一起想办法",
    "这个月的工资还没发",
    "我想恢复还款计划",
    "请问订阅的账单什么时候到？",
    "停止自动扣款可以吗？",
    # Our own footer, quoted in an e-mail reply, is not the borrower's request.
    "Thanks, paid today.\n> Reply STOP to unsubscribe. 回复TD退订",
]


@pytest.mark.parametrize(("message", "matched"), STOP_EXAMPLES)
def test_stop_requests_are_recognised(message, matched):
    assert recognise(message) == OptOutIntent("stop", matched)


@pytest.mark.parametrize(("message", "matched"), START_EXAMPLES)
def test_start_requests_are_recognised(message, matched):
    assert recognise(message) == OptOutIntent("start", matched)


@pytest.mark.parametrize("message", NEGATIVES)
def test_ordinary_replies_are_not_requests(message):
    assert recognise(message) is None


def test_the_tables_are_big_enough_and_bilingual():
    def chinese(text):
        return any("\u4e00" <= char <= "\u9fff" for char in text)

    assert len(STOP_EXAMPLES) >= 30
    assert len(NEGATIVES) >= 15
    for table in (STOP_EXAMPLES, [(m, None) for m in NEGATIVES]):
        assert any(chinese(message) for message, _ in table)
        assert any(not chinese(message) for message, _ in table)


def test_phrases_count_only_in_short_messages():
    filler = "I have a question about my statement and the interest on it. " * 6
    assert len(normalise(filler)) > MAX_PHRASE_CHARS
    assert recognise("stop texting me") is not None
    assert recognise(filler + "stop texting me") is None
    assert recognise(filler[:200] + " stop texting me") == OptOutIntent("stop", "stop texting me")


def test_normalise():
    assert normalise("  Don’t   TEXT me!! 🙏 ") == "dont text me"
    assert normalise("ＳＴＯＰ\u3000ＡＬＬ") == "stop all"
    assert normalise("回复TD退订") == "回复 td 退订"
    assert normalise("不要 再发 了。") == "不要再发了"
    assert normalise("opt-out") == "opt out"
    assert normalise("> quoted\nkept") == "kept"


def test_an_entry_that_normalises_to_nothing_is_refused():
    with pytest.raises(ValueError, match="empty"):
        optout._normalised(["!!"], "STOP_PHRASES")


# Every list entry, alone, is recognised as its own kind.
LISTED = [(entry, "stop") for entry in (*STOP_KEYWORDS, *STOP_PHRASES)] + [
    (entry, "start") for entry in (*START_KEYWORDS, *START_PHRASES)
]


@pytest.mark.parametrize(("entry", "kind"), LISTED)
def test_every_listed_entry_matches_alone(entry, kind):
    intent = recognise(entry)
    assert intent is not None
    assert intent.kind == kind


# --- Property tests.

PUNCTUATION = '.,!?;:-—…()[]"“”*#~/。，！？、；：（）【】《》'
EMOJI = ["🙏", "😡", "👍", "🛑", "❤️", "👍🏽", "👨\u200d👩\u200d👧"]
SPACES = [" ", "\t", "\n", "\u00a0", "\u3000"]
SURROUNDINGS = st.lists(st.sampled_from([*SPACES, *PUNCTUATION, *EMOJI]), max_size=6).map("".join)
GAPS = st.text(alphabet=st.sampled_from([" ", "\t", "\u3000", "\u00a0"]), min_size=1, max_size=3)


def full_width(char):
    return chr(ord(char) + 0xFEE0) if "!" <= char <= "~" else char


@st.composite
def decorated(draw, entry):
    """The entry as a person might type it: any case, some full-width characters, odd spacing
    between words and Chinese characters, punctuation and emoji around it."""
    chars = []
    for char in entry:
        if char == " ":
            chars.append(draw(GAPS))
            continue
        if draw(st.booleans()):
            char = char.upper()
        if draw(st.booleans()):
            char = full_width(char)
        chars.append(char)
        if "\u4e00" <= char <= "\u9fff" and draw(st.booleans()):
            chars.append(draw(GAPS))
    return draw(SURROUNDINGS) + "".join(chars) + draw(SURROUNDINGS)


@settings(max_examples=scaled(500), deadline=None)
@given(st.data(), st.sampled_from(LISTED))
def test_decorated_entries_still_match(data, listed):
    entry, kind = listed
    message = data.draw(decorated(entry), label="message")
    intent = recognise(message)
    assert intent is not None, message
    assert intent.kind == kind


NEUTRAL_TEXT = """
i we you my the a an to of on in for and but is was will can could would please
pay paid payment loan plan balance fee interest month week tomorrow today friday
branch office statement account question help thanks hello when where how what
late early due date amount money salary job family again soon really sorry understand
我 你 我们 想 了解 还款 计划 已经 明天 今天 银行 利息 多少 钱 可以 延期 吗 你好
谢谢 请问 账单 金额 时间 分行 工资 下个月 这个 什么 时候 怎么 办 问题 帮助
"""
NEUTRAL_WORDS = NEUTRAL_TEXT.split()


def test_neutral_words_contain_no_listed_entry():
    entries = [normalise(entry) for entry, _ in LISTED]
    for word in NEUTRAL_WORDS:
        assert normalise(word) not in entries
        assert recognise(word) is None


@settings(max_examples=scaled(500), deadline=None)
@given(
    st.lists(st.sampled_from(NEUTRAL_WORDS), min_size=1, max_size=20),
    st.sampled_from(["", ".", "?", "!", "。", "？"]),
)
def test_ordinary_sentences_never_match(words, end):
    assert recognise(" ".join(words) + end) is None


def test_an_acute_accent_typed_as_an_apostrophe_still_reads_as_one():
    result = recognise("don\u00b4t text me")
    assert result is not None and result == recognise("don\u2019t text me")
