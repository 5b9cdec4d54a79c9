"""Where a borrower's messages go, and the one spelling of an address that opt-outs and
bounces are keyed on."""

from __future__ import annotations

import re
from functools import lru_cache

from django.core import signing

from portal.notifications.contact_rules.rules import Channel

OPT_OUT_SALT = "notifications.opt-out"
_NOT_PHONE = re.compile(r"[^\d+]")


def normalise(channel: str, address: str) -> str:
    """E-mail addresses compare without case; numbers without spaces, dashes or brackets,
    with a leading 00 read as +."""
    address = address.strip()
    if channel == Channel.EMAIL:
        return address.lower()
    if channel == Channel.SMS:
        digits = _NOT_PHONE.sub("", address)
        return "+" + digits[2:] if digits.startswith("00") else digits
    return address


def addresses_for(borrower, preferences) -> dict[Channel, str]:
    """The normalised address of each channel the borrower has switched on and has an address
    for. In-portal has no address and is always on, so it is always in the answer.
    ``preferences``: the borrower's, or an unsaved ``ContactPreferences()`` with the defaults."""
    email = preferences.email or (borrower.user.email if borrower.user_id else "") or borrower.email
    phone = preferences.phone or borrower.phone
    found = {Channel.IN_PORTAL: ""}
    if preferences.email_enabled and email:
        found[Channel.EMAIL] = normalise(Channel.EMAIL, email)
    if preferences.sms_enabled and phone:
        found[Channel.SMS] = normalise(Channel.SMS, phone)
    return found


@lru_cache(maxsize=50_000)
def opt_out_token(channel: str, address: str) -> str:
    """A signed token naming one address: the e-mail opt-out link carries it, so one click
    stops that address without signing in, and nobody can stop someone else's. Remembered per
    address: a token never expires, and a planner run would otherwise sign the same address
    for every message (the body's link and the List-Unsubscribe header)."""
    return signing.dumps(
        {"c": str(channel), "a": normalise(channel, address)}, salt=OPT_OUT_SALT, compress=True
    )


def read_opt_out_token(token: str) -> tuple[str, str]:
    """(channel, address) from a token; raises ``signing.BadSignature`` if it was altered.
    Tokens do not expire: an old e-mail's link must still work."""
    data = signing.loads(token, salt=OPT_OUT_SALT)
    return data["c"], data["a"]
