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
    """The first line with words on it: the preview in the message list."""
    return next((line.strip() for line in str(text).splitlines() if line.strip()), "")
