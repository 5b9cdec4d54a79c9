"""The tone check's data: its categories, the patterns it refuses and the words that excuse a
match (a negation, a rule being quoted, someone else's conduct being described). The engine
that applies them is education/tone_check.py; what each part means: docs/tone-check.md.

Patterns are small regexes over the normal form (casefolded, NFKC, one space between words; no
spaces at all in Chinese). They are built from shared word classes (who a third party is, what a
legal document is called) so that one entry covers the many ways a collector words the same
harm, not one sentence. Tune them only against tests/tone_corpus/tune/: the held-out half is
the measure, and a test fails if its wording turns up here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType


class Category(StrEnum):
    THREAT = "threat"  # violence or harm
    LEGAL_ACTION = "legal_action"  # lawsuits, arrest, prison, seizure, crime
    FALSE_URGENCY = "false_urgency"
    THIRD_PARTY = "third_party"  # telling or contacting anyone but the borrower
    VISIT_OR_WATCHING = "visit_or_watching"  # visits; the borrower is watched or located
    SHAMING = "shaming"
    FALSE_AUTHORITY = "false_authority"  # acting for a court, the police, the government
    FAKE_LEGAL_DOCUMENT = "fake_legal_document"


# A negation in the phrase's own clause excuses these categories (docs/tone-check.md). Shaming and
# false urgency are not excused: "You're no deadbeat" still calls the borrower one.
NEGATABLE = frozenset(
    {
        Category.THREAT,
        Category.LEGAL_ACTION,
        Category.THIRD_PARTY,
        Category.VISIT_OR_WATCHING,
        Category.FALSE_AUTHORITY,
        Category.FAKE_LEGAL_DOCUMENT,
    }
)


@dataclass(frozen=True, slots=True)
class Phrase:
    """One maintained entry: ``text`` is its canonical example and matches its own pattern."""

    text: str
    why: str
    pattern: str | None = None  # a small regex over normalised text
    # None: as the category (NEGATABLE). False for a pattern that holds its own negation
    # ("won't stop until"), True for a judgement a kind text may deny ("you are no bad person").
    negatable: bool | None = None
    # A permission in the clause ("you can", 可以) excuses it: "You can pay today if you like".
    permissive: bool = False


# --- citations ---------------------------------------------------------------------------------
_FDCPA_806 = "FDCPA §806 (harassment or abuse)"
_FDCPA_807 = "FDCPA §807 (false or misleading representations)"
_FDCPA_808 = "FDCPA §808 (unfair practices)"
_FDCPA_805 = "FDCPA §805(b) (no communication with third parties)"
_REG_F_HARASS = "12 CFR 1006.14 (harassment or abuse)"
_REG_F_MISLEAD = "12 CFR 1006.18 (false or misleading representations)"
_REG_F_THIRD = "12 CFR 1006.6(d) (no communication with third parties)"
_REG_F_PLACE = "12 CFR 1006.6(b) (no contact at an inconvenient place)"
_CONC_PRESSURE = "FCA CONC 7.3.10R (no pressure to pay at once or in an unreasonably short time)"
_NIFA = "NIFA 2024 collection guidance"
_NIFA_THREAT = f"{_NIFA} (no violence, threats or intimidation)"
_NIFA_INSULT = f"{_NIFA} (no insults or humiliation)"
_NIFA_THIRD = f"{_NIFA} (contact the borrower only)"
_NIFA_FALSE = f"{_NIFA} (no false claims of legal consequences or authority)"
_NIFA_VISIT = f"{_NIFA} (no harassing visits or tracking)"
_CN_RULES = "CBIRC/PBoC rules on collection (银保监规〔2022〕13号)"
_CN_FORBIDDEN = f"{_CN_RULES}: 严禁暴力、恐吓、侮辱、诽谤、骚扰"
_CN_THIRD = f"{_CN_RULES}: 严禁向债务人以外的第三人催收"

_WHY = {
    Category.THREAT: f"Threatens violence or harm: {_FDCPA_806}; {_REG_F_HARASS}; {_NIFA_THREAT}.",
    Category.LEGAL_ACTION: (
        f"Threatens legal action, arrest or a criminal charge that a reminder cannot know is "
        f"intended or lawful: {_FDCPA_807}(4),(5),(7); {_REG_F_MISLEAD}; {_NIFA_FALSE}."
    ),
    Category.FALSE_URGENCY: (
        f"Manufactured deadline or urgency to pressure payment: {_CONC_PRESSURE}; "
        f"{_FDCPA_807}(10); {_REG_F_MISLEAD}."
    ),
    Category.THIRD_PARTY: (
        f"Tells or threatens to tell someone other than the borrower about the debt: "
        f"{_FDCPA_805}; {_REG_F_THIRD}; {_NIFA_THIRD}."
    ),
    Category.VISIT_OR_WATCHING: (
        f"Threatens a visit, or says the borrower is watched or located: {_FDCPA_806}; "
        f"{_REG_F_PLACE}; {_REG_F_HARASS}; {_NIFA_VISIT}."
    ),
    Category.SHAMING: f"Insults or shames the borrower: {_FDCPA_806}(2); {_REG_F_HARASS}; "
    f"{_NIFA_INSULT}.",
    Category.FALSE_AUTHORITY: (
        f"Claims to act for a court, the police or the government: {_FDCPA_807}(1),(14); "
        f"{_REG_F_MISLEAD}; {_NIFA_FALSE}."
    ),
    Category.FAKE_LEGAL_DOCUMENT: (
        f"Presents a message as a legal document or court paper: {_FDCPA_807}(9),(13); "
        f"{_FDCPA_808}; {_REG_F_MISLEAD}; {_NIFA_FALSE}."
    ),
}
_WHY_ZH = {
    Category.THREAT: f"暴力威胁、恐吓伤害: {_NIFA_THREAT}; {_CN_FORBIDDEN}; {_REG_F_HARASS}.",
    Category.LEGAL_ACTION: f"以诉讼、拘留、坐牢或刑事责任相威胁: {_NIFA_FALSE}; {_CN_FORBIDDEN}; "
    f"{_REG_F_MISLEAD}.",
    Category.FALSE_URGENCY: f"制造不合理的期限施压: {_CONC_PRESSURE}; {_NIFA_THREAT}.",
    Category.THIRD_PARTY: f"向借款人之外的人讲出欠款或催收: {_NIFA_THIRD}; {_CN_THIRD}; "
    f"{_REG_F_THIRD}.",
    Category.VISIT_OR_WATCHING: f"以上门、跟踪或定位相威胁: {_NIFA_VISIT}; {_CN_FORBIDDEN}; "
    f"{_REG_F_HARASS}.",
    Category.SHAMING: f"侮辱或羞辱借款人: {_NIFA_INSULT}; {_CN_FORBIDDEN}; {_REG_F_HARASS}.",
    Category.FALSE_AUTHORITY: f"冒充公检法、政府或监管机构: {_NIFA_FALSE}; {_CN_RULES}; "
    f"{_REG_F_MISLEAD}.",
    Category.FAKE_LEGAL_DOCUMENT: f"伪造或冒充法律文书: {_NIFA_FALSE}; {_CN_RULES}; "
    f"{_REG_F_MISLEAD}.",
}


def _alt(*parts: str) -> str:
    return "(?:" + "|".join(parts) + ")"


# --- English word classes ----------------------------------------------------------------------
_W = r"[\w'-]+"  # one word
_GAP2 = rf"(?:{_W} ){{0,2}}?"
_GAP3 = rf"(?:{_W} ){{0,3}}?"
_GAP4 = rf"(?:{_W} ){{0,4}}?"
_AGENT = r"(?:we|i|they|our (?:\w+ )?(?:team|agents?|collectors?|people|guys|men|boys|lawyers?"
_AGENT += r"|attorneys?|solicitors?|staff|officers?|firm|company|department))"
_WILL = (
    r"(?:'ll|'re|'ve| will| shall| are| am| have| has| had| would| might| may| can| could"
    r"| must| plan to| intend to| go(?:ing)? to| about to| ready to| already)"
)
_PEOPLE = _alt(
    r"family",
    r"relatives?",
    r"parents?",
    r"mother|mum|mom|father|dad|sister|brother|siblings?|cousins?|grandparents?|in-laws",
    r"(?:mother|father|parents|brother|sister|son|daughter)-in-law|uncle|aunt|nephew|niece",
    r"grand(?:ma|pa|mother|father)|flatmates?|roommates?|housemates?|tenants?|lodgers?",
    r"university|college|school|bank|mosque|temple|union|club|secretary|receptionist|referees?",
    r"street|neighbou?rhood|village|town|estate",
    r"spouse|wife|husband|partner|girlfriend|boyfriend",
    r"kids|children|son|daughter|child",
    r"friends?|neighbou?rs?|landlord|classmates|church(?: group)?|community|pastor|teachers?",
    r"employer|boss|manager|supervisor|hr(?: department)?|colleagues|co-?workers|workmates",
    r"workplace|office|company|references?|(?:emergency )?contacts|guarantors?",
    r"phone ?book|address book|contact list|whatsapp groups?|facebook friends",
)
_PLACE = _alt(
    r"home|house|door|doorstep|flat|apartment|place|residence|building|street|gate",
    r"office|workplace|work|job|shop|store|business|stall|factory|school|neighbou?rhood",
    r"restaurant|cafe|salon|garage|farm|market|gym|clinic|site|yard|kiosk|premises|workshop",
    r"studio|warehouse|hotel|church|company|firm|compound|estate|village|mosque|temple|college",
)
_INSULT = _alt(
    r"dead-?beats?|losers?|liars?|cheats?|cheaters?|thie(?:f|ves)|crooks?|scammers?",
    r"fraudsters?|frauds?|bums?|freeloaders?|spongers?|scroungers?|leech(?:es)?|parasites?",
    r"idiots?|morons?|imbeciles?|fools?|stupid|dumb|lazy|pathetic|useless|worthless",
    r"irresponsible|disgrace|disgraceful|scumbags?|scum|trash|garbage|failures?|jokes?",
    r"clowns?|pigs?|cowards?|low-?lifes?|good[ -]for[ -]nothing|waste of space|dishonest",
    r"shameless|untrustworthy|criminals?|embarrassment",
)
_AUTH = _alt(
    r"police(?: department| force)?|cops|law enforcement|sheriff(?:'s office)?|fbi|interpol",
    r"(?:district |county |high |supreme |federal |state )?courts?",
    r"court (?:enforcement|officers?|bailiffs?)",
    r"department of justice|ministry of \w+|(?:federal |state |national |local )?government",
    r"federal \w+|state prosecutor|(?:state|district) attorney(?:'s office)?"
    r"|prosecutor(?:'s office)?|attorney general(?:'s office)?",
    r"magistrate(?:'s (?:office|court))?|judge|irs|tax (?:authorities|office|department)",
    r"central bank|regulator|cfpb|the state|officers? of the law",
)
_DOC = _alt(
    r"(?:court )?summons(?:es)?|subpoenas?|(?:arrest |bench |search )?warrants?",
    r"writs?(?: of \w+)?|court (?:orders?|papers?|documents?|notices?|letters?|filings?)",
    r"(?:default )?judg(?:e)?ments?|lawsuits?|affidavits?|garnishment orders?",
    r"(?:seizure|attachment|execution) orders?|case (?:file|number|no)|docket (?:number|no)",
    r"legal (?:notices?|documents?|papers?|demands?|letters?)|(?:lawyer|attorney|solicitor)s?'?s? "
    r"letters?",
    r"letters? of demand|demand letters?|(?:hearing|court) notices?",
    r"notice of (?:\w+ ){0,3}?(?:suit|lawsuit|judgment|seizure|default|claim|complaint"
    r"|proceedings|litigation|hearing|arrest|legal action)",
    r"pre-?litigation notices?|(?:official|criminal) complaints?",
)

# --- Chinese word classes ----------------------------------------------------------------------
_YOU = r"(?:(?:你|您)(?:的|们的|们)?)"
_C = r"[^,.!?;:()\"“”，。！？；：、（）]"  # one character within the clause
_ZH_PEOPLE = _alt(
    r"家人|家属|家里人|全家|亲人|亲友|亲属|亲戚|父母|爸妈|爸爸|妈妈|母亲|父亲|兄弟姐妹|哥哥|姐姐",
    r"弟弟|妹妹|老婆|老公|妻子|丈夫|配偶|爱人|女朋友|男朋友|对象|子女|孩子|儿子|女儿",
    r"朋友|同学|老师|邻居|房东|同事|领导|上司|单位|公司|老板|雇主|人事|紧急联系人|联系人|通讯录",
    r"全村|村里|所有人|身边的人|周围的人|老家(?:的人)?|家乡|老乡|岳父母|公婆|亲家",
    r"舅舅|舅妈|叔叔|婶婶|阿姨|姑姑|伯伯|爷爷|奶奶|外公|外婆|表哥|表姐|表弟|表妹|堂兄|侄子|外甥",
    r"老妈|老爸|妈|爸|村长|支书|族长|长辈",
    r"室友|同乡|导师|学校|教会|微信好友|好友|网友|粉丝|群友|家族群|群里的人",
    r"物业|保安|门卫|村委|村干部|街坊|合伙人|客户们|工友|老乡们",
)
_ZH_PLACE = (
    r"(?:家|家里|住处|住所|住址|地址|住的地方|公司|单位|店|店里|上班的地方|工作的地方|学校|楼下"
    r"|小区"
    r"|门口|老家|工地|工厂|厂里|车间|摊位|摊子|档口|市场|宿舍|出租屋|铺子|门店)"
)
_ZH_AUTH = _alt(
    r"公安(?:局|机关|部|厅)?|派出所|警方|警察|警官|刑警(?:队)?|经侦(?:大队)?|反诈中心",
    r"(?:最高人民|中级人民|基层人民|人民)?法院|执行局|检察院|检察官|法官|司法(?:局|机关|人员|部门)",
    r"政府|国家\S{0,2}(?:中心|部门|机关|局)|银保监会|金融监管(?:总?局|部门)?|监管(?:部门|局)",
    r"人民银行|央行|税务(?:局|部门)|征信中心|仲裁委员会|公检法|居委会|律师事务所|律所",
    r"网警|网安|特警|民警|法警|刑侦|国安|纪委|监察委|工商局|市场监管局|证监会|外汇局|海关|移民局"
    r"|出入境",
    r"司法" + _C + r"{0,4}?(?:中心|所|局|机关|部门|人员|机构|处)",
)
_ZH_DOC = _alt(
    r"(?:法院)?传票|律师(?:函|信)|逮捕令|拘捕令|通缉令|起诉(?:书|状)|判决书|裁(?:决|定)书",
    r"执行令|查封令|申报令|支付令|认罪书|催告函|催款函|协查通报|开庭通知|出庭通知|拘传",
    r"(?:立案|诉前|执行|强制执行|传唤|调解|仲裁|开庭|应诉)" + _C + r"{0,2}通知书?|\S{0,4}决定书"
    r"|司法文书|法律文书|法院文书",
)

# --- the maintained pattern list ---------------------------------------------------------------
_EN: dict[Category, tuple[Phrase, ...]] = {
    Category.THREAT: (
        Phrase(
            "hurt you",
            _WHY[Category.THREAT],
            r"(?:hurt|harm|injure|beat(?: up)?|kill|attack|hit|slap|stab|shoot|break|punish|batter)"
            r" (?:you(?!r)|your (?:\w+ )?(?:legs?|arms?|face|bones?|neck|head|kneecaps?|family"
            r"|kids|children|son|daughter|wife|husband|house|home|car|shop|windows?|property"
            r"|things))",
        ),
        Phrase(
            "get hurt",
            _WHY[Category.THREAT],
            r"(?:get|gets|getting|got|be|been) (?:badly |seriously )?(?:hurt|harmed|injured|beaten"
            r"|roughed up)|(?:have|has|had|having) (?:an? )?(?:little )?accidents?",
        ),
        Phrase(
            "something bad could happen",
            _WHY[Category.THREAT],
            r"(?:something|anything|things) (?:bad |terrible |awful |unpleasant |nasty "
            r"|unfortunate )?(?:could|might|may|will|would|can) happen|(?:see|find out|learn)"
            r" what happens|(?:won't|will not|wont) like (?:what happens|the result"
            r"|the consequences"
            r"|what we do)|(?:not be|won't be) so lucky|lucky next time|(?:pity"
            r"|shame) if (?:something|anything|your)"
            r"|happen(?:s|ed)? to your (?:\w+ )?(?:car|house|home|kids|children|family|shop)",
            negatable=False,
        ),
        Phrase(
            "you will regret it",
            _WHY[Category.THREAT],
            r"regret (?:it|this|not|ignoring|the day|that)|make (?:sure |certain )?you regret",
        ),
        Phrase(
            "watch your back",
            _WHY[Category.THREAT],
            r"watch (?:your|ur) back|(?:look|watch)(?:ing)? over your shoulder",
        ),
        Phrase(
            "make your life hell",
            _WHY[Category.THREAT],
            r"make (?:your life|things|it|life) (?:\w+ )?(?:hell|miserable|painful|unbearable"
            r"|a nightmare|very (?:hard|difficult|painful|unpleasant))"
            r"|(?:ruin|destroy|wreck)(?:s|ed|ing)? (?:your|everything|you(?!r))",
        ),
        Phrase(
            "think about your family's safety",
            _WHY[Category.THREAT],
            r"safety (?:depends|is at risk|is not guaranteed|is in your hands)|think (?:about|of) "
            r"(?:your )?(?:\w+'s? )?safety|(?:won't|will not|never) be safe|not safe anywhere",
            negatable=False,
        ),
        Phrase(
            "the hard way",
            _WHY[Category.THREAT],
            r"get(?:ting)? (?:physical|rough|nasty|violent|ugly)|how (?:rough|nasty|violent|ugly)"
            r" (?:we|things|it) (?:can|will) get|the hard way|(?:our|my) own way|by any means"
            r"|whatever it takes|(?:one|some) way or (?:the other|another)|lose (?:our|my|their"
            r"|his) (?:patience|temper)"
            r"|think (?:about|of) (?:your )?(?:family|kids|children|loved ones) before"
            r"|(?:use|using|resort to) (?:violence|force)",
        ),
        Phrase(
            "teaching you a lesson",
            _WHY[Category.THREAT],
            r"teach(?:es|ing)? you (?:a )?(?:lesson|something)|deal with you(?!r)|(?:take|taking"
            r"|took) care of you(?!r)"
            r"|sort you out|come (?:for|after) you(?!r)|you(?:'re| are) (?:dead|finished|done for)"
            r"|make you (?:suffer|sorry|bleed|cry|pay for)|you(?:'ll| will) suffer"
            r"|(?:we|i) know people who|ways (?:of|to) mak\w* (?:you|people|them)|(?:end"
            r"|wind) up in"
            r" (?:(?:the|a) )?(?:hospital|wheelchair|coffin|morgue|grave)|need an ambulance"
            r"|accidents? (?:can |do |will |might )?happen|set fire to|don't (?:test|push) (?:us"
            r"|me)",
        ),
        Phrase(
            "smash your windows",
            _WHY[Category.THREAT],
            r"(?:smash|burn|torch|wreck|trash|damage|vandali[sz]e)(?:es|s|ed|ing)? "
            r"(?:\w+ ){0,2}?(?:your|everything|all)|(?:catch|caught|catches) fire|on fire"
            r"|burn(?:s|ed|t)? (?:it )?down",
        ),
        Phrase(
            "won't stop until",
            _WHY[Category.THREAT],
            r"(?:won't|will not|never) (?:stop|give up|rest|let (?:this|it|you) go) until"
            r"|nothing (?:will|can) stop (?:us|me)|(?:cross|crosses|crossed|mess with|messes with)"
            r" (?:us|me)|make sure you (?:never|don't|can't|won't)|(?:don't|never|won't) forgive"
            r"|we don't forget|(?:you'll|you will|you're going to|you are going to) wish you",
            negatable=False,
        ),
    ),
    Category.LEGAL_ACTION: (
        Phrase(
            "legal action",
            _WHY[Category.LEGAL_ACTION],
            r"legal (?:action|proceedings|steps|measures)|(?:take|taking|start|starting|begin"
            r"|bring|commence|initiate|file|pursue)\w* (?:\w+ )?(?:court|judicial) (?:action"
            r"|proceedings)|litigation|full(?:est)? extent of the law",
        ),
        Phrase(
            "sue you",
            _WHY[Category.LEGAL_ACTION],
            r"su(?:e|ing) you(?!r)|(?:take|taking|drag|dragging|see) you (?:to|in) court"
            r"|(?:start|open|begin|bring|file)\w* (?:a |the )?court case"
            r"|file\w* (?:\w+ )?against you"
            r"|small claims|(?:claim|case|suit|lawsuit|proceedings) against you(?!r)"
            r"|(?:file|filing|filed|bring|brought|prepar\w+|start\w*) (?:a |the )?(?:suit|lawsuit"
            r"|claim|court case|case)(?: \w+)? (?:against|in court)|court case against",
        ),
        Phrase(
            "you will be arrested",
            _WHY[Category.LEGAL_ACTION],
            r"arrest(?:s|ed|ing)?|handcuff\w*|behind bars|jail|prison|imprison\w*|locked up"
            r"|custody|detain\w*",
        ),
        Phrase(
            "criminal charges",
            _WHY[Category.LEGAL_ACTION],
            r"criminal(?:ly)? (?:\w+ )?(?:charges?|case|offen[cs]es?|record|proceedings|liability"
            r"|matter|act|liable)|press(?:ing)? charges|(?:a|the) crime|(?:is|are|amounts to"
            r"|counts as|charged with|guilty of|committ?\w*) (?:a |an )?(?:fraud|theft|crime"
            r"|criminal|offen[cs]e)|prosecut\w*",
        ),
        Phrase(
            "garnish your wages",
            _WHY[Category.LEGAL_ACTION],
            rf"(?:have|get|will|'ll|go(?:ing)? to|about to|shall|soon) {_GAP3}(?:garnish\w*"
            r"|seiz\w*|repossess\w*|freez\w*|confiscat\w*|auction\w*|dock\w*)"
            r"|(?:garnish|seiz|repossess|confiscat|freez)\w* (?:your|all your|everything)"
            r"|your (?:\w+ ){0,2}?(?:is|are|will be|'ll be|has been|have been|could be|may be"
            r"|going to be|to be) (?:being )?(?:scheduled for )?(?:seized|garnished|repossessed"
            r"|frozen"
            r"|confiscated|seizure|taken)|(?:take|taking|took) (?:away )?your (?:car|house|home"
            r"|belongings|property|furniture|tv|phone|land|stock|goods|motorbike|bike|vehicle"
            r"|things|assets)",
        ),
        Phrase(
            "we will call the police",
            _WHY[Category.LEGAL_ACTION],
            rf"{_AGENT}{_WILL}(?: \w+){{0,2}}? (?:call|calling|called|contact\w*|involv\w*"
            r"|inform\w*|notif\w*|alert\w*|get|send|bring|report\w*)(?: you| this)?(?: in)?"
            r"(?: to)? (?:the )?(?:police|cops|law enforcement|authorities)",
        ),
        Phrase(
            "bailiffs",
            _WHY[Category.LEGAL_ACTION],
            r"bailiffs?|sheriff|enforcement agents?|(?:judgment|judgement|order|warrant|writ) "
            r"against you(?!r)|(?:get|obtain|seek) (?:a )?(?:judgment|judgement|court order)"
            r"|(?:judge|court) (?:will|'ll|is going to|shall) (?:order|make you|force)",
        ),
        Phrase(
            "our lawyers are ready",
            _WHY[Category.LEGAL_ACTION],
            r"(?:our|my) (?:lawyers?|attorneys?|solicitors?|legal (?:team|department|division))"
            r"(?: \w+)? (?:will|are|is|have|has|'re)",
        ),
    ),
    Category.FALSE_URGENCY: (
        Phrase(
            "final notice",
            _WHY[Category.FALSE_URGENCY],
            r"final (?:notice|warning|demand|reminder|chance|step|call|opportunity|deadline"
            r"|grace period|extension)|last (?:chance|opportunity|warning|reminder|day|notice|call"
            r"|grace period|extension|deadline)"
            r"|only (?:chance|opportunity)",
        ),
        Phrase(
            "act now",
            _WHY[Category.FALSE_URGENCY],
            r"act (?:now|immediately|fast|today|quickly)|out of (?:our|my) hands",
        ),
        Phrase(
            "urgent",
            _WHY[Category.FALSE_URGENCY],
            r"urgent(?:ly)?|immediate (?:payment|action|response|attention|settlement)|too late",
            negatable=True,
        ),
        Phrase("!!", _WHY[Category.FALSE_URGENCY], r"!{2,}"),
        Phrase(
            "pay immediately",
            _WHY[Category.FALSE_URGENCY],
            r"(?:^|(?<=[.!?:;] ))(?:please )?(?:pay|settle|clear|respond|reply|call|transfer"
            rf"|send|contact us) {_GAP4}(?:now|immediately|today|tonight|at once|right away"
            r"|this (?:minute|hour))",
            permissive=True,
        ),
        Phrase(
            "within 2 hours",
            _WHY[Category.FALSE_URGENCY],
            r"(?:within|in|next|only|just) (?:the |an? |one |\d{1,3} ?)(?:hours?|hrs?|h|minutes?"
            r"|mins?)(?!\w)|\d{1,3} ?(?:minutes?|mins?|hours?|hrs?) to (?:pay|respond|reply|call"
            r"|settle)|\d{1,3} ?(?:hours?|hrs?|minutes?|mins?) (?:left|remaining|to go)",
        ),
        Phrase(
            "until midnight",
            _WHY[Category.FALSE_URGENCY],
            r"(?:until|by|before|till) (?:midnight|tonight|the end of (?:the )?day|end of day"
            r"|close of business|tomorrow morning)|(?:disappears?|vanish\w*|expires?|ends?|gone)"
            r" (?:at|by|after) (?:midnight|tonight|\d)|time's up|time is up|(?:by"
            r"|before) \d{1,2} ?(?::\d\d ?)?(?:am|pm"
            r"|a\.m\.|p\.m\.) today",
            permissive=True,
        ),
        Phrase(
            "time is running out",
            _WHY[Category.FALSE_URGENCY],
            r"time is running out|clock is ticking|running out of time|no (?:more )?(?:time"
            r"|extensions?|excuses|delays?|exceptions)|don'?t delay|without delay",
        ),
        Phrase(
            "or else",
            _WHY[Category.FALSE_URGENCY],
            r"or else|(?:today|tonight|now) ?,? or (?:we|you|face|lose|your|else)|or (?:face"
            r"|suffer) (?:the )?consequences|(?:will have|face the) consequences",
        ),
        Phrase(
            "do not ignore this",
            _WHY[Category.FALSE_URGENCY],
            r"(?:do not|don't) ignore (?:this|our|these|us|the (?:message|notice|letter))"
            r"|cannot be ignored|must not be ignored",
        ),
        Phrase(
            "this offer expires today",
            _WHY[Category.FALSE_URGENCY],
            rf"expires? in \d|(?:offer|deal|discount) {_GAP3}(?:expires?|ends?|lost|gone) "
            r"(?:in|today|tonight|forever)|lose (?:this|the) offer|forever",
        ),
        Phrase(
            "you must pay now",
            _WHY[Category.FALSE_URGENCY],
            rf"must {_GAP4}(?:now|immediately|today|tonight|at once|by tomorrow|by tonight)"
            r"|(?:won't|will not|not going to) (?:ask|remind you|warn you) again|(?:need"
            r"|want) (?:the money|payment|it|this) (?:\w+ ){0,2}?(?:now|immediately|today"
            r"|tonight)|(?<!no )deadline ?:? (?:is )?(?:today|tonight|now)|(?:today"
            r"|tonight) is (?:the"
            r"|your) (?:last|final|deadline)",
            permissive=True,
        ),
    ),
    Category.THIRD_PARTY: (
        Phrase(
            "we'll tell your boss",
            _WHY[Category.THIRD_PARTY],
            r"(?:tell|inform|notify|call|ring|phone|text|message|email|e-mail|contact|reach out to"
            r"|(?<=\w )(?<!please )(?:speak|talk) (?:to|with)"
            r"|write to|warn|alert|ask|approach|visit|publish to|spoke to"
            r"|spoken to"
            r"|talked to|told|left (?:a )?message with|leave (?:a )?message with)\w* "
            rf"{_GAP2}(?:your|ur) (?:\w+ )?{_PEOPLE}(?!\w)",
            permissive=True,
        ),
        Phrase(
            "your family will find out",
            _WHY[Category.THIRD_PARTY],
            rf"(?:your|ur) (?:\w+ )?{_PEOPLE}(?:'s?)? {_GAP3}(?:know|knows|knowing|hear|hears"
            rf"|hearing|finding out|find out|been told|been informed"
            r"|been notified|been contacted|been called|been briefed|been updated|been alerted"
            r"|been made aware|been warned|been messaged|been emailed|been texted|been copied"
            r"|finds out|learn|learns|be told|be informed|be notified|be contacted|be called"
            r"|be messaged|be asked|receive|get a (?:call|message|letter|text|visit|copy)"
            r"|are next|is next)(?!\w)",
        ),
        Phrase(
            "share your loan details online",
            _WHY[Category.THIRD_PARTY],
            r"(?:post|publish|share|spread|expose|announce|broadcast)\w* "
            rf"{_GAP3}(?:your (?:\w+ )?(?:debt|loan|name|arrears|details|photo|information|info"
            r"|balance)|about your (?:debt|loan)|the word)|(?:in|on|to) your (?:\w+ )?(?:groups?"
            r"|facebook|whatsapp|wechat|timeline)|name and shame|blacklist\w*",
        ),
        Phrase(
            "a letter will go to your workplace",
            _WHY[Category.THIRD_PARTY],
            rf"(?:letter|notice|copy|message|call|email) {_GAP3}(?:go|goes|going|sent|delivered)"
            r" to your (?:workplace|employer|office|work|job|family|boss|parents)",
        ),
        Phrase(
            "everyone in your contacts",
            _WHY[Category.THIRD_PARTY],
            r"let (?:your|ur) (?:[\w'-]+ )?"
            + _PEOPLE
            + r" (?:\w+ )?know|(?:keep|start) (?:calling|ringing|texting|messaging)"
            r" (?:her|him|them)"
            r"|(?:everyone|everybody|people|all) (?:in your (?:contacts?|contact list|address book"
            r"|phone ?book)|you know)|(?:have|got|found) your (?:\w+ )?"
            rf"{_PEOPLE}'s? (?:number|phone|details|address)",
        ),
    ),
    Category.VISIT_OR_WATCHING: (
        Phrase(
            "visit your home",
            _WHY[Category.VISIT_OR_WATCHING],
            r"(?:visit|come|came|coming|turn\w* up|show\w* up|stop\w* by|drop\w* by|call\w*|been"
            r"|went|gone"
            r"|pop\w* round|go|going|head\w*|be|wait\w*|sit\w*|park\w*|arrive\w*|knock\w*|swing\w*"
            r"|pop\w*)"
            rf" {_GAP2}(?:to|at|outside|by|in|on|into|round to) (?:your|ur) (?:[\w'-]+ )?{_PLACE}"
            rf"(?!\w)|visit\w* (?:you at )?your (?:\w+ )?{_PLACE}(?!\w)",
        ),
        Phrase(
            "expect a visit",
            _WHY[Category.VISIT_OR_WATCHING],
            r"(?:a|the|expect a|home|field|house|personal) visits?(?! the)|expect (?:us|me|them"
            r"|someone"
            r"|our \w+)|field (?:officer|agent"
            r"|team|visit|staff)s?|door[ -]to[ -]door|(?:knock|bang|pound)\w* on (?:your|the) "
            r"door|on (?:the|our|his|their|its) way to (?:you|your)|outside your (?:house|home"
            r"|door|building|office|shop|flat|place|work|school)",
            permissive=True,
        ),
        Phrase(
            "we are watching you",
            _WHY[Category.VISIT_OR_WATCHING],
            r"(?:photograph|film|record|snapp)\w* (?:you(?!r)|your)|(?:watch|follow|track|monitor"
            r"|spy"
            r"|stalk)\w* (?:every|all) (?:move|step|thing)s? you"
            r"|(?:watch|follow|track|monitor|spy|stalk)\w* (?:on )?(?:you(?!r)|your (?:[\w'-]+ )?"
            r"(?:every|wife|husband|partner|kids|son|daughter|mother|father"
            r"|movements?|moves?|phone|location|whereabouts|social|family|kids|children|house"
            r"|home|routine|online))|(?:keep|keeping|kept) (?:an )?eyes? on (?:you(?!r)"
            r"|your every)|keep\w* tabs"
            r" on|being (?:watched|followed|tracked|monitored)|(?:we've|we have|i've|i have)"
            r" (?:been )?(?:watching|following|tracking|located|found|traced|spotted)",
        ),
        Phrase(
            "they know where you work",
            _WHY[Category.VISIT_OR_WATCHING],
            r"(?:we|i|they) (?:\w+ )?(?:know|knows|found|find|found out|have|got|saw|seen|spotted"
            r"|know exactly|know precisely"
            r"|located|traced) (?:out )?(?:where (?:you|your)|(?:what|which) (?:car|time|school"
            r"|bus|street|house|shop)|when you"
            r"|your (?:new )?(?:address|location|routine|daily|every|whereabouts)|you(?!r) (?:at"
            r"|in|on|near|yesterday|today|last|outside|with))",
        ),
        Phrase(
            "you can't hide",
            _WHY[Category.VISIT_OR_WATCHING],
            r"find you (?:wherever|anywhere|everywhere)|always find|(?:can't|cannot|won't be able"
            r" to) hide|nowhere to hide|no (?:place|where) to hide|run(?:ning)? away won't"
            r"|can run but|know (?:the )?(?:names? of )?your (?:[\w'-]+ )?(?:kids|children|family"
            r"|wife"
            r"|husband|son|daughter)(?:'s?)? (?:names?|schools?|address)|(?:we|i|they)(?:'ve"
            r"| have)? (?:\w+ )?(?:saw|seen|spotted|noticed|watched)"
            r" (?:you|your(?! (?:\w+ )?(?:payments?|account|balance|messages?|emails?|texts?"
            r"|transfers?"
            r"|application|request|reply|call|loan|statement|complaint|question|details|number|name"
            r"|form|documents?)))(?!\w)|(?:we|i) can see (?:that )?you|(?:got|have|'ve got) (?:our "
            r"|my )?eyes"
            r" on you|know who you|(?:we|i|they)(?:'ll| will| can| always)? (?:always )?(?:find"
            r"|track down"
            r"|hunt down|locate) you(?=,? ?(?:[.!;]|$|wherever|anywhere|everywhere|eventually"
            r"|soon))|(?:in|around|near) your (?:neighbou?rhood|area|street|building|village)"
            r"|(?:our|my) (?:people|men|guys|team|agents?|collectors?|man) (?:are|is) (?:in|near"
            r"|outside|around|parked)",
            negatable=False,
        ),
    ),
    Category.SHAMING: (
        Phrase(
            "deadbeat",
            _WHY[Category.SHAMING],
            r"dead ?-? ?beats?|losers?|lazy|useless|worthless|liars?|scumbags?|low-?lifes?"
            r"|freeloaders?|spongers?"
            r"|scroungers?|morons?|imbeciles?|idiots?|leech(?:es)?|parasites?|good[ -]for[ -]"
            r"nothing|waste of space",
        ),
        Phrase(
            "you are a thief",
            _WHY[Category.SHAMING],
            r"(?:you(?:'re| are| r)|you (?:have )?been|ur|u r)(?: (?:not|nothing|but|just|such"
            r"|so|a|an|the|real|total|complete|absolute|utter|typical|little|big|no|better|than"
            r"|like|being|acting|very|really|too|clearly|obviously|simply|more|worse|one|of"
            r"|those)){0,4} " + _INSULT + r"(?!\w)|you " + _INSULT + r"(?!\w)",
        ),
        Phrase(
            "shame on you",
            _WHY[Category.SHAMING],
            r"(?<!no )(?<!nothing )(?<!not )shame(?:s|ful|fully|less)?(?! you(?!r)| (?:borrowers"
            r"|people"
            r"|customers|anyone|someone|them|debtors)(?!\w))|disgrace\w*"
            r"|embarrass\w*|humiliat\w*"
            r"|disgust\w*"
            r"|make\w* (?:me|us) sick|irresponsibl[ey]|pathetic",
        ),
        Phrase(
            "what kind of person",
            _WHY[Category.SHAMING],
            r"what (?:kind|sort|type) of (?:a )?(?:person|people|man|woman|human|borrower|adult"
            r"|parent)|(?:people|borrowers|customers|those) like you (?:are|make|always|never)"
            r"|(?:no|any|zero|lack\w*) (?:dignity|self[ -]?respect|conscience|morals|pride"
            r"|decency|honou?r|integrity)|(?:have|show) some (?:self[ -]?respect|dignity|decency"
            r"|shame"
            r"|pride)|grow (?:up|a spine|a backbone|some backbone)|spineless|(?:act"
            r"|behav)\w* like (?:a )?(?:child|baby|kid"
            r"|teenager)|stop being so|let (?:everyone|everybody|your (?:\w+ )?(?:family|parents"
            r"|children|kids)|us|them) down",
        ),
        Phrase(
            "any decent person",
            _WHY[Category.SHAMING],
            r"(?:any|every|a) (?:decent|honest|normal|responsible|good|respectable) (?:person"
            r"|people|borrower|adult|human)|(?:decent|honest|normal|responsible|good) (?:people"
            r"|borrowers|folks) (?:pay|would|always)|(?:stupid|lazy|useless|worthless|dumb) "
            r"(?:borrower|person|man|woman|customer|people|debtor)",
        ),
        Phrase(
            "a bad person",
            _WHY[Category.SHAMING],
            r"(?:a|are) (?:bad|terrible|horrible|awful|dishonest) (?:person|people|human)"
            r"|(?:shame|humiliate|insult|belittle) (?:you(?!r)|borrowers|people|customers|anyone"
            r"|someone|them|debtors)(?!\w)|ashamed",
            negatable=True,
        ),
    ),
    Category.FALSE_AUTHORITY: (
        Phrase(
            "this is the police",
            _WHY[Category.FALSE_AUTHORITY],
            r"(?:(?:(?:this is|i am|i'm|we are|we're|officers?|agents?|someone|people|here)"
            r"(?: from)?|(?:calling|writing|speaking|message|notice|letter|call|email|text)"
            r" (?:is )?(?:from|on behalf of)|on behalf of|act\w* (?:for|on behalf of|under)"
            r"|represent\w*|part of|work\w* (?:[\w'-]+ ){0,3}?(?:with|for|alongside))"
            r" (?:the |a |an )?(?:[\w'-]+ )?|(?:(?:authori[sz]|approv|appoint"
            r"|sanction|commission|instruct|order|sen|issu)\w* by|by (?:the )?(?:orders?|authority"
            r"|instructions?|decree) of|on (?:the )?(?:orders?"
            r"|instructions?) of"
            rf"|under the authority of) (?:the )?{_GAP2}){_AUTH}(?!\w)",
        ),
        Phrase(
            "officer smith here",
            _WHY[Category.FALSE_AUTHORITY],
            r"(?:officer|detective|agent|inspector|sergeant|constable|marshal|deputy|judge)"
            r" [a-z]+ ?(?:,|from|of|here|calling|speaking|with)",
        ),
        Phrase(
            "the court has ordered",
            _WHY[Category.FALSE_AUTHORITY],
            rf"{_AUTH}(?: (?:officials?|officers?|agents?|investigators?|staff))? (?:has|have|had"
            r"|is|are) (?:\w+ )?(?:ordered|instructed|asked|authori[sz]ed|told|directed|requested"
            rf"|flagged|involved|required|signed|issued|approved|granted)|{_AUTH} (?:requires?"
            rf"|demands?|orders|wants|insists"
            rf"|expects)|{_AUTH} (?:will|shall|is going to) (?:be )?(?:involved"
            r"|collect|contact|enforce|come|take)|(?:reported|referred|handed|passed|transferred"
            rf"|sent|escalated) (?:\w+ )?to (?:the )?{_GAP2}{_AUTH}(?!\w)",
        ),
        Phrase(
            "government-approved agency",
            _WHY[Category.FALSE_AUTHORITY],
            r"(?:government|court|state|police|federal|judicial|magistrate)[ -]+(?:approved"
            r"|authori[sz]ed"
            r"|backed|appointed|sanctioned|licensed|mandated|designated|certified"
            r"|official)|official (?:debt )?(?:enforcement|recovery|collection) (?:department"
            r"|agency|division|unit|office)|(?:debt|credit) (?:police|enforcement (?:division|unit"
            r"|department|agency))|enforcement division|(?:court|government|state|federal"
            r"|national) (?:debt|enforcement|recovery|collection) (?:\w+ )?(?:agency|unit"
            r"|division|department|office|task force)|task force|(?:sworn|licensed|official) "
            r"(?:officers?|officials?) of|officers? of the (?:law|court)|police (?:officers? )?"
            r"(?:with us|here|present|on the line)|police escort",
        ),
    ),
    Category.FAKE_LEGAL_DOCUMENT: (
        Phrase(
            "attached is a court summons",
            _WHY[Category.FAKE_LEGAL_DOCUMENT],
            r"(?:attached|enclosed|see the attached|find the enclosed|here is|here's|download"
            r"|served|issued|sent|prepared|filed|assigned|signed|stamped|notari[sz]ed|official"
            rf"|formal|legally binding) {_GAP4}{_DOC}(?!\w)|{_DOC} {_GAP3}(?:attached|enclosed"
            r"|(?:has|have) been (?:issued|filed|signed|sent|prepared|assigned)|will be issued"
            r"|(?:is|are) (?:attached|enclosed|on (?:its|their) way)|follows|issued)",
        ),
        Phrase(
            "you are hereby summoned",
            _WHY[Category.FAKE_LEGAL_DOCUMENT],
            r"hereby|summoned|named in (?:a |the )?(?:civil |criminal )?(?:lawsuit|suit|case"
            r"|complaint"
            r"|claim)|case (?:reference|ref)\.? ?:? ?[a-z]{0,3}-?\d|court date|hearing date"
            r"|(?:you have|you've) been served|be served with|fail to appear"
            r"|appear (?:before"
            r"|in) (?:the )?court|intent to sue|letters? of demand|demand letter|subpoena\w*"
            r"|affidavit\w*|writ of|garnishment order|(?:arrest|bench) warrant|default judg\w*"
            r"|legally binding",
        ),
        Phrase(
            "your case number",
            _WHY[Category.FAKE_LEGAL_DOCUMENT],
            r"your (?:case|docket|warrant|claim|court) (?:number|no\b|#|file)|case (?:number|no)"
            r" ?:? ?[a-z]{0,3}-?\d|(?:lawsuit|litigation|court|legal) (?:notification|alert"
            r"|notice)|case (?:is )?(?:pending|opened|open|filed)|case file (?:opened|created)"
            r"|(?:notice|letter) from (?:our|the) (?:solicitors?|lawyers?|attorneys?|legal \w+"
            r"|law firm|court)",
        ),
        Phrase(
            "this is a court summons",
            _WHY[Category.FAKE_LEGAL_DOCUMENT],
            r"(?:this|it)(?: letter| message| email| text| notice| document)?(?:'s| is) "
            rf"(?:an? )?(?:official |formal )?{_DOC}",
        ),
    ),
}

# More English entries: ideas the first list worded too narrowly. Each is a word class or a
# verb + object structure, not a sentence.
_EN_MORE: dict[Category, tuple[Phrase, ...]] = {
    Category.THREAT: (
        Phrase(
            "things could get painful",
            _WHY[Category.THREAT],
            r"(?:things|it|this|life|matters) (?:could|might|may|will|can|would|'ll|is going to"
            r"|are going to) (?:\w+ ){0,2}?(?:get|become|turn) (?:very |really |quite |pretty "
            r"|much )?(?:painful|ugly|nasty|messy|rough|violent|dangerous|bloody|physical"
            r"|uncomfortable"
            r"|unpleasant|worse for"
            r" you)|(?:painful|dangerous|unsafe|unhealthy) for you(?!r)",
        ),
        Phrase(
            "would hate for something to happen",
            _WHY[Category.THREAT],
            r"just saying|lots? of glass|(?:glass|windows?|bones?|tyres?|tires?|legs?|arms?)"
            r" (?:can |could |might |do |does |easily )?(?:break|breaks|shatter\w*|get broken"
            r"|go flat|snap)|(?:nice|lovely|beautiful|pretty|fine) (?:little |new )?(?:house|home"
            r"|car|shop|family|kids|children|wife|husband|daughter|son|windows?|stall|business"
            r"|farm)"
            r" you(?:'ve| have)? (?:got|have)|in one piece|(?:goats?|cattle|cows?|chickens?"
            r"|animals?"
            r"|pets?|dogs?|cats?|kids|children|car|bike|motorbike|stock|belongings"
            r"|things) (?:\w+ )?"
            r"(?:go|goes|went|going|gone|to go) missing|(?:walk\w*|drive\w*|travel\w*|come\w*"
            r"|stay\w*"
            r"|goes|go) (?:home )?alone|alone (?:at night|after dark)|(?:doesn't|does|don't|didn't"
            r"|isn't|aren't|won't|can't) (?:she|he|they)\?|(?:don't|doesn't|won't|do not|does not)"
            r" (?:use|need|bother with) words|(?:no more|done|finished with|stop) talking|fists"
            r"|(?:other|different|our own|special) (?:ways|methods|means) (?:of|to) (?:persuad"
            r"|convinc"
            r"|remind|collect)\w*|(?:hate|shame|pity) (?:for|if) (?:anything|something|someone"
            r"|your)|be careful (?:on your way|walking|driving|at night|out there|when you (?:leave"
            r"|go|walk|drive))|hope (?:your|you) (?:\w+ )?(?:stays?|keeps?|remains?) (?:safe"
            r"|healthy|in one piece)",
            negatable=False,
        ),
    ),
    Category.LEGAL_ACTION: (
        Phrase(
            "you could be sentenced",
            _WHY[Category.LEGAL_ACTION],
            r"sentenc(?:e|ed|ing) (?:you|to|for)|(?:be|get|been) sentenced|\d+ (?:years?|months?)"
            r" (?:in|behind|of) (?:jail|prison|imprisonment|custody)|convict\w*|police record"
            r"|deport\w*|evict\w*|foreclos\w*|liens? (?:on|against)",
        ),
        Phrase(
            "your passport will be cancelled",
            _WHY[Category.LEGAL_ACTION],
            r"(?:passport|visa|driv\w* licen[cs]e|licen[cs]e|id card|identity card|national id"
            r"|business permit|trading permit|work permit)s? (?:\w+ ){0,2}?(?:cancel\w*|revok\w*"
            r"|suspend\w*|confiscat\w*|block\w*|seiz\w*|withdrawn|taken|flagged)|(?:barred|banned"
            r"|stopped|prevented|blocked) from (?:leaving|travel\w*|flying|boarding|exiting)"
            r"|travel ban|no-fly|(?:can't|cannot|(?:won't be |un)able to) (?:leave|travel|fly"
            r"|exit) (?:the country|abroad)|(?:deduct|tak|withh[oe]ld)\w* (?:\w+ ){0,3}?from your"
            r" (?:tax refund|pension|benefits|grant|social security|child support|refund)",
        ),
    ),
    Category.FALSE_URGENCY: (
        Phrase(
            "why haven't you paid yet",
            _WHY[Category.FALSE_URGENCY],
            r"why (?:haven't|have not|didn't|did not|don't|do not|won't|aren't|isn't|hasn't) (?:you"
            r"|it|the money|the payment|this)(?: been| yet)? (?:\w+ )?(?:paid|pay|settled|sent"
            r"|arrived|done|transferred|responded|replied|answered)|(?:had|needed|was supposed"
            r"|were supposed|ought) to (?:be |have )?(?:\w+ ){0,2}?(?:yesterday|last week|already)"
            r"|should (?:have|'ve) (?:been )?(?:\w+ ){0,2}?(?:yesterday|already|last week|by now)"
            r"|(?:b4|before|by) (?:lunch(?:time)?|noon|midday|this (?:afternoon|evening)|the end of"
            r" (?:today|the hour)|end of today|the day is out|close of play)|not (?:tmrw|tomorrow)"
            r",? (?:but )?(?:today|now|tonight)|this (?:instant|second|very (?:minute|moment))"
            r"|right this (?:minute|second)|every (?:hour|minute|day|second) (?:you wait|of delay"
            r"|that passes|you delay|counts)|(?:now|today) or never|no (?:more )?(?:waiting"
            r"|second chances|negotiation)|not (?:another|one more) (?:minute|hour|day)"
            r"|(?<!ask you to )(?<!asking you to )(?:pay|settle|clear|transfer|send) (?:(?:it|this"
            r"|that|us"
            r"|me|everything|in full|up|back"
            r"|all of it|the (?:full |whole |entire )?(?:amount|balance|money|debt|sum|arrears)"
            r"|your (?:debt|balance|arrears|loan)) )?(?:asap|a\.s\.a\.p|right now|immediately"
            r"|at once"
            r"|right away|this minute)(?!\w)|(?:by|before) \d{1,2}(?::\d\d)? ?(?:am|pm|o'clock)"
            r"(?: today| tonight| or|!)",
            permissive=True,
        ),
        Phrase(
            "hurry",
            _WHY[Category.FALSE_URGENCY],
            r"(?<!in a )hurry|rush(?!\w)|quick(?:ly)?,|quick!",
            negatable=True,
        ),
    ),
    Category.THIRD_PARTY: (
        Phrase(
            "your brother and boss will soon get a call",
            _WHY[Category.THIRD_PARTY],
            rf"(?:your|ur) (?:[\w'-]+ )?{_PEOPLE}(?:'s?)?(?: (?:and|or|&) (?:your "
            rf"|ur )?(?:[\w'-]+ )?"
            rf"{_PEOPLE}(?:'s?)?)? (?:will|'ll|are going to|is going to|are about to|is about to"
            r"|may|might|could|soon) (?:\w+ ){0,2}?(?:be getting|getting|get|receive|be receiving"
            r"|(?:be )?(?:very )?interested to (?:hear|know|learn)"
            r"|hear|be hearing|find out|learn|be told|know|see|be sent)(?!\w)",
        ),
        Phrase(
            "share this with your landlord",
            _WHY[Category.THIRD_PARTY],
            r"(?:in touch|reach\w* out|share\w*|explain\w*|mention\w*|pass\w*|forward\w*|sen[dt]\w*"
            r"|show\w*|copy\w*|cc|reveal\w*|disclos\w*|leak\w*|hand\w*"
            r"|post\w*)(?! (?:[\w'-]+ ){0,3}?(?:lessons?|guides?|articles?|pages?|links?|tips?"
            r"|videos?|apps?|leaflets?|budgets?|glossary|course|quiz|stor(?:y|ies)|money|cash"
            r"|remittances?|funds|love|photos?)(?!\w))"
            r" (?:[\w'-]+ ){0,4}?(?:to|with|on to) (?:your|ur) (?:[\w'-]+ )?"
            rf"(?!bank|university|college|union|club|estate){_PEOPLE}(?!\w)",
            permissive=True,
        ),
    ),
    Category.VISIT_OR_WATCHING: (
        Phrase(
            "we know you went to the clinic",
            _WHY[Category.VISIT_OR_WATCHING],
            r"(?:we|i|they) (?:\w+ )?(?:(?:know|knows|saw|noticed) (?:that )?(?:you|your)|(?:heard"
            r"|see)"
            r" (?:that )?you(?!r))"
            r"(?:'ve| have| had)? (?:\w+ )?(?:went|go|goes|were|was|visited|been|left|drove|drive"
            r"|travel\w*|moved|stayed|met|bought|spent|take|took|drop\w*|walk\w*|shop\w*|eat|ate"
            r"|sleep|slept|pick\w*|finish\w*|get|got|arrive\w*|come|came)(?!\w)|gps|geolocat\w*"
            r"|location (?:data|history|shows|tells|says|puts)|(?:phone|sim|signal|location|car)"
            r" (?:shows|tells us|puts you|says you)|(?:haven't|have not|never) left (?:town"
            r"|the city|the area|the village|home|the house)",
        ),
        Phrase(
            "we're parked across the street",
            _WHY[Category.VISIT_OR_WATCHING],
            r"(?:park\w*|wait\w*|sitting|sat|standing|stood|outside|right) (?:right )?(?:across"
            r"|opposite|outside|near|down|up|in front of|at the end of|round the corner from"
            r"|around the corner from) (?:the |your )?(?:street|road|house|door|gate|building"
            r"|home|office|shop|corner|block|lane)|across the (?:street|road|way) from (?:you"
            r"|your)|(?:we're|we are|i'm|i am|they're|they are) (?:right )?(?:outside|downstairs"
            r"|nearby|close by|near you|around the corner|round the corner|at your)|come"
            r" (?:out|outside|downstairs)(?! of)",
        ),
    ),
    Category.SHAMING: (
        Phrase(
            "scum like you",
            _WHY[Category.SHAMING],
            rf"(?:{_INSULT}|types|kind|sorts?|folks|debtors|defaulters|borrowers) like you(?!r)"
            r"|you people|your kind|even (?:a|an|my|your|the) (?:\w+ )?(?:child|kid|baby|toddler"
            r"|dog|beggar|animal|teenager|schoolchild|schoolboy|schoolgirl|five-year-old)"
            r"|all you(?:'re| are) good for|good for nothing|(?:you |you're |you are |stop |keep"
            r" |always |just )(?:lying|lie|lied|cheating)|(?:lying|lied|lie) to us|your lies"
            r"|pack of lies|grown (?:adult|man|woman|person)|what a (?:joke|disgrace|shame|loser"
            r"|waste)|(?:no|zero) (?:backbone|spine|honou?r|morals)",
        ),
    ),
    Category.FALSE_AUTHORITY: (
        Phrase(
            "sgt smith from the fraud unit",
            _WHY[Category.FALSE_AUTHORITY],
            r"(?:sgt|sergeant|lt|lieutenant|det|detective|insp|inspector|cpl|corporal|pc|dc|capt"
            r"|captain|constable|officer|agent|marshal|deputy|judge|magistrate|clerk|registrar"
            r"|prosecutor|commissioner|bailiff|warden)\.? [a-z]+(?: [a-z]+)? (?:from|of|at|with)"
            r" (?:the )?(?:\w+ ){0,2}?(?:unit|squad|division|bureau|department|police|court|office"
            r"|station|service|agency|force)|(?:fraud|cyber ?crimes?|financial crimes?|economic"
            r" crimes?|anti-fraud|debt|recovery|enforcement|crime|criminal) (?:investigation )?"
            r"(?:unit|squad|bureau|task force|police)",
        ),
        Phrase(
            "calling from the revenue authority",
            _WHY[Category.FALSE_AUTHORITY],
            r"(?:revenue|tax|financial|conduct|monetary|banking|regulatory|consumer|debt"
            r"|collections?"
            r"|credit|enforcement|prudential|securities|justice|immigration|customs|border|police)"
            r" (?:\w+ )?(?:authorit(?:y|ies)|commission|regulator|ombudsman|tribunal|agency|board"
            r"|office|department|bureau|unit)"
            r"(?: \w+)? (?:notice|message|alert|warning|notification|letter|here|calling|requires?"
            r"|orders?|demands?|instructs?|regarding|:|(?:has|have|is|are) (?:\w+ )?(?:ordered"
            r"|instructed|authori[sz]ed|flagged|asked|told|directed|requested|required|demanding"
            r"|calling|writing|contacting|investigating|involved))"
            r"|(?:calling|writing|speaking|message|notice|call|email|text|letter|contact\w*|here)"
            r" (?:you )?(?:from|on behalf of|for) (?:the |your )?(?:\w+ ){0,3}?(?:authorit(?:y|ies)"
            r"|commission|regulator|ombudsman|tribunal|ministry|government|treasury|customs"
            r"|immigration)(?!\w)",
        ),
    ),
    Category.FAKE_LEGAL_DOCUMENT: (
        Phrase(
            "take notice that proceedings have commenced",
            _WHY[Category.FAKE_LEGAL_DOCUMENT],
            r"take notice|notice is (?:hereby )?given|show cause|be committed|proceedings (?:\w+ )?"
            r"(?:have|has) (?:been )?(?:commenced|begun|started|issued|filed|opened|instituted)"
            r"|(?:court|official|judicial|government|state) (?:seal|stamp)|seal of (?:the )?"
            r"|(?:signed|sealed|stamped)(?: by)?(?: the)? (?:registrar|clerk|judge|magistrate"
            r"|court)|registrar|order to (?:pay|appear|show cause|comply|vacate)|judg(?:e)?ment"
            r" debtor|statutory demand|bankruptcy (?:petition|notice|order)|charging order"
            r"|eviction notice|enforcement notice|indictment|charge sheet|injunction|notice to"
            r" (?:appear|quit|vacate|pay)|(?:lawyer|attorney|solicitor|counsel)(?:'s|s'"
            r"|s)? (?:letter"
            r"|notice|demand)s?|(?:^|(?<=[.!?\]] ))(?:[\w'-]+ ){0,3}?(?:summons|warrant|writ"
            r"|subpoena|judg(?:e)?ment|court order|legal notice|notice of \w+) ?[:-]",
        ),
    ),
}
_EN_MORE[Category.THREAT] += (
    Phrase(
        "consider this a warning",
        _WHY[Category.THREAT],
        r"consider (?:this|yourself) (?:a |your )?(?:\w+ )?warn\w*|you(?:'ve| have) been warned"
        r"|(?:this is|here's) (?:a|your|our) (?:\w+ )?warning(?! signs?)|(?:not|never) known for"
        r" (?:their|our|his|being) (?:patience|kindness|mercy|gentleness)|(?:don't|do not) want"
        r" to (?:find out|know|see|learn) what (?:we|happens|they)|one eye open|(?:do|did|does)"
        r" to (?:people|those|borrowers) who|what happens to (?:people|those|borrowers) who",
        negatable=False,
    ),
)
_EN_MORE[Category.LEGAL_ACTION] += (
    Phrase(
        "you'll be dragged to court",
        _WHY[Category.LEGAL_ACTION],
        r"(?:be|get|been|being) (?:taken|dragged|hauled) (?:to|before|into) (?:a |the )?court"
        r"|face (?:a |the )?(?:judge|magistrate|trial|charges|prosecution|jail|prison)"
        r"|instruct\w* (?:our|a|the) (?:solicitors?|lawyers?|attorneys?|legal)|(?:passed|handed"
        r"|referred|sent|transferred|forwarded|escalated)\w* (?:on )?to (?:our|the|a) (?:legal"
        r"|litigation|law) (?:team|department|division|firm)|(?:is|are|counts as|amounts to)"
        r" theft",
    ),
)
_EN_MORE[Category.THIRD_PARTY] += (
    Phrase(
        "the whole street will hear",
        _WHY[Category.THIRD_PARTY],
        r"(?:everyone|everybody|people|all) (?:at|in|on|from|around) your (?:[\w'-]+ )?(?:church"
        r"|work|office|school|mosque|temple|village|street|town|market|community|neighbou?rhood"
        r"|workplace|family|building|estate|group|chat|contacts)|the whole (?:[\w'-]+ )?(?:village"
        r"|street|town|community|neighbou?rhood|family|office|church|market|world|school|estate"
        r"|building) (?:(?:will|is going to|'ll|shall|would|is about to|soon) )?(?:\w+ )?(?:knows?"
        r"|hears?|finds? out|sees?|learns?|be told|is told)(?!\w)|(?:put|stick|pin|paste|hang"
        r"|display|print)\w* (?:up )?your"
        r" (?:\w+ )?(?:photo|picture|name|face|id)|your (?:photo|picture|name|face) (?:\w+ ){0,3}?"
        r"(?:posted|displayed|put up|printed|on (?:posters?|flyers?|the wall|the board))",
    ),
)
_EN_MORE[Category.VISIT_OR_WATCHING] += (
    Phrase(
        "changing your number won't help",
        _WHY[Category.VISIT_OR_WATCHING],
        r"(?:chang|switch|mov|block|turn|hid|swap)\w* (?:\w+ ){0,2}?(?:numbers?|phones?|sims?"
        r"|address|house|home|us|off)(?: \w+)? (?:won't|will not|doesn't|does not|can't|cannot"
        r"|isn't going to) (?:help|save you|stop us|work|change)|wait\w* for you(?!r) (?:outside"
        r"|at|after|when|by|near|in front)|(?:collect|come|call round|visit|drop by)(?: and"
        r" collect)? in person",
        negatable=False,
    ),
)
_EN_MORE[Category.SHAMING] += (
    Phrase(
        "how can you live with yourself",
        _WHY[Category.SHAMING],
        r"how (?:do|can|could) you (?:sleep|live with yourself|look at yourself|face your)|what"
        r" would your (?:\w+ )?(?:mother|father|mum|mom|dad|parents|family|kids|children|pastor"
        r"|imam|neighbou?rs|grandmother|wife|husband) (?:think|say)|proud of yourself|(?:a|an"
        r"|such a|total|complete) (?:disappointment|nobody|letdown)",
    ),
)
_EN_MORE[Category.FALSE_AUTHORITY] += (
    Phrase(
        "an agency of the state",
        _WHY[Category.FALSE_AUTHORITY],
        r"(?:agency|arm|branch|division|department|office|unit) of (?:the )?(?:\w+ )?(?:government"
        rf"|state|courts?|police|ministry|treasury)|{_AUTH} (?:has|have|now has|holds?|already has"
        r"|keeps?) (?:your|all your) (?:\w+ )?(?:file|case|details|records?"
        r"|information|name)",
    ),
)
_EN_MORE[Category.FAKE_LEGAL_DOCUMENT] += (
    Phrase(
        "this message constitutes judicial service",
        _WHY[Category.FAKE_LEGAL_DOCUMENT],
        r"constitutes? (?:a |an )?(?:formal |official |final )?(?:legal|court|judicial)|(?:order"
        r"|warrant|summons|writ|judgment|claim|ruling) (?:no\.?|number|#) ?:? ?[a-z]{0,4}[/-]?\d+"
        r"|in the (?:[\w'-]+ ){0,3}?court of|plaintiff|defendant|claimant (?:vs?|versus)|(?:vs?\."
        r"|versus) (?:you|the borrower|borrower)",
    ),
)
_EN_MORE[Category.THREAT] += (
    Phrase(
        "we'll make an example of you",
        _WHY[Category.THREAT],
        r"think again|(?:you|u) think (?:you're|you are|your) safe|your (?:\w+ )?(?:kids?|children"
        r"|son|daughter|child|boy|girl)(?:'s|s')? (?:school|bus|teacher|route|playground|class"
        r"|walk)(?! fees| uniforms?| costs| supplies| books| trips?)|(?:got|get|gets|getting|be"
        r"|been) (?:\w+ )?(?:scratched|dented|keyed|smashed|torched|vandali[sz]ed|burn(?:ed|t)"
        r" down|broken into)|(?:make|made|making) an example of|(?:dealt|deal) with (?:people"
        r"|borrowers|guys|types|folks) like you|watch (?:yourself|it|your step|your mouth)"
        r"|mind yourself|make (?:me|us) (?:come|drive|walk) (?:over|round|down|there|to you)",
        negatable=False,
    ),
)
_EN_MORE[Category.FALSE_URGENCY] += (
    Phrase(
        "you have 48 hours",
        _WHY[Category.FALSE_URGENCY],
        r"keep (?:us|me) waiting|not (?:tomorrow|next week)[.,!]* (?:but )?(?:today|now|tonight)"
        r"|you(?:'ve| have)(?: got)? (?:\d{1,3}|one|two|three|a few) ?(?:hours?|hrs?|minutes?"
        r"|mins?)(?!\w)|cut-?off (?:\w+ ){0,2}?(?:today|tonight|now|in \d)",
        permissive=True,
    ),
)
_EN_MORE[Category.THIRD_PARTY] += (
    Phrase(
        "what your boss would say",
        _WHY[Category.THIRD_PARTY],
        rf"(?:would|does|do|will|did) your (?:\w+ )?{_PEOPLE} (?:like|want|need|care) to (?:know"
        rf"|hear|find out|learn)|what your (?:\w+ )?{_PEOPLE} (?:would|will|might|could) (?:say"
        r"|think|do)",
    ),
)
_EN_MORE[Category.VISIT_OR_WATCHING] += (
    Phrase(
        "see you at your place",
        _WHY[Category.VISIT_OR_WATCHING],
        rf"(?:see|meet|find|catch|get) you(?!r) (?:at|outside|near|in|by) (?:your|ur) (?:[\w'-]+ )?"
        rf"{_PLACE}(?!\w)|told us (?:where )?you (?:were|are|was|live|work|went|left|go)|your"
        r" (?:\w+ )?location (?:\w+ ){0,3}?(?:shared|sent|passed|given|known|tracked|logged"
        r"|recorded|pinned)",
    ),
)
_EN_MORE[Category.SHAMING] += (
    Phrase(
        "pay like a grown-up",
        _WHY[Category.SHAMING],
        r"(?:pay|act|behave|settle|clear|handle|face)\w*(?: [\w'-]+){0,3}? like (?:a "
        r"|an )?(?:grown-?up"
        r"|adult|real (?:man|woman)|responsible (?:person|adult))"
        r"|deserve (?:a )?better (?:parent|father|mother|husband|wife|dad|mum|mom|son|daughter)"
        rf"|bad (?:parent|father|mother|example)|your (?:a|an|such a|so|just a|nothing but a) "
        rf"{_INSULT}(?!\w)",
    ),
)
_EN_MORE[Category.FALSE_AUTHORITY] += (
    Phrase(
        "this is inspector jones",
        _WHY[Category.FALSE_AUTHORITY],
        r"(?:this is|i am|i'm|it's|my name is) (?:sgt|sergeant|lt|lieutenant|det|detective|insp"
        r"|inspector|cpl|corporal|capt|captain|constable|officer|marshal|judge|magistrate"
        r"|commissioner|bailiff)\.? [a-z]+|\[(?:[\w'-]+ ){0,2}?(?:police|court|government|state"
        r"|ministry|sheriff|magistrate|judiciary|tax|revenue)(?: [\w'-]+){0,2}?\]|on behalf of the"
        r" (?:republic|crown|kingdom|nation|people|county|municipality|council)|(?:^|(?<=[.!?] ))"
        rf"(?:official )?{_AUTH}(?: \w+){{0,2}}? (?:notice|message|alert|warning|notification"
        r"|letter|order|directive|bulletin|circular) ?[:-]",
    ),
)
_EN_MORE[Category.FAKE_LEGAL_DOCUMENT] += (
    Phrase(
        "intent to garnish",
        _WHY[Category.FAKE_LEGAL_DOCUMENT],
        r"notice of intent\w*|intent to (?:file|sue|prosecute|seize|garnish|levy|proceed"
        r"|take legal)"
        r"|claim form|(?:judge|magistrate|registrar|clerk)(?:'s)? (?:signature|seal|stamp|order)"
        r"|(?:seal|stamp) ?:",
    ),
)
_EN_MORE[Category.THREAT] += (
    Phrase(
        "whatever happens next is on you",
        _WHY[Category.THREAT],
        r"(?:it's|that's|is|will be) (?:all )?on you(?!r)|on your (?:head|conscience)|(?:can't"
        r"|cannot"
        r"|won't|not) be (?:held )?responsible for (?:what|anything)|not responsible for what"
        r"|(?:lovely|pretty|cute|beautiful|sweet) (?:little )?(?:girl|boy|kids?|children|family"
        r"|daughter|son)(?!\w)|your (?:\w+ )?(?:daughter|son|kids|children|wife|husband|girl|boy)"
        r" (?:looks|seems)|not (?:afraid|scared) of (?:anything|anyone|anybody|the police|going)"
        r"|(?:afraid|scared) of nothing|fear nothing|nothing to lose",
        negatable=False,
    ),
)
_EN_MORE[Category.LEGAL_ACTION] += (
    Phrase(
        "get ready for a hearing",
        _WHY[Category.LEGAL_ACTION],
        r"in (?:a |the )?(?:cell|cells|lock-?up|slammer|nick|clink)(?!\w)|(?:handed|passed|sent"
        r"|given|referred|forwarded|transferred|escalated)\w* (?:[\w'-]+ ){0,3}?to (?:a|our|the)"
        r" (?:lawyer|solicitor|attorney|law firm|legal team|court)|(?:get|be) (?:ready|prepared)"
        r" for (?:a |the |your )?(?:hearing|trial|court|lawsuit|case)|prepare for court",
    ),
)
_EN_MORE[Category.FALSE_URGENCY] += (
    Phrase(
        "if it's not sorted today",
        _WHY[Category.FALSE_URGENCY],
        r"(?:not|isn't|is not|aren't) (?:sorted|paid|settled|done|cleared|fixed|resolved|in)"
        r" (?:by )?(?:today|tonight|now)|(?:by|before) \d{1,2}(?:[:.]\d{2})? ?(?:am|pm|hrs|h)?"
        r" (?:today|tonight)",
        permissive=True,
    ),
)
_EN_MORE[Category.THIRD_PARTY] += (
    Phrase(
        "all the contacts in your phone",
        _WHY[Category.THIRD_PARTY],
        r"(?:all|every(?:one)?|each) (?:of )?(?:the )?(?:contacts|numbers|people|names) (?:in|on"
        r"|from) your (?:phone|contact list|address book|phonebook|whatsapp|contacts)|(?:banner"
        r"|posters?|placards?|flyers?|signs?|notices?) (?:[\w'-]+ ){0,3}?(?:outside|at|on|near"
        rf"|in front of|around) your (?:[\w'-]+ )?{_PLACE}(?!\w)",
    ),
)
_EN_MORE[Category.VISIT_OR_WATCHING] += (
    Phrase(
        "we found the company you work for",
        _WHY[Category.VISIT_OR_WATCHING],
        r"(?:found|know|located|traced|tracked down|worked out) (?:the|your) (?:\w+ )?(?:company"
        r"|office|place|house|home|shop|school|street|building|address|workplace|job|estate)"
        r" (?:where )?you(?!r)|see you (?:tomorrow|tonight|soon|there|very soon)(?! at our)",
    ),
)
_EN_MORE[Category.SHAMING] += (
    Phrase(
        "a parent like you",
        _WHY[Category.SHAMING],
        r"(?:parent|father|mother|dad|mum|mom|husband|wife) like you(?!r)|money for (?:drinks"
        r"|beer|booze|parties|partying|clothes|phones?|holidays?|fun|gambling|betting|cigarettes)"
        r" but (?:not|none|nothing|no money)",
    ),
)
_EN_MORE[Category.FAKE_LEGAL_DOCUMENT] += (
    Phrase(
        "application for enforcement",
        _WHY[Category.FAKE_LEGAL_DOCUMENT],
        r"(?:application|petition|motion|request) for (?:enforcement|judgment|seizure|garnishment"
        r"|arrest|attachment|execution|possession|a warrant|an order)|(?:lawsuit|claim|court"
        r"|legal) papers? (?:\w+ ){0,2}?(?:generated|drafted|lodged|registered|submitted|filed"
        r"|prepared|issued|ready)|case (?:id|ref\w*)\.? ?:? ?[a-z]{0,3}-?\d+",
    ),
)
_EN_MORE[Category.FAKE_LEGAL_DOCUMENT] += (
    Phrase(
        "a warrant in your name",
        _WHY[Category.FAKE_LEGAL_DOCUMENT],
        r"statutory notice|under (?:the )?penalty of|penalty of law"
        r"|notice of (?:\w+ ){0,2}?(?:seizure"
        r"|garnishment|repossession|eviction|foreclosure|default judg\w*|arrest|prosecution|legal"
        rf" proceedings|intended prosecution)|{_DOC} (?:\w+ ){{0,2}}?(?:is|are) being (?:prepared"
        r"|issued|drafted|filed|processed|served)|(?:warrant|summons|case|claim|lawsuit|charges?"
        r"|complaint|judg(?:e)?ment) (?:\w+ ){0,4}?in your name",
    ),
)
_EN = {category: _EN[category] + _EN_MORE.get(category, ()) for category in _EN}

_ZH: dict[Category, tuple[Phrase, ...]] = {
    Category.THREAT: (
        Phrase(
            "小心你的腿",
            _WHY_ZH[Category.THREAT],
            r"(?:小心|当心|注意)(?:你|您)?的?(?:腿|手|命|安全|家人|孩子|车|店|房子|身体|脑袋)"
            r"|(?:出门|走路|路上|晚上)"
            + _C
            + r"{0,3}(?:小心|当心|注意)|注意安全|自己掂量|好自为之",
        ),
        Phrase(
            "让你好看",
            _WHY_ZH[Category.THREAT],
            r"让(?:你|您)"
            + _C
            + r"{0,6}?(?:不好过|没好日子)|让(?:你|您)(?:好看|不好过|难受|付出"
            + _C
            + r"{0,4}代价|后悔|生不如死|见血|吃不了"
            r"|一辈子|没好日子|身败名裂)|付出" + _C + r"{0,4}代价|后悔一辈子|(?:你|您)会后悔"
            r"|有你好看|生不如死|没有?好下场|不得安宁|吃不了兜着走|等着瞧|走着瞧",
            negatable=False,
        ),
        Phrase(
            "收拾你",
            _WHY_ZH[Category.THREAT],
            r"(?:收拾|弄死|打死|打断|揍|教训|对付|修理|做掉|砍|伤害|报复)(?:了|掉)?(?:你|您)"
            r"|打断"
            + _YOU
            + r"?\S{0,2}(?:腿|手)|(?:砸|烧|毁|拆)(?:了|掉)?"
            + _YOU
            + r"?(?:车|店|房|家|门|窗)|把"
            + _YOU
            + _C
            + r"{1,4}(?:砸|烧|毁|拆)|被人?(?:砸|烧|毁|划"
            r"|打|拆)|着火|放火|纵火|动手|暴力|威胁|恐吓|见血|流血",
        ),
        Phrase(
            "家人的安全",
            _WHY_ZH[Category.THREAT],
            r"(?:家人|孩子|家里人|老婆|父母|老公)(?:的)?(?:安全|出意外|出事)|出意外|出事"
            r"|这条命|(?:你|您)的命|人身安全(?:难保|堪忧)|(?:腿|手|命|脸)?还想不想要",
        ),
        Phrase(
            "后果自负",
            _WHY_ZH[Category.THREAT],
            r"后果自负|后果(?:很|非常|会很)?严重|后果不堪设想|没好果子|什么事都(?:做|干)得出来"
            r"|有的是办法|(?:有|有一百种|多的是)"
            + _C
            + r"{0,3}(?:办法|方法)让(?:你|您)|找人|兄弟们|道上|用我们(?:的|自己的)方式|不会放过"
            r"|不放过|别怪我们|不客气"
            r"|祈祷|不好惹|惹不起|别惹|(?:遇到|碰到|撞见)我们的(?:人|兄弟)",
            negatable=False,
        ),
    ),
    Category.LEGAL_ACTION: (
        Phrase(
            "起诉",
            _WHY_ZH[Category.LEGAL_ACTION],
            r"起诉|告上法庭|上法庭|打官司|吃官司|官司|(?:提起|提交|发起|启动|准备|进入)"
            + _C
            + r"{0,4}诉讼|诉讼(?:材料|程序已|已)",
        ),
        Phrase(
            "坐牢",
            _WHY_ZH[Category.LEGAL_ACTION],
            r"坐牢|入狱|监狱|牢狱|判刑|拘留|逮捕(?!令)|抓捕|抓(?:你|您|人|走)|来抓|被抓|刑事|案底"
            r"|诈骗罪"
            r"|(?:你|您|欠款|欠钱|拖欠|逾期|不还|赖账)"
            + _C
            + r"{0,6}?(?:属于|是|构成|涉嫌)"
            + _C
            + r"{0,2}(?:违法|犯罪|欺诈|诈骗|盗窃)|(?:属于|构成|涉嫌)"
            + _C
            + r"{0,2}(?:诈骗|欺诈|盗窃)|犯罪行为|恶意(?:透支|拖欠)",
        ),
        Phrase(
            "将强制执行",
            _WHY_ZH[Category.LEGAL_ACTION],
            r"(?:申请|将|会|要|马上|立即|即将|被|对(?:你|您))" + _C + r"{0,4}强制执行"
            r"|强制执行(?:你|您)|查封|扣押|扣划|拍卖" + _YOU + r"?\S{0,2}(?:财产|房|车)"
            r"|冻结"
            + _YOU
            + r"?"
            + _C
            + r"{0,3}(?:银行卡|账户|资产|财产|工资|卡)|扣"
            + _YOU
            + r"?工资|失信(?:被执行人|人员|名单)|限制(?:出行|高消费)|(?:账户|银行卡|工资|财产|资产"
            r"|房子|车子?|卡|房产|车辆|存款|股票|名下)"
            + _C
            + r"{0,6}(?:冻结|查封|扣押|扣划|拍卖|被扣|扣除|扣掉|没收|收走)",
        ),
        Phrase(
            "追究法律责任",
            _WHY_ZH[Category.LEGAL_ACTION],
            r"追究"
            + _YOU
            + r"?(?:法律|刑事)?责任|(?:启动|发起|进入|采取|诉诸)"
            + _C
            + r"{0,2}法律(?:程序|手段|行动|措施)|法律手段|对(?:你|您)立案|已"
            + _C
            + r"{0,2}立案(?!庭)|立案(?:调查|侦查)|移交"
            + _C
            + r"{0,2}(?:司法|公安|法院|检察)|(?:等着|准备好)"
            + _C
            + r"{0,4}(?:判决|传票|坐牢|上法庭|吃官司|被抓|进去)",
        ),
        Phrase(
            "报警",
            _WHY_ZH[Category.LEGAL_ACTION],
            r"(?<!请)(?<!请立即)(?<!请马上)(?<!请及时)(?<!可以)(?<!建议)(?<!及时)(?<![您你])报警"
            r"|报案|去派出所|(?:警察|公安"
            r"|警方)(?:会|将|很快|马上|来|已经|就)|(?:法院|警察|公安|警方"
            r"|检察院)的?人" + _C + r"{0,4}(?:找(?:你|您)|来找|上门)",
        ),
    ),
    Category.FALSE_URGENCY: (
        Phrase(
            "最后通牒",
            _WHY_ZH[Category.FALSE_URGENCY],
            r"最后的?(?:通牒|期限|宽限期?|一次(?:机会|提醒|警告|通知)?|一天|机会|警告|\d+\s*小时)"
            r"|最终(?:警告|通知|期限)",
        ),
        Phrase(
            "立即还款",
            _WHY_ZH[Category.FALSE_URGENCY],
            r"(?:^|(?<=[,.!?:;，。！？；：]))(?:请|给我|你|您)?(?:立即|立刻|马上|即刻|火速|速速"
            r"|赶紧|赶快)"
            + _C
            + r"{0,2}(?:还|处理|打钱|支付|转账|结清|回电|联系|全额)|(?:必须|务必|一定要)(?:于|在)?"
            r"(?:立即|立刻|马上|现在|今天|今日|今晚)",
        ),
        Phrase(
            "两小时内还款",
            _WHY_ZH[Category.FALSE_URGENCY],
            r"(?:请|须|必须|务必|限|仅剩|只剩|还剩|最后|给(?:你|您))"
            + _C
            + r"{0,3}?(?:\d+|[一二两三四五六七八九十半]+)\s*个?(?:小时|分钟)"
            r"|(?:\d+|[一二两三四五六七八九十半]+)\s*个?(?:小时|分钟)(?:内|之内|后)"
            r"(?:不|未|没|还|将|必须|就|若|如|给|回|联系|打|付|转)",
        ),
        Phrase(
            "今晚必须还清",
            _WHY_ZH[Category.FALSE_URGENCY],
            r"(?:今天|今日|今晚|今夜|明早|明天早上|下班前|\d+\s*点前|十二点前)(?:之前|以前|之内"
            r"|内)?"
            r"(?:必须|务必|一定要|不还|还清|全额|把钱)|限(?:你|您)(?:今|明|\d"
            r"|[一二三四五六七八九十两])"
            r"|(?:今天|今日|今晚|明天|明早)[^，。！？,.!?]{0,6}?(?:点"
            r"|时)(?:之)?前[^，。！？,.!?]{0,2}"
            r"(?:还清|付清|打款|转账|处理|全额)|限(?:今天|今晚|今日|明天)|限时|过时不候|逾期不候"
            r"|不候",
            permissive=True,
        ),
        Phrase(
            "紧急",
            _WHY_ZH[Category.FALSE_URGENCY],
            r"紧急(?!联系人)|!{2,}",
            negatable=True,
        ),
        Phrase(
            "时间不多了",
            _WHY_ZH[Category.FALSE_URGENCY],
            r"时间不多|来不及|没有时间|不能再拖|不容再拖|别再拖|不要再拖|一刻(?:也|都)不能等"
            r"|倒计时|错过不再|不再有" + _C + r"{0,4}机会|(?:将|会|就|明日|明天)升级|升级(?:处理"
            r"|催收)|直接处理|移交处理|进一步(?:措施|行动|处理)|找借口",
        ),
    ),
    Category.THIRD_PARTY: (
        Phrase(
            "联系您的亲属",
            _WHY_ZH[Category.THIRD_PARTY],
            r"(?:通知|告诉|告知|知会|联系|联络|致电|打电话给|打给|发短信给|找|问问|通报给|转告"
            r"|透露给|催收)"
            + _C
            + r"{0,3}?"
            + _YOU
            + _C
            + r"{0,2}?"
            + _ZH_PEOPLE
            + r"|给"
            + _YOU
            + _C
            + r"{0,2}?"
            + _ZH_PEOPLE
            + _C
            + r"{0,4}?(?:打(?:过)?电话|发(?:送)?\S{0,2}(?:短信|信息|消息)|寄)"
            r"|(?:通知|告诉|告知|联系|联络|致电|打给|催收)" + _YOU + r"?(?:紧急联系人|通讯录)"
            r"|向"
            + _YOU
            + _C
            + r"{0,2}?"
            + _ZH_PEOPLE
            + _C
            + r"{0,4}(?:催收|催款|要钱|追讨|讨债|透露|披露|说明)",
        ),
        Phrase(
            "让您的家人知道",
            _WHY_ZH[Category.THIRD_PARTY],
            r"(?:让|叫)" + _YOU + r"?" + _C + r"{0,2}?" + _ZH_PEOPLE + r"人?(?:都|也)?"
            r"(?:知道|知晓|替(?:你|您)还|帮(?:你|您)还|还钱|还款)",
        ),
        Phrase(
            "您的同事会知道",
            _WHY_ZH[Category.THIRD_PARTY],
            _YOU
            + _C
            + r"{0,3}?"
            + _ZH_PEOPLE
            + _C
            + r"{0,6}?(?:知道|知晓|收到|接到|看到|看见|被告知"
            r"|被通知|听说|替(?:你|您)还|帮(?:你|您)还|通知(?:了|过)|告诉(?:了|过)|联系(?:了|过)"
            r"|打过电话)",
        ),
        Phrase(
            "曝光",
            _WHY_ZH[Category.THIRD_PARTY],
            r"曝光|公之于众|贴(?:告示|大字报|横幅|传单)|张贴|大字报|拉横幅|公开"
            + _YOU
            + r"|(?:朋友圈|微信群|公司群|家族群|群里|社交媒体|网上"
            r"|微博|抖音)"
            + _C
            + r"{0,6}?(?:发布|公开|挂|留言|评论|发帖|发消息)|(?:发布|公开|挂|发)(?:到|在)?"
            + _C
            + r"{0,6}?(?:朋友圈|微信群|公司群|家族群|群里|网上|微博|抖音)|黑名单|通讯录|打爆",
        ),
        Phrase(
            "寄到您的单位",
            _WHY_ZH[Category.THIRD_PARTY],
            r"(?:寄|发|送)(?:到|往|给)"
            + _YOU
            + r"?"
            + _C
            + r"{0,2}?(?:工作的地方|单位|公司|家里|户籍所在地|老家)",
        ),
    ),
    Category.VISIT_OR_WATCHING: (
        Phrase(
            "上门",
            _WHY_ZH[Category.VISIT_OR_WATCHING],
            r"上门|家访|外访|外勤|实地(?:走访|拜访|调查)|登门|(?<![寄送发邮])(?:去|到|来|在|堵)"
            + _YOU
            + _ZH_PLACE
            + r"|"
            + _YOU
            + r"(?:家|住处|住所|公司|单位|店|小区)(?:楼下|门口|附近)"
            r"|敲" + _YOU + r"?家?的?门",
        ),
        Phrase(
            "盯着你",
            _WHY_ZH[Category.VISIT_OR_WATCHING],
            r"盯着(?:你|您)|盯上|监视|监控(?:你|您)|跟踪|跟着(?:你|您)|定位|(?:看到|看见|遇到"
            r"|碰到)(?:了)?(?:你|您)(?:了|在|去|和)",
        ),
        Phrase(
            "知道你住在哪里",
            _WHY_ZH[Category.VISIT_OR_WATCHING],
            r"找到(?:你|您)(?![的们])|(?:知道|清楚|查到|找到|掌握)(?:了)?"
            + _YOU
            + _C
            + r"{0,4}(?:住|在哪|哪个|什么车|几点|地址|位置|行踪)|"
            + _YOU
            + r"(?:位置|行踪|一举一动|新地址|住址|地址|每天)"
            + _C
            + r"{0,6}(?:掌握|清楚|知道|查到|找到)|(?:去了|去过|去|在|住|跑到)哪(?:里|儿)?"
            + _C
            + r"{0,6}(?:我们|都)"
            + _C
            + r"{0,2}(?:知道|清楚|掌握|一清二楚)",
        ),
        Phrase(
            "你躲不掉",
            _WHY_ZH[Category.VISIT_OR_WATCHING],
            r"躲(?:不掉|不了)|(?:搬|逃|跑|躲|去)到哪|跑不掉|逃不掉|跑不了|逃不了|无处可逃"
            r"|总能找到|(?:就|都)在" + _YOU + r"(?:家|附近|楼下|门口)",
            negatable=False,
        ),
    ),
    Category.SHAMING: (
        Phrase(
            "老赖",
            _WHY_ZH[Category.SHAMING],
            r"老赖|赖账|无赖|脸都不要|脸皮(?:真)?厚|厚脸皮"
            r"|(?<!谨防)(?<!警惕)(?<!小心)(?<!防范)(?<!提防)骗子|不要脸|没脸|丢不丢人"
            r"|(?<!不)(?<!什么)(?<!不是)(?<!觉得)(?<!感到)丢人"
            r"|丢脸|丢尽|无耻|废物|窝囊|垃圾|人渣|败类|蛀虫|寄生虫|吸血|白痴|傻(?:子|瓜|逼)"
            r"|蠢|笨蛋|猪狗不如|畜生|恶心|可笑|可耻|(?<!感到)(?<!觉得)羞耻|不知羞|厚颜|廉耻|废柴"
            r"|(?:还|算|配)(?:是"
            r"|做)?人吗"
            r"|不配做人|没人性|唾弃|该死|就该被|失败者|看不起|瞧不起"
            r"|什么东西|混蛋|王八|良心|没出息|浪费粮食|活该",
        ),
        Phrase(
            "不讲诚信",
            _WHY_ZH[Category.SHAMING],
            r"(?:不讲|没有|没|毫无|连基本的)(?:诚信|信用)|(?:你|您)这个"
            + _C
            + r"{0,6}东西|诚信都没有|失信(?:的人|之人)|没有?底线"
            r"|要有底线|教出" + _C + r"{0,3}这样|(?:你|您)这种人|像(?:你|您)这样的人"
            r"|这样的人(?:就是|都是)|(?:太|真|好|这么|那么|又)懒|懒(?:惰|鬼|汉)|偷钱|偷窃|小偷|贼"
            r"|骗了?(?:我们|我|公司)的?钱|骗钱",
        ),
        Phrase(
            "人品有问题",
            _WHY_ZH[Category.SHAMING],
            r"人品(?:差|有问题|太差|低劣|不行)|(?:是|个)坏人|(?:感到|觉得)(?:很|非常)?(?:羞耻|丢人"
            r"|丢脸|可耻)",
            negatable=True,
        ),
    ),
    Category.FALSE_AUTHORITY: (
        Phrase(
            "我是公安局的",
            _WHY_ZH[Category.FALSE_AUTHORITY],
            r"(?:我是|我们是|这里是|这是|本人是|来自|代表|隶属于?|本通知由)"
            + _C
            + r"{0,8}?"
            + _ZH_AUTH
            + r"|由"
            + _C
            + r"{0,4}?"
            + _ZH_AUTH
            + _C
            + r"{0,6}(?:发出|签发|出具|接手|执行|处理|追缴|负责|派)",
        ),
        Phrase(
            "法院委托我们",
            _WHY_ZH[Category.FALSE_AUTHORITY],
            r"受"
            + _C
            + r"{0,6}?"
            + _ZH_AUTH
            + r"的?(?:委托|指派|授权|指示)|"
            + _ZH_AUTH
            + _C
            + r"{0,2}(?:授权|委托|指示|要求|责令|命令|指派)|(?:与|和|跟|协同"
            r"|配合|联合)"
            + _C
            + r"{0,6}?"
            + _ZH_AUTH
            + _C
            + r"{0,6}(?:合作|一起|联合|共同|打过招呼|打招呼|沟通过|通过气)|"
            + _ZH_AUTH
            + _C
            + r"{0,2}(?:和|与|跟)我们(?:一起|联合|共同)|(?:报送|移交|转交|交给|交由)"
            + _C
            + r"{0,4}?"
            + _ZH_AUTH,
        ),
        Phrase(
            "警察陪同",
            _WHY_ZH[Category.FALSE_AUTHORITY],
            r"(?:警察|警方|法院|公安)"
            + _C
            + r"{0,4}(?:陪同|在场)|(?:都是|是)"
            + _C
            + r"{0,2}(?:司法人员|警察|法官|公务员|执法人员)|经"
            + _C
            + r"{0,4}"
            + _ZH_AUTH
            + r"备案|"
            + _ZH_AUTH
            + r"(?:指定|批准)的",
        ),
    ),
    Category.FAKE_LEGAL_DOCUMENT: (
        Phrase(
            "律师函",
            _WHY_ZH[Category.FAKE_LEGAL_DOCUMENT],
            r"律师(?:函|信)|逮捕令|拘捕令|通缉令"
            r"|执行令|查封令|申报令|支付令|认罪书|催告函|催款函|协查通报|开庭通知|出庭通知"
            r"|拘传|传唤|到庭|(?:立案|诉前|强制执行)通知|立案决定",
        ),
        Phrase(
            "附件是法律文书",
            _WHY_ZH[Category.FAKE_LEGAL_DOCUMENT],
            r"(?:附件[:：]?|附[:：]|附上|查收[:：]?|下载|出具|开具|下发|已(?:发出|寄出|送达|签发"
            r"|下达|生成"
            r"|提交)|即将(?:寄出|发出)"
            r"|寄往|盖章|生效|正式的?|具有法律效力|法律效力)"
            + _C
            + r"{0,6}?"
            + _ZH_DOC
            + r"|"
            + _ZH_DOC
            + _C
            + r"{0,4}(?:已|将|请|见|附件)|(?:这|本|此)"
            + _C
            + r"{0,3}(?:是|为)"
            + _C
            + r"{0,4}"
            + _ZH_DOC,
        ),
        Phrase(
            "您的案号",
            _WHY_ZH[Category.FAKE_LEGAL_DOCUMENT],
            _YOU + r"案(?:号|件编号)|案(?:号|件编号)(?:[:：]?\s*[(（]?\d|见|为|是|[:：])",
        ),
    ),
}

# More Chinese entries: the same ideas in more of the ways they are worded (see _EN_MORE).
_ZH_DIGIT = r"[\d〇零一二三四五六七八九十百千]"
_ZH_BODY = r"(?:手指头?|指头|手|脚|腿|胳膊|眼睛|耳朵|牙|肾|器官|脑袋|鼻子|舌头)"
_ZH_MORE: dict[Category, tuple[Phrase, ...]] = {
    Category.THREAT: (
        Phrase(
            "下次就没这么客气了",
            _WHY_ZH[Category.THREAT],
            r"(?:不是|没有?|不会再?|不再|就没)"
            + _C
            + r"{0,8}?(?:这么|那么|这样)客气|客气不(?:了|起来)|(?:下次|到时候?|再)(?:见面|见到(?:你"
            r"|您)|来)"
            + _C
            + r"{0,6}(?:就不(?:是|会)?|可不|没这么|没那么|不会这么|不会那么)|没(?:有"
            r"|什么)?好(?:下场|结果|果子吃"
            r"|日子过)|不会有好(?:下场|结果)|(?:搞|整|弄|打)(?:死|残|废|折)(?:你|您)?|废了(?:你|您)"
            r"|断手断脚|缺胳膊少腿|有(?:你|您)受的|横着出去",
            negatable=False,
        ),
        Phrase(
            "拿你一根手指来抵",
            _WHY_ZH[Category.THREAT],
            r"(?:拿|用|卸|剁|砍|留下|切|要)"
            + _YOU
            + r"?(?:一|两|几)?(?:根|只|条|个|颗|双)"
            + _ZH_BODY
            + r"|(?:卸|剁|砍|切|打断|折断)(?:了|掉)?"
            + _YOU
            + r"?(?:一)?(?:根|只|条)?"
            + _ZH_BODY
            + r"|"
            + _ZH_BODY
            + r"(?:来)?(?:抵|偿|赔)",
        ),
        Phrase(
            "别让老人受惊吓",
            _WHY_ZH[Category.THREAT],
            r"受(?:到)?(?:惊吓|刺激)|受惊|吓(?:到|着|坏|死|出)|(?:心脏|身体|血压)(?:不好|不太好"
            r"|不行)吧"
            r"|(?:老人|孩子|家人|父母|老婆|老公)" + _C + r"{0,6}(?:经得起|受得了|扛得住|吃得消)",
        ),
    ),
    Category.LEGAL_ACTION: (
        Phrase(
            "法院随时传唤您",
            _WHY_ZH[Category.LEGAL_ACTION],
            _ZH_AUTH
            + r"(?:将|会|要|马上|即将|已经?|随时|就)"
            + _C
            + r"{0,4}(?:冻结|查封|扣押|扣划|拘|抓|判|执行|传唤|上门|找(?:你|您)|来)|冻结"
            + _YOU
            + r"?"
            + _C
            + r"{0,6}(?:银行卡|账户|资产|财产|工资|卡|微信|支付宝|房|车)|执行信息|待执行|被执行",
        ),
        Phrase(
            "限制你出境",
            _WHY_ZH[Category.LEGAL_ACTION],
            r"(?:限制|禁止|不准)"
            + _YOU
            + r"?"
            + _C
            + r"{0,2}(?:出境|出国|出行|乘坐|坐飞机|乘飞机|坐高铁|高消费)|出境|边控|蹲号子|号子|牢饭"
            r"|局子"
            r"|有期徒刑|徒刑|刑拘|劳改|判(?:你|您)?(?:几|[一二三四五六七八九十]|\d+)年",
        ),
        Phrase(
            "法律后果你承担得起吗",
            _WHY_ZH[Category.LEGAL_ACTION],
            r"法律后果"
            + _C
            + r"{0,4}(?:承担|担|自负|严重|很严重|你|您)|承担(?:得起|不起)|(?<![负承])担(?:得起"
            r"|不起)|后果" + _C + r"{0,4}(?:承担得起|担得起|想清楚|想好)",
        ),
    ),
    Category.FALSE_URGENCY: (
        Phrase(
            "今天五点前必须到账",
            _WHY_ZH[Category.FALSE_URGENCY],
            r"(?:今天|今日|今晚|今夜|明早|明天|下午|上午|中午|晚上|傍晚|\d+\s*点|\d{1,2}[:：]\d{2}"
            r"|[一二三四五六七八九十两]+点)"
            + _C
            + r"{0,6}?(?:前|之前|以前|之内|内)"
            + _C
            + r"{0,4}?(?:必须|务必|一定|给我|到账|还清|结清|付清|全额|不还|不结清|不处理)"
            r"|没有?(?:商量|协商)(?:的)?余地|没得商量|不容商量|不接受(?:任何)?(?:分期|解释|理由"
            r"|借口|延期"
            r"|协商)|(?:只剩|仅剩|就剩)(?:今天|今晚|今日|最后|明天|\d+\s*个?(?:小时|分钟)"
            r"|[一二两三四五六七八九十半]+个?(?:小时|分钟))|(?:赶紧|赶快|快点|快快)(?=[。！!，,？?]"
            r"|$)"
            r"|错过(?:今天|这次|本次|这个机会)?就",
            permissive=True,
        ),
    ),
    Category.THIRD_PARTY: (
        Phrase(
            "你的邻居我们都会通知",
            _WHY_ZH[Category.THIRD_PARTY],
            _YOU
            + _C
            + r"{0,2}?"
            + _ZH_PEOPLE
            + _C
            + r"{0,6}[，,]?(?:我们|我)"
            + _C
            + r"{0,4}(?:通知|告诉|告知|联系|打招呼|说|打电话|打过去|找|问|加|发|知会)|"
            + _ZH_PEOPLE
            + r"的?(?:电话|手机号?|号码|联系方式|微信|地址)"
            + _C
            + r"{0,4}(?:我们|我)(?:都|也)?(?:有|拿到|掌握|知道|查到)|(?:有|拿到|掌握|查到|存了)"
            + _YOU
            + _C
            + r"{0,3}"
            + _ZH_PEOPLE
            + r"的?(?:电话|手机号?|号码|联系方式)",
        ),
        Phrase(
            "我们帮你跟同事解释",
            _WHY_ZH[Category.THIRD_PARTY],
            r"(?:我们|我|帮(?:你|您))"
            + _C
            + r"{0,4}(?:跟|和|向|对)"
            + _YOU
            + r"?"
            + _C
            + r"{0,2}?"
            + _ZH_PEOPLE
            + r"们?"
            + _C
            + r"{0,4}(?:解释|说|讲|聊|说明|透露|打招呼|提|反映|交代|汇报|报告|通报)|(?:同步|推送"
            r"|转发|分享|提供"
            r"|群发|发|共享|抄送|通报)(?:给|至|到)了?"
            + _YOU
            + r"?"
            + _C
            + r"{0,2}?"
            + _ZH_PEOPLE
            + r"|打(?:过去|给(?:他|她)们?)"
            + _C
            + r"{0,4}(?:说|讲|聊|告诉|谈)|(?:告诉|通知|告知)(?:他|她)们?(?:你|您)|挨个|挨家挨户"
            r"|一个(?:都)?不(?:会)?漏",
            permissive=True,
        ),
        Phrase(
            "你老公还不知道吧",
            _WHY_ZH[Category.THIRD_PARTY],
            _ZH_PEOPLE
            + _C
            + r"{0,2}(?:还)?(?:不知道|没听说|蒙在鼓里)(?:你|您)?|要不(?:要)?我们"
            + _C
            + r"{0,4}(?:告诉|通知|联系|打给|找)",
            negatable=False,
        ),
    ),
    Category.VISIT_OR_WATCHING: (
        Phrase(
            "催收专员已出发",
            _WHY_ZH[Category.VISIT_OR_WATCHING],
            r"(?:到达|抵达|前往|赶往|赶到|去往|派人到|派人去)"
            + _YOU
            + r"?"
            + _C
            + r"{0,2}?"
            + _ZH_PLACE
            + r"|(?:催收|专员|外访|我们|人|同事|工作人员)"
            + _C
            + r"{0,4}(?:已|已经|正在)(?:出发|在路上|赶往|前往|赶来|过去)|蹲守|守着(?:你|您)|堵(?:你"
            r"|您)"
            r"|等(?:你|您)(?:下班|回家|出门|放学)|尾随",
        ),
        Phrase(
            "你的一举一动",
            _WHY_ZH[Category.VISIT_OR_WATCHING],
            r"一举一动|眼皮(?:子)?底下|掌控之中|掌握之中|视线(?:之内|范围)|尽在(?:我们)?掌握"
            r"|哪(?:里|儿|个|家)?"
            + _C
            + r"{0,8}[，,]?"
            + _C
            + r"{0,2}?(?:我们|都)"
            + _C
            + r"{0,2}(?:打听|查|摸|知道|清楚|掌握|了解|一清二楚)|(?:公司|单位|住处|住址|地址|小区"
            r"|工地|店|学校|家|地方)"
            + _C
            + r"{0,2}(?:我们|我)(?:已经|都|早就|也)?(?:查到|找到|知道|打听到|摸清|掌握)"
            r"|(?:明天|明儿|晚上|周末|到时候|待会儿?|回头)见(?![谅面])",
        ),
    ),
    Category.SHAMING: (
        Phrase(
            "说话不算数",
            _WHY_ZH[Category.SHAMING],
            r"就(?:你|您)这(?:样|种|副|德性|点)|凭(?:你|您)这|才怪|三岁小孩|(?:跟|像|和)个?"
            + _C
            + r"{0,4}(?:小孩|孩子|乞丐|疯子|流氓|狗|叫花子)(?:一样|似的)|说话不算(?:数|话)|出尔反尔"
            r"|言而无信"
            r"|说一套做一套|满嘴(?:谎话|胡话|跑火车)|撒谎|骗人|死皮赖脸|社会的败类",
        ),
    ),
    Category.FALSE_AUTHORITY: (
        Phrase(
            "【人民法院】",
            _WHY_ZH[Category.FALSE_AUTHORITY],
            r"[【\[]" + _C + r"{0,8}?" + _ZH_AUTH + _C + r"{0,8}?[】\]]",
        ),
    ),
    Category.FAKE_LEGAL_DOCUMENT: (
        Phrase(
            "《判决告知书》",
            _WHY_ZH[Category.FAKE_LEGAL_DOCUMENT],
            r"(?:^|(?<=[。！？!?】\]]))[《【\[]?"
            + _ZH_DOC
            + r"[》】\]]?[:：—-]|《"
            + _C
            + r"{0,10}?(?:书|函|令|状|通知|告知|决定|裁定|判决)》|(?:履行|执行|协助执行|立案|拘留"
            r"|逮捕|传唤|缴款"
            r"|查封|冻结|扣押|起诉|开庭|应诉|举证|判决|裁定|处罚|限期)"
            + _C
            + r"{0,2}(?:通知|告知|决定)(?:书|函)|判令|经审理|出庭|到庭|开庭|应诉|庭审|第.法庭"
            r"|移送执行"
            r"|限期履行|申请执行",
        ),
    ),
}
_ZH_MORE[Category.THREAT] += (
    Phrase(
        "信不信我们找你",
        _WHY_ZH[Category.THREAT],
        r"(?:你|您)(?:给我)?(?:小心|当心)(?:点|一点|着点)|(?:尝尝|见识|领教)"
        + _C
        + r"{0,2}(?:厉害|滋味|手段)|不是吃素的|吃素|信不信(?:我|我们)",
        negatable=False,
    ),
)
_ZH_MORE[Category.LEGAL_ACTION] += (
    Phrase(
        "征信会被拉黑",
        _WHY_ZH[Category.LEGAL_ACTION],
        r"(?:派出所|公安|警方|法院|检察院)"
        + _C
        + r"{0,4}(?:备案|立案|登记)|(?:财产|诉前|诉讼)保全|征信"
        + _C
        + r"{0,2}(?:拉黑|黑了|毁了|完了|花了|废了)|(?:一辈子|终身|永远)"
        + _C
        + r"{0,4}(?:贷不了|借不到|买不了|坐不了|上不了|翻不了身)",
    ),
)
_ZH_MORE[Category.FALSE_URGENCY] += (
    Phrase(
        "现在就还",
        _WHY_ZH[Category.FALSE_URGENCY],
        r"现在(?:就|立刻|马上)(?:还|处理|打款|转账|付|给)|仅此一次|别废话|少废话|不要废话"
        r"|速(?:还|回电|回复|处理|联系|打款)",
    ),
)
_ZH_MORE[Category.THIRD_PARTY] += (
    Phrase(
        "全村都会知道",
        _WHY_ZH[Category.THIRD_PARTY],
        r"(?:全|整个)"
        + _C
        + r"{0,2}(?:村|公司|单位|小区|家族|学校|厂|街|楼)"
        + _C
        + r"{0,4}(?:都)?(?:会|将|要)?(?:知道|晓得|听说|看到)",
    ),
)
_ZH_MORE[Category.VISIT_OR_WATCHING] += (
    Phrase(
        "换号也没用",
        _WHY_ZH[Category.VISIT_OR_WATCHING],
        r"(?:换号|换手机号?|换号码|换卡|搬家|关机|拉黑|躲起来|躲)"
        + _C
        + r"{0,4}(?:也没用|没用的|都没用|没有用)|照样(?:找得到|能找到)",
        negatable=False,
    ),
)
_ZH_MORE[Category.SHAMING] += (
    Phrase(
        "还有脸出门",
        _WHY_ZH[Category.SHAMING],
        r"丢"
        + _YOU
        + r"?"
        + _C
        + r"{0,4}的?脸|还有脸|有脸(?:活|见|出门|说|借)|穷鬼|穷光蛋|叫花子|要饭的|一把年纪"
        r"|这么大(?:的)?人了"
        r"|大老爷们|都多大了",
    ),
)
_ZH_MORE[Category.FALSE_AUTHORITY] += (
    Phrase(
        "我这边是执行局",
        _WHY_ZH[Category.FALSE_AUTHORITY],
        r"(?:我|我们|本人|这里|这边|本机构|本公司)"
        + _C
        + r"{0,3}?(?:是|系|属于|隶属)"
        + _C
        + r"{0,6}?"
        + _ZH_AUTH
        + r"|"
        + _ZH_AUTH
        + r"(?:已|已经|将|会|正在)?介入",
    ),
)
_ZH_MORE[Category.FAKE_LEGAL_DOCUMENT] += (
    Phrase(
        "盖有法院公章",
        _WHY_ZH[Category.FAKE_LEGAL_DOCUMENT],
        r"(?:法院|公安|检察院|司法)" + _C + r"{0,2}(?:公章|印章|钢印)",
    ),
)
_ZH_MORE[Category.THREAT] += (
    Phrase(
        "孩子几点放学我们清楚吧",
        _WHY_ZH[Category.THREAT],
        r"(?:孩子|儿子|女儿|小孩|老婆|老公|爸妈|父母|老人|家人)[^。！？.!?]{0,10}?(?:上学|放学|下班"
        r"|回家"
        r"|一个人|几点|路上|学校|幼儿园)[^。！？.!?]{0,10}?(?:吧|是吧|对吧|对不对)(?=[。！？.!?]|$)"
        r"|陪(?:你|您)(?:慢慢)?玩|慢慢玩|玩到底|后果(?:你|您)?自己|(?:小心|当心)"
        + _YOU
        + r"?(?:的|家(?:里)?的?)?(?:腿|手|命|玻璃|门|窗|车|店|房|孩子|老婆|老公|父母|身体|脑袋|脸"
        r"|摊)",
        negatable=False,
    ),
)
_ZH_MORE[Category.LEGAL_ACTION] += (
    Phrase(
        "涉嫌恶意逃债",
        _WHY_ZH[Category.LEGAL_ACTION],
        r"逃废债|逃债|恶意逃|涉嫌|(?:已|已经)(?:被)?(?:法院)?受理|立案受理|受理了"
        + _YOU
        + r"?的?(?:案|起诉|诉讼)",
    ),
)
_ZH_MORE[Category.FALSE_URGENCY] += (
    Phrase(
        "最迟今晚",
        _WHY_ZH[Category.FALSE_URGENCY],
        r"最迟(?:今天|今晚|今日|明天|明早|\d+点)|速度(?:还|处理|打钱|转账|点)|给(?:你|您)(?:最后)?"
        r"(?:半天|一晚|一个晚上)|再拖(?:下去)?(?:就|的话|只会|后果)",
    ),
)
_ZH_MORE[Category.THIRD_PARTY] += (
    Phrase(
        "单位的电话我们已经查到",
        _WHY_ZH[Category.THIRD_PARTY],
        _ZH_PEOPLE
        + r"的?(?:电话|手机号?|号码|联系方式|微信|地址|座机)"
        + _C
        + r"{0,4}(?:我们|我)"
        + _C
        + r"{0,3}(?:有|拿到|掌握|知道|查到|找到)|(?:家族群|微信群|朋友圈|群里|村里|小区|公司群"
        r"|同学群)"
        + _C
        + r"{0,4}(?:宣传|说说|通报|广播|公布|曝)|打"
        + _YOU
        + r"?"
        + _C
        + r"{0,2}(?:公司|单位|家里|领导|老板|同事)的?(?:座机|电话|前台|总机|手机)",
    ),
)
_ZH_MORE[Category.VISIT_OR_WATCHING] += (
    Phrase(
        "过去找你",
        _WHY_ZH[Category.VISIT_OR_WATCHING],
        r"(?:过去|过来|亲自|当面)找(?:你|您)|找上门",
    ),
)
_ZH_MORE[Category.SHAMING] += (
    Phrase(
        "你也配当爹",
        _WHY_ZH[Category.SHAMING],
        r"(?:也|还|不)配(?:当|做|为|叫)",
    ),
)
_ZH_MORE[Category.FALSE_AUTHORITY] += (
    Phrase(
        "与公安系统联网",
        _WHY_ZH[Category.FALSE_AUTHORITY],
        r"(?:本人|我|我们)(?:为|乃)"
        + _C
        + r"{0,6}?(?:"
        + _ZH_AUTH
        + r"|干警)|"
        + _ZH_AUTH
        + r"(?:系统)?"
        + _C
        + r"{0,2}(?:联网|对接|共享)|(?:与|和|跟)"
        + _ZH_AUTH
        + r"(?:系统)?"
        + _C
        + r"{0,2}(?:联网|对接|共享)",
    ),
)
_ZH_MORE[Category.FAKE_LEGAL_DOCUMENT] += (
    Phrase(
        "(二〇二四)京民初一号",
        _WHY_ZH[Category.FAKE_LEGAL_DOCUMENT],
        r"[(（] ?"
        + _ZH_DIGIT
        + r"(?: ?"
        + _ZH_DIGIT
        + r"){3} ?[)）]\S{0,8}?(?:民|刑|执|初|终|字)\S{0,4}?第?"
        + _ZH_DIGIT
        + r"(?: ?"
        + _ZH_DIGIT
        + r")*号",
    ),
)
_ZH_MORE[Category.THREAT] += (
    Phrase(
        "出了事我们可不负责",
        _WHY_ZH[Category.THREAT],
        r"(?:发生|出了?)"
        + _C
        + r"{0,6}(?:我们)?(?:可|概)?不负责|(?:女儿|儿子|孩子|老婆|小孩|闺女)[^。！.!]{0,12}?(?:挺"
        r"|真|很|蛮)"
        r"(?:可爱|漂亮|好看|乖)|自己看着办|看着办吧|什么都不怕|天不怕地不怕|加倍(?:还|奉还|偿还)"
        r"|(?:迟早|早晚)(?:要|会)?(?:让|要)(?:你|您)|动粗|动武|来硬的",
        negatable=False,
    ),
)
_ZH_MORE[Category.LEGAL_ACTION] += (
    Phrase(
        "可以直接判你",
        _WHY_ZH[Category.LEGAL_ACTION],
        r"直接判|(?:会|要|将|能)判(?:你|您)|(?:强制执行|执行|财产保全|诉前保全|支付令|仲裁)申请书",
    ),
)
_ZH_MORE[Category.SHAMING] += (
    Phrase(
        "还好意思",
        _WHY_ZH[Category.SHAMING],
        r"都是些?什么人|算什么人|什么人啊|(?<!不)好意思(?:吗|借|说)|还好意思|真够可以|真有(?:你"
        r"|您)的|真行啊"
        r"|有(?:你|您)这(?:样|种)的",
    ),
)
_ZH_MORE[Category.THIRD_PARTY] += (
    Phrase(
        "替你背锅",
        _WHY_ZH[Category.THIRD_PARTY],
        r"替(?:你|您)(?:背锅|还钱|还款|承担|买单|擦屁股)|(?:一直|天天|每天|反复|不停地?)(?:打给"
        r"|打电话给|找)"
        r"(?:他|她)们?|"
        + _ZH_PEOPLE
        + _C
        + r"{0,4}(?:会|答应|保证|要)(?:劝|催|督促|帮(?:你|您)还|替(?:你|您)还)",
    ),
)
_ZH_MORE[Category.VISIT_OR_WATCHING] += (
    Phrase(
        "别以为换了城市就找不到你",
        _WHY_ZH[Category.VISIT_OR_WATCHING],
        r"(?:几楼|几号楼|门牌号?|哪栋|几单元|哪个小区)"
        + _C
        + r"{0,6}(?:我们|都)"
        + _C
        + r"{0,2}(?:清楚|知道|掌握|查到|一清二楚)|(?:别|不要)以为"
        + _C
        + r"{0,10}(?:找不到|躲得掉|跑得掉|逃得掉|没人知道)",
        negatable=False,
    ),
)
_ZH_MORE[Category.LEGAL_ACTION] += (
    Phrase(
        "进入司法程序",
        _WHY_ZH[Category.LEGAL_ACTION],
        r"(?:进入|启动|转入|移交)"
        + _C
        + r"{0,4}(?:司法|诉讼|执行|仲裁|调解|诉前)(?:程序|阶段)|(?:移交|转交|提交|转到|交给|交由)"
        + _C
        + r"{0,4}(?:法务|法律部|律师|诉讼|司法|外访)",
    ),
)
_ZH_MORE[Category.THREAT] += (
    Phrase(
        "别想过安稳日子",
        _WHY_ZH[Category.THREAT],
        r"别想(?:过)?(?:安稳|好|太平|安生)(?:日子)?|过不(?:了|上)(?:安稳|好|太平)日子|别想(?:安生"
        r"|好过)",
        negatable=False,
    ),
)
_ZH_MORE[Category.SHAMING] += (
    Phrase(
        "连狗都不如",
        _WHY_ZH[Category.SHAMING],
        r"(?:连|比)" + _C + r"{0,4}(?:狗|猪|畜生|乞丐)(?:都不如|还不如)|(?:猪|狗)都不如|不如(?:狗"
        r"|猪)",
    ),
)
_ZH_MORE[Category.FAKE_LEGAL_DOCUMENT] += (
    Phrase(
        "【诉前调解通知】",
        _WHY_ZH[Category.FAKE_LEGAL_DOCUMENT],
        r"[【\[]" + _ZH_DOC + r"[】\]]",
    ),
)
_ZH = {category: _ZH[category] + _ZH_MORE.get(category, ()) for category in _ZH}

PHRASES: Mapping[str, Mapping[Category, tuple[Phrase, ...]]] = MappingProxyType(
    {
        "en": MappingProxyType(_EN),
        "zh-hans": MappingProxyType(_ZH),
    }
)


# English text-message spelling, read as the words it stands for before matching (the normal
# form; docs/tone-check.md).
SHORTHAND: Mapping[str, str] = MappingProxyType(
    {
        "u": "you",
        "ya": "you",
        "ur": "your",
        "yr": "your",
        "youre": "you're",
        "ull": "you'll",
        "b4": "before",
        "2nite": "tonight",
        "2night": "tonight",
        "tonite": "tonight",
        "2day": "today",
        "tmrw": "tomorrow",
        "tmr": "tomorrow",
        "tmw": "tomorrow",
        "2moro": "tomorrow",
        "2morrow": "tomorrow",
        "pls": "please",
        "plz": "please",
        "abt": "about",
        "coz": "because",
        "cuz": "because",
        "bcoz": "because",
        "gonna": "going to",
        "wanna": "want to",
        "gotta": "got to",
        "ppl": "people",
        "dont": "don't",
        "wont": "won't",
        "cant": "can't",
        "im": "i'm",
        "msg": "message",
        "txt": "text",
        "bk": "back",
        "wk": "week",
        "nxt": "next",
        "hrs": "hours",
        "mins": "minutes",
    }
)


# --- what excuses a match ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Excuses:
    """Per language: where a clause ends, and the words that excuse a match inside it."""

    clause_end: str  # punctuation: a clause ends here
    clause_start: str  # words that open a new clause; the clause starts where this match ends
    cue: str  # a negation
    blocker: str  # after a cue: the negation belongs to another verb ("not hesitate")
    double: str  # after a cue: a double negative ("cannot promise")
    mention: str  # the clause describes someone else's conduct or teaches a rule
    quote_cue: str  # near a quoted phrase: the phrase is mentioned, not used
    permission: str  # the clause offers a choice ("you can pay today")
    continuation: str  # a clause that goes on the one before it ("never, ever call"; "，或")
    reported: str  # in the sentence before the match: someone else's words are reported
    condemned: str  # in the sentence after the match: it is called wrong ("...break the rules")
    defined: str  # right after a match that opens its clause: a definition ("传票是...")
    # Anywhere in the sentence: the contact is one the borrower chose or the agreement allows
    # ("...will only be contacted as the agreement allows", "经您同意").
    lawful: str
    # Just before a clause opener: the negation spans the clause it opens ("不会因为…就…").
    scoped: str


EXCUSES = {
    "en": Excuses(
        clause_end=r"[.!?;:,()\u2014\u2013\"“”]",
        clause_start=(
            r"(?<!\w)(?:until|till|unless|otherwise|else|because|so that|then|but"
            r"|or(?= (?:we|i|they|you|our)(?!\w)))(?!\w)|(?=(?<!\w)(?:if|when|whenever|before"
            r"|after)(?!\w))"
        ),
        cue=(
            r"(?<!\w)(?:never|not|cannot|nor|no(?![.#]| ?\d)|nobody|no one|nothing|none|neither"
            r"|without"
            r"|forbid\w*|prohibit\w*|ban|bans|banned|illegal|unlawful|against the law)(?!\w)|n't"
        ),
        blocker=(
            r"(?<!\w)(?:(?:we|i|they|you|he|she)(?:'ll|'re|'ve| will| shall| are| am| have"
            r"| would| can)|hesitate|stop|wait(?! (?:outside|at|by|in|near|around|on)(?!\w)| ?$)"
            r"|rest|give up|tolerate|accept|pay|paid|paying"
            r"|respond|reply|answer|call us|contact us|ignore|forget|delay|think|expect|let"
            r"|make us|force us|leave us|believe|assume|like)(?!\w)"
        ),
        double=r"^\W*(?:\w+ )?(?:promise|guarantee|sure|assume|think|expect|mean|say)",
        mention=(
            r"^ ?(?:if|when|whenever|should) (?:someone|anyone|somebody|a (?:debt )?(?:collector"
            r"|caller|letter|message|person|stranger|lender)|an? \w+ (?:says|claims|threatens"
            r"|calls|contacts|comes|turns)|the collector|collectors|they|he|she|you (?:are |were )?"
            r"(?:ever )?(?:sued|summoned|taken to court)|you (?:ever )?"
            r"(?:receive|get|are sent|are ever|see|hear|find))|(?<!\w)(?:claim\w* to|pretend\w* to"
            r"|pose\w* as|posing as|impersonat\w*"
            r"|says? (?:it|that|they|he|she)|such as|words like|phrases? like|what (?:to do"
            r"|you can do|to say) if"
            r"|falsely|threats? of|threaten\w* (?:to|you with)|lesson|glossary|explains?"
            r"|only (?:a |the )?(?:court|judge)"
            r"|whether|(?:must not|may not|mustn't|cannot|can't|should not|shouldn't|(?:is|are) not"
            r" allowed to|never) (?:\w+ )?(?:say|tell you|claim|suggest|imply|pretend))(?!\w)"
        ),
        quote_cue=(
            r"(?<!\w)(?:say|says|said|saying|call|calls|called|calling|word|words|phrase|phrases"
            r"|term|terms|insult|like|such as|marked|labell?ed|means?|tactics?)(?!\w)"
        ),
        permission=(
            r"(?<!\w)(?:you (?:\w+ )?(?:can|could|may|might|are free to|are welcome to)(?! expect"
            r"| be sure| bet| count on| look forward)|would you like|do you want|would it help"
            r"|if you(?:'d| would)? (?:want|like|wish|prefer|choose|ask)|on request|at your request"
            r"|whenever|choose to|free to|no need"
            r"|(?:don't|do not) (?:need|have) to)(?!\w)"
        ),
        continuation=(
            r" ?(?:(?:or|and|nor) )?(?!(?:we|i|they|you|your|he|she|it|its|our|their|this"
            r"|there|that|these|those|the|a|an|my|if|when|unless|until|otherwise|then|so|but"
            r"|please|pay|just)(?!\w))\w"
        ),
        reported=(
            r"(?<!\w)(?:caller|collector|letter|message|someone|somebody|anyone|he|she|they"
            r"|agent|person|text) (?:\w+ )?(?:says?|said|tells? you|told you|writes?|wrote"
            r"|claims?|threatens?|threatened)(?!\w)|(?<!\w)if you (?:are |were )?(?:ever )?(?:sued"
            r"|summoned|taken to court)"
        ),
        condemned=(
            r"(?<!\w)(?:(?:break|breaks|breaking|broke|against) (?:the )?(?:rules?|law)|(?:is|are)"
            r" (?:not allowed|illegal|unlawful|forbidden|banned|prohibited)|violat\w*)(?!\w)"
        ),
        defined=(
            r" (?:is|are|means) (?:a|an|the|when|what)(?!\w)| (?:must|should|can only|may only"
            r"|has to"
            r"|have to|always|only) (?:come|be|arrive|look)(?!\w)"
        ),
        scoped=r"(?!x)x",
        lawful=(
            r"(?<!\w)(?:you(?:'re| are) welcome to (?:visit|come|drop)|feel free to (?:visit|come"
            r"|drop)|by appointment|(?:call|ask) you first|arrange a time with you"
            r"|only (?:[\w'-]+ ){0,4}?(?:with|after) (?:a |an )?(?:court order"
            r"|order from a"
            r" court|judgment|court process|court hearing)"
            r"|(?:tell|notify|inform|warn|write to) you (?:first|beforehand|in advance|in writing)"
            r"|you(?:'ll| will) (?:be told|hear from us) (?:first|in writing|beforehand)"
            r"|if you (?:have )?(?:authori[sz]ed|agreed|asked|consented)"
            r"|with your (?:authori[sz]ation"
            r"|agreement)|you(?:'ve| have) (?:authori[sz]ed|agreed to|asked us)"
            r"|as (?:the|your|our) (?:loan )?(?:agreement|contract|law|rules?|code)"
            r" (?:allows?|permits?|says|sets out)|with your (?:written )?(?:consent|permission)"
            r"|(?:entirely |completely )?optional|(?:it's|it is) (?:entirely |completely )?(?:up to"
            r" you|your choice))(?!\w)"
        ),
    ),
    "zh-hans": Excuses(
        clause_end=r"[.!?;:,()。！？；：，\u2014\"“”「」]",
        clause_start=r"否则|不然|直到|就(?![您你]的)|便|才|但|可是|然后",
        cue=r"不(?![管论])|没|未|无权|禁止|严禁|别",
        blocker=(
            r"还|付|交|处理|逼|以为|停|罢休|犹豫|客气|回复|回电|理会|配合|联系我们|放过|(?<=别)让"
            r"|(?<=不要)让"
        ),
        double=r"^(?:要|会)?(?:以为|认为|保证|代表你|敢说|是说)",
        mention=(
            r"(?:如果|如|若|假如|万一|要是|当)有?(?:人|遇|遭遇|一封|催收|对方|陌生|(?:您|你)"
            r"(?:收到|接到|遇到|发现|被))|遭遇|自称|冒充|假冒|谎称|虚构|伪造|所谓|是否|什么是"
            r"|这一课|本课|讲解|介绍|解释|词汇表|含义|有的(?:机构|催收|人|公司)|有些(?:机构|催收|人"
            r"|公司)"
            r"|比起|与其|(?:如果|如|若|假如|万一|要是|当|一旦)(?:您|你)?(?:收到|接到|遇到|遭遇|发现"
            r"|被|听到|看到"
            r"|希望|需要|想要|愿意)|有人(?:把|将)|真正的|正规的|只能$|应当?$|(?:需要|须|要"
            r"|必须)经过|(?:只能|只会|只有|须|必须)由"
        ),
        quote_cue=r"称呼|字样|字眼|用语|词|说|标有|写着|侮辱|手段|所谓|短信|收到|消息|类似|暗示|属于|冒充",
        permission=r"(?:您|你)(?:也|随时|都)?(?:可以|可)|不必|无需|不需要|不用|随时|方便",
        continuation=r"(?:或者?|也|亦|以及|及|并|更|还是)",
        reported=r"(?:如果|如|若|假如|万一|要是|一旦)(?:您|你)(?:被|收到|接到)|(?:来电人|对方|催收员|催收人员|有人|他|她|某人|陌生人|短信|来电)"
        + _C
        + r"{0,4}?(?:说|称|表示|声称|威胁)|是指|指的是|意思是|只有.{0,15}?才|只有"
        + _C
        + r"{0,6}才",
        condemned=(
            r"违反|违规|违法|不允许|不被允许|不合规|是不对的|相威胁|软暴力|有权(?:拒绝|投诉|举报)"
            r"|被禁止"
            r"|禁止的|谣言|不是真的|不属实|不可接受|不能接受|不应(?:该|当)?|不可以"
        ),
        defined=r"(?:是指|指的是|就是|是|指|只能由|只由|须由|必须由|应当?由|需要|须经|要经过)(?!不)",
        scoped=r"(?:不|没|绝不|并不)(?:会|有|要|能)?(?:仅仅?|只)?(?:因为|因|由于)",
        lawful=(
            r"按(?:照)?(?:合同|协议|借款合同|规定|法律)(?:的)?(?:约定|规定)?|经(?:您"
            r"|你)(?:本人)?(?:同意|授权)"
            r"|在(?:您|你)同意|(?:您|你)同意(?:后|的情况)|应(?:您|你)的?(?:要求|申请)|由(?:您"
            r"|你)决定"
            r"|(?:您|你)自愿|自愿选择|欢迎(?:您)?(?:随时)?(?:来|前来|到)|如(?:果)?(?:您|你)同意"
            r"|(?:提前|事先|预先"
            r"|在此之前)(?:会)?(?:先)?(?:书面)?(?:告知|通知)"
            r"|会(?:先)?书面(?:告知|通知)|(?:会|将)?先" + _C + r"{0,4}(?:书面)?(?:告知|通知|预约"
            r"|征得)"
        ),
    ),
}
