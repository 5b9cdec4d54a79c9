"""Tone check for words borrowers read: refuse threats, shaming, false urgency and third-party
disclosure, in English and Simplified Chinese. What it refuses, why and how: docs/tone-check.md."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from education.characters import is_hidden, straighten_apostrophes


class Category(StrEnum):
    THREAT = "threat"
    SHAMING = "shaming"
    FALSE_URGENCY = "false_urgency"
    THIRD_PARTY = "third_party"


LANGUAGES = ("en", "zh-hans")

# A negation in the phrase's own clause excuses these categories only (docs/tone-check.md).
NEGATABLE = frozenset({Category.THREAT, Category.THIRD_PARTY})


@dataclass(frozen=True, slots=True)
class Phrase:
    """One maintained entry: ``text`` is the phrase as written and matches its own pattern."""

    text: str
    why: str
    pattern: str | None = None  # a small regex over normalised (casefolded) text


@dataclass(frozen=True, slots=True)
class ToneFinding:
    category: str  # a Category value
    phrase: str  # the listed phrase (``Phrase.text``) that matched
    excerpt: str  # the matched words in their context, from the template


# --- citations ---------------------------------------------------------------------------------
_REG_F_HARASS = "12 CFR 1006.14 (harassment or abuse)"
_REG_F_MISLEAD = "12 CFR 1006.18 (false or misleading representations)"
_REG_F_THIRD = "12 CFR 1006.6(d) (no communication with third parties)"
_CONC_PRESSURE = "FCA CONC 7.3.10R (no pressure to pay at once or in an unreasonably short time)"
_CONC_COURT = "FCA CONC 7.3 (no threat of court action to pressurise) and 7.11.6R"
_CONC_LEGAL = "FCA CONC 7.11 (no misrepresenting the legal position)"
_CONC_THIRD = "FCA CONC 7.9 (no disclosure or threat of disclosure to third parties)"
_CONC_EMBARRASS = "FCA CONC 7.9.7R (nothing publicly embarrassing)"
_CONC_MISLEAD = "FCA CONC 7.9.2R (no misleading communications)"
_NIFA = "NIFA 2024 collection guidance"
_NIFA_THREAT = f"{_NIFA} (no threats or intimidation)"
_NIFA_INSULT = f"{_NIFA} (no insults or humiliation)"
_NIFA_THIRD = f"{_NIFA} (contact the borrower only)"

# Who is a third party: anyone the debt must not be disclosed to.
_EN_PEOPLE = (
    r"(?:family|relatives|parents|spouse|husband|wife|partner|children|friends|employer|boss"
    r"|manager|colleagues|co-?workers|references|neighbou?rs|landlord|contacts)"
)
_ZH_PEOPLE = r"(?:家人|家属|亲友|亲属|亲戚|朋友|父母|配偶|子女|同事|领导|单位|公司|老板|邻居)"
_ZH_YOU = r"(?:您|你)的?"

# --- the maintained phrase list ----------------------------------------------------------------
PHRASES: Mapping[str, Mapping[Category, tuple[Phrase, ...]]] = MappingProxyType(
    {
        "en": MappingProxyType(
            {
                Category.THREAT: (
                    Phrase(
                        "legal action",
                        f"Threatens court action to pressure payment: {_REG_F_MISLEAD}; "
                        f"{_CONC_COURT}; {_NIFA_THREAT}.",
                        r"legal\s+(?:action|proceedings)",
                    ),
                    Phrase(
                        "take you to court",
                        f"Threatens court action: {_REG_F_MISLEAD}; {_CONC_COURT}.",
                        r"(?:take|taking|drag|dragging)\s+you\s+to\s+court|sue\s+you|suing\s+you",
                    ),
                    Phrase(
                        "arrest",
                        f"Implies non-payment leads to arrest: {_REG_F_MISLEAD}; {_NIFA_THREAT}.",
                        r"arrest(?:s|ed|ing)?",
                    ),
                    Phrase(
                        "police",
                        f"Implies a crime and police action: {_REG_F_MISLEAD}; {_NIFA_THREAT}.",
                        r"police",
                    ),
                    Phrase(
                        "jail",
                        f"Implies imprisonment for debt: {_REG_F_MISLEAD}; {_NIFA_THREAT}.",
                        r"jail(?:ed)?|prison|imprison(?:ed|ment)?",
                    ),
                    Phrase(
                        "criminal charges",
                        f"Implies the borrower committed a crime: {_REG_F_MISLEAD}; {_CONC_LEGAL}.",
                        r"criminal\s+(?:charges?|case|offen[cs]e|record|proceedings)",
                    ),
                    Phrase(
                        "seize",
                        f"Threatens seizure of property: {_REG_F_MISLEAD}; {_CONC_LEGAL}.",
                        r"seiz(?:e|es|ed|ing|ure)",
                    ),
                    Phrase(
                        "garnish your wages",
                        f"Threatens wage garnishment: {_REG_F_MISLEAD}; {_CONC_LEGAL}.",
                        r"garnish(?:es|ed|ing|ment)?",
                    ),
                    Phrase(
                        "bailiffs",
                        f"Threatens enforcement agents: {_CONC_LEGAL} (CONC 7.11.2G); "
                        f"{_REG_F_MISLEAD}.",
                        r"bailiffs?",
                    ),
                    Phrase(
                        "we will tell your employer",
                        f"Threatens disclosure to the employer: {_REG_F_THIRD}; {_CONC_THIRD}; "
                        f"{_NIFA_THIRD}.",
                        r"(?:we\s+will|we'll|we\s+are\s+going\s+to|we\s+may|we\s+might)\s+"
                        r"(?:tell|inform|notify|call|contact)\s+your\s+(?:employer|boss|manager)",
                    ),
                    Phrase(
                        "visit your home",
                        f"Threatens a visit to put pressure on the borrower: {_REG_F_HARASS}; "
                        f"{_NIFA_THREAT}.",
                        r"(?:visit|come\s+to|turn\s+up\s+at|show\s+up\s+at)\s+(?:you\s+at\s+)?"
                        r"your\s+(?:home|house|door|workplace|office|work)|knock\s+on\s+your\s+door",
                    ),
                    Phrase(
                        "blacklist",
                        f"Threatens a public list of defaulters: {_REG_F_HARASS}; "
                        f"{_CONC_EMBARRASS}; {_NIFA_THREAT}.",
                        r"black\s*-?\s*list(?:s|ed|ing)?",
                    ),
                    Phrase(
                        "post your debt on social media",
                        f"Threatens public exposure: {_REG_F_HARASS}; {_CONC_EMBARRASS}; "
                        f"{_NIFA_THREAT}.",
                        r"(?:post|publish|share)\s+(?:your\s+\w+|it|this)\s+(?:on|to)\s+"
                        r"(?:social\s+media|facebook|twitter|wechat|the\s+internet)"
                        r"|expose\s+you|name\s+and\s+shame",
                    ),
                    Phrase(
                        "everyone in your contact list",
                        f"Threatens to message the borrower's contacts: {_REG_F_THIRD}; "
                        f"{_NIFA_THIRD}.",
                        r"(?:everyone\s+in\s+)?your\s+(?:contact\s+list|address\s+book"
                        r"|phone\s+contacts)",
                    ),
                    Phrase(
                        "ruin your credit",
                        f"Exaggerated threat of consequences: {_REG_F_MISLEAD}; {_CONC_MISLEAD}.",
                        r"(?:ruin|destroy|wreck)\s+your\s+(?:credit|life|reputation|future)",
                    ),
                    Phrase(
                        "you will regret",
                        f"Intimidation: {_REG_F_HARASS}; {_NIFA_THREAT}.",
                        r"you(?:'ll|\s+will)\s+regret",
                    ),
                ),
                Category.SHAMING: (
                    Phrase(
                        "deadbeat",
                        f"Insult: {_REG_F_HARASS} (abusive language); {_NIFA_INSULT}.",
                        r"dead\s*-?\s*beats?",
                    ),
                    Phrase(
                        "irresponsible",
                        f"Moral judgement of the borrower: {_REG_F_HARASS}; {_NIFA_INSULT}.",
                        r"irresponsibl[ey]",
                    ),
                    Phrase(
                        "shame",
                        f"Shames the borrower: {_REG_F_HARASS}; {_CONC_EMBARRASS}; {_NIFA_INSULT}.",
                        r"shame(?:s|ful|fully|less)?|ashamed",
                    ),
                    Phrase(
                        "disgrace",
                        f"Shames the borrower: {_REG_F_HARASS}; {_NIFA_INSULT}.",
                        r"disgrace(?:s|d|ful)?",
                    ),
                    Phrase(
                        "liar",
                        f"Insult and accusation of dishonesty: {_REG_F_HARASS}; {_NIFA_INSULT}.",
                        r"liars?|you\s+lied|you\s+are\s+lying|you're\s+lying",
                    ),
                    Phrase(
                        "thief",
                        f"Accuses the borrower of a crime: {_REG_F_MISLEAD}; {_NIFA_INSULT}.",
                        r"thie(?:f|ves)|stealing\s+from\s+us",
                    ),
                    Phrase(
                        "lazy",
                        f"Insult: {_REG_F_HARASS}; {_NIFA_INSULT}.",
                        r"lazy|pathetic|loser|useless",
                    ),
                    Phrase(
                        "embarrassing",
                        f"Tells the borrower their situation is a disgrace: {_REG_F_HARASS}; "
                        f"{_NIFA_INSULT}.",
                        r"embarrassing|humiliating",
                    ),
                ),
                Category.FALSE_URGENCY: (
                    Phrase(
                        "final notice",
                        f"Manufactured finality to pressure payment: {_CONC_PRESSURE}; "
                        f"{_REG_F_MISLEAD}.",
                        r"final\s+(?:notice|warning|demand)",
                    ),
                    Phrase(
                        "last chance",
                        f"Manufactured finality: {_CONC_PRESSURE}; {_REG_F_MISLEAD}.",
                        r"last\s+(?:chance|opportunity|warning)",
                    ),
                    Phrase(
                        "act now",
                        f"Pressure to act at once: {_CONC_PRESSURE}.",
                        r"act\s+(?:now|immediately|fast|today)",
                    ),
                    Phrase(
                        "immediately or else",
                        f"Ultimatum with an unstated threat: {_CONC_PRESSURE}; {_REG_F_HARASS}.",
                        r"or\s+else",
                    ),
                    Phrase(
                        "within 24 hours or",
                        f"Unreasonably short deadline with a consequence: {_CONC_PRESSURE}.",
                        r"within\s+\d{1,3}\s*(?:hours?|hrs?|h)\s*,?\s*or",
                    ),
                    Phrase(
                        "urgent!!!",
                        f"Alarm to pressure payment: {_CONC_PRESSURE}; {_CONC_MISLEAD}.",
                        r"urgent\s*[!:]",
                    ),
                    Phrase(
                        "!!!",
                        f"Shouting: {_CONC_PRESSURE}; {_REG_F_HARASS}.",
                        r"!{3,}",
                    ),
                    Phrase(
                        "pay immediately",
                        f"Pressure to pay at once or in full: {_CONC_PRESSURE}.",
                        r"(?:pay|payment|repay)\s+(?:(?:in\s+full\s+)?(?:immediately|right\s+now"
                        r"|at\s+once)|in\s+full\s+(?:today|now))",
                    ),
                    Phrase(
                        "time is running out",
                        f"Manufactured urgency: {_CONC_PRESSURE}.",
                        r"time\s+is\s+running\s+out|before\s+it(?:'s|\s+is)\s+too\s+late",
                    ),
                    Phrase(
                        "do not ignore this",
                        f"Alarm to pressure a reply: {_CONC_PRESSURE}.",
                        r"(?:do\s+not|don't)\s+ignore",
                    ),
                ),
                Category.THIRD_PARTY: (
                    Phrase(
                        "tell your neighbours",
                        f"Disclosing the debt to neighbours: {_REG_F_THIRD}; {_CONC_THIRD}; "
                        f"{_CONC_EMBARRASS}.",
                        r"(?:tell|inform|notify|let)\s+your\s+neighbou?rs",
                    ),
                    Phrase(
                        "contact your family",
                        f"Disclosing the debt to others: {_REG_F_THIRD}; {_CONC_THIRD}; "
                        f"{_NIFA_THIRD}.",
                        r"(?:contact|call|phone|ring|text|message|e-?mail|write\s+to|speak\s+(?:to"
                        r"|with)|talk\s+to|inform|notify|tell|visit|approach)\s+your\s+"
                        + _EN_PEOPLE,
                    ),
                    Phrase(
                        "your employer will be informed",
                        f"Announces disclosure to others: {_REG_F_THIRD}; {_CONC_THIRD}.",
                        r"your\s+" + _EN_PEOPLE + r"\s+(?:will|may|might|could|shall)\s+(?:be\s+)?"
                        r"(?:informed|notified|contacted|told|called|made\s+aware)",
                    ),
                    Phrase(
                        "share your debt with your family",
                        f"Disclosing the debt to others: {_REG_F_THIRD}; {_CONC_THIRD}.",
                        r"(?:share|discuss|disclose)\s+(?:your\s+|this\s+|the\s+)?"
                        r"(?:debt|loan|arrears|details|account|situation)\s+with\s+(?:your\s+)?"
                        + _EN_PEOPLE,
                    ),
                    Phrase(
                        "your family to find out",
                        f"Threatens that others will learn of the debt: {_REG_F_THIRD}; "
                        f"{_CONC_THIRD}.",
                        r"your\s+" + _EN_PEOPLE + r"\s+(?:to\s+)?find(?:s|ing)?\s+out",
                    ),
                ),
            }
        ),
        "zh-hans": MappingProxyType(
            {
                Category.THREAT: (
                    Phrase(
                        "起诉",
                        f"以诉讼相威胁: {_NIFA_THREAT}; {_REG_F_MISLEAD}; {_CONC_COURT}.",
                        r"起诉|诉讼|告上法庭",
                    ),
                    Phrase(
                        "坐牢",
                        f"暗示欠款会坐牢: {_NIFA_THREAT}; {_REG_F_MISLEAD}.",
                        r"坐牢|入狱|监狱",
                    ),
                    Phrase(
                        "报警",
                        f"暗示犯罪并以警方相威胁: {_NIFA_THREAT}; {_REG_F_MISLEAD}.",
                        r"报警|警察|公安",
                    ),
                    Phrase(
                        "上门",
                        f"以上门催收相威胁: {_NIFA_THREAT}; {_REG_F_HARASS}.",
                        r"上门",
                    ),
                    Phrase(
                        "曝光",
                        f"以公开曝光相威胁: {_NIFA_THREAT}; {_CONC_EMBARRASS}.",
                        r"曝光|公之于众|公开(?:您|你)的",
                    ),
                    Phrase(
                        "黑名单",
                        f"以公开名单相威胁: {_NIFA_THREAT}; {_REG_F_HARASS}.",
                        r"黑名单|失信名单|失信被执行人",
                    ),
                    Phrase(
                        "法院传票",
                        f"以法院程序相威胁: {_NIFA_THREAT}; {_CONC_COURT}.",
                        r"法院传票|传票",
                    ),
                    Phrase(
                        "拘留",
                        f"暗示会被拘留或逮捕: {_NIFA_THREAT}; {_REG_F_MISLEAD}.",
                        r"拘留|逮捕|抓捕",
                    ),
                    Phrase(
                        "通知您的单位",
                        f"以告知工作单位相威胁: {_NIFA_THIRD}; {_REG_F_THIRD}; {_CONC_THIRD}.",
                        r"通知" + _ZH_YOU + r"(?:单位|公司|领导|老板|雇主)",
                    ),
                    Phrase(
                        "通讯录",
                        f"以联系通讯录中的人相威胁: {_NIFA_THIRD}; {_REG_F_THIRD}.",
                        r"通讯录|联系人列表",
                    ),
                    Phrase(
                        "后果自负",
                        f"恐吓: {_NIFA_THREAT}; {_REG_F_HARASS}.",
                        r"后果自负|后果很严重|后果不堪设想",
                    ),
                    Phrase(
                        "刑事责任",
                        f"暗示借款人犯罪: {_NIFA_THREAT}; {_REG_F_MISLEAD}.",
                        r"刑事责任|诈骗罪|涉嫌犯罪",
                    ),
                    Phrase(
                        "律师函",
                        f"以法律程序施压: {_NIFA_THREAT}; {_CONC_COURT}.",
                        r"律师函",
                    ),
                    Phrase(
                        "强制执行",
                        f"以查封、冻结财产相威胁: {_NIFA_THREAT}; {_REG_F_MISLEAD}.",
                        r"强制执行|查封|扣押|冻结" + _ZH_YOU,
                    ),
                ),
                Category.SHAMING: (
                    Phrase("老赖", f"侮辱性称呼: {_NIFA_INSULT}; {_REG_F_HARASS}.", r"老赖"),
                    Phrase("丢人", f"羞辱借款人: {_NIFA_INSULT}.", r"丢人|丢脸"),
                    Phrase("不要脸", f"侮辱: {_NIFA_INSULT}; {_REG_F_HARASS}.", r"不要脸"),
                    Phrase(
                        "骗子",
                        f"指借款人为骗子: {_NIFA_INSULT}; {_REG_F_MISLEAD}. "
                        "“谨防骗子”等防诈骗提示不在此列。",
                        r"(?<!谨防)(?<!警惕)(?<!小心)(?<!防范)(?<!提防)骗子",
                    ),
                    Phrase("无耻", f"侮辱: {_NIFA_INSULT}.", r"无耻"),
                    Phrase(
                        "不讲诚信",
                        f"对借款人作道德评判: {_NIFA_INSULT}.",
                        r"(?:不讲|没有|没)诚信|失信之人",
                    ),
                    Phrase("废物", f"侮辱: {_NIFA_INSULT}.", r"废物|人渣|垃圾人"),
                ),
                Category.FALSE_URGENCY: (
                    Phrase("最后通牒", f"制造最后期限施压: {_CONC_PRESSURE}.", r"最后通牒"),
                    Phrase(
                        "最后一次机会",
                        f"制造最后期限施压: {_CONC_PRESSURE}.",
                        r"最后(?:一次)?机会",
                    ),
                    Phrase(
                        "立即还款否则",
                        f"最后期限加威胁: {_CONC_PRESSURE}; {_NIFA_THREAT}.",
                        r"(?:立即|立刻|马上)(?:还款|还钱|还清|支付|处理)[,.!]?\s*否则",
                    ),
                    Phrase(
                        "马上处理",
                        f"要求立刻处理: {_CONC_PRESSURE}.",
                        r"(?:马上|立刻|立即)处理",
                    ),
                    Phrase("限时", f"制造时间压力: {_CONC_PRESSURE}.", r"限时"),
                    Phrase(
                        "最终警告",
                        f"制造最后期限施压: {_CONC_PRESSURE}.",
                        r"最终警告|最后警告",
                    ),
                    Phrase(
                        "紧急!!",
                        f"制造恐慌: {_CONC_PRESSURE}.",
                        r"紧急\s*!|!{2,}",
                    ),
                    Phrase(
                        "今天必须还清",
                        f"不合理的短期限: {_CONC_PRESSURE}.",
                        r"(?:今天|今日|\d{1,3}\s*小时内)(?:之内)?必须",
                    ),
                ),
                Category.THIRD_PARTY: (
                    Phrase(
                        "联系您的家人",
                        f"向他人透露债务: {_NIFA_THIRD}; {_REG_F_THIRD}; {_CONC_THIRD}.",
                        r"(?:联系|联络|致电|打电话给|发短信给)" + _ZH_YOU + _ZH_PEOPLE,
                    ),
                    Phrase(
                        "通知您的亲友",
                        f"向他人透露债务: {_NIFA_THIRD}; {_REG_F_THIRD}; {_CONC_THIRD}.",
                        r"(?:通知|告知|知会)" + _ZH_YOU + _ZH_PEOPLE,
                    ),
                    Phrase(
                        "联系紧急联系人",
                        f"联系紧急联系人催收: {_NIFA_THIRD}; {_REG_F_THIRD}.",
                        r"(?:联系|联络|致电|通知|告知)" + r"(?:" + _ZH_YOU + r")?紧急联系人",
                    ),
                    Phrase(
                        "告诉您的同事",
                        f"向他人透露债务: {_NIFA_THIRD}; {_REG_F_THIRD}; {_CONC_THIRD}.",
                        r"(?:告诉|转告)" + _ZH_YOU + _ZH_PEOPLE,
                    ),
                    Phrase(
                        "让您的家人知道",
                        f"以让他人知道欠款相威胁: {_NIFA_THIRD}; {_CONC_THIRD}.",
                        r"让" + _ZH_YOU + _ZH_PEOPLE + r"(?:都)?(?:知道|知晓)",
                    ),
                    Phrase(
                        "向您的家人透露",
                        f"向他人透露债务: {_NIFA_THIRD}; {_REG_F_THIRD}; {_CONC_THIRD}.",
                        r"向" + _ZH_YOU + _ZH_PEOPLE + r"(?:透露|披露|说明|催收)",
                    ),
                ),
            }
        ),
    }
)


# --- normalisation -----------------------------------------------------------------------------


def _is_latin(char: str) -> bool:
    """A letter or digit of a Latin-script word: in Chinese, only these keep a space between."""
    return char.isascii() and char.isalnum()


def _normalise(text: str, language: str) -> tuple[str, str, list[int]]:
    """The NFKC text, its normal form, and for each normal-form character its index in the
    NFKC text (so findings can quote the template, not the normal form)."""
    nfkc = unicodedata.normalize("NFKC", straighten_apostrophes(text))
    chars: list[str] = []
    index: list[int] = []
    pending_space: int | None = None  # index of the first character of a whitespace run
    for i, char in enumerate(nfkc):
        if is_hidden(char):
            continue
        if char.isspace():
            if pending_space is None:
                pending_space = i
            continue
        folded = char.casefold()
        if pending_space is not None:
            drop = not chars or (
                language == "zh-hans" and not (_is_latin(chars[-1]) and _is_latin(folded[0]))
            )
            if not drop:
                chars.append(" ")
                index.append(pending_space)
            pending_space = None
        for out in folded:
            chars.append(out)
            index.append(i)
    return nfkc, "".join(chars), index


def normalise(text: str, language: str) -> str:
    """The form in which templates and phrases are compared (see docs/tone-check.md)."""
    _check_language(language)
    return _normalise(text, language)[1]


# --- negation ----------------------------------------------------------------------------------
_EN_FILLER = (
    r"(?:ever|also|directly|personally|routinely|usually|normally|at|any|time|point|stage|be|been"
    r"|being|to|try|going|allowed|permitted|able|need|have|will|would|shall|can|could|may|might"
    r"|do|does|did|take|start|begin|bring|file|pursue|threaten|send|report|call|phone|visit"
    r"|contact|tell|inform|notify|share|disclose|discuss|publish|put|add|list|you|your|the|a|an"
    r"|this|that|with|about|on|or|and|anyone|anybody|such|as|arrest|police|jail|prison|court"
    r"|legal|action|bailiffs|home|house|workplace|work|" + _EN_PEOPLE[3:-1] + ")"
)
_EN_CUE = (
    r"(?:(?<!\w)(?:never|not|cannot|nor|no\s+one\s+(?:will|would|can)|nobody\s+(?:will|would|can)"
    r"|illegal\s+for\s+us\s+to|(?:forbidden|prohibited)\s+(?:from|to))|n't)"
)
_ZH_FILLER = (
    r"(?:任何方式|主动|擅自|随意|私自|任何|进行|通过|允许|可以|我们|会|将|要|再|也|去|向|对|您|你"
    r"|的|和|或|以|都|得|能|可|曾|上门|报警|起诉|催收|" + _ZH_PEOPLE[3:-1] + ")"
)
_ZH_CUE = r"(?:不|未|没有|没|禁止|无权|严禁)"


@dataclass(frozen=True, slots=True)
class _Negation:
    scope: re.Pattern[str]  # a cue and only harmless words up to the end of the prefix
    cue: re.Pattern[str]  # any strong cue (a second one makes a double negative)
    clause_end: re.Pattern[str]


_NEGATION = {
    "en": _Negation(
        scope=re.compile(
            rf"(?:{_EN_CUE}(?:\s+{_EN_FILLER}(?!\w))*|(?<!\w)no)\s*$",
        ),
        cue=re.compile(r"(?<!\w)(?:never|not|cannot|nor)(?!\w)|n't"),
        clause_end=re.compile(r"[.!?;:,()\u2014\u2013]"),
    ),
    "zh-hans": _Negation(
        scope=re.compile(rf"{_ZH_CUE}{_ZH_FILLER}*$"),
        cue=re.compile(_ZH_CUE),
        clause_end=re.compile(r"[.!?;:,()。！？；：，、\u2014]"),
    ),
}


# A negation reaches only this far back (characters of normal form): a few words. The window also
# keeps the check linear in the length of the template.
_NEGATION_REACH = {"en": 120, "zh-hans": 40}


def _negated(normal: str, start: int, language: str) -> bool:
    negation = _NEGATION[language]
    window_start = max(0, start - _NEGATION_REACH[language])
    clause_start = window_start
    for clause_end in negation.clause_end.finditer(normal, window_start, start):
        clause_start = clause_end.end()
    prefix = normal[clause_start:start]
    scope = negation.scope.search(prefix)
    if scope is None:
        return False
    return negation.cue.search(prefix, 0, scope.start()) is None


# --- compiled patterns -------------------------------------------------------------------------
# Not between two word characters: a whole-word edge that also works next to "!" or "'".
_EDGE = r"(?:(?<!\w)|(?!\w))"


@dataclass(frozen=True, slots=True)
class _Compiled:
    category: Category
    phrase: Phrase
    regex: re.Pattern[str]


def _phrase_regex(phrase: Phrase, language: str) -> re.Pattern[str]:
    if phrase.pattern is not None:
        body = phrase.pattern
    else:
        body = r"\s*".join(re.escape(part) for part in normalise(phrase.text, language).split())
    if language == "en":
        body = rf"{_EDGE}(?:{body}){_EDGE}"
    return re.compile(body)


def _compile(language: str) -> tuple[_Compiled, ...]:
    return tuple(
        _Compiled(category, phrase, _phrase_regex(phrase, language))
        for category, phrases in PHRASES[language].items()
        for phrase in phrases
    )


_COMPILED = {language: _compile(language) for language in LANGUAGES}


# --- the check ---------------------------------------------------------------------------------
_EXCERPT_MARGIN = 30


def _excerpt(nfkc: str, start: int, end: int, language: str) -> str:
    left = max(0, start - _EXCERPT_MARGIN)
    right = min(len(nfkc), end + _EXCERPT_MARGIN)
    if language == "en":  # cut at whole words, never into the match itself
        while 0 < left < start and not nfkc[left - 1].isspace():
            left += 1
        while end < right < len(nfkc) and not nfkc[right].isspace():
            right -= 1
    text = " ".join(nfkc[left:right].split())
    return ("…" if left > 0 else "") + text + ("…" if right < len(nfkc) else "")


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"tone check: unknown language {language!r}; expected one of {LANGUAGES}")


def check_tone(text: str, language: str) -> tuple[ToneFinding, ...]:
    """Every threat, insult, false urgency or third-party disclosure in ``text``, in order."""
    _check_language(language)
    nfkc, normal, index = _normalise(text, language)
    covered: set[tuple[Category, int]] = set()  # characters already reported, per category
    found: list[tuple[int, int, ToneFinding]] = []
    for order, compiled in enumerate(_COMPILED[language]):
        for match in compiled.regex.finditer(normal):
            if match.end() == match.start():
                continue
            if compiled.category in NEGATABLE and _negated(normal, match.start(), language):
                continue
            # Two entries of one category on the same words: the one listed first reports it.
            span = [(compiled.category, at) for at in range(match.start(), match.end())]
            if not covered.isdisjoint(span):
                continue
            covered.update(span)
            start, end = index[match.start()], index[match.end() - 1] + 1
            finding = ToneFinding(
                category=compiled.category.value,
                phrase=compiled.phrase.text,
                excerpt=_excerpt(nfkc, start, end, language),
            )
            found.append((match.start(), order, finding))
    found.sort(key=lambda item: (item[0], item[1]))
    return tuple(finding for _, _, finding in found)
