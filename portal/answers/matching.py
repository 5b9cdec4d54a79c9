"""Which question a borrower is asking: deterministic, explainable, no outside service.

Every example phrasing (built in, and editors' own) is cut into words by
``education.text_analysis.terms`` (jieba for Chinese, Snowball stems for English), the same
reading the lesson search uses, after common SMS spellings are written out (``SPELLINGS``, an
explicit table: no guessing by letters, which read "lines" as "fine"). Chinese also counts its
single characters, at a lower weight, so that 罚款 still comes near 罚息; words borrowers use
for the same thing share a group feature (``CONCEPTS``: 坐牢, "prison", "court"); Chinese typed
in pinyin is read through the readings of the examples' characters. Each feature is weighted
by its inverse document frequency over all the examples, so words many phrasings share count
for little and words that mark one question ("fee", "滞纳金") count for much; everyday function
words ("my", "的") count for less still.

A question is compared with each example by the cosine of their weighted features. Each intent
scores its nearest examples (``TOP_WEIGHTS``); the best intent's nearest example is shown to
the borrower as the reason. When that example is below ``THRESHOLD``, or the best intent is the
questions the help box does not answer (``NOT_ANSWERED`` in phrasings.py), the answer is "not
sure". Pure: no database, no Django; docs/help.md."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from education.text_analysis import fold, terms
from portal.core.pinyin import readings

from .intents import UNKNOWN

# The least similarity, 0 to 1, at which the best example is trusted (tuned on
# tests/help_questions/tune only; docs/help.md).
THRESHOLD = 0.2
# Examples of questions the help box does not answer from an account (a new loan, a password):
# a question closest to one of these is answered "not sure".
NOT_ANSWERED = "not_answered"

CHARACTER_WEIGHT = 0.7
SYLLABLE_WEIGHT = 0.5  # one pinyin syllable alone; a pair of neighbours counts in full
# How the nearest examples of one intent add up to its score: the nearest counts most.
TOP_WEIGHTS = (1.0, 0.5)
FUNCTION_WORD_WEIGHT = 0.5
CONCEPT_WEIGHT = 0.5
_CJK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CHAR_MARK = "\u00b7"  # a single Chinese character's feature: "·罚"
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Stems of words that carry little of a question's meaning (as ``terms`` gives them).
_FUNCTION_WORDS = """
    a an the i me my mine we our you your it its is are was were be been am do doe did
    to of for on in at by with and or but if so this that these those there here what whi
    how where who which can could would should will shall may might pleas pls pl ok
    have has had get got me? i'm im it' just about from into than then too also not no
    的 了 吗 呢 吧 啊 我 我们 你 你们 是 有 在 这 那 这个 那个 一下 请问 请 么 呀 嘛 就 都
    还是 个 把 给 让 和 跟"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
# Chinese characters that alone say little ("·你" of 你们): their character feature counts less.
FUNCTION_CHARACTERS = frozenset("的了吗呢吧啊我你们是在这那个么呀嘛就都把给让和跟请问")


# Common SMS spellings and slips borrowers type, written out (docs/help.md). An explicit
# table, not a guess by edit distance: that read "lines" as "fine".
SPELLINGS = {
    "wat": "what",
    "wht": "what",
    "wot": "what",
    "dis": "this",
    "dat": "that",
    "hw": "how",
    "hv": "have",
    "y": "why",
    "u": "you",
    "ur": "your",
    "r": "are",
    "wen": "when",
    "wn": "when",
    "2": "to",
    "4": "for",
    "b4": "before",
    "pls": "please",
    "plz": "please",
    "pl": "please",
    "cant": "can't",
    "cnt": "can't",
    "dont": "don't",
    "wont": "won't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "im": "i'm",
    "msg": "message",
    "msgs": "messages",
    "txt": "text",
    "txts": "texts",
    "sms": "text",
    "smses": "texts",
    "amt": "amount",
    "bal": "balance",
    "blance": "balance",
    "balence": "balance",
    "pymt": "payment",
    "pmt": "payment",
    "paymnt": "payment",
    "payement": "payment",
    "repaymnt": "repayment",
    "repaymt": "repayment",
    "instalmnt": "instalment",
    "installement": "installment",
    "acc": "account",
    "acct": "account",
    "accnt": "account",
    "nxt": "next",
    "wk": "week",
    "mnth": "month",
    "mth": "month",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "2day": "today",
    "2moro": "tomorrow",
    "ppl": "people",
    "sum1": "someone",
    "some1": "someone",
    "no1": "no one",
    "thx": "thanks",
    "chrg": "charge",
    "chrgd": "charged",
    "intrest": "interest",
    "intrst": "interest",
    "recieve": "receive",
    "reciept": "receipt",
    "morgage": "mortgage",
    "loen": "loan",
    "pay't": "payment",
    "agnt": "agent",
    "phne": "phone",
    "fone": "phone",
    "ph": "phone",
}
_LATIN_WORD = re.compile(r"[a-z0-9']+")

# Words borrowers use for the same thing, in both languages (docs/help.md): a question and an
# example that use different words of one group share that group's feature, "#jail" for
# "prison" and "坐牢" alike. English words are matched by their stem, Chinese ones anywhere
# in the question. Groups name things, not intents: a word may say several intents' things.
CONCEPTS = {
    "person": "person human agent operator someone somebody staff officer representative "
    "manager advisor adviser people real 人工 真人 客服 工作人员 经理 信贷员 有人 专员 坐席",
    "contact": "contact reach call phone ring rang email chat whatsapp hotline 联系 电话 打给 "
    "回电 邮箱 聊 打电话 热线 联系方式",
    "message": "message text sms sm reminder notification alert whatsapp call calling 短信 "
    "消息 提醒 通知 微信 电话 催收 催款 推送 信息",
    "stop": "stop unsubscribe quit enough cancel remove off block 退订 别 不要 停止 取消 "
    "关掉 关闭 删掉 td 少打 少发 不打 不发 烦",
    # Too often: said of calls and texts, not of anything else the box answers.
    "often": "often many frequent constantly every daily 太多 频繁 天天 每天 一天 好几 老是 "
    "总是 不停",
    "fee": "fee charge penalty fine surcharge commission deduction cost 费 罚 收费 扣费 滞纳金 "
    "违约金 罚息 罚金 手续费 乱收 多收",
    "jail": "jail prison arrest police court sue lawsuit legal legally law crime criminal "
    "坐牢 抓 报警 起诉 法院 法庭 告 警察 合法 法律 判刑 拘留 违法 犯罪 律师",
    "seize": "seize repossess garnish take confiscate property house car wage salary "
    "belongings 收走 没收 拿走 工资 房子 财产 车",
    # Collectors at the door: 上门 is said of a visit, not of a call or a person to talk to.
    "visit": "visit door doorstep bailiff 上门 来家 来我家 家访 找上门",
    "complain": "complain complaint report regulator ombudsman dispute 投诉 举报 申诉 监管 异议",
    "privacy": "privacy data personal information share leak shame expose 隐私 信息 泄露 曝光 公开",
    "family": "family relative husband wife mother mum mom father dad boss employer neighbour "
    "neighbor colleague friend contacts work workplace 家人 亲戚 老板 单位 领导 邻居 家里 父母 "
    "妈 爸 同事 朋友 通讯录 老公 老婆 孩子 公司",
    "broke": "broke afford unemployed jobless job sick hospital died death passed struggle "
    "struggling hardship income redundant laid 没钱 还不起 还不上 还不了 拿不出 没收入 没有收入 "
    "没有钱 木有钱 失业 裁员 倒闭 生病 住院 去世 手头紧 困难 周转",
    # Not able to: what a borrower who cannot pay says, whatever the words after it.
    "unable": "can't cannot unable won't wont couldn't 还不 没法 没办法 付不起",
    "delay": "late later delay extend extension postpone skip pause defer 延期 晚 宽限 "
    "推迟 暂停 缓 延长 等等 推后 拖",
    "less": "less smaller reduce lower half part partial plan 少还 一半 降低 部分 减少 计划",
    "increase": "increas rise rose jump grew grow higher bigger up more 涨 多了 增加 变多 "
    "越来越多 变高",
    "channel": "mpesa m-pesa paybill airtel mobile bank transfer card debit account "
    "branch agent cash online app paypal wallet 转账 银行 账户 账号 微信 支付宝 银行卡 网点 "
    "渠道 方式 云闪付 二维码 扫码 网银 柜台 现金 汇款",
    "reference": "reference ref narration 备注 参考号",
    "when": "when date day deadline due friday monday week month 几号 哪天 什么时候 日期 "
    "还款日 到期 截止 最晚 最迟 哪一天 几月",
    "remaining": "left remain remaining finish last 剩 剩下 还剩 最后 还清 几期",
    "credit": "credit score record blacklist blacklisted bureau 征信 信用 黑名单",
    "threat": "threat threaten harass harassment insult abuse abusive shame swear rude 威胁 "
    "骚扰 辱骂 暴力 骂 恐吓 爆通讯录",
}


def normalise(text: str) -> str:
    """``text`` folded, with the table's spellings written out."""
    return _LATIN_WORD.sub(lambda found: SPELLINGS.get(found[0], found[0]), fold(text))


# Chinese typed as pinyin without tones ("huan kuan fang shi"): a question whose every word is
# a syllable some example's characters can be read as is compared through those readings.
_PINYIN_MARK = "~"


def _pinyin_features(syllables: list[list[str]]) -> list[str]:
    """One feature for each reading of each syllable, and one for each pair of neighbours."""
    found = [_PINYIN_MARK + one for options in syllables for one in options]
    for left, right in pairwise(syllables):
        found += [_PINYIN_MARK + a + _PINYIN_MARK + b for a in left for b in right]
    return found


_CONCEPT_MARK = "#"


@cache
def _concept_words() -> tuple[dict[str, set[str]], tuple[tuple[str, str], ...]]:
    """English stems and Chinese words, each with the groups it belongs to."""
    stems: dict[str, set[str]] = {}
    chinese = []
    for concept, listed in CONCEPTS.items():
        for word in listed.split():
            if _CJK_CHAR.search(word):
                chinese.append((word, concept))
            else:
                for part in terms(word):
                    stems.setdefault(part, set()).add(concept)
    return stems, tuple(chinese)


def concepts(text: str, words: list[str]) -> list[str]:
    """The groups of ``CONCEPTS`` that ``text`` (read as ``words``) uses a word of."""
    stems, chinese = _concept_words()
    found = {concept for word in words for concept in stems.get(word, ())}
    found |= {concept for word, concept in chinese if word in text}
    return sorted(_CONCEPT_MARK + concept for concept in found)


def features(text: str) -> list[str]:
    """The words of ``text`` as ``terms`` reads them (spellings written out), each Chinese
    character alone, and the groups of words it uses (``CONCEPTS``)."""
    folded = normalise(text)
    words = terms(folded)
    characters = [_CHAR_MARK + char for char in _CJK_CHAR.findall(folded)]
    return words + characters + concepts(folded, words)


def sounds(text: str) -> list[str]:
    """How the Chinese of ``text`` can be read aloud, as pinyin features."""
    runs = _CJK_RUN.findall(fold(text))
    return [found for run in runs for found in _pinyin_features([readings(c) for c in run])]


def typed_pinyin(text: str, syllables: frozenset[str]) -> list[str]:
    """Pinyin features of a question of two or more words that are all among ``syllables``;
    nothing for any other question."""
    folded = fold(text)
    if _CJK_CHAR.search(folded):
        return []
    latin = _LATIN_WORD.findall(folded)
    if len(latin) < 2 or not all(word in syllables for word in latin):
        return []
    return _pinyin_features([[word] for word in latin])


@dataclass(frozen=True, slots=True)
class Example:
    intent: str
    language: str
    text: str
    features: frozenset[str]
    sounds: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Match:
    """The intent recognised (``UNKNOWN`` when unsure), how close the question came to that
    intent's nearest example (0 to 1), that example and the words they share: why this
    answer."""

    intent: str
    score: float
    example: str = ""
    shared: tuple[str, ...] = ()

    @property
    def sure(self) -> bool:
        return self.intent != UNKNOWN


class Matcher:
    def __init__(self, phrasings: Iterable[tuple[str, str, str]], threshold: float = THRESHOLD):
        """``phrasings``: (intent, language, text) triples; intent ``NOT_ANSWERED`` for the
        questions that get "not sure"."""
        self.threshold = threshold
        self.examples = tuple(
            Example(intent, language, text, frozenset(features(text)), frozenset(sounds(text)))
            for intent, language, text in phrasings
        )
        counts = Counter(
            feature for example in self.examples for feature in example.features | example.sounds
        )
        total = len(self.examples)
        self._weights = {
            feature: self._factor(feature) * (math.log((total + 1) / (count + 1)) + 1)
            for feature, count in counts.items()
        }
        # A word no example uses weighs most: it is evidence the question is about something else.
        self._unseen = math.log(total + 1) + 1
        self._norms = [self._norm(example.features) for example in self.examples]
        self._sound_norms = [self._norm(example.sounds) for example in self.examples]
        self._syllables = frozenset(
            feature[1:]
            for example in self.examples
            for feature in example.sounds
            if _PINYIN_MARK not in feature[1:]
        )

    @staticmethod
    def _factor(feature: str) -> float:
        if feature in FUNCTION_WORDS:
            return FUNCTION_WORD_WEIGHT
        if feature.startswith(_CHAR_MARK):
            if feature[1:] in FUNCTION_CHARACTERS:
                return CHARACTER_WEIGHT * FUNCTION_WORD_WEIGHT
            return CHARACTER_WEIGHT
        if feature.startswith(_CONCEPT_MARK):
            return CONCEPT_WEIGHT
        if feature.startswith(_PINYIN_MARK):
            return SYLLABLE_WEIGHT if feature.count(_PINYIN_MARK) == 1 else 1.0
        return 1.0

    def weight(self, feature: str) -> float:
        return self._weights.get(feature, self._factor(feature) * self._unseen)

    def _norm(self, found: Iterable[str]) -> float:
        return math.sqrt(sum(self.weight(feature) ** 2 for feature in found))

    def similarities(self, question: str) -> list[tuple[float, Example]]:
        """Each example the question shares a word with, and the cosine of their weighted
        words; through pinyin readings for a question typed in pinyin."""
        spoken = typed_pinyin(question, self._syllables)
        asked = frozenset(spoken or features(question))
        if not asked:
            return []
        norm = self._norm(asked)
        norms = self._sound_norms if spoken else self._norms
        found = []
        for example, example_norm in zip(self.examples, norms, strict=True):
            shared = asked & (example.sounds if spoken else example.features)
            if shared:
                score = sum(self.weight(f) ** 2 for f in shared) / (norm * example_norm)
                found.append((score, example))
        return found

    def match(self, question: str) -> Match:
        """The intent whose nearest examples, added up with ``TOP_WEIGHTS``, come closest: one
        stray example near by chance does not outvote an intent with several near ones. Unsure
        when that intent's nearest example is below the threshold, or is ``NOT_ANSWERED``."""
        by_intent: dict[str, list[tuple[float, Example]]] = {}
        for score, example in self.similarities(question):
            by_intent.setdefault(example.intent, []).append((score, example))
        if not by_intent:
            return Match(UNKNOWN, 0.0)
        ranked = []
        for intent, scored in by_intent.items():
            scored.sort(key=lambda pair: (-pair[0], pair[1].text))
            total = sum(w * s for w, (s, _e) in zip(TOP_WEIGHTS, scored, strict=False))
            ranked.append((total, intent, scored[0]))
        ranked.sort(key=lambda item: (-item[0], item[1]))
        _total, intent, (score, best) = ranked[0]
        asked = frozenset(features(question)) | frozenset(typed_pinyin(question, self._syllables))
        # The words themselves (a pinyin syllable without its mark), not characters or groups.
        words = sorted(
            (
                f
                for f in asked & (best.features | best.sounds)
                if not f.startswith((_CHAR_MARK, _CONCEPT_MARK)) and _PINYIN_MARK not in f[1:]
            ),
            key=lambda f: (-self.weight(f), f),
        )
        shared = tuple(f.removeprefix(_PINYIN_MARK) for f in words)
        if score < self.threshold or intent == NOT_ANSWERED:
            return Match(UNKNOWN, round(score, 3), best.text, shared)
        return Match(intent, round(score, 3), best.text, shared)
