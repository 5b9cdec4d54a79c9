from django import template

from ..centre import unread_count

register = template.Library()


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
