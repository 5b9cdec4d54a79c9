from django import template
from django.utils.translation import gettext_lazy as _

from portal.accounts.staff import can_use
from portal.training.standing import is_current, standing_of

register = template.Library()

# Permissions that only open pages. Every other one is for acting, which the training gate
# (portal.training.gate) refuses an untrained login: its forms are not shown either.
READING = frozenset(
    {
        "support.use_console",
        "support.view_dashboard",
        "audit.view_trail",
        "training.take_training",
        "training.view_standing",
    }
)


@register.filter
def may(user, permission: str) -> bool:
    """``{% if user|may:"support.record_contacts" %}``: the same test the views make, and for
    an action the training gate's too, so an untrained login is not offered a form it cannot
    send."""
    return can_use(user, permission) and (permission in READING or is_current(user=user))


@register.filter
def acts(user) -> bool:
    """``{% if user|acts %}``: whether the console lets this login act (the training gate)."""
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
    from portal.support.queue import name_of
    from portal.support.roles import ROLES

    user = context.get("user")
    if user is None or not user.is_authenticated:
        return None
    # Read once per page: the groups are the roles (portal.support.roles).
    roles = [
        str(_ROLE_LABELS.get(name, name))
        for name in user.groups.values_list("name", flat=True)
        if name in ROLES
    ]
    return {"name": name_of(user), "roles": roles}


_ROLE_LABELS = {
    "Support agents": _("Support agent"),
    "Support supervisors": _("Support supervisor"),
    "Editors": _("Editor"),
    "Compliance reviewers": _("Compliance reviewer"),
    "Administrators": _("Administrator"),
}
