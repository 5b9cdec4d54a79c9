"""Request bodies taken exactly as the schema describes them.

A ``StrictSerializer`` refuses a field it does not declare (the schema says
``additionalProperties: false``) and a value of another JSON type than the schema gives, before
DRF or a form would convert it: ``"20"`` for a number of days, ``700`` for an amount, ``1`` for
true. Each such value is a 400 naming the field, in the caller's language. What the value
means is still checked by the pages' own forms."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.settings import api_settings

# The JSON type each kind of field takes, and what the caller is told otherwise (in DRF's or the
# forms' words where they have some). Amounts, dates and times are text, as in the answers
# ("550.00", "2026-12-05", "08:00").
TEXT = (str,), _("Not a valid string.")
WHOLE_NUMBER = (int,), _("Enter a whole number.")
TRUE_OR_FALSE = (bool,), _("Must be a valid boolean.")
OBJECT = (dict,), _("Send an object.")
LIST = (list,), _("Send a list.")


def _expected(field: serializers.Field):
    if isinstance(field, serializers.BaseSerializer):
        return LIST if getattr(field, "many", False) else OBJECT
    if isinstance(field, serializers.BooleanField):
        return TRUE_OR_FALSE
    if isinstance(field, serializers.IntegerField):
        return WHOLE_NUMBER
    if isinstance(field, serializers.ListField):
        return LIST
    return TEXT  # strings, choices, amounts, dates, times


def type_error(field: serializers.Field, value) -> str | None:
    """What is wrong with the JSON type of ``value`` for ``field`` (the field's own "type"
    message, if it has one), or None."""
    if value is None:
        return None  # DRF says whether the field takes null
    types, message = _expected(field)
    if isinstance(value, types) and (bool in types or not isinstance(value, bool)):
        return None
    return str(field.error_messages.get("type", message))


class StrictSerializer(serializers.Serializer):
    unknown_field_message = _("This field is not accepted here.")

    def shape_errors(self, data) -> dict:
        """The fields of ``data`` (an object) this serializer does not declare, and those of
        another JSON type, nested objects included: what DRF or a form would not read as the
        schema says, or could not read at all (a list where a form expects text)."""
        if not isinstance(data, dict):
            return {}
        errors = {
            name: [str(self.unknown_field_message)]
            for name in data
            if name not in self.fields or self.fields[name].read_only
        }
        for name, field in self.fields.items():
            if name not in data:
                continue
            if problem := type_error(field, data[name]):
                # An object's own errors go under "non_field_errors", as DRF puts them.
                if isinstance(field, StrictSerializer):
                    errors[name] = {api_settings.NON_FIELD_ERRORS_KEY: [problem]}
                else:
                    errors[name] = [problem]
            elif isinstance(field, StrictSerializer) and (nested := field.shape_errors(data[name])):
                errors[name] = nested
        return errors

    def refuse_wrong_shape(self) -> None:
        """A 400 at once for what ``shape_errors`` finds in the data given."""
        if errors := self.shape_errors(self.initial_data):
            raise serializers.ValidationError(errors)

    def to_internal_value(self, data):
        if errors := self.shape_errors(data):
            raise serializers.ValidationError(errors)
        return super().to_internal_value(data)
