"""The trail's text, marked where a desk's table may wrap it: between words, after an e-mail's
@ and between an IPv6 address's groups, never inside a word, a loan reference or a date
(``audit-word`` keeps a piece whole; see audit.css). A run longer than ``LONGEST_WORD`` (a
pasted link in a reason) is left to wrap anywhere rather than widen the table past the page."""

import re

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

WORD = '<span class="audit-word">{}</span>'
LONGEST_WORD = 32
# Chinese (and the other CJK scripts) wrap between any two characters, as they should: only
# the runs of other letters between them are kept whole.
_CJK = re.compile(r"([\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+)")


@register.filter
def whole_words(text):
    """Wraps at spaces only: "Wang Xiaoming-Longname" or "HCF-000001" is never split at its
    hyphen. A list is joined with commas, as loan references are."""
    if isinstance(text, (list, tuple)):
        text = ", ".join(str(item) for item in text)
    return format_html_join(" ", "{}", ((_word(word),) for word in str(text or "").split()))


def _word(word: str):
    return format_html_join(
        "",
        "{}",
        (
            (format_html(WORD, piece) if _whole(piece) else piece,)
            for piece in _CJK.split(word)
            if piece
        ),
    )


def _whole(piece: str) -> bool:
    return not _CJK.fullmatch(piece) and len(piece) <= LONGEST_WORD


@register.filter
def breakable_email(address):
    local, at, domain = str(address or "").partition("@")
    if not at:
        return whole_words(address)
    return format_html(WORD + "<wbr>" + WORD, f"{local}@", domain)


@register.filter
def breakable_ip(address):
    """An IPv6 address may wrap between its groups."""
    address = str(address or "")
    if ":" not in address:
        return whole_words(address)
    return format_html_join(
        mark_safe(":<wbr>"),
        "{}",
        ((format_html(WORD, part) if part else "",) for part in address.split(":")),
    )
