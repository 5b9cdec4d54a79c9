from django import template

from portal.accounts.staff import can_use
from portal.training.standing import standing_of

register = template.Library()


@register.filter
def may(user, permission: str) -> bool:
    """``{% if user|may:"support.view_dashboard" %}``: the same test the views make."""
    return can_use(user, permission)


@register.simple_tag(takes_context=True)
def training_notice(context):
    """What the read-only banner says: how many modules the login still has to pass, or None
    when it may act (or is no staff with training)."""
    user = context.get("user")
    if user is None or not can_use(user, "training.take_training"):
        return None
    outstanding = sum(1 for s in standing_of(user=user) if not s.current)
    return {"outstanding": outstanding} if outstanding else None
