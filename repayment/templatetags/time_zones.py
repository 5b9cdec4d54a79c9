"""``{% load time_zones %}``: a time zone by its name in the page's language. Beside the money
and date filters (``statement``), for the borrower's pages, the PDF, the reminders' pages and
the console alike."""

from django import template
from django.utils.translation import get_language

from portal.core.time_zones import time_zone_name as name_of

register = template.Library()


@register.filter
def time_zone_name(zone, at=None):
    """``{{ s.time_zone|time_zone_name:s.as_of }}``: "China Standard Time" for Asia/Shanghai,
    as it stands at ``at`` (summer time or not), or now without it."""
    if not zone:
        return ""
    return name_of(str(zone), language=get_language() or "en", at=at or None)
