"""The borrower's contact preferences: read with ``channel_states``, written with
``save_preferences`` after the preferences page's own form has checked every field."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.response import Response

from portal.notifications.forms import PreferencesForm, time_zone_choices
from portal.notifications.models import ContactPreferences
from portal.notifications.preferences import (
    channel_states,
    legal_window_for,
    profiles_for,
    save_preferences,
)
from portal.notifications.rules import Channel

from ...errors import form_errors
from ..serializers.preferences import PreferencesSerializer, PreferencesUpdateSerializer
from .base import BorrowerView
from .errors import ERRORS


def _hhmm(value) -> str | None:
    return f"{value:%H:%M}" if value else None


class Preferences(BorrowerView):
    def _current(self):
        borrower = self.borrower
        # A borrower who never chose has the model's defaults: an unsaved row stands for them.
        preferences = ContactPreferences.objects.filter(
            borrower=borrower
        ).first() or ContactPreferences(borrower=borrower)
        return preferences, channel_states(borrower=borrower, preferences=preferences)

    def _value(self, preferences, states) -> dict:
        borrower = self.borrower
        window = legal_window_for(profiles_for(borrower=borrower))
        email, sms = states[Channel.EMAIL], states[Channel.SMS]
        return {
            # An opted-out address shows its channel as off, as on the page: switching it on
            # again is the borrower's explicit choice to opt back in.
            "email_enabled": preferences.email_enabled and not email.opted_out,
            "email": preferences.email,
            "sms_enabled": preferences.sms_enabled and not sms.opted_out,
            "phone": preferences.phone,
            "contact_from": _hhmm(preferences.contact_from),
            "contact_until": _hhmm(preferences.contact_until),
            "language": borrower.preferred_language,
            "time_zone": borrower.time_zone,
            "email_state": email,
            "sms_state": sms,
            "allowed_hours": window,
            "time_zones": [
                {"value": value, "label": label}
                for value, label in time_zone_choices(borrower.time_zone)
            ],
        }

    @extend_schema(
        operation_id="preferences_retrieve",
        summary="My contact preferences",
        responses={200: PreferencesSerializer, **ERRORS.auth},
    )
    def get(self, request):
        return Response(PreferencesSerializer(self._value(*self._current())).data)

    @extend_schema(
        operation_id="preferences_update",
        summary="Change my contact preferences",
        description="Send only what changes. Hours must fall within allowed_hours; switching "
        "a channel on lifts an opt-out of its address. Nothing is saved unless everything "
        "sent is valid.",
        request=PreferencesUpdateSerializer,
        responses={200: PreferencesSerializer, **ERRORS.update},
    )
    def patch(self, request):
        body = self.body()
        unknown = set(body) - set(PreferencesUpdateSerializer().fields)
        if unknown:
            raise exceptions.ValidationError(
                {name: [_("This is not a preference you can change.")] for name in sorted(unknown)}
            )
        changes = PreferencesUpdateSerializer(data=body, partial=True)
        changes.is_valid(raise_exception=True)
        borrower = self.borrower
        preferences, states = self._current()
        current = self._value(preferences, states)
        data = {
            name: current[name] for name in PreferencesUpdateSerializer().fields if name in current
        }
        data.update(changes.validated_data)
        for name in ("contact_from", "contact_until"):
            data[name] = data[name] or ""
        window = current["allowed_hours"]
        form = PreferencesForm(
            data,
            profiles=profiles_for(borrower=borrower),
            window=window,
            default_email=states[Channel.EMAIL].default,
            default_phone=states[Channel.SMS].default,
            current_time_zone=borrower.time_zone,
        )
        if not form.is_valid():
            raise exceptions.ValidationError(form_errors(form))
        save_preferences(borrower=borrower, choices=form.choices())
        borrower.refresh_from_db(fields=["preferred_language", "time_zone"])
        return Response(PreferencesSerializer(self._value(*self._current())).data)
