from datetime import timedelta

from django import template
from django.utils.translation import gettext as _

from portal.daily_run.steps import STEPS

register = template.Library()


@register.filter
def duration(value: timedelta | None) -> str:
    """A run's or a step's length, to the second; a dash while it is still going."""
    if value is None:
        return "—"
    minutes, seconds = divmod(max(int(value.total_seconds()), 0), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    if minutes:
        return _("%(minutes)d min %(seconds)d s") % {"minutes": minutes, "seconds": seconds}
    return _("%(seconds)d s") % {"seconds": seconds}


@register.filter
def step_label(name: str) -> str:
    step = STEPS.get(name)
    return str(step.label) if step else name
