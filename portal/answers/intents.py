"""The questions the help box answers from a borrower's own account, by name. ``UNKNOWN`` is
what it says when no intent is close enough: it is unsure, and says so."""

from django.utils.translation import gettext_lazy as _

NEXT_PAYMENT = "next_payment"
BALANCE_CHANGED = "balance_changed"
FEE = "fee"
HOW_TO_PAY = "how_to_pay"
CANT_PAY = "cant_pay"
STOP_MESSAGES = "stop_messages"
RIGHTS = "rights"
TALK_TO_PERSON = "talk_to_person"
UNKNOWN = "unknown"

INTENTS = (
    NEXT_PAYMENT,
    BALANCE_CHANGED,
    FEE,
    HOW_TO_PAY,
    CANT_PAY,
    STOP_MESSAGES,
    RIGHTS,
    TALK_TO_PERSON,
)

CHOICES = [
    (NEXT_PAYMENT, _("When is my next payment, and how much")),
    (BALANCE_CHANGED, _("Why my balance changed")),
    (FEE, _("What a fee is for")),
    (HOW_TO_PAY, _("How to pay")),
    (CANT_PAY, _("I can't pay")),
    (STOP_MESSAGES, _("Stop or change messages")),
    (RIGHTS, _("My rights")),
    (TALK_TO_PERSON, _("Talk to a person")),
]

LANGUAGES = ("en", "zh-hans")
LANGUAGE_CHOICES = [("en", _("English")), ("zh-hans", _("Simplified Chinese"))]
