"""Answering a proposal that went to a person: approve, counter, decline; the policy's limits,
supervisor sign-off beyond them (its own audit code), an agent's refused attempt on record, the
audit record and the borrower being told."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from portal.audit.models import Record
from portal.notifications.models import OutboundMessage
from portal.support import queue
from portal.support.models import Assignment
from repayment.models import PlanPolicy, ProposalStatus
from repayment.plans.decisions import Request
from repayment.plans.proposing import propose, save_budget
from tests.factories import LoanProductFactory
from tests.repayment.plan_fixtures import late_loan, today_in
from tests.support.staff import signed_in, staff_user

pytestmark = pytest.mark.django_db
D = Decimal

# The fixture loan: 1,100 overdue, seven regular payments of 550 still to come. A budget with
# 2,700 left each month. 700 a month catches up in 8 months (inside the 12-month policy);
# 100 a month would take over four years (beyond it).
INSIDE, BEYOND = "700.00", "100.00"


def queued(amount=INSIDE):
    """A proposal the website sent to staff: this product's policy accepts nothing at once."""
    product = LoanProductFactory()
    PlanPolicy.objects.create(product=product, auto_accept_segments=[])
    loan = late_loan(product=product)
    budget = save_budget(
        loan=loan,
        answers={"earnings": D("5000"), "home": D("1500"), "food": D("800")},
        period="monthly",
    )
    proposal = propose(
        loan=loan,
        budget=budget,
        request=Request(D(amount), "monthly", today_in() + dt.timedelta(days=7)),
    )
    assert proposal.status == ProposalStatus.IN_REVIEW
    return proposal


def page(proposal):
    return reverse("support:proposal", args=[proposal.pk])


def answer(client, proposal, action, **fields):
    data = {"action": action}
    prefix = "counter" if action == "check" else action
    data.update({f"{prefix}-{name}": value for name, value in fields.items()})
    return client.post(page(proposal), data)


def told(proposal, event):
    return OutboundMessage.objects.filter(borrower=proposal.loan.borrower, event=event).exists()


def test_page_shows_request_budget_situation_and_limits_and_records_the_view(agent, agent_client):
    proposal = queued()
    response = agent_client.get(page(proposal))
    text = response.content.decode()
    assert response.status_code == 200
    for expected in (
        "What the borrower asked for",
        "Pay from work",  # a budget answer
        "Left each month",
        "Overdue now",
        "Smallest payment",  # one of the policy's limits
        "Inside the policy",
        "The schedule this request makes",
    ):
        assert expected in text, expected
    record = Record.objects.get(kind="view", action="proposal")
    assert record.actor == agent and record.borrower == proposal.loan.borrower
    assert record.object_id == str(proposal.pk)


def test_an_agent_approves_inside_policy(agent, agent_client):
    proposal = queued()
    Assignment.objects.create(kind="proposal", object_id=proposal.pk, user=agent)
    response = answer(
        agent_client, proposal, "approve", reason="Affordable, inside policy", note="Good plan."
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.APPROVED and proposal.decided_by == agent
    record = Record.objects.get(action="proposal.approved")
    assert record.reason == "Affordable, inside policy" and record.actor == agent
    assert record.details["beyond_policy"] == [] and record.details["note"] == "Good plan."
    assert told(proposal, "proposal_approved")
    assert not Assignment.objects.exists()
    assert queue.waiting(user=agent) == ()


def test_an_agent_counters_inside_policy(agent, agent_client):
    proposal = queued(BEYOND)
    start = today_in() + dt.timedelta(days=10)
    response = answer(
        agent_client,
        proposal,
        "counter",
        amount="800.00",
        frequency="monthly",
        start=start.isoformat(),
        reason="Catches up within a year",
        note="We can agree 800 a month.",
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.AWAITING_BORROWER
    assert proposal.staff_decision == "countered"
    assert proposal.terms["installments"][0] == [start.isoformat(), "800.00"]
    record = Record.objects.get(action="proposal.countered")
    assert record.reason == "Catches up within a year"
    assert record.details["terms"]["installments"][0][1] == "800.00"
    assert told(proposal, "proposal_countered")


def test_an_agent_declines_with_a_note(agent_client):
    proposal = queued()
    answer(agent_client, proposal, "decline", reason="Duplicate", note="")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.IN_REVIEW  # no note: nothing happened
    response = answer(
        agent_client, proposal, "decline", reason="Duplicate", note="Please call us instead."
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DECLINED
    assert proposal.staff_note == "Please call us instead."
    assert Record.objects.get(action="proposal.declined").reason == "Duplicate"
    assert told(proposal, "proposal_declined")


def test_a_reason_is_required(agent_client):
    proposal = queued()
    response = answer(agent_client, proposal, "approve", reason="", note="")
    assert response.status_code == 200
    assert "Give a reason" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.IN_REVIEW
    assert not Record.objects.filter(kind="change").exists()


def test_an_agent_is_refused_beyond_policy_and_it_stays_queued(agent, agent_client):
    proposal = queued(BEYOND)
    text = agent_client.get(page(proposal)).content.decode()
    assert "Beyond the policy" in text and "needs a supervisor" in text
    response = answer(agent_client, proposal, "approve", reason="Kind", note="")
    assert response.status_code == 200
    assert "need a supervisor&#x27;s sign-off" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.IN_REVIEW and proposal.terms is None
    assert [i.pk for i in queue.waiting(user=agent)] == [proposal.pk]
    assert not Record.objects.filter(kind="change").exists()
    assert not told(proposal, "proposal_approved")
    refusal = Record.objects.get(kind="refused")
    assert refusal.action == "proposal.sign_off_refused"
    assert refusal.actor == agent and refusal.borrower == proposal.loan.borrower
    assert refusal.object_id == str(proposal.pk)
    assert refusal.details == {
        "path": page(proposal),
        "method": "POST",
        "attempted": "proposal.approved",
        "beyond_policy": ["too_long"],
    }
    assert refusal.reason == ""  # what was typed stays out of the record


def test_an_agent_cannot_counter_beyond_policy_either(agent_client):
    proposal = queued()
    response = answer(
        agent_client,
        proposal,
        "counter",
        amount="150.00",
        frequency="monthly",
        start=(today_in() + dt.timedelta(days=3)).isoformat(),
        reason="r",
        note="n",
    )
    assert response.status_code == 200
    assert "sign-off" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.IN_REVIEW
    refusal = Record.objects.get(kind="refused", action="proposal.sign_off_refused")
    assert refusal.details["attempted"] == "proposal.countered"


def test_a_supervisor_signs_off_beyond_policy(client, supervisor):
    proposal = queued(BEYOND)
    signed_in(client, supervisor)
    response = answer(client, proposal, "approve", reason="Hardship, long plan agreed", note="")
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.APPROVED
    record = Record.objects.get(kind="change", action__startswith="proposal.")
    assert record.action == "proposal.approved_beyond_policy"
    assert record.details["beyond_policy"] == ["too_long"]
    assert record.actor == supervisor
    assert not Record.objects.filter(kind="refused").exists()


def test_a_supervisors_counter_beyond_policy_is_recorded_as_a_sign_off(client, supervisor):
    proposal = queued()
    signed_in(client, supervisor)
    response = answer(
        client,
        proposal,
        "counter",
        amount="150.00",
        frequency="monthly",
        start=(today_in() + dt.timedelta(days=3)).isoformat(),
        reason="Hardship, smaller payments agreed",
        note="We can agree 150 a month.",
    )
    assert response.status_code == 302
    record = Record.objects.get(kind="change", action__startswith="proposal.")
    assert record.action == "proposal.countered_beyond_policy"
    assert record.details["beyond_policy"]


def test_a_supervisors_answer_inside_policy_keeps_the_ordinary_code(client, supervisor):
    proposal = queued()
    signed_in(client, supervisor)
    answer(client, proposal, "approve", reason="Affordable", note="")
    record = Record.objects.get(kind="change", action__startswith="proposal.")
    assert record.action == "proposal.approved"
    assert record.details["beyond_policy"] == []


def test_checking_a_counter_shows_its_schedule_and_breaches_and_changes_nothing(agent_client):
    proposal = queued()
    response = answer(
        agent_client,
        proposal,
        "check",
        amount="150.00",
        frequency="monthly",
        start=(today_in() + dt.timedelta(days=3)).isoformat(),
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert "The counter-offer's schedule" in text
    assert "longer than 12 months" in text
    assert "Give a reason" not in text  # asked only when the counter-offer is sent
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.IN_REVIEW


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"amount": "abc", "start": "+3"}, "Enter a number"),
        ({"amount": "700", "start": "-3"}, "cannot be before today"),
        ({"amount": "700", "start": "not a date"}, "Enter a valid date"),
        ({"amount": "1.00", "start": "+3"}, "would not catch up"),
        ({"amount": "-5", "start": "+3"}, "greater than or equal to 0.01"),
    ],
)
def test_bad_counter_input_re_renders_with_errors(agent_client, fields, message):
    proposal = queued()
    start = fields["start"]
    if start[0] in "+-":
        start = (today_in() + dt.timedelta(days=int(start))).isoformat()
    response = answer(
        agent_client,
        proposal,
        "counter",
        amount=fields["amount"],
        frequency="monthly",
        start=start,
        reason="r",
        note="n",
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.IN_REVIEW
    assert not Record.objects.filter(kind="change").exists()


def test_an_answered_proposal_shows_the_outcome_and_no_forms(agent_client):
    proposal = queued()
    answer(agent_client, proposal, "decline", reason="Duplicate", note="Call us.")
    text = agent_client.get(page(proposal)).content.decode()
    assert "Answered: Declined by staff" in text
    assert "Duplicate" in text  # the recorded reason
    assert 'value="approve"' not in text and 'value="decline"' not in text
    again = answer(agent_client, proposal, "approve", reason="again", note="")
    assert again.status_code == 302
    assert Record.objects.filter(action__startswith="proposal.").count() == 1


@pytest.mark.parametrize("role", ["reviewer", "editor"])
def test_roles_without_the_permission_are_refused(client, role):
    proposal = queued()
    signed_in(client, staff_user(role))
    assert client.get(page(proposal)).status_code == 403
    response = answer(client, proposal, "approve", reason="r", note="")
    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.IN_REVIEW


def test_a_borrower_login_is_refused(client):
    proposal = queued()
    signed_in(client, proposal.loan.borrower.user)
    assert client.get(page(proposal)).status_code == 403
