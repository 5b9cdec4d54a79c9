"""The console's borrower-side forms. Every action asks for a reason: it goes into the audit
record with the change."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from portal.core.time_zones import time_zone_name
from portal.notifications.contact_rules.rules import Channel, Kind
from portal.notifications.models import ChannelChoices, KindChoices

from .. import search
from ..staff_zone import known_zones

# A clock a little ahead of the server's should not stop someone recording a call just made.
CLOCK_SLACK = timedelta(minutes=2)


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name, phone, e-mail or loan reference"),
        max_length=search.MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    page = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_page(self) -> int:
        """A page number from the address; anything else is the first page, not an error."""
        value = self.cleaned_data["page"]
        return max(int(value), 1) if value.isdigit() else 1

    def clean_q(self):
        raw = self.cleaned_data["q"]
        try:
            return search.clean_query(raw)
        except search.QueryTooShort:
            raise forms.ValidationError(
                _("Type at least %(count)d characters.") % {"count": search.MIN_LENGTH},
                code="too_short",
            ) from None


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        help_text=_("Why you are doing this. It is kept in the audit trail."),
        widget=forms.TextInput,
    )

    def clean_reason(self):
        reason = " ".join(self.cleaned_data["reason"].split())
        if not reason:
            raise forms.ValidationError(_("Say why you are doing this."), code="required")
        return reason


class NoteForm(ReasonForm):
    text = forms.CharField(
        label=_("Note"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )

    field_order = ["text", "reason"]

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write the note."), code="required")
        return text


class ContactForm(ReasonForm):
    # A person contacts a borrower by phone, text or e-mail; the message centre is the system's.
    channel = forms.ChoiceField(
        label=_("How"),
        choices=[c for c in ChannelChoices.choices if c[0] != Channel.IN_PORTAL],
        initial=Channel.CALL.value,
    )
    kind = forms.ChoiceField(
        label=_("About"),
        choices=KindChoices.choices,
        initial=Kind.COLLECTION.value,
        help_text=_(
            "Arrears contacts count towards the limits on how often a borrower may be contacted."
        ),
    )
    at = forms.DateTimeField(
        label=_("When"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    connected = forms.BooleanField(label=_("The borrower answered"), required=False)
    conversation = forms.BooleanField(label=_("We spoke about the debt"), required=False)
    note = forms.CharField(
        label=_("What was said"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    field_order = ["channel", "kind", "at", "connected", "conversation", "note", "reason"]

    def __init__(self, *args, time_zone: str, **kwargs):
        """``time_zone``: the staff member's own (``portal.support.staff_zone``). The time is
        typed, and shown, as their clock read it, as the contact history shows it."""
        super().__init__(*args, **kwargs)
        self.zone = ZoneInfo(time_zone)
        self.fields["at"].help_text = gettext(
            "In your time zone (%(zone)s). Leave as it is for a contact just now."
        ) % {"zone": time_zone_name(time_zone, language=get_language() or "en")}
        if not self.is_bound:
            now = timezone.localtime(timezone.now(), self.zone)
            self.initial.setdefault("at", now.replace(second=0, microsecond=0, tzinfo=None))

    def clean_at(self):
        # The field read the typed time in the active time zone; it is the staff member's.
        at = timezone.make_aware(timezone.make_naive(self.cleaned_data["at"]), self.zone)
        if at > timezone.now() + CLOCK_SLACK:
            raise forms.ValidationError(
                _("A contact can't be in the future. Record it once it has happened."),
                code="future",
            )
        return at

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("conversation") and not cleaned.get("connected"):
            self.add_error(
                "connected", _("If you spoke about the debt, the borrower answered: tick both.")
            )
        return cleaned


class TimeZoneForm(forms.Form):
    time_zone = forms.ChoiceField(
        label=_("Your time zone"),
        help_text=_("The console shows times in this zone, and reads the times you type in it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = get_language() or "en"
        self.fields["time_zone"].choices = sorted(
            (
                (zone, f"{time_zone_name(zone, language=language)} ({zone})")
                for zone in known_zones()
                if "/" in zone and not zone.startswith(("Etc/", "SystemV/", "US/"))
            ),
            key=lambda choice: choice[0],
        )
