"""The contact preferences form. It checks every field and the hours against the legal window of
each lender the borrower has loans with, and says what is wrong in the borrower's language;
nothing is saved unless the whole form is valid."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from portal.core.time_zones import time_zone_name
from portal.notifications.contact_rules.rules import Channel, Profile, Window
from repayment.models import Language

from .addresses import normalise
from .preferences import Choices, hours_accepted

STEP = dt.timedelta(minutes=30)
PHONE_CHARACTERS = re.compile(r"^\+?[\d\s().\-]+$")
E164 = re.compile(r"^\+?\d{7,15}$")

# Sensible choices for the borrower's time zone; their own zone is added if it is not here.
TIME_ZONES = (
    ("Asia/Shanghai", gettext_lazy("China (Beijing time)")),
    ("Asia/Hong_Kong", gettext_lazy("Hong Kong")),
    ("Asia/Macau", gettext_lazy("Macao")),
    ("Asia/Taipei", gettext_lazy("Taiwan")),
    ("Asia/Singapore", gettext_lazy("Singapore")),
    ("Asia/Kuala_Lumpur", gettext_lazy("Malaysia")),
    ("Asia/Manila", gettext_lazy("Philippines")),
    ("Asia/Jakarta", gettext_lazy("Indonesia (Jakarta)")),
    ("Asia/Bangkok", gettext_lazy("Thailand")),
    ("Asia/Ho_Chi_Minh", gettext_lazy("Vietnam")),
    ("Asia/Tokyo", gettext_lazy("Japan")),
    ("Asia/Seoul", gettext_lazy("South Korea")),
    ("Asia/Kolkata", gettext_lazy("India")),
    ("Asia/Dubai", gettext_lazy("United Arab Emirates")),
    ("Europe/London", gettext_lazy("United Kingdom")),
    ("Europe/Paris", gettext_lazy("Central Europe (Paris, Berlin)")),
    ("Africa/Lagos", gettext_lazy("Nigeria")),
    ("Africa/Nairobi", gettext_lazy("Kenya")),
    ("America/New_York", gettext_lazy("US Eastern (New York)")),
    ("America/Chicago", gettext_lazy("US Central (Chicago)")),
    ("America/Denver", gettext_lazy("US Mountain (Denver)")),
    ("America/Phoenix", gettext_lazy("US Arizona (Phoenix)")),
    ("America/Los_Angeles", gettext_lazy("US Pacific (Los Angeles)")),
    ("America/Anchorage", gettext_lazy("US Alaska (Anchorage)")),
    ("Pacific/Honolulu", gettext_lazy("US Hawaii (Honolulu)")),
    ("America/Mexico_City", gettext_lazy("Mexico (Mexico City)")),
    ("America/Sao_Paulo", gettext_lazy("Brazil (São Paulo)")),
    ("Australia/Sydney", gettext_lazy("Australia (Sydney)")),
    ("Pacific/Auckland", gettext_lazy("New Zealand")),
    ("UTC", gettext_lazy("UTC (world time)")),
)


def _hhmm(value: dt.time) -> str:
    return f"{value:%H:%M}"


def _times(start: dt.time, end: dt.time) -> list[str]:
    """Every half hour from start to end, both included."""
    day = dt.date(2000, 1, 1)
    moment, last = dt.datetime.combine(day, start), dt.datetime.combine(day, end)
    out = []
    while moment <= last:
        out.append(_hhmm(moment.time()))
        moment += STEP
    return out


def time_zone_choices(current: str, now: dt.datetime | None = None) -> list[tuple[str, str]]:
    """(zone, "Place (now 14:05)"): the time now helps people find their own zone."""
    now = now or timezone.now()
    zones = list(TIME_ZONES)
    if current and current not in dict(zones) and _known_zone(current):
        zones.insert(0, (current, time_zone_name(current, language=get_language() or "en", at=now)))
    return [
        (
            zone,
            _("{place} (now {time})").format(
                place=label, time=_hhmm(now.astimezone(zoneinfo.ZoneInfo(zone)))
            ),
        )
        for zone, label in zones
    ]


def _known_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


class PreferencesForm(forms.Form):
    email_enabled = forms.BooleanField(label=gettext_lazy("Send me e-mails"), required=False)
    email = forms.EmailField(
        label=gettext_lazy("E-mail address for messages"),
        required=False,
        max_length=254,
        error_messages={
            "invalid": gettext_lazy("Enter an e-mail address like name@example.com."),
            "max_length": gettext_lazy("Enter an e-mail address like name@example.com."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    sms_enabled = forms.BooleanField(
        label=gettext_lazy("Send me text messages (SMS)"), required=False
    )
    phone = forms.CharField(
        label=gettext_lazy("Mobile number for text messages"),
        required=False,
        max_length=40,
        error_messages={
            "max_length": gettext_lazy("Enter a mobile number of 40 characters or fewer.")
        },
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    contact_from = forms.ChoiceField(label=gettext_lazy("Earliest time"), required=False)
    contact_until = forms.ChoiceField(label=gettext_lazy("Latest time"), required=False)
    time_zone = forms.ChoiceField(label=gettext_lazy("Your time zone"))
    language = forms.ChoiceField(
        label=gettext_lazy("Language for messages and this site"),
        choices=Language.choices,
        widget=forms.RadioSelect,
    )

    def __init__(
        self,
        *args,
        profiles: list[Profile],
        window: Window | None,
        default_email: str,
        default_phone: str,
        current_time_zone: str,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.profiles = profiles
        self.window = window
        self.default_email = default_email
        self.default_phone = default_phone
        if default_email:
            self.fields["email"].help_text = _(
                "Leave empty to use {address}, the address on your account."
            ).format(address=default_email)
        if default_phone:
            self.fields["phone"].help_text = _(
                "Include the country code, for example +86 138 0013 8000. Leave empty to use "
                "{number}, the number your lender has for you."
            ).format(number=default_phone)
        else:
            self.fields["phone"].help_text = _(
                "Include the country code, for example +86 138 0013 8000."
            )
        anytime = [("", _("Any time the rules allow"))]
        if window is not None:
            outside = _("Choose a time between {start} and {end}.").format(
                start=_hhmm(window.start), end=_hhmm(window.end)
            )
            starts = _times(window.start, window.end)[:-1]
            ends = _times(window.start, window.end)[1:]
        else:
            outside, starts, ends = _("Choose 'Any time the rules allow'."), [], []
        for name, times in (("contact_from", starts), ("contact_until", ends)):
            field = self.fields[name]
            field.choices = anytime + [(t, t) for t in times]
            field.error_messages["invalid_choice"] = outside
        self.fields["time_zone"].choices = time_zone_choices(current_time_zone)
        for name, message in (
            ("time_zone", _("Choose your time zone from the list.")),
            ("language", _("Choose English or Chinese.")),
        ):
            self.fields[name].error_messages.update(required=message, invalid_choice=message)

    def clean_phone(self) -> str:
        raw = self.cleaned_data["phone"].strip()
        if not raw:
            return ""
        number = normalise(Channel.SMS, raw)
        if not PHONE_CHARACTERS.match(raw) or not E164.match(number):
            raise forms.ValidationError(
                _(
                    "Enter a mobile number with its country code, using only digits, spaces "
                    "and +, for example +86 138 0013 8000."
                )
            )
        return number

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip()

    def _time(self, name: str) -> dt.time | None:
        value = self.cleaned_data.get(name)
        return dt.time.fromisoformat(value) if value else None

    def clean(self):
        cleaned = super().clean()
        needs_email = cleaned.get("email_enabled") and not self.default_email
        if needs_email and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("email", _("Enter an e-mail address, or untick 'Send me e-mails'."))
        needs_phone = cleaned.get("sms_enabled") and not self.default_phone
        if needs_phone and not cleaned.get("phone") and "phone" not in self.errors:
            self.add_error("phone", _("Enter your mobile number to get text messages."))
        if "contact_from" in self.errors or "contact_until" in self.errors:
            return cleaned
        start, end = self._time("contact_from"), self._time("contact_until")
        if (start or end) and self.window is not None:
            start, end = start or self.window.start, end or self.window.end
            if start >= end:
                self.add_error(
                    "contact_until", _("Choose a latest time that is later than the earliest time.")
                )
            elif not hours_accepted(self.profiles, Window(start, end)):
                self.add_error(
                    "contact_from",
                    _("Choose a time between {start} and {end}.").format(
                        start=_hhmm(self.window.start), end=_hhmm(self.window.end)
                    ),
                )
        return cleaned

    def choices(self) -> Choices:
        data = self.cleaned_data
        return Choices(
            email_enabled=data["email_enabled"],
            email=data["email"],
            sms_enabled=data["sms_enabled"],
            phone=data["phone"],
            contact_from=self._time("contact_from"),
            contact_until=self._time("contact_until"),
            language=data["language"],
            time_zone=data["time_zone"],
        )
