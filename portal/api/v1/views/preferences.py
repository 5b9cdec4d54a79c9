"""The borrower's contact preferences: read with ``channel_states``, written with
``save_preferences`` after the preferences page's own form has checked every field."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.response import Response

from portal.notifications.contact_rules.rules import Channel
from portal.notifications.forms import PreferencesForm, time_zone_choices
from portal.notifications.preferences import (
    channel_states,
    current_preferences,
    form_values,
    legal_window_for,
    profiles_for,
    save_preferences,
)

from ...errors import form_errors
from ..serializers.preferences import PreferencesSerializer, PreferencesUpdateSerializer
from .base import BorrowerView
from .errors import ERRORS


class Preferences(BorrowerView):
    def _state(self):
        """The borrower's choices as they stand, the channels' states and the legal hours."""
        borrower = self.borrower
        preferences = current_preferences(borrower)
        states = channel_states(borrower=borrower, preferences=preferences)
        profiles = profiles_for(borrower=borrower)
        return form_values(borrower, preferences, states), states, profiles

    def _value(self) -> dict:
        values, states, profiles = self._state()
        borrower = self.borrower
        return {
            **values,
            # The form's empty hours are the API's nulls.
            "contact_from": values["contact_from"] or None,
            "contact_until": values["contact_until"] or None,
            "email_state": states[Channel.EMAIL],
            "sms_state": states[Channel.SMS],
            "allowed_hours": legal_window_for(profiles),
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
        return Response(PreferencesSerializer(self._value()).data)

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
        changes = PreferencesUpdateSerializer(data=self.body(), partial=True)
        changes.is_valid(raise_exception=True)
        borrower = self.borrower
        values, states, profiles = self._state()
        data = {**values, **changes.validated_data}
        for name in ("contact_from", "contact_until"):
            data[name] = data[name] or ""  # the API's null is the form's "any time"
        form = PreferencesForm(
            data,
            profiles=profiles,
            window=legal_window_for(profiles),
            default_email=states[Channel.EMAIL].default,
            default_phone=states[Channel.SMS].default,
            current_time_zone=borrower.time_zone,
        )
        if not form.is_valid():
            raise exceptions.ValidationError(form_errors(form))
        # save_preferences sets the borrower's language and time zone on this same object.
        save_preferences(borrower=borrower, choices=form.choices())
        return Response(PreferencesSerializer(self._value()).data)
