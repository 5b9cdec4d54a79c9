"""How to pay, added by the system to every message that asks for a payment: the borrower's
payment reference, each way to pay with its details, and the page with all of them. Staff texts
cannot leave it out or get it wrong, as with the debt-advice signpost. See
docs/payment-methods.md."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from django.utils import translation
from django.utils.translation import gettext as _

from portal.notifications.contact_rules.rules import Channel
from portal.notifications.models import Event
from repayment.models import PaymentMethodKind
from repayment.paying.methods import ShownMethod

# Messages that ask the borrower to pay something, now or on a coming day.
PAY_EVENTS = frozenset(
    {
        Event.UPCOMING_DUE,
        Event.PAYMENT_MISSED,
        Event.PLAN_ACCEPTED,
        Event.PLAN_INSTALLMENT_DUE,
        Event.PROMISE_MADE,
        Event.PROMISE_BROKEN,
        Event.PROMISE_PART_KEPT,
    }
)


@dataclass(frozen=True, slots=True)
class PayDetails:
    """One loan's payment reference, its ways to pay (already in the borrower's language and
    filled in with the reference and amount), and the address of its "how to pay" page."""

    reference: str
    methods: tuple[ShownMethod, ...]
    page: str


class _Words:
    """The block's sentences in one language, translated once for a whole run."""

    def __init__(self, language: str):
        with translation.override(language):
            self.heading = _("How to pay")
            self.reference = _("Your payment reference: %(reference)s. Give it with every payment.")
            self.bank = _("%(bank)s, account name %(name)s, account number %(number)s.")
            self.online = _("Pay online: %(link)s")
            self.page = _("All the ways to pay: %(link)s")
            self.sms = _("Payment reference: %(reference)s.")
            self.labels = MappingProxyType(
                {kind: str(PaymentMethodKind(kind).label) for kind in PaymentMethodKind.values}
            )


_words: dict[str, _Words] = {}


def _in(language: str) -> _Words:
    if language not in _words:
        _words[language] = _Words(language)
    return _words[language]


def how_to_pay(details: PayDetails, *, channel: str, language: str) -> str:
    """The block for one message in ``language``: a line with the reference on a text
    message (two segments leave no room for more; the message's link leads to the rest), the
    whole of it in an e-mail or the message centre."""
    words = _in(language)
    if channel == Channel.SMS:
        return words.sms % {"reference": details.reference}
    lines = [words.heading, words.reference % {"reference": details.reference}]
    for method in details.methods:
        label = words.labels.get(method.kind, "")
        if method.account_number:
            lines.append(
                f"{label}: "
                + words.bank
                % {
                    "bank": method.bank,
                    "name": method.account_name,
                    "number": method.account_number,
                }
            )
        elif method.instructions:
            lines.append(f"{label}: {' '.join(method.instructions.split())}")
        if method.link:
            lines.append(words.online % {"link": method.link})
    if details.page:
        lines.append(words.page % {"link": details.page})
    return "\n".join(lines)
