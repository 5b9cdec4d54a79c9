"""The words of a message: which text, filled in how, and what the system adds to it; the checks
on save and the editor's preview. See docs/message-texts.md."""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from django.template import Context, Template, TemplateSyntaxError
from django.template.base import TextNode, Variable, VariableNode
from django.utils import translation
from django.utils.translation import gettext as _

from education import readability
from education import tone_check as tone
from portal.notifications.contact_rules.rules import Channel, Kind
from portal.notifications.message_texts.defaults import (
    CHINESE,
    DEFAULTS,
    ENGLISH,
    PLACEHOLDERS,
    SAMPLE_VALUES,
    Text,
)
from portal.notifications.message_texts.how_to_pay import PAY_EVENTS, PayDetails, how_to_pay
from portal.notifications.models import EVENT_KIND, Event
from repayment.paying.methods import ShownMethod

logger = logging.getLogger(__name__)

FALLBACK_LANGUAGE = ENGLISH
_LANGUAGE_ALIASES = {"zh": CHINESE, "zh-cn": CHINESE, "zh-sg": CHINESE, "zh-hans-cn": CHINESE}

# Events whose every message signposts free debt advice (EVENT_KIND collection, and plan_broken).
DEBT_ADVICE_EVENTS = frozenset(
    {event for event, kind in EVENT_KIND.items() if kind == Kind.COLLECTION}
    | {Event.PLAN_BROKEN, Event.PROPOSAL_DECLINED, Event.PAUSE_DECLINED}
)

# The SMS opt-out line, per language. Not translated on purpose: carriers and our recogniser act
# on the keyword. STOP is the CTIA keyword, 回复TD退订 the Chinese carriers' wording.
SMS_OPT_OUT = {ENGLISH: "Reply STOP to opt out", CHINESE: "回复TD退订"}

TEXT_CHANNELS = frozenset({Channel.EMAIL, Channel.SMS, Channel.IN_PORTAL})

# SMS segments: GSM 03.38 (7-bit) holds 160 characters in one, 153 per part when split;
# anything else goes as UCS-2: 70 in one, 67 per part.
MAX_SMS_PARTS = 2
_GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXTENDED = frozenset("^{}\\[~]|€\f")

# The free help the editor's preview and the length check add, per language: that of the
# country the sample values are from (US dollars in English, yuan in Chinese), as published
# in education/migrations/0006_free_help_content.py.
SAMPLE_JURISDICTION = {ENGLISH: "US", CHINESE: "CN"}
SAMPLE_DEBT_ADVICE = {
    ENGLISH: SimpleNamespace(
        debt_advice_name="NFCC (National Foundation for Credit Counseling)",
        debt_advice_phone="1-800-388-2227",
        debt_advice_url="https://www.nfcc.org",
        debt_advice_description=(
            "Non-profit credit counselors look at your budget and all your debts with you, "
            "free or at low cost."
        ),
    ),
    CHINESE: SimpleNamespace(
        debt_advice_name="12348 公共法律服务热线",
        debt_advice_phone="12348",
        debt_advice_url="https://www.12348.gov.cn",
        debt_advice_description=(
            "由司法行政机关开设：免费法律咨询，包括借款和债务问题，也可以告诉您附近的法律援助。"
        ),
    ),
}
# What the preview and the length check add where a message asks for a payment.
SAMPLE_PAY = {
    ENGLISH: PayDetails(
        reference="HCF0001230X",
        methods=(
            ShownMethod(
                kind="bank_transfer",
                account_name="Harbour Community Finance",
                account_number="0123 4567 8901",
                bank="Harbour Bank",
                link="",
                instructions="",
            ),
        ),
        page="https://portal.example/en/my/loans/HCF-000123/pay/",
    ),
    CHINESE: PayDetails(
        reference="HCF0001230X",
        methods=(
            ShownMethod(
                kind="bank_transfer",
                account_name="海港社区金融",
                account_number="6222 0200 1234 5678",
                bank="海港银行",
                link="",
                instructions="",
            ),
        ),
        page="https://portal.example/zh-hans/my/loans/HCF-000123/pay/",
    ),
}
SAMPLE_OPT_OUT_URL = (
    "https://portal.example/messages/stop/ZW1haWw6bWFyaWFAZXhhbXBsZS5jb20:1tXyZa:Ab3dEfGhIjKlMn/"
)


@dataclass(frozen=True, slots=True)
class Rendered:
    subject: str
    body: str
    includes_opt_out: bool
    signposts_debt_advice: bool


def normalise_language(language: str) -> str:
    code = (language or "").strip().lower().replace("_", "-")
    return _LANGUAGE_ALIASES.get(code, code)


# --- compiling -------------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def _compile(source: str) -> Template:
    return Template(source)


@dataclass(frozen=True, slots=True)
class _Compiled:
    language: str  # the language the text is written in
    subject: Template
    body: Template
    sms: Template


def _compiled(text: Text, language: str) -> _Compiled:
    return _Compiled(
        language,
        _compile(_newlines(text.subject)),
        _compile(_newlines(text.body)),
        _compile(_newlines(text.sms)),
    )


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _fill(template: Template, context: Mapping[str, str]) -> str:
    return template.render(Context(dict(context), autoescape=False))


# --- what the system adds ------------------------------------------------------------------


def sample_debt_advice(language: str) -> SimpleNamespace:
    return SAMPLE_DEBT_ADVICE.get(normalise_language(language), SAMPLE_DEBT_ADVICE[ENGLISH])


def _advice_details(lender: Any) -> tuple[str, str, str, str]:
    """The free help a message names: ``lender`` is the borrower's ``repayment.debt_advice``
    advice (or anything with its ``debt_advice_*`` attributes)."""
    return tuple(
        (getattr(lender, field, "") or "").strip()
        for field in (
            "debt_advice_name",
            "debt_advice_phone",
            "debt_advice_url",
            "debt_advice_description",
        )
    )


def _debt_advice(channel: str, name: str, phone: str, url: str, description: str = "") -> str:
    """The signpost in the active language, or "" when there is no service to name."""
    if not (name or phone or url):
        return ""
    if channel == Channel.SMS:
        contact = phone or url
        if name and contact:
            return _("Free debt advice: %(name)s, %(contact)s.") % {
                "name": name,
                "contact": contact,
            }
        return _("Free debt advice: %(where)s.") % {"where": name or contact}
    lines = [
        _("You do not have to sort this out alone."),
        _("Free, independent debt advice: %(name)s") % {"name": name}
        if name
        else _("Free, independent debt advice"),
    ]
    if description:
        lines.append(description)
    if phone:
        lines.append(_("Phone: %(phone)s") % {"phone": phone})
    if url:
        lines.append(url)
    return "\n".join(lines)


def _email_footer_format() -> str:
    return _("Don't want these e-mails? Stop them with one click: %(url)s")


_CJK_STOPS = tuple("。！？；：）】」…")


def _join_sms(parts: Iterable[str], language: str) -> str:
    text = ""
    for part in parts:
        if not part:
            continue
        if not text:
            text = part
        elif language == CHINESE and text.endswith(_CJK_STOPS):
            text += part
        else:
            text += " " + part
    return text


# --- the texts -------------------------------------------------------------------------------


class Texts:
    """Every message text, read once; ``render`` fills one in for one borrower and channel.

    ``rows`` maps (event, language) to a ``Text``: the staff-edited ones. Anything missing
    falls back to the shipped defaults, then to English."""

    def __init__(self, rows: Mapping[tuple[str, str], Text] | None = None):
        self._rows = {
            (str(event), normalise_language(language)): text
            for (event, language), text in (rows or {}).items()
        }
        self._resolved: dict[tuple[str, str], _Compiled] = {}
        self._additions: dict[tuple[str, str, tuple[str, ...]], str] = {}
        self._footers: dict[str, str] = {}

    def source(self, event: str, language: str) -> tuple[Text, str]:
        """The text used for ``event`` in ``language``, and the language it is written in."""
        event = str(event)
        if event not in DEFAULTS:
            raise ValueError(f"unknown event {event!r}")
        language = normalise_language(language)
        for candidate in dict.fromkeys((language, FALLBACK_LANGUAGE)):
            if (event, candidate) in self._rows:
                return self._rows[(event, candidate)], candidate
            if candidate in DEFAULTS[event]:
                return DEFAULTS[event][candidate], candidate
        raise ValueError(f"no text for {event!r}")  # pragma: no cover (English always exists)

    def _templates(self, event: str, language: str) -> _Compiled:
        key = (str(event), language)
        compiled = self._resolved.get(key)
        if compiled is None:
            text, written_in = self.source(event, language)
            try:
                compiled = _compiled(text, written_in)
            except TemplateSyntaxError:
                # A row saved around the editor's checks must not stop a whole run.
                logger.exception("message text %s/%s does not compile", event, written_in)
                compiled = _compiled(DEFAULTS[event][written_in], written_in)
            self._resolved[key] = compiled
        return compiled

    def _debt_advice(self, language: str, channel: str, lender: Any) -> str:
        details = _advice_details(lender)
        key = (language, channel, details)
        if key not in self._additions:
            with translation.override(language):
                self._additions[key] = _debt_advice(channel, *details)
        return self._additions[key]

    def _email_footer(self, language: str, url: str) -> str:
        if language not in self._footers:
            with translation.override(language):
                self._footers[language] = _email_footer_format()
        return self._footers[language] % {"url": url}

    def render(
        self,
        *,
        event: str,
        channel: str,
        language: str,
        context: Mapping[str, str],
        lender: Any,
        opt_out_url: str = "",
        sms_stop_hint: bool = True,
        pay: PayDetails | None = None,
    ) -> Rendered:
        if channel not in TEXT_CHANNELS:
            raise ValueError(f"no message text for channel {channel!r}")
        templates = self._templates(event, normalise_language(language))
        written_in = templates.language
        subject = " ".join(_fill(templates.subject, context).split())
        advice = (
            self._debt_advice(written_in, channel, lender) if event in DEBT_ADVICE_EVENTS else ""
        )
        paying = (
            how_to_pay(pay, channel=channel, language=written_in)
            if pay is not None and event in PAY_EVENTS
            else ""
        )

        if channel == Channel.SMS:
            opt_out = SMS_OPT_OUT[written_in] if sms_stop_hint else ""
            body = _join_sms(
                (" ".join(_fill(templates.sms, context).split()), paying, advice, opt_out),
                written_in,
            )
        else:
            opt_out = (
                self._email_footer(written_in, opt_out_url)
                if channel == Channel.EMAIL and opt_out_url
                else ""
            )
            main = _fill(templates.body, context).strip()
            body = "\n\n".join(part for part in (main, paying, advice, opt_out) if part)
        return Rendered(
            subject=subject,
            body=body,
            includes_opt_out=bool(opt_out),
            signposts_debt_advice=bool(advice),
        )


def load_texts() -> Texts:
    """Every published staff-edited text, in one query. A row's columns hold its live words
    (a draft lives in its revisions until a reviewer approves it); a row never published
    (``live`` false) is left out, so its event falls back to the shipped words."""
    from portal.notifications.models import MessageTemplate

    rows = MessageTemplate.objects.filter(live=True).values_list(
        "event", "language", "subject", "body", "sms"
    )
    return Texts(
        {
            (event, language): Text(subject, body, sms)
            for event, language, subject, body, sms in rows
        }
    )


# --- SMS length ------------------------------------------------------------------------------


def sms_parts(text: str) -> int:
    """How many SMS segments ``text`` takes (0 for no text)."""
    if not text:
        return 0
    if all(char in _GSM_BASIC or char in _GSM_EXTENDED for char in text):
        length = sum(2 if char in _GSM_EXTENDED else 1 for char in text)
        single, part = 160, 153
    else:
        length = len(text.encode("utf-16-le")) // 2
        single, part = 70, 67
    return 1 if length <= single else math.ceil(length / part)


def sms_capacity(text: str, parts: int = MAX_SMS_PARTS) -> int:
    """How many characters ``parts`` segments hold in the encoding ``text`` needs."""
    if all(char in _GSM_BASIC or char in _GSM_EXTENDED for char in text):
        return 160 if parts == 1 else 153 * parts
    return 70 if parts == 1 else 67 * parts


# --- checks on save --------------------------------------------------------------------------

FIELDS = ("subject", "body", "sms")

_TONE_LABELS = {
    tone.Category.THREAT: lambda: _("Threat"),
    tone.Category.SHAMING: lambda: _("Shaming"),
    tone.Category.FALSE_URGENCY: lambda: _("False urgency"),
    tone.Category.THIRD_PARTY: lambda: _("Mentions someone other than the borrower"),
    tone.Category.LEGAL_ACTION: lambda: _("Legal action, arrest or a crime"),
    tone.Category.VISIT_OR_WATCHING: lambda: _("A visit, or watching the borrower"),
    tone.Category.FALSE_AUTHORITY: lambda: _(
        "Claims to act for a court, the police or a government"
    ),
    tone.Category.FAKE_LEGAL_DOCUMENT: lambda: _("Looks like a legal document"),
}


def _placeholder_list(event: str) -> str:
    return ", ".join("{{ %s }}" % name for name in PLACEHOLDERS[event])  # noqa: UP031


def check_syntax(source: str, event: str) -> list[str]:
    """Problems with the placeholders of one field: bad syntax, tags, filters, unknown names."""
    try:
        template = Template(_newlines(source))
    except TemplateSyntaxError as error:
        return [
            _(
                "This text cannot be read as a template: %(error)s. Placeholders look like "
                "{{ amount }}."
            )
            % {"error": error}
        ]
    problems: list[str] = []
    allowed = PLACEHOLDERS[event]
    for node in template.nodelist:
        if isinstance(node, TextNode):
            if "{{" in node.s or "{%" in node.s or "}}" in node.s:
                problems.append(
                    _("A placeholder is not closed properly. Write it like {{ amount }}.")
                )
            continue
        if not isinstance(node, VariableNode):
            token = node.token.contents if getattr(node, "token", None) else ""
            problems.append(
                _("Only placeholders such as {{ amount }} can be used here, not “{%% %(tag)s %%}”.")
                % {"tag": token.split(" ")[0] if token else "?"}
            )
            continue
        expression = node.filter_expression
        variable = expression.var
        written = expression.token
        if expression.filters:
            problems.append(
                _(
                    "The values come already formatted: remove the filter from "
                    "“{{ %(placeholder)s }}”."
                )
                % {"placeholder": written}
            )
            continue
        if (
            not isinstance(variable, Variable)
            or variable.lookups is None
            or (len(variable.lookups) != 1 or variable.lookups[0] not in allowed)
        ):
            problems.append(
                _("Unknown placeholder “{{ %(placeholder)s }}”. You can use: %(allowed)s.")
                % {"placeholder": written, "allowed": _placeholder_list(event)}
            )
    return list(dict.fromkeys(problems))


def check_tone(text: str, language: str) -> list[str]:
    return [
        _(
            "%(category)s: “%(excerpt)s” (on our list as “%(phrase)s”). Say calmly what "
            "happens next and how we can help."
        )
        % {
            "category": _TONE_LABELS[tone.Category(finding.category)](),
            "phrase": finding.phrase,
            "excerpt": finding.excerpt,
        }
        for finding in tone.check_tone(text, language)
    ]


def check_plain_language(text: str, language: str) -> list[str]:
    """The lessons' plain-language check (same limits and wording), as refusals."""
    report = readability.check_text(text, language)
    problems = []
    for finding in report.findings:
        if finding.kind == "long_sentence":
            if report.language == ENGLISH:
                detail = _("(%(length)s words; keep to %(limit)s):")
            else:
                detail = _("(%(length)s characters; keep to %(limit)s):")
            detail %= {"length": finding.detail, "limit": report.max_sentence_length}
            problems.append(f"{_('Long sentence')} {detail} “{finding.sentence}”")
        elif finding.kind == "jargon":
            detail = _("“%(word)s”: try “%(plainer)s”.") % {
                "word": finding.detail,
                "plainer": finding.suggestion,
            }
            problems.append(f"{_('Jargon')} {detail}")
        else:
            detail = _("“%(phrase)s”: say who does it.") % {"phrase": finding.detail}
            problems.append(f"{_('Passive voice')} {detail}")
    if not report.level_ok:
        problems.append(
            _("Plain language: the reading level is %(level)s, above %(target)s.")
            % {"level": report.reading_level, "target": report.target_level}
        )
    return problems


def sample_pay(language: str) -> PayDetails:
    return SAMPLE_PAY.get(normalise_language(language), SAMPLE_PAY[ENGLISH])


def sample_context(language: str) -> Mapping[str, str]:
    return SAMPLE_VALUES.get(normalise_language(language), SAMPLE_VALUES[ENGLISH])


def check_template(
    *, event: str, language: str, subject: str, body: str, sms: str
) -> dict[str, list[str]]:
    """Every reason to refuse saving this text, by field; empty when it can be saved.

    Checked: the placeholders (syntax, no tags or filters, only the event's own names), the
    plain-language check on the text as the borrower reads it (with sample values), and the
    SMS length: at most two segments with sample values, the debt-advice signpost where one is
    added, and the opt-out line. The tone (threats, shaming, false urgency, anyone but the
    borrower) does not stop a draft being saved: it stops the text going live
    (``message_texts.review``)."""
    language = normalise_language(language)
    values = {"subject": subject or "", "body": body or "", "sms": sms or ""}
    problems: dict[str, list[str]] = {}
    for field, source in values.items():
        found = check_syntax(source, event)
        if not found:
            filled = _fill(_compile(_newlines(source)), sample_context(language))
            found = check_plain_language(filled, language)
        if found:
            problems[field] = found
    if "sms" not in problems:
        texts = Texts({(event, language): Text(values["subject"], values["body"], values["sms"])})
        rendered = texts.render(
            event=event,
            channel=Channel.SMS,
            language=language,
            context=sample_context(language),
            lender=sample_debt_advice(language),
            pay=sample_pay(language),
        )
        parts = sms_parts(rendered.body)
        if parts > MAX_SMS_PARTS:
            problems["sms"] = [
                _(
                    "This text message is too long: with sample values and the lines we add, "
                    "it takes %(parts)d messages. Keep it to %(max)d (%(capacity)d characters "
                    "in all)."
                )
                % {
                    "parts": parts,
                    "max": MAX_SMS_PARTS,
                    "capacity": sms_capacity(rendered.body),
                }
            ]
    return problems


# --- the editor's preview --------------------------------------------------------------------


def preview(*, event: str, language: str, subject: str, body: str, sms: str, lender: Any = None):
    """The message as the borrower will see it on each channel, with sample values."""
    language = normalise_language(language)
    texts = Texts({(event, language): Text(subject or "", body or "", sms or "")})
    if lender is None or not any(_advice_details(lender)):
        lender = sample_debt_advice(language)
    common = {
        "event": event,
        "language": language,
        "context": sample_context(language),
        "lender": lender,
        "pay": sample_pay(language),
    }
    email = texts.render(channel=Channel.EMAIL, opt_out_url=SAMPLE_OPT_OUT_URL, **common)
    in_portal = texts.render(channel=Channel.IN_PORTAL, **common)
    text_message = texts.render(channel=Channel.SMS, **common)
    return {
        "email": email,
        "in_portal": in_portal,
        "sms": text_message,
        "sms_parts": sms_parts(text_message.body),
        "sms_characters": len(text_message.body),
        "language": language,
    }
