"""Plain-language checks: what makes a text hard to read, line by line, and its reading level.
Pure. What is flagged and the formulas: docs/plain-language.md."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from django.conf import settings

ENGLISH = "en"
CHINESE = "zh-hans"

DEFAULT_LIMITS = {
    "max_sentence_words": 25,
    "max_sentence_chars": 35,
    "target_grade_en": 8.0,
    "target_grade_zh": 8.0,
}

DEFAULT_JARGON: dict[str, dict[str, str]] = {
    ENGLISH: {
        "arrears": "money you owe that is late",
        "delinquent": "late",
        "delinquency": "late payment",
        "default": "not paying as agreed",
        "remediation": "putting things right",
        "forbearance": "extra time or lower payments while things are hard",
        "amortisation": "paying off the loan bit by bit",
        "amortization": "paying off the loan bit by bit",
        "accrue": "build up",
        "accrued": "built up",
        "accrues": "builds up",
        "capitalised": "added to what you owe",
        "capitalized": "added to what you owe",
        "pursuant to": "under",
        "in accordance with": "under",
        "notwithstanding": "even if",
        "aforementioned": "this",
        "hereinafter": "from now on",
        "herein": "here",
        "thereof": "of it",
        "obligor": "borrower",
        "debtor": "borrower",
        "creditor": "lender",
        "remittance": "payment",
        "remit": "pay",
        "disbursement": "payout",
        "disbursed": "paid out",
        "utilise": "use",
        "utilize": "use",
        "commence": "start",
        "terminate": "end",
        "prior to": "before",
        "subsequent to": "after",
        "in the event that": "if",
        "facilitate": "help",
        "endeavour": "try",
        "sufficient": "enough",
        "additional": "more",
        "per annum": "a year",
        "collections agency": "debt collection company",
        "charge-off": "writing the debt off as lost",
        "principal balance": "what you still owe of the amount you borrowed",
        "principal": "the money you borrowed that you have not paid back yet",
        "outstanding principal": "what you still owe of the amount you borrowed",
        "amortised": "paid off bit by bit",
        "amortized": "paid off bit by bit",
        "amortise": "pay off bit by bit",
        "amortize": "pay off bit by bit",
        "amortisation schedule": "repayment plan",
        "amortization schedule": "repayment plan",
        "residual term": "the time left on your loan",
        "remaining term": "the time left on your loan",
        "accrual": "building up",
        "accrued interest": "interest built up so far",
        "annual percentage rate": "yearly cost of the loan",
        "apr": "yearly cost of the loan",
        "compound interest": "interest charged on interest",
        "capitalisation": "adding to what you owe",
        "capitalization": "adding to what you owe",
        "novation": "moving the loan to someone else",
        "assignment of debt": "selling the debt to another company",
        "indemnify": "pay back any loss",
        "indemnity": "promise to pay back any loss",
        "liability": "what you must pay",
        "liable": "responsible",
        "covenant": "promise in the agreement",
        "lien": "the lender's claim on your property",
        "collateral": "something you own that backs the loan",
        "security interest": "the lender's claim on your property",
        "guarantor": "the person who promised to pay if you can't",
        "joint and several": "each of you owes all of it",
        "acceleration": "asking for the whole loan to be paid at once",
        "accelerate": "ask for the whole loan at once",
        "garnishment": "taking money from your wages by court order",
        "garnish": "take from your wages by court order",
        "judgment": "court decision",
        "insolvency": "not being able to pay your debts",
        "insolvent": "unable to pay your debts",
        "bankruptcy": "a legal process when you cannot pay your debts",
        "write-off": "treating the debt as lost",
        "written off": "treated as lost",
        "rescheduling": "changing when you pay",
        "refinancing": "replacing your loan with a new one",
        "balloon payment": "a large last payment",
        "prepayment": "paying early",
        "prepayment penalty": "a fee for paying early",
        "early repayment charge": "a fee for paying early",
        "encumbrance": "a claim on your property",
        "hereby": "by this",
        "heretofore": "until now",
        "whereas": "because",
        "forthwith": "at once",
        "thereafter": "after that",
        "therein": "in it",
        "shall": "will",
        "inter alia": "among other things",
        "null and void": "has no effect",
        "force majeure": "events no one can control",
        "in lieu of": "instead of",
        "statutory": "set by law",
        "jurisdiction": "country or area whose law applies",
        "adjudication": "a decision",
        "arbitration": "a decision by an independent person",
        "set-off": "using money you hold with us to pay the debt",
        "exigible": "due",
        "pro rata": "in proportion",
    },
    CHINESE: {
        "逾期未还款项": "过了还款日还没还的钱",
        "滞纳金": "逾期费（晚还款要多交的钱）",
        "罚息": "逾期要多付的利息",
        "宽限期": "可以晚几天还款而不收费的日子",
        "本息": "本金和利息",
        "展期": "延长还款时间",
        "核销": "把这笔钱记为收不回",
        "催收": "提醒您还款",
        "违约": "没有按合同还款",
        "债务人": "借款人（您）",
        "债权人": "放款方",
        "清偿": "还清",
        "履行": "做到",
        "依据": "按照",
        "鉴于": "因为",
        "前述": "上面说的",
        "摊销": "分期还清",
        "计提": "算上",
        "征信报告": "信用记录",
        "未偿本金": "还没还的本金",
        "未偿余额": "还欠的钱",
        "应计利息": "到现在算出的利息",
        "应付利息": "要付的利息",
        "计息": "算利息",
        "复利": "利息再生的利息",
        "年化利率": "一年的利率",
        "剩余期限": "贷款还剩多久",
        "提前清偿": "提前还清",
        "提前还款补偿金": "提前还款的费用",
        "等额本息": "每月还一样多的钱",
        "等额本金": "每月还一样多的本金",
        "违约金": "没按约定还款要付的钱",
        "违约事件": "没按约定做的事",
        "加速到期": "要求马上还清全部欠款",
        "宣布提前到期": "要求马上还清全部欠款",
        "债权转让": "把这笔债卖给别的公司",
        "连带责任": "每个人都要负责还全部的钱",
        "保证人": "答应替您还钱的人",
        "担保": "保证还钱",
        "抵押": "用财产做保证",
        "质押": "用东西做保证",
        "追偿": "要回这笔钱",
        "诉讼": "打官司",
        "仲裁": "请第三方来决定",
        "强制执行": "法院强制还钱",
        "管辖": "由哪里的法院处理",
        "不可撤销": "不能收回",
        "包括但不限于": "例如",
        "项下": "里面的",
        "之日起": "那天起",
        "视为": "算作",
        "予以": "给",
        "届时": "到时候",
        "截至": "到",
        "据此": "所以",
        "特此": "现在",
        "该等": "这些",
        "兹": "现在",
        "不持异议": "同意",
        "偿付": "还钱",
        "代偿": "替您还钱",
        "呆账": "收不回的钱",
        "坏账": "收不回的钱",
        "授信": "可以借的额度",
        "放款": "把钱借给您",
        "划扣": "从账户里扣钱",
        "扣收": "从账户里扣钱",
    },
}

# About 600 of the most frequent characters of modern written Chinese, and the everyday
# characters of borrowing and repaying (钱, 还, 款, 贷, 息, 费 ...) so they don't count as hard.
COMMON_HANZI = frozenset(
    "的一是不了人我在有他这为之大来以个中上们到说时国和地要就出会可也你对生能而子那得于着"
    "下自年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其"
    "些主样理心她本前开但因只从想实日者意无力它与长把机十民第公此已工使情明性知全三又关点正"
    "业外将两高间由问很最重并物手应向头文体政美相见被利什二等产或新己制身果加西月话合回特代"
    "内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气"
    "题活更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直资命山金指许"
    "统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记"
    "南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步"
    "改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗"
    "字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精"
    "满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六"
    "引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维划"
    "致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京"
    "段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育"
    "属坐限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微"
    "尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙"
    "树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征"
    "修皮胜降阶审沉坚善妈刘读啊超免压银买养怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿"
    "艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核"
    "暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封"
    "救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮"
    "旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡"
    "贷借还欠账单月日周天元块钱帐存取交付利息本金费用余额逾期计划收入支出预算帮助权利联系电话"
    "问题可以需要如果因为所以已经告诉知道怎么什么时候每个这些那些能够一起多少每月按时记录"
)

# Words of contract and official Chinese that plain Chinese rarely needs; see
# chinese_reading_level. Not jargon to replace one by one (many have no single plain word),
# but a measure of register.
CHINESE_FORMAL_MARKERS = (
    "应当", "予以", "依据", "依法", "据此", "约定", "本合同", "项下", "上述", "前述", "所述",
    "该等", "之日", "视为", "履行", "承担", "违约", "不可撤销", "连带", "有权", "义务", "特此",
    "无须", "不得", "届时", "截至", "方可", "不持异议", "包括但不限于", "一切", "清偿", "追偿",
    "计收", "罚息", "复利", "未偿", "应计", "债权", "债务", "诉讼", "管辖", "条款", "生效",
    "效力", "自行", "书面", "相应", "鉴于", "须", "均", "亦", "概", "兹",
)  # fmt: skip
# 之 as in 本合同之约定, not 之前, 之后, 之间, 之一.
_ZH_FORMAL_ZHI = re.compile(r"之(?![前后间一中外内])")

_EN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
_EN_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9£$€¥])")
_ZH_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])[”’」』）)]*")
_HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ZH_LATIN_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,'’-]*")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")

_IRREGULAR_PARTICIPLES = (
    "known|paid|made|taken|given|sent|shown|told|seen|done|written|held|kept|left|lost|set|"
    "sold|built|brought|bought|caught|found|heard|meant|put|read|said|spent|won|cut|hit|"
    "chosen|drawn|driven|eaten|fallen|forgotten|gotten|hidden|spoken|stolen|sworn|thrown|"
    "understood|withdrawn|owed|charged|applied|added|reported|frozen|forgiven|struck|bound"
)
_PASSIVE = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being|get|gets|got|gotten|getting)\s+"
    r"(?:(?:not|also|then|usually|often|always|never|only|still|now|already|automatically)\s+)?"
    rf"((?:\w+ed)|(?:{_IRREGULAR_PARTICIPLES}))\b",
    re.IGNORECASE,
)
# Words ending in -ed after "be" that are adjectives in everyday use, not passives.
_NOT_PASSIVE = frozenset(
    {
        "interested",
        "worried",
        "tired",
        "scared",
        "concerned",
        "excited",
        "pleased",
        "used",
        "supposed",
        "married",
        "allowed",
        "prepared",
        "aged",
        "based",
        "red",
        "need",
        "feed",
        "bed",
        "shed",
        "seed",
        "reed",
        "speed",
        "indeed",
        "led",
    }
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing in one sentence that makes the text harder to read."""

    kind: str  # "long_sentence", "jargon" or "passive"
    sentence: str
    detail: str  # the word or phrase found, or the sentence's length
    suggestion: str = ""  # a plainer alternative, for jargon


@dataclass(frozen=True, slots=True)
class Report:
    language: str
    sentences: int
    length: int  # words (English) or characters (Chinese)
    reading_level: float | None
    target_level: float
    max_sentence_length: int
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def measure(self) -> str:
        return "flesch-kincaid-grade" if self.language == ENGLISH else "zh-sentence-character"

    @property
    def level_ok(self) -> bool:
        return self.reading_level is None or self.reading_level <= self.target_level

    @property
    def passes(self) -> bool:
        return self.level_ok and not self.findings

    def of_kind(self, kind: str) -> list[Finding]:
        return [finding for finding in self.findings if finding.kind == kind]

    def as_dict(self) -> dict:
        data = asdict(self)
        data["findings"] = [asdict(finding) for finding in self.findings]
        data["measure"] = self.measure
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Report:
        """The report ``as_dict`` stored (``measure`` is derived from the language)."""
        fields = {name: value for name, value in data.items() if name != "measure"}
        fields["findings"] = tuple(Finding(**finding) for finding in data.get("findings", ()))
        return cls(**fields)


def limits() -> dict:
    return {**DEFAULT_LIMITS, **getattr(settings, "EDUCATION_READABILITY", {})}


def jargon_for(language: str) -> dict[str, str]:
    """The jargon list for a language: ours, with ``settings.EDUCATION_JARGON`` on top (an
    entry whose alternative is empty removes that word)."""
    merged = dict(DEFAULT_JARGON.get(_base(language), {}))
    merged.update(getattr(settings, "EDUCATION_JARGON", {}).get(_base(language), {}))
    return {word: plainer for word, plainer in merged.items() if plainer}


def check_text(
    text: str,
    language: str,
    *,
    jargon: dict[str, str] | None = None,
    max_sentence_length: int | None = None,
    explained: Iterable[str] = (),
) -> Report:
    """Check ``text`` (plain text; each line is checked on its own) in ``language``.

    ``explained`` are phrases the text links to the glossary: a jargon word inside one of them
    is explained where the reader meets it, so it is not flagged anywhere in the text."""
    language = _base(language)
    settings_limits = limits()
    if jargon is None:
        jargon = jargon_for(language)
    jargon = without_explained(jargon, explained)
    sentences = split_sentences(text, language)
    if language == CHINESE:
        limit = max_sentence_length or settings_limits["max_sentence_chars"]
        target = settings_limits["target_grade_zh"]
        lengths = [chinese_length(sentence) for sentence in sentences]
        level = chinese_reading_level(sentences) if sentences else None
    else:
        limit = max_sentence_length or settings_limits["max_sentence_words"]
        target = settings_limits["target_grade_en"]
        lengths = [len(english_words(sentence)) for sentence in sentences]
        level = flesch_kincaid_grade(sentences) if sentences else None
    findings: list[Finding] = []
    for sentence, length in zip(sentences, lengths, strict=True):
        if length > limit:
            findings.append(Finding("long_sentence", sentence, str(length)))
        for word, plainer in find_jargon(sentence, language, jargon):
            findings.append(Finding("jargon", sentence, word, plainer))
        if language == ENGLISH:
            for phrase in find_passive(sentence):
                findings.append(Finding("passive", sentence, phrase))
    return Report(
        language=language,
        sentences=len(sentences),
        length=sum(lengths),
        reading_level=level,
        target_level=target,
        max_sentence_length=limit,
        findings=tuple(findings),
    )


def split_sentences(text: str, language: str) -> list[str]:
    pattern = _ZH_SENTENCE_END if _base(language) == CHINESE else _EN_SENTENCE_END
    sentences = []
    for line in text.splitlines():
        for piece in pattern.split(line):
            piece = piece.strip()
            if piece and (_HANZI.search(piece) or _EN_WORD.search(piece)):
                sentences.append(piece)
    return sentences


def english_words(text: str) -> list[str]:
    return _EN_WORD.findall(text)


def syllables(word: str) -> int:
    word = word.lower().strip("'’-")
    if not word:
        return 0
    if word.isdigit():
        return max(1, len(word) // 2)
    count = len(_VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if word.endswith(("ed", "es")) and count > 1 and not word.endswith(("ted", "ded", "ses")):
        count -= 1
    return max(1, count)


def flesch_kincaid_grade(sentences: list[str]) -> float | None:
    words = [word for sentence in sentences for word in english_words(sentence)]
    if not sentences or not words:
        return None
    syllable_count = sum(syllables(word) for word in words)
    grade = 0.39 * len(words) / len(sentences) + 11.8 * syllable_count / len(words) - 15.59
    return round(max(grade, 0.0), 1)


def chinese_length(sentence: str) -> int:
    """Characters in a Chinese sentence: each Hanzi, and each Latin word or number, counts 1."""
    return len(_HANZI.findall(sentence)) + len(_ZH_LATIN_TOKEN.findall(sentence))


FORMAL_FLOOR = 50


def chinese_reading_level(sentences: list[str]) -> float | None:
    """0.1 × mean sentence length + 0.2 × % uncommon characters + 0.4 × formal-register words
    per 100 characters. The last term is what tells contract Chinese from plain Chinese: its
    sentences are long, but its characters are common ones. Validated on a labelled set
    (docs/plain-language.md, tests/education/readability_corpus/)."""
    hanzi = [char for sentence in sentences for char in _HANZI.findall(sentence)]
    if not sentences or not hanzi:
        return None
    total = sum(chinese_length(sentence) for sentence in sentences)
    mean_length = total / len(sentences)
    uncommon = 100 * sum(1 for char in hanzi if char not in COMMON_HANZI) / len(hanzi)
    # Over at least FORMAL_FLOOR characters: one word such as 生效 in a seven-character
    # subject line says nothing of its register, though per 100 characters it would be 14.
    formal = (
        100 * sum(formal_markers(sentence) for sentence in sentences) / max(total, FORMAL_FLOOR)
    )
    return round(0.1 * mean_length + 0.2 * uncommon + 0.4 * formal, 1)


def formal_markers(text: str) -> int:
    """How many words of legal or official register ``text`` has (overlaps count once each)."""
    return sum(text.count(marker) for marker in CHINESE_FORMAL_MARKERS) + len(
        _ZH_FORMAL_ZHI.findall(text)
    )


def without_explained(jargon: dict[str, str], explained: Iterable[str]) -> dict[str, str]:
    phrases = [phrase.casefold() for phrase in explained if phrase and phrase.strip()]
    if not phrases:
        return jargon
    return {
        word: plainer
        for word, plainer in jargon.items()
        if not any(word.casefold() in phrase for phrase in phrases)
    }


def find_jargon(sentence: str, language: str, jargon: dict[str, str]) -> list[tuple[str, str]]:
    """Jargon in ``sentence``; a word found only as part of a longer one found ("违约" in
    "违约金", "principal" in "principal balance") is left out, so each is flagged once."""
    found = []
    if _base(language) == CHINESE:
        for word, plainer in jargon.items():
            if word in sentence:
                found.append((word, plainer))
    else:
        lowered = sentence.lower()
        for word, plainer in jargon.items():
            if re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", lowered):
                found.append((word, plainer))
    words = [word.lower() for word, _ in found]
    return [
        (word, plainer)
        for word, plainer in found
        if not any(word.lower() in other and word.lower() != other for other in words)
    ]


def find_passive(sentence: str) -> list[str]:
    return [
        match.group(0)
        for match in _PASSIVE.finditer(sentence)
        if match.group(1).lower() not in _NOT_PASSIVE
    ]


def base_language(language: str) -> str:
    """``ENGLISH`` or ``CHINESE``: the language a report for ``language`` is made in."""
    return _base(language)


def _base(language: str) -> str:
    return CHINESE if (language or "").lower().startswith("zh") else ENGLISH
