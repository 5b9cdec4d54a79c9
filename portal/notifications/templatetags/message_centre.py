import re

from django import template
from django.conf import settings
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from ..centre import unread_count
from ..channels.links import on_this_site

register = template.Library()

_PREFIXES = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
# A web address, or a path on this site (/en/..., /zh-hans/...) standing on its own: after a
# space, at the start of a line or after Chinese punctuation ("查看您的贷款：/zh-hans/...").
# Chinese punctuation ends an address, as does the sentence's full stop after it.
_ADDRESS = re.compile(
    rf"https?://[^\s<>\"'，。；：、（）！？]+|(?<![\w.:/-])/(?:{_PREFIXES})/[^\s<>\"'，。；：、（）！？]*"
)
_TRAILING = ".,;:!?)"


@register.simple_tag(takes_context=True)
def unread_messages(context) -> int | None:
    """The signed-in borrower's unread messages (one query, once per request), or None on a
    page without a borrower."""
    request = context.get("request")
    borrower = getattr(request, "borrower", None)
    if borrower is None:
        return None
    if not hasattr(request, "_unread_messages"):
        request._unread_messages = unread_count(borrower_id=borrower.pk)
    return request._unread_messages


@register.filter
def first_line(text: str) -> str:
    """The first line that says something, for the preview in the message list: a greeting
    ("Hello Maria," / "玛丽亚，您好：") is the same in every message, so it is passed over."""
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    said = [line for line in lines if not _is_greeting(line)]
    return (said or lines or [""])[0]


def _is_greeting(line: str) -> bool:
    return len(line) <= 40 and line.endswith((",", "：", ":", "，"))


@register.filter
def with_links(text: str) -> SafeString:
    """A message's text, escaped, with its web addresses as links. Links to this site's pages
    are paths, so they open on the address the borrower reads the message at (messages written
    with ``SITE_URL`` in them included); other addresses (free debt advice) open as written."""
    text = str(text)
    out, position = [], 0
    for found in _ADDRESS.finditer(text):
        address = found.group(0).rstrip(_TRAILING)
        start, end = found.start(), found.start() + len(address)
        out.append(escape(text[position:start]))
        target = on_this_site(address)
        if target.startswith("/"):
            out.append(format_html('<a href="{}">{}</a>', target, target))
        else:
            out.append(format_html('<a href="{}" rel="nofollow">{}</a>', target, target))
        position = end
    out.append(escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece was escaped above
