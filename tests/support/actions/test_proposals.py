"""Approving, countering and declining a proposal: the answer, its audit record and the queue's
release together or not at all; the beyond-policy sign-off checked here, a refused attempt on
record and nothing else written."""

import datetime as dt

import pytest
from django.db import transaction

from portal.audit.actors import Actor
from portal.audit.models import Record
from portal.notifications.models import OutboundMessage
from portal.support.actions import proposals
from portal.support.actions.proposals import (
    SignOffRequired,
    do_approve_proposal,
    do_counter_proposal,
    do_decline_proposal,
)
from portal.support.models import Assignment, SignOff, SignOffStatus
from repayment.models import ProposalStatus
from repayment.plans import reviewing
from repayment.plans.reviewing import ReviewError
from tests.repayment.plan_fixtures import today_in
from tests.support.views.test_proposals import BEYOND, queued

pytestmark = pytest.mark.django_db


def taken_by(user, proposal):
    return Assignment.objects.create(kind="proposal", object_id=proposal.pk, user=user)


def told(proposal, event):
    return OutboundMessage.objects.filter(borrower=proposal.loan.borrower, event=event).exists()


def counter_terms(proposal, amount):
    review = reviewing.review_of(proposal)
    start = today_in() + dt.timedelta(days=5)
    return reviewing.terms_for(review, amount=amount, frequency="monthly", start=start)


def test_approving_inside_policy_answers_records_and_releases(agent, as_agent):
    proposal = queued()
    taken_by(agent, proposal)

    answered = do_approve_proposal(
        proposal, acting=as_agent, reason="Affordable, inside policy", note="Good plan."
    )

    assert answered.status == ProposalStatus.APPROVED and answered.decided_by == agent
    record = Record.objects.get(kind="change")
    assert record.action == "proposal.approved"
    assert (record.actor, record.ip, record.reason) == (
        agent,
        "203.0.113.5",
        "Affordable, inside policy",
    )
    assert record.borrower == proposal.loan.borrower and record.object_id == str(proposal.pk)
    assert record.details["beyond_policy"] == [] and record.details["note"] == "Good plan."
    assert record.details["terms"] == answered.terms
    assert not Assignment.objects.exists()
    assert told(proposal, "proposal_approved")


def test_a_supervisors_counter_beyond_policy_is_a_sign_off(supervisor, as_supervisor):
    proposal = queued()
    terms = counter_terms(proposal, "150.00")

    answered = do_counter_proposal(
        proposal, terms, acting=as_supervisor, reason="Hardship", note="150 a month."
    )

    assert answered.status == ProposalStatus.AWAITING_BORROWER
    record = Record.objects.get(kind="change")
    assert record.action == "proposal.countered_beyond_policy"
    assert record.details["beyond_policy"] and record.details["terms"] == terms.as_json()
    assert not Record.objects.filter(kind="refused").exists()
    assert told(proposal, "proposal_countered")


def test_an_agent_is_refused_beyond_policy_and_only_the_refusal_is_written(agent, as_agent):
    proposal = queued(BEYOND)
    taken_by(agent, proposal)
    acting = Actor(agent, "203.0.113.5", path="/en/support/proposals/7/", method="POST")

    with pytest.raises(SignOffRequired, match="need a supervisor's sign-off"):
        do_approve_proposal(proposal, acting=acting, reason="Kind", note="")

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.IN_REVIEW and proposal.terms is None
    assert Assignment.objects.filter(object_id=proposal.pk).exists()
    assert not Record.objects.filter(kind="change").exists()
    assert not told(proposal, "proposal_approved")
    refusal = Record.objects.get(kind="refused")
    assert (refusal.action, refusal.actor, refusal.ip) == (
        "proposal.sign_off_refused",
        agent,
        "203.0.113.5",
    )
    assert refusal.details == {
        "path": "/en/support/proposals/7/",
        "method": "POST",
        "attempted": "proposal.approved",
        "beyond_policy": ["too_long"],
    }


def test_an_agents_counter_beyond_policy_is_refused_too(as_agent):
    proposal = queued()

    with pytest.raises(SignOffRequired):
        do_counter_proposal(
            proposal, counter_terms(proposal, "150.00"), acting=as_agent, reason="r", note="n"
        )

    assert Record.objects.get(kind="refused").details["attempted"] == "proposal.countered"
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.IN_REVIEW


def test_each_refused_attempt_outside_a_request_is_on_record(as_agent):
    proposal = queued(BEYOND)

    for _ in range(2):
        with pytest.raises(SignOffRequired):
            do_approve_proposal(proposal, acting=as_agent, reason="r")

    assert Record.objects.filter(kind="refused").count() == 2


def test_the_sign_off_is_the_actions_rule(agent, supervisor):
    assert not proposals.may_sign_off(agent)
    assert proposals.may_sign_off(supervisor)
    assert not proposals.may_sign_off(None)


def test_declining_answers_records_and_releases(agent, as_agent):
    proposal = queued()
    taken_by(agent, proposal)

    answered = do_decline_proposal(
        proposal, acting=as_agent, reason="Duplicate", note="Please call us instead."
    )

    assert answered.status == ProposalStatus.DECLINED
    record = Record.objects.get(kind="change")
    assert (record.action, record.reason) == ("proposal.declined", "Duplicate")
    assert record.details == {"note": "Please call us instead."}
    assert not Assignment.objects.exists()
    assert told(proposal, "proposal_declined")


def test_a_domain_refusal_writes_nothing(agent, as_agent):
    proposal = queued()
    taken_by(agent, proposal)

    with pytest.raises(ReviewError):
        do_decline_proposal(proposal, acting=as_agent, reason="Duplicate", note="  ")

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.IN_REVIEW
    assert not Record.objects.exists()
    assert Assignment.objects.exists()
    assert not told(proposal, "proposal_declined")


def test_an_answered_proposal_cannot_be_answered_again(as_agent):
    proposal = queued()
    do_decline_proposal(proposal, acting=as_agent, reason="Duplicate", note="Call us.")

    with pytest.raises(ReviewError, match="already been answered"):
        do_approve_proposal(proposal, acting=as_agent, reason="again")

    assert list(Record.objects.values_list("action", flat=True)) == ["proposal.declined"]


def test_a_record_that_fails_undoes_the_answer_and_the_borrowers_message(
    agent, as_agent, monkeypatch
):
    proposal = queued()
    taken_by(agent, proposal)

    def broken(**kwargs):
        raise RuntimeError("the audit trail is down")

    monkeypatch.setattr(proposals, "record_action", broken)
    with pytest.raises(RuntimeError):
        do_approve_proposal(proposal, acting=as_agent, reason="ok")

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.IN_REVIEW and proposal.terms is None
    assert not told(proposal, "proposal_approved")
    assert Assignment.objects.exists()


def test_an_action_is_its_own_transaction(as_agent):
    proposal = queued()

    with pytest.raises(RuntimeError, match="durable"), transaction.atomic():
        do_decline_proposal(proposal, acting=as_agent, reason="r", note="n")


def test_a_supervisors_sign_off_in_the_queue_lets_the_agent_go_beyond_policy(
    agent, as_agent, supervisor
):
    proposal = queued(BEYOND)
    taken_by(agent, proposal)
    asked = SignOff.objects.create(
        kind="proposal", object_id=proposal.pk, requested_by=agent, supervisor=supervisor, note="18"
    )
    with pytest.raises(SignOffRequired):  # asked, not yet signed off
        do_approve_proposal(proposal, acting=as_agent, reason="Kind")

    SignOff.objects.filter(pk=asked.pk).update(status=SignOffStatus.SIGNED_OFF)
    answered = do_approve_proposal(proposal, acting=as_agent, reason="Signed off by Ana")

    assert answered.status == ProposalStatus.APPROVED and answered.decided_by == agent
    record = Record.objects.get(kind="change")
    assert record.action == "proposal.approved_beyond_policy"
    assert record.details["signed_off_by"] == supervisor.pk
