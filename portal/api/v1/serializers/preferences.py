"""Contact preferences: how and when the borrower hears from us."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from portal.notifications.forms import PHONE_CHARACTERS, TIME_ZONES
from repayment.models import Language

from .strict import StrictSerializer

TIME = r"^([01]\d|2[0-3]):[0-5]\d$"
# The preferences form's own words.
PHONE_MESSAGE = _(
    "Enter a mobile number with its country code, using only digits, spaces and +, for "
    "example +86 138 0013 8000."
)


class ChannelStateSerializer(serializers.Serializer):
    address = serializers.CharField(help_text="The address in use; empty if there is none.")
    default = serializers.CharField(help_text="The address used when the borrower gives none.")
    opted_out = serializers.BooleanField(help_text="The borrower opted this address out.")
    bounced = serializers.BooleanField(help_text="Messages to this address could not be delivered.")


@extend_schema_field({"type": "string", "pattern": TIME, "example": "08:00"})
class HourMinuteField(serializers.TimeField):
    """A time of day as "HH:MM" (OpenAPI's "time" format would promise seconds too)."""

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class WindowSerializer(serializers.Serializer):
    start = HourMinuteField()
    end = HourMinuteField()


class TimeZoneSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()


class PreferencesSerializer(serializers.Serializer):
    email_enabled = serializers.BooleanField(
        help_text="E-mails are on (an opted-out address shows as off)."
    )
    email = serializers.CharField(help_text="The borrower's own address for messages, or empty.")
    sms_enabled = serializers.BooleanField()
    phone = serializers.CharField(help_text="The borrower's own mobile number, or empty.")
    contact_from = serializers.CharField(allow_null=True, help_text="HH:MM, or null: any time.")
    contact_until = serializers.CharField(allow_null=True, help_text="HH:MM, or null: any time.")
    language = serializers.ChoiceField(choices=Language.choices)
    time_zone = serializers.CharField()
    email_state = ChannelStateSerializer()
    sms_state = ChannelStateSerializer()
    allowed_hours = WindowSerializer(
        allow_null=True,
        help_text="The hours the contact rules of the borrower's lenders allow; null if none.",
    )
    time_zones = TimeZoneSerializer(many=True, help_text="The time zones one can choose.")


@extend_schema_field(
    {"type": "string", "enum": [zone for zone, _label in TIME_ZONES], "example": "Asia/Shanghai"}
)
class TimeZoneField(serializers.CharField):
    """One of the time zones the page offers. The form also takes the borrower's own zone when
    it is not among them (time_zones lists it then)."""


class PreferencesUpdateSerializer(StrictSerializer):
    """Only the fields sent change; the rest keep their values. Checked by the same form as
    the preferences page, so its rules and messages apply."""

    unknown_field_message = _("This is not a preference you can change.")

    email_enabled = serializers.BooleanField(required=False)
    email = serializers.EmailField(
        required=False,
        allow_blank=True,
        max_length=254,
        help_text="Empty for the address on the account.",
    )
    sms_enabled = serializers.BooleanField(required=False)
    phone = serializers.RegexField(
        PHONE_CHARACTERS.pattern,
        error_messages={"invalid": PHONE_MESSAGE},
        required=False,
        allow_blank=True,
        max_length=40,
        help_text="With its country code, e.g. +86 138 0013 8000; empty for the lender's.",
    )
    contact_from = serializers.RegexField(
        TIME, required=False, allow_null=True, allow_blank=True, help_text="HH:MM, or null."
    )
    contact_until = serializers.RegexField(
        TIME, required=False, allow_null=True, allow_blank=True, help_text="HH:MM, or null."
    )
    language = serializers.ChoiceField(
        choices=Language.choices,
        required=False,
        error_messages={"invalid_choice": _("Choose English or Chinese.")},
    )
    time_zone = TimeZoneField(required=False, help_text="One of time_zones.")
