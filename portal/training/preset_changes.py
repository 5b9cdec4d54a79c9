"""Changing the contact rules a lender (or one of its products) works under. The change is
asked for with a reason and an effective date, approved by a compliance reviewer who did not ask
for it, and switched on its effective date (at approval when the date has come, otherwise by the
daily ``apply_preset_changes`` task). Each step writes its audit row in the same transaction."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.audit.actors import Actor
from portal.audit.recording import record_action
from repayment.models import ContactRules, Lender, LoanProduct

from . import standing
from .models import ChangeStatus, PresetChange


class ChangeRefused(Exception):
    """Said to the member of staff as it is: nothing was changed."""


def preset_of(*, lender: Lender, product: LoanProduct | None = None) -> str:
    return product.contact_rules if product is not None else lender.contact_rules


@transaction.atomic
def request_change(
    *,
    lender: Lender,
    new_preset: str,
    reason: str,
    effective_date: date,
    acting: Actor,
    product: LoanProduct | None = None,
    today: date | None = None,
) -> PresetChange:
    today = today or timezone.localdate()
    if product is not None and product.lender_id != lender.pk:
        raise ChangeRefused(_("That product is not this lender's."))
    if new_preset not in ContactRules.values and not (product is not None and new_preset == ""):
        raise ChangeRefused(_("Choose the contact rules to change to."))
    if not reason.strip():
        raise ChangeRefused(_("Give the reason for the change."))
    if effective_date < today:
        raise ChangeRefused(_("The effective date cannot be in the past."))
    if new_preset == preset_of(lender=lender, product=product):
        raise ChangeRefused(_("These are already the contact rules in force."))
    change = PresetChange.objects.create(
        lender=lender,
        product=product,
        previous_preset=preset_of(lender=lender, product=product),
        new_preset=new_preset,
        reason=reason.strip(),
        effective_date=effective_date,
        requested_by=acting.user,
        requested_at=timezone.now(),
    )
    record_action(
        acting=acting,
        action="contact_rules.change_requested",
        target=change,
        reason=change.reason,
        details=_details(change),
    )
    return change


@transaction.atomic
def approve_change(
    change: PresetChange, *, acting: Actor, note: str = "", today: date | None = None
) -> PresetChange:
    change = _pending(change)
    if change.requested_by_id == acting.user.pk:
        raise ChangeRefused(_("Someone else in compliance must approve a change you asked for."))
    if not standing.is_current(user=acting.user):
        raise ChangeRefused(_("Pass your training first: until then you cannot approve changes."))
    change.status = ChangeStatus.APPROVED
    change.approved_by = acting.user
    change.approved_at = timezone.now()
    change.decision_note = note.strip()
    change.save(update_fields=["status", "approved_by", "approved_at", "decision_note"])
    record_action(
        acting=acting,
        action="contact_rules.change_approved",
        target=change,
        reason=change.decision_note or change.reason,
        details=_details(change),
    )
    if change.effective_date <= (today or timezone.localdate()):
        _apply(change, acting=acting)
    return change


@transaction.atomic
def reject_change(change: PresetChange, *, acting: Actor, note: str) -> PresetChange:
    change = _pending(change)
    if not note.strip():
        raise ChangeRefused(_("Say why the change is rejected: the requester reads it."))
    if not standing.is_current(user=acting.user):
        raise ChangeRefused(_("Pass your training first: until then you cannot decide changes."))
    change.status = ChangeStatus.REJECTED
    change.approved_by = None
    change.decision_note = note.strip()
    change.save(update_fields=["status", "approved_by", "decision_note"])
    record_action(
        acting=acting,
        action="contact_rules.change_rejected",
        target=change,
        reason=change.decision_note,
        details=_details(change),
    )
    return change


def apply_due(*, today: date | None = None) -> int:
    """Switch every approved change whose day has come. Idempotent: a change is applied once."""
    today = today or timezone.localdate()
    applied = 0
    due = PresetChange.objects.filter(
        status=ChangeStatus.APPROVED, applied_at__isnull=True, effective_date__lte=today
    ).order_by("effective_date", "approved_at", "pk")
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            change = (
                PresetChange.objects.select_for_update(of=("self",))
                .select_related("lender", "product")
                .get(pk=pk)
            )
            if change.applied_at is None:
                _apply(change, acting=Actor(user=None))
                applied += 1
    return applied


def _apply(change: PresetChange, *, acting: Actor) -> None:
    if change.product_id is not None:
        product = change.product
        product.contact_rules = change.new_preset
        product.save(update_fields=["contact_rules"])
    else:
        lender = change.lender
        lender.contact_rules = change.new_preset
        lender.save(update_fields=["contact_rules"])
    change.applied_at = timezone.now()
    change.save(update_fields=["applied_at"])
    record_action(
        acting=acting,
        action="contact_rules.change_applied",
        target=change,
        reason=change.reason,
        details=_details(change),
    )


def _pending(change: PresetChange) -> PresetChange:
    change = PresetChange.objects.select_for_update().get(pk=change.pk)
    if change.status != ChangeStatus.PENDING:
        raise ChangeRefused(_("This change has already been decided."))
    return change


def _details(change: PresetChange) -> dict:
    return {
        "lender": change.lender_id,
        "product": change.product_id,
        "from": change.previous_preset,
        "to": change.new_preset,
        "effective_date": change.effective_date.isoformat(),
    }
