"""Telling the lender (the outbox) and announcing what happened to a borrower's loan, in the
caller's transaction: each message exists exactly when the change it reports does.

Repayment knows nothing of who reacts. An app that does registers a handler with ``listen`` in
its ``AppConfig.ready()`` (``portal.notifications`` messages the borrower)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from repayment.models import LenderEvent, Loan
from repayment.models.lender_events import LenderTopic


@dataclass(frozen=True, slots=True)
class LoanEvent:
    """Something that happened to a loan that its borrower hears about."""

    loan: Loan
    event: str  # what happened: "plan_accepted", "pause_granted", ...
    about: str  # the thing it concerns ("plan12"): two plans ended on one day are two events
    facts: dict[str, date | str] = field(default_factory=dict)
    # The loan's page the message links to: a URL name and its arguments after the loan's
    # reference. Empty: the page the event's kind links to.
    page: tuple[str | int, ...] = ()


Handler = Callable[[LoanEvent], None]
_handlers: list[Handler] = []


def listen(handler: Handler) -> None:
    """Call ``handler`` with every ``LoanEvent``, in the transaction that announces it."""
    if handler not in _handlers:
        _handlers.append(handler)


def tell_lender(*, loan: Loan, topic: LenderTopic, key: str, payload: dict) -> None:
    LenderEvent.objects.get_or_create(
        key=key,
        defaults={
            "lender": loan.product.lender,
            "borrower": loan.borrower,
            "topic": topic,
            "payload": {"loan": loan.external_id, "reference": loan.reference, **payload},
        },
    )


def tell_borrower(
    *,
    loan: Loan,
    event: str,
    about: str,
    facts: dict[str, date | str] | None = None,
    page: tuple[str | int, ...] = (),
) -> None:
    """Announce ``event`` to the handlers: the borrower hears of it through their channels
    and the contact rules (the message centre at once, e-mail and text within a minute)."""
    happened = LoanEvent(loan=loan, event=event, about=about, facts=facts or {}, page=page)
    for handler in _handlers:
        handler(happened)
