"""Recognise inbound SMS and e-mail replies that ask us to stop (or start again) messaging. Pure.
The lists and how they match: docs/replies.md."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Literal, NamedTuple

from education.characters import is_hidden, straighten_apostrophes

# --- Data: compliance extends these lists. Write entries as people write them; they are
# --- normalised like the messages (case, width, punctuation and spacing do not matter).

# Whole-message keywords that ask to stop (CTIA: STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT;
# Chinese carriers: TD, T for 退订; and their plain Chinese equivalents).
STOP_KEYWORDS: tuple[str, ...] = (
    "stop",
    "stop all",
    "stopall",
    "stop it",
    "unsubscribe",
    "unsub",
    "cancel",
    "end",
    "quit",
    "opt out",
    "optout",
    "remove me",
    "td",
    "t",
    "退订",
    "取消",
    "停止",
    "退出",
    "结束",
    "别发",
)

# Explicit requests to stop; they count anywhere in a short message.
STOP_PHRASES: tuple[str, ...] = (
    # English
    "stop texting me",
    "stop texting",
    "stop messaging me",
    "stop messaging",
    "stop emailing me",
    "stop emailing",
    "stop sending me",
    "stop sending messages",
    "stop sending texts",
    "stop sending emails",
    "stop contacting me",
    "stop all messages",
    "stop all texts",
    "stop the texts",
    "stop the messages",
    "stop these texts",
    "stop these messages",
    "unsubscribe",
    "opt me out",
    "i want to opt out",
    "opt out of texts",
    "opt out of messages",
    "opt out of sms",
    "opt out of emails",
    "opt out of reminders",
    "remove me from your list",
    "remove me from the list",
    "remove me from this list",
    "remove me from your mailing list",
    "take me off your list",
    "take me off the list",
    "take me off this list",
    "take me off your mailing list",
    "do not contact me",
    "don't contact me",
    "do not text me",
    "don't text me",
    "do not message me",
    "don't message me",
    "do not email me",
    "don't email me",
    "no more texts",
    "no more text messages",
    "no more messages",
    "no more sms",
    "no more emails",
    "no more reminders",
    "leave me alone",
    # Simplified Chinese
    "退订",
    "退订短信",
    "取消订阅",
    "不要再发",
    "不要再发了",
    "别再发了",
    "别发了",
    "不要发了",
    "不要再给我发",
    "别再给我发",
    "不要给我发短信",
    "不要给我发消息",
    "不要给我发信息",
    "不要给我发邮件",
    "别给我发短信",
    "停止发送",
    "拒收",
    "请勿打扰",
    "不再接收",
    "不想再收到",
    "不要再联系我",
    "不要打扰我",
)

# Whole-message keywords that ask to start again (CTIA: START, UNSTOP).
START_KEYWORDS: tuple[str, ...] = (
    "start",
    "unstop",
    "subscribe",
    "resubscribe",
    "opt in",
    "optin",
    "订阅",
    "恢复",
)

# Explicit requests to start again; they count anywhere in a short message.
START_PHRASES: tuple[str, ...] = (
    "resubscribe",
    "opt me back in",
    "opt back in",
    "start texting me again",
    "start sending me messages again",
    "恢复订阅",
    "重新订阅",
    "恢复接收",
    "恢复发送",
)

# Politeness around a keyword that still leaves it the whole message.
FILLERS: tuple[str, ...] = (
    "please",
    "pls",
    "plz",
    "thanks",
    "thank you",
    "thx",
    "now",
    "ok",
    "okay",
    "just",
    "i said",
    "请",
    "谢谢",
    "了",
    "吧",
    "啊",
)

# Words right before a phrase that turn it into its opposite.
NEGATORS: tuple[str, ...] = (
    "not",
    "don't",
    "didn't",
    "doesn't",
    "won't",
    "never",
    "不",
    "不要",
    "不想",
    "不用",
    "不会",
    "没",
    "没有",
    "未",
    "别",
    "无需",
)

# Chinese words that begin with the last character of a phrase but change its meaning:
# a phrase whose last character starts one of these is not a match.
CJK_COMPOUNDS: tuple[str, ...] = (
    "发生",
    "发愁",
    "发火",
    "发现",
    "发展",
    "发票",
    "发放",
    "发工资",
    "发货",
    "发烧",
    "发言",
    "发布",
    "发表",
    "发起",
    "发脾气",
    "发呆",
    "订单",
)

# Phrases count only in messages up to this many normalised characters (two SMS segments).
MAX_PHRASE_CHARS = 320

# --- Matching.

Kind = Literal["stop", "start"]
STOP: Kind = "stop"
START: Kind = "start"


class OptOutIntent(NamedTuple):
    kind: Kind
    matched: str


_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_SCRIPT_CHANGE = re.compile(f"(?<=[{_CJK}])(?=[^{_CJK}\\s])|(?<=[^{_CJK}\\s])(?=[{_CJK}])")
_SPACE_INSIDE_CJK = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")


def _is_cjk(char: str) -> bool:
    return _CJK_CHAR.match(char) is not None


def has_chinese(text: str) -> bool:
    """Whether ``text`` has any Chinese character in it (to answer a stranger in kind)."""
    return _CJK_CHAR.search(text) is not None


def normalise(text: str) -> str:
    """The text as matching sees it (see docs/replies.md)."""
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))
    chars = []
    for char in unicodedata.normalize("NFKC", straighten_apostrophes(text)).casefold():
        if char == "'" or is_hidden(char):
            continue
        chars.append(" " if unicodedata.category(char)[0] in "PSZC" else char)
    spaced = " ".join(_SCRIPT_CHANGE.sub(" ", "".join(chars)).split())
    return _SPACE_INSIDE_CJK.sub("", spaced)


def _normalised(entries: Iterable[str], name: str) -> dict[str, str]:
    """Normalised entry -> entry as written; an entry that normalises to nothing is a mistake."""
    table: dict[str, str] = {}
    for entry in entries:
        key = normalise(entry)
        if not key:
            raise ValueError(f"{name} entry {entry!r} is empty once normalised")
        table.setdefault(key, entry)
    return table


def _longest_first(table: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(table.items(), key=lambda item: (-len(item[0]), item[0])))


_STOP_KEYWORDS = _normalised(STOP_KEYWORDS, "STOP_KEYWORDS")
_START_KEYWORDS = _normalised(START_KEYWORDS, "START_KEYWORDS")
_STOP_PHRASES = _longest_first(_normalised(STOP_PHRASES, "STOP_PHRASES"))
_START_PHRASES = _longest_first(_normalised(START_PHRASES, "START_PHRASES"))
_FILLERS = tuple(key for key, _ in _longest_first(_normalised(FILLERS, "FILLERS")))
_NEGATORS = tuple(_normalised(NEGATORS, "NEGATORS"))
_COMPOUNDS = tuple(_normalised(CJK_COMPOUNDS, "CJK_COMPOUNDS"))


def _strip_filler(text: str, filler: str) -> str:
    if _is_cjk(filler[0]):
        if text.startswith(filler):
            return text[len(filler) :].lstrip()
        if text.endswith(filler):
            return text[: -len(filler)].rstrip()
        return text
    if text == filler:
        return ""
    if text.startswith(filler + " "):
        return text[len(filler) + 1 :]
    if text.endswith(" " + filler):
        return text[: -len(filler) - 1]
    return text


def _core(text: str) -> str:
    """The message without the politeness around it."""
    previous = None
    while previous != text:
        previous = text
        for filler in _FILLERS:
            text = _strip_filler(text, filler)
    return text


def _keyword(text: str, keywords: dict[str, str]) -> str | None:
    core = _core(text)
    if core in keywords:
        return keywords[core]
    words = set(core.split())
    if len(words) == 1 and (word := words.pop()) in keywords:
        return keywords[word]
    return None


def _negated(before: str) -> bool:
    before = before.rstrip()
    for negator in _NEGATORS:
        if _is_cjk(negator[0]):
            if before.endswith(negator):
                return True
        elif before == negator or before.endswith(" " + negator):
            return True
    return False


def _occurs(text: str, phrase: str) -> bool:
    """True if the phrase occurs on a boundary, not negated and not the start of another word."""
    start = text.find(phrase)
    while start != -1:
        end = start + len(phrase)
        bounded = (_is_cjk(phrase[0]) or start == 0 or text[start - 1] == " ") and (
            _is_cjk(phrase[-1]) or end == len(text) or text[end] == " "
        )
        compound = _is_cjk(phrase[-1]) and any(
            text.startswith(word, end - 1) for word in _COMPOUNDS
        )
        if bounded and not compound and not _negated(text[:start]):
            return True
        start = text.find(phrase, start + 1)
    return False


def _phrase(text: str, phrases: tuple[tuple[str, str], ...]) -> str | None:
    if len(text) > MAX_PHRASE_CHARS:
        return None
    return next((entry for key, entry in phrases if _occurs(text, key)), None)


def recognise(text: str) -> OptOutIntent | None:
    """The opt-out (or opt-back-in) request in an inbound reply, or None if it makes none."""
    normalised = normalise(text)
    if not normalised:
        return None
    for kind, keywords, phrases in (
        (STOP, _STOP_KEYWORDS, _STOP_PHRASES),
        (START, _START_KEYWORDS, _START_PHRASES),
    ):
        matched = _phrase(normalised, phrases) or _keyword(normalised, keywords)
        if matched is not None:
            return OptOutIntent(kind, matched)
    return None
