"""The borrower's own say over reminders (the preferences page, the opt-out link, text replies),
as plain functions the views call. How opt-outs work: docs/contact-rules.md."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Replace

from portal.notifications.contact_rules.presets import PRESETS
from portal.notifications.contact_rules.rules import Channel, Profile, Window
from repayment.models import Borrower

from .addresses import addresses_for, normalise
from .models import ContactPreferences, Suppression

# The two channels the borrower can switch; the message centre is always on.
SWITCHABLE = (Channel.EMAIL, Channel.SMS)


def profiles_for(*, borrower: Borrower) -> list[Profile]:
    """The contact-rules profile of each of the borrower's loans (a product's own rules, or its
    lender's). A borrower without loans is held to every preset, the strictest reading."""
    names = {
        product_rules or lender_rules
        for product_rules, lender_rules in borrower.loans.values_list(
            "product__contact_rules", "product__lender__contact_rules"
        )
    }
    return [PRESETS[name] for name in sorted(names)] or list(PRESETS.values())


def legal_window_for(profiles: list[Profile]) -> Window | None:
    """The hours every profile allows (their intersection), or None if they share none."""
    window = profiles[0].window
    for profile in profiles[1:]:
        window = window.intersection(profile.window)
        if window is None:
            return None
    return window


def hours_accepted(profiles: list[Profile], window: Window) -> bool:
    return all(profile.accepts(window) for profile in profiles)


@dataclass(frozen=True)
class ChannelState:
    channel: Channel
    address: str  # normalised address in use ("" if none)
    default: str  # normalised address used when the borrower gives none ("" if none)
    opted_out: bool
    bounced: bool


def _every_address(borrower: Borrower, email: str, phone: str) -> dict[Channel, str]:
    """Each switchable channel's address, whether the channel is on or not."""
    switched_on = ContactPreferences(email_enabled=True, sms_enabled=True, email=email, phone=phone)
    return addresses_for(borrower, switched_on)


def channel_states(
    *, borrower: Borrower, preferences: ContactPreferences
) -> dict[Channel, ChannelState]:
    """For each switchable channel: the address in use, the default one and whether that
    address is suppressed (one query for the suppressions)."""
    current = _every_address(borrower, preferences.email, preferences.phone)
    defaults = _every_address(borrower, "", "")
    wanted = Q(pk__in=[])
    for channel in SWITCHABLE:
        if current.get(channel):
            wanted |= Q(channel=channel, address=current[channel])
    found = set(Suppression.objects.filter(wanted).values_list("channel", "address", "reason"))
    states = {}
    for channel in SWITCHABLE:
        address = current.get(channel, "")
        states[channel] = ChannelState(
            channel=channel,
            address=address,
            default=defaults.get(channel, ""),
            opted_out=(channel, address, Suppression.Reason.OPTED_OUT) in found,
            bounced=(channel, address, Suppression.Reason.BOUNCED) in found,
        )
    return states


def current_preferences(borrower: Borrower) -> ContactPreferences:
    """The borrower's saved choices; for a borrower who never chose, an unsaved row with the
    model's defaults stands for them."""
    return ContactPreferences.objects.filter(borrower=borrower).first() or ContactPreferences(
        borrower=borrower
    )


def form_values(borrower: Borrower, preferences: ContactPreferences, states) -> dict:
    """The preferences form's fields as the borrower's choices stand (``states`` from
    ``channel_states``): the page's initial values and the base an API change is laid over."""
    return {
        # An opted-out address shows its channel as off: switching it on again is the
        # borrower's explicit choice to opt back in.
        "email_enabled": preferences.email_enabled and not states[Channel.EMAIL].opted_out,
        "sms_enabled": preferences.sms_enabled and not states[Channel.SMS].opted_out,
        "email": preferences.email,
        "phone": preferences.phone,
        "contact_from": f"{preferences.contact_from:%H:%M}" if preferences.contact_from else "",
        "contact_until": f"{preferences.contact_until:%H:%M}" if preferences.contact_until else "",
        "language": borrower.preferred_language,
        "time_zone": borrower.time_zone,
    }


@dataclass(frozen=True, kw_only=True)
class Choices:
    email_enabled: bool
    email: str
    sms_enabled: bool
    phone: str  # normalised, or ""
    contact_from: dt.time | None
    contact_until: dt.time | None
    language: str
    time_zone: str


@dataclass(frozen=True)
class Saved:
    language_changed: bool
    opted_back_in: tuple[tuple[Channel, str], ...]  # (channel, address) whose opt-out was lifted


def save_preferences(*, borrower: Borrower, choices: Choices) -> Saved:
    """Write the borrower's choices in one transaction. Switching a channel on is the
    borrower's explicit choice, so an opt-out on that channel's address is lifted."""
    with transaction.atomic():
        preferences, _ = ContactPreferences.objects.select_for_update().get_or_create(
            borrower=borrower
        )
        preferences.email_enabled = choices.email_enabled
        preferences.email = choices.email
        preferences.sms_enabled = choices.sms_enabled
        preferences.phone = choices.phone
        preferences.contact_from = choices.contact_from
        preferences.contact_until = choices.contact_until
        preferences.save()
        language_changed = borrower.preferred_language != choices.language
        borrower.preferred_language = choices.language
        borrower.time_zone = choices.time_zone
        borrower.save(update_fields=["preferred_language", "time_zone"])
        lifted = []
        for channel, address in addresses_for(borrower, preferences).items():
            if channel in SWITCHABLE and opt_in(channel=channel, address=address):
                lifted.append((channel, address))
    return Saved(language_changed=language_changed, opted_back_in=tuple(lifted))


def opt_out(*, channel: str, address: str, source: str, detail: str = "") -> bool:
    """Stop messages to this address. Idempotent; True if this call made the opt-out."""
    _, created = Suppression.objects.get_or_create(
        channel=channel,
        address=normalise(channel, address),
        reason=Suppression.Reason.OPTED_OUT,
        defaults={"source": source, "detail": detail[:300]},
    )
    return created


def opt_in(*, channel: str, address: str) -> bool:
    """Lift the owner's opt-out of this address (never a bounce). True if there was one."""
    deleted, _ = Suppression.objects.filter(
        channel=channel,
        address=normalise(channel, address),
        reason=Suppression.Reason.OPTED_OUT,
    ).delete()
    return deleted > 0


def _digits(field: str):
    """The phone number without the separators people type, in SQL that SQLite and
    PostgreSQL both speak (``normalise`` in the database, 00 prefix aside)."""
    expression = F(field)
    for separator in (" ", "-", "(", ")", ".", "/"):
        expression = Replace(expression, Value(separator), Value(""))
    return expression


def language_of_number(number: str) -> str | None:
    """The preferred language of a borrower with this (normalised) mobile number, if any."""
    spellings = {number}
    if number.startswith("+"):
        spellings.add("00" + number[1:])
    by_choice = (
        Borrower.objects.filter(contact_preferences__phone__in=spellings)
        .values_list("preferred_language", flat=True)
        .first()
    )
    if by_choice:
        return by_choice
    return (
        Borrower.objects.annotate(digits=_digits("phone"))
        .filter(digits__in=spellings)
        .values_list("preferred_language", flat=True)
        .first()
    )
