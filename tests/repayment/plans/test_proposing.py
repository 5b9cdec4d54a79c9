"""One open proposal per loan: a proposal a person is looking at holds back a new one until it
is answered; a proposal waiting only for the borrower's confirmation is replaced by a new one;
two proposals sent at once cannot both get through, and the database refuses a second open
one whatever the code does."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction

from repayment.models import PlanPolicy, Proposal, ProposalStatus
from repayment.plans import proposing, reviewing
from repayment.plans.decisions import Request
from tests.concurrency import at_once
from tests.factories import ProposalFactory
from tests.repayment.plan_fixtures import D, late_loan, today_in

# Leaves 700 a month after essentials.
BUDGET = {"earnings": D("2400"), "home": D("1700")}


def send(loan, amount="700"):
    budget = proposing.save_budget(loan=loan, answers=BUDGET, period="monthly")
    return proposing.propose(
        loan=loan,
        budget=budget,
        request=Request(D(amount), "monthly", today_in() + dt.timedelta(days=5)),
    )


def to_staff(loan):
    """This product's policy sends every own plan to a person."""
    PlanPolicy.objects.update_or_create(product=loan.product, defaults={"auto_accept_segments": []})


def open_proposals(loan):
    return list(
        Proposal.objects.filter(
            loan=loan,
            status__in=[
                ProposalStatus.AWAITING_BORROWER,
                ProposalStatus.IN_REVIEW,
                ProposalStatus.APPROVED,
            ],
        )
    )


@pytest.mark.django_db
def test_a_second_proposal_waits_while_a_person_looks_at_the_first():
    loan = late_loan()
    to_staff(loan)
    first = send(loan)
    assert first.status == ProposalStatus.IN_REVIEW

    with pytest.raises(proposing.ProposalUnderReview) as refused:
        send(loan, "600")

    assert refused.value.proposal == first
    assert open_proposals(loan) == [first]
    first.refresh_from_db()
    assert first.status == ProposalStatus.IN_REVIEW


@pytest.mark.django_db
def test_a_new_proposal_replaces_one_waiting_for_the_borrowers_confirmation():
    loan = late_loan()
    first = send(loan)
    assert first.status == ProposalStatus.AWAITING_BORROWER

    second = send(loan, "600")

    first.refresh_from_db()
    assert first.status == ProposalStatus.LAPSED
    assert open_proposals(loan) == [second]


@pytest.mark.django_db
def test_a_new_proposal_replaces_one_staff_approved_that_the_borrower_did_not_confirm():
    loan = late_loan()
    to_staff(loan)
    first = send(loan)
    staff = first.loan.borrower.user  # any login: the answer records who gave it
    reviewing.approve(
        proposal=first,
        terms=reviewing.review_of(first).requested,
        by=staff,
        beyond_policy_allowed=True,
    )

    second = send(loan, "600")

    first.refresh_from_db()
    assert first.status == ProposalStatus.LAPSED and first.staff_decision == "approved"
    assert open_proposals(loan) == [second]


@pytest.mark.django_db
def test_the_database_refuses_a_second_open_proposal_on_a_loan():
    first = ProposalFactory(status=ProposalStatus.IN_REVIEW)

    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalFactory(loan=first.loan, status=ProposalStatus.AWAITING_BORROWER)

    # Closed ones are history: any number of them.
    ProposalFactory(loan=first.loan, status=ProposalStatus.LAPSED)
    ProposalFactory(loan=first.loan, status=ProposalStatus.DECLINED)
    ProposalFactory(loan=first.loan, status=ProposalStatus.TAKEN_UP)
    assert Proposal.objects.filter(loan=first.loan).count() == 4


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrent sessions")
@pytest.mark.django_db(transaction=True)
def test_proposals_sent_at_once_leave_one_for_a_person_on_postgresql():
    loan = late_loan()
    to_staff(loan)

    def click(n):
        try:
            return send(loan, f"{600 + n}")
        except proposing.ProposalUnderReview as refused:
            return refused

    results = at_once(click, 4)

    made = [r for r in results if isinstance(r, Proposal)]
    refused = [r for r in results if isinstance(r, proposing.ProposalUnderReview)]
    assert len(made) == 1 and len(refused) == 3
    assert all(r.proposal == made[0] for r in refused)
    assert open_proposals(loan) == made


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs real concurrent sessions")
@pytest.mark.django_db(transaction=True)
def test_proposals_agreed_at_once_and_sent_together_leave_one_open_on_postgresql():
    loan = late_loan()

    results = at_once(lambda n: send(loan, f"{600 + n}"), 4)

    assert len(results) == 4  # each replaced the one before it
    assert len(open_proposals(loan)) == 1
    assert Proposal.objects.filter(loan=loan, status=ProposalStatus.LAPSED).count() == 3
