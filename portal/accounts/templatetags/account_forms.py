import copy

from django import template
from django.forms import BoundField, CheckboxInput

register = template.Library()


@register.filter
def input_only(bound_field: BoundField) -> str:
    """The field's input without its placeholder.

    allauth repeats each label as a placeholder. The label is already above the input, and grey
    text inside an empty box is easily taken for something already filled in."""
    widget = copy.copy(bound_field.field.widget)
    widget.attrs = {k: v for k, v in widget.attrs.items() if k != "placeholder"}
    return bound_field.as_widget(widget=widget)


@register.filter
def is_checkbox(bound_field: BoundField) -> bool:
    """A checkbox is laid out with its label beside it rather than above."""
    return isinstance(bound_field.field.widget, CheckboxInput)
