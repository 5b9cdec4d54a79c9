"""A promise to pay: "I will pay X on D". Made by the borrower, then marked kept or not from
the ledger by a daily step.

While a promise is open, arrears reminders about the loan wait until D plus the policy's grace
days (the contact rules' ``promise_open`` hold). A promise that is not kept gets one gentle
message, and then the usual reminders resume. A loan has one open promise at most: the loan's
row is locked while this is checked and the promise written, and the database backs it up
(``one_open_promise_per_loan``).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from repayment.borrowers_word import (
    AmountRefused,
    WordRefused,
    borrower_amount,
    paid_between,
    settle_each,
)
from repayment.events import tell_borrower, tell_lender
from repayment.models import Loan, PlanStatus, Promise, PromiseStatus
from repayment.models.lender_events import LenderTopic
from repayment.money import ZERO, format_money
from repayment.plans.options import current_pause
from repayment.plans.policy import policy_for
from repayment.position_table.keeping import refresh_loan
from repayment.statements.cache import statement_for


class PromiseError(WordRefused):
    """A promise to pay refused."""


def open_promise(loan: Loan) -> Promise | None:
    return loan.promises.filter(status=PromiseStatus.OPEN).first()


def make_promise(*, loan: Loan, amount: Decimal | str, pay_by: date, today: date) -> Promise:
    """Record the borrower's promise to pay ``amount`` by ``pay_by``; refused, with nothing
    changed, when it cannot be kept to the policy or does not fit the loan."""
    try:
        amount = borrower_amount(amount)
    except AmountRefused as refused:
        raise PromiseError(str(refused), "amount") from None
    policy = policy_for(loan.product)
    latest = today + timedelta(days=policy.promise_max_days)
    if pay_by < today:
        raise PromiseError(_("Choose today or a day after it."), "pay_by")
    if pay_by > latest:
        raise PromiseError(
            ngettext(
                "Choose a day within %(days)d day from today.",
                "Choose a day within %(days)d days from today.",
                policy.promise_max_days,
            )
            % {"days": policy.promise_max_days},
            "pay_by",
        )
    # A plan or a pause asks nothing more of the borrower (and leaves nothing due): said
    # first, as the plainest answer. Checked again under the lock.
    _refuse_if_arranged(loan, today)
    position = statement_for(loan=loan).position
    if position.owes_nothing:
        raise PromiseError(_("This loan is paid off: there is nothing to pay."))
    if position.amount_due <= ZERO:
        raise PromiseError(
            _("Nothing is due on this loan right now, so there is nothing to promise.")
        )
    if amount > position.amount_due:
        raise PromiseError(
            _("You can promise up to the amount due now, %(amount)s.")
            % {"amount": format_money(position.amount_due, loan.currency, get_language() or "en")},
            "amount",
        )
    with transaction.atomic():
        Loan.objects.select_for_update().filter(pk=loan.pk).first()
        _refuse_if_arranged(loan, today)
        if open_promise(loan) is not None:
            raise PromiseError(
                _("You have already told us when you will pay. We will wait until then.")
            )
        promise = Promise.objects.create(
            loan=loan,
            amount=amount,
            pay_by=pay_by,
            hold_until=pay_by + timedelta(days=policy.promise_grace_days),
            made_on=today,
        )
        refresh_loan(loan)
        tell_lender(
            loan=loan,
            topic=LenderTopic.PROMISE_MADE,
            key=f"promise.made:{promise.pk}",
            payload=_payload(promise),
        )
        tell_borrower(
            loan=loan,
            event="promise_made",
            about=f"promise{promise.pk}",
            facts={"amount": amount, "due_date": pay_by, "until": promise.hold_until},
        )
    return promise


def _refuse_if_arranged(loan: Loan, today: date) -> None:
    if loan.plans.filter(status=PlanStatus.ACTIVE).exists():
        raise PromiseError(
            _(
                "You have a repayment plan: keeping to it is your promise. "
                "There is nothing more to do."
            )
        )
    if current_pause(loan, today) is not None:
        raise PromiseError(
            _(
                "Payments on this loan are paused, or a pause is being looked at. "
                "There is nothing to promise now."
            )
        )


def outcome(*, promised: Decimal, paid: Decimal, today: date, hold_until: date) -> str | None:
    """Kept once the payments reach the promise; otherwise, once the grace days are over,
    part kept if something came and broken if nothing did. None: still open."""
    if paid >= promised:
        return PromiseStatus.KEPT
    if today <= hold_until:
        return None
    return PromiseStatus.PART_KEPT if paid > ZERO else PromiseStatus.BROKEN


def settle_all(*, today: date | None = None) -> dict[str, int]:
    promises = Promise.objects.filter(status=PromiseStatus.OPEN).select_related(
        "loan__borrower", "loan__product__lender"
    )
    return settle_each(
        promises.iterator(chunk_size=200),
        settle,
        (PromiseStatus.KEPT, PromiseStatus.PART_KEPT, PromiseStatus.BROKEN),
        today,
    )


def settle(promise: Promise, *, today: date) -> str | None:
    """Mark ``promise`` kept, part kept or broken if the ledger says so; idempotent."""
    with transaction.atomic():
        promise = (
            Promise.objects.select_for_update()
            .select_related("loan__borrower", "loan__product__lender")
            .get(pk=promise.pk)
        )
        if promise.status != PromiseStatus.OPEN:
            return None
        # From the day the promise was made to the last day it allows.
        paid = paid_between(
            promise.loan, first=promise.made_on, last=promise.hold_until, today=today
        )
        result = outcome(
            promised=promise.amount, paid=paid, today=today, hold_until=promise.hold_until
        )
        if result is None:
            return None
        promise.status, promise.paid, promise.settled_on = result, paid, today
        promise.save(update_fields=["status", "paid", "settled_on"])
        refresh_loan(promise.loan_id)
        kept = result == PromiseStatus.KEPT
        tell_lender(
            loan=promise.loan,
            topic=LenderTopic.PROMISE_KEPT if kept else LenderTopic.PROMISE_BROKEN,
            key=f"promise.{'kept' if kept else 'broken'}:{promise.pk}",
            payload={
                **_payload(promise),
                "paid": str(paid.quantize(Decimal("0.01"))),
                "outcome": result,
            },
        )
        if not kept:
            # One gentle message; the usual reminders take over from here.
            tell_borrower(
                loan=promise.loan,
                event="promise_part_kept"
                if result == PromiseStatus.PART_KEPT
                else "promise_broken",
                about=f"promise{promise.pk}",
                facts={"amount": promise.amount, "due_date": promise.pay_by},
            )
    return result


def _payload(promise: Promise) -> dict:
    return {
        "promise": promise.pk,
        "amount": str(promise.amount),
        "pay_by": promise.pay_by.isoformat(),
        "reminders_held_until": promise.hold_until.isoformat(),
    }
