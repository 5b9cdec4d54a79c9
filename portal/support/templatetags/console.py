from django import template

from portal.accounts.staff import can_use
from portal.support.queue import name_of
from portal.support.roles import ROLE_LABELS
from portal.training.standing import is_current, standing_of

register = template.Library()


@register.filter
def may(user, permission: str) -> bool:
    """``{% if user|may:"support.view_dashboard" %}``: the same test the views make."""
    return can_use(user, permission)


@register.filter
def acts(user) -> bool:
    """``{% if user|acts %}``: whether the console lets this login act (the training gate,
    which refuses any POST from a login behind on its training): around every action form."""
    return is_current(user=user)


@register.simple_tag(takes_context=True)
def training_notice(context):
    """What the read-only banner says: how many modules the login still has to pass, or None
    when it may act (or is no staff with training)."""
    user = context.get("user")
    if user is None or not can_use(user, "training.take_training"):
        return None
    outstanding = sum(1 for s in standing_of(user=user) if not s.current)
    return {"outstanding": outstanding} if outstanding else None


@register.simple_tag(takes_context=True)
def signed_in_as(context):
    """Who is signed in to the console and in which roles, for the header: {"name", "roles"}."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return None
    # Read once per page: the groups are the roles (portal.support.roles).
    roles = [
        str(ROLE_LABELS[name])
        for name in user.groups.values_list("name", flat=True)
        if name in ROLE_LABELS
    ]
    return {"name": name_of(user), "roles": roles}
