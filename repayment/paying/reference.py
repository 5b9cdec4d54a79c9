"""The payment reference a borrower quotes when paying, so the lender can match the payment to
the loan.

It is the loan reference in capitals, with anything but A-Z and 0-9 left out, followed by two
check characters. Read as one base-36 number, the whole reference leaves remainder 1 when divided
by 97 (the idea of ISO 7064 MOD 97-10, used by IBANs, over base 36 so letters stay one
character). Because 97 is prime and neither 36 nor 35 is a multiple of it, changing any one
character, or swapping two neighbouring different characters, always changes the remainder: such
a typo never reads as a valid reference. The check characters are the remainder needed, 0-96,
written as two base-36 digits ("00" to "2O")."""

from __future__ import annotations

import re

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MODULUS = 97
CHECK_LENGTH = 2
_NOT_ALLOWED = re.compile(r"[^0-9A-Z]")


def normalise(text: str) -> str:
    """What is compared: capitals and digits only, so "ln-0042 1k" reads as "LN00421K"."""
    return _NOT_ALLOWED.sub("", text.upper())


def _remainder(text: str) -> int:
    value = 0
    for char in text:
        value = (value * len(ALPHABET) + ALPHABET.index(char)) % MODULUS
    return value


def check_characters(body: str) -> str:
    shifted = _remainder(body) * len(ALPHABET) ** CHECK_LENGTH
    needed = (1 - shifted) % MODULUS
    return ALPHABET[needed // len(ALPHABET)] + ALPHABET[needed % len(ALPHABET)]


def payment_reference(loan_reference: str) -> str:
    body = normalise(loan_reference)
    if not body:
        raise ValueError(f"no letters or digits in loan reference {loan_reference!r}")
    return body + check_characters(body)


def is_valid(text: str) -> bool:
    """True when ``text`` (in any case, with spaces or dashes) is a payment reference."""
    written = normalise(text)
    if len(written) <= CHECK_LENGTH:
        return False
    body, check = written[:-CHECK_LENGTH], written[-CHECK_LENGTH:]
    return check_characters(body) == check


def loan_reference_body(text: str) -> str | None:
    """The normalised loan reference a valid payment reference names, or None."""
    return normalise(text)[:-CHECK_LENGTH] if is_valid(text) else None
