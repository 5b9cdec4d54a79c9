from django import template

from portal.accounts.staff import can_use

register = template.Library()


@register.filter
def may(user, permission: str) -> bool:
    """``{% if user|may:"support.view_dashboard" %}``: the same test the views make."""
    return can_use(user, permission)
