"""Answering a proposal that went to a person: approve it, counter it, decline it. Terms beyond
the policy's limits need a supervisor's sign-off, and this is the one place that checks it: the
supervisor answers it themselves, or signed off the asker's request for it in the queue
(``sign_offs``). A sign-off is recorded under a code of its own, a refused attempt as a
refusal."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from portal.accounts.staff import can_use
from portal.audit.actors import Actor
from portal.audit.recording import record_action, record_refusal
from repayment.models import Proposal
from repayment.plans import reviewing
from repayment.plans.terms import PlanTerms

from .. import queue
from ..models import QueueKind, SignOff, SignOffStatus

SIGN_OFF = "support.approve_beyond_policy"
APPROVED = "proposal.approved"
COUNTERED = "proposal.countered"
DECLINED = "proposal.declined"
SIGNED_OFF = {
    APPROVED: "proposal.approved_beyond_policy",
    COUNTERED: "proposal.countered_beyond_policy",
}
SIGN_OFF_REFUSED = "proposal.sign_off_refused"


class SignOffRequired(reviewing.ReviewError):
    """The terms are beyond the policy and this login may not sign them off. Nothing changed."""


def may_sign_off(user) -> bool:
    return user is not None and can_use(user, SIGN_OFF)


def signed_off_for(proposal: Proposal, user) -> SignOff | None:
    """The supervisor's sign-off of ``user``'s request to go beyond the policy on this
    proposal, if one was given."""
    return (
        SignOff.objects.filter(
            kind=QueueKind.PROPOSAL,
            object_id=proposal.pk,
            requested_by=user,
            status=SignOffStatus.SIGNED_OFF,
        )
        .select_related("supervisor")
        .order_by("-answered_at")
        .first()
    )


def do_approve_proposal(
    proposal: Proposal, *, acting: Actor, reason: str, note: str = ""
) -> Proposal:
    """Agree the plan the borrower asked for; they confirm it on their proposal page."""
    review = reviewing.review_of(proposal)
    if review.requested is None:
        raise reviewing.ReviewError(review.requested_problem or _("Send a counter-offer instead."))
    return _agree(review, review.requested, APPROVED, acting=acting, reason=reason, note=note)


def do_counter_proposal(
    proposal: Proposal, terms: PlanTerms, *, acting: Actor, reason: str, note: str
) -> Proposal:
    """Offer ``terms`` instead; the borrower confirms them, or proposes again."""
    review = reviewing.review_of(proposal)
    return _agree(review, terms, COUNTERED, acting=acting, reason=reason, note=note)


@transaction.atomic(durable=True)
def do_decline_proposal(proposal: Proposal, *, acting: Actor, reason: str, note: str) -> Proposal:
    """Say no, and why; the borrower's page and message point to what they can do instead."""
    declined = reviewing.decline(proposal=proposal, by=acting.user, note=note)
    _answered(proposal, DECLINED, acting=acting, reason=reason, details={"note": note})
    return declined


def _agree(review, terms: PlanTerms, code: str, *, acting: Actor, reason: str, note: str):
    proposal = review.proposal
    breaches = reviewing.breaches_of(review, terms)
    needs_sign_off = bool(breaches) and not may_sign_off(acting.user)
    signed_off = signed_off_for(proposal, acting.user) if needs_sign_off else None
    if needs_sign_off and signed_off is None:
        # Before, and outside, the answer's transaction: the attempt changes nothing.
        record_refusal(
            acting=acting,
            action=SIGN_OFF_REFUSED,
            borrower=proposal.loan.borrower,
            target=proposal,
            details={"attempted": code, "beyond_policy": [limit.code for limit in breaches]},
        )
        raise SignOffRequired(
            _(
                "These terms are beyond the policy's limits and need a supervisor's sign-off. "
                "Nothing has changed: the proposal stays in the queue."
            )
        )
    agree = reviewing.approve if code == APPROVED else reviewing.counter
    with transaction.atomic(durable=True):
        answered = agree(
            proposal=proposal,
            terms=terms,
            by=acting.user,
            note=note,
            # Only what was found beyond the policy here, so that the code recorded says whether
            # it was signed off; the domain refuses terms that went beyond it since.
            beyond_policy_allowed=bool(breaches),
        )
        _answered(
            proposal,
            SIGNED_OFF[code] if breaches else code,
            acting=acting,
            reason=reason,
            details={
                "terms": terms.as_json(),
                "beyond_policy": [limit.code for limit in breaches],
                "note": note,
                **({"signed_off_by": signed_off.supervisor_id} if signed_off else {}),
            },
        )
    return answered


def _answered(proposal: Proposal, code: str, *, acting: Actor, reason: str, details: dict):
    record_action(
        acting=acting,
        action=code,
        borrower=proposal.loan.borrower,
        target=proposal,
        reason=reason,
        details=details,
    )
    queue.release(kind=QueueKind.PROPOSAL, pk=proposal.pk)
