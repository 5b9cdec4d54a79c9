"""Staff answers to proposals that went to a person: the review shows the request against the
policy, each answer changes the proposal once and tells the borrower, a refusal changes
nothing, and an approved or countered plan is confirmed by the borrower on their own page."""

import dataclasses
import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.notifications.models import OutboundMessage
from repayment.models import Plan, PlanPolicy, Proposal, ProposalStatus
from repayment.plans import proposing, reviewing
from repayment.plans.decisions import Request
from repayment.plans.reviewing import ReviewError
from repayment.plans.schedules import Installment, total
from repayment.plans.terms import PlanTerms
from tests.factories import UserFactory
from tests.hypothesis_profiles import scaled
from tests.repayment.plan_fixtures import late_loan, today_in

pytestmark = pytest.mark.django_db

D = Decimal
# Leaves 700 a month after essentials: CN¥700.00 is the most a monthly payment can be.
BUDGET = {"earnings": D("2400"), "home": D("1700")}


def queued(*, amount="600", frequency="monthly", start=None, loan=None) -> Proposal:
    """A proposal waiting for staff: this product's policy sends every own plan to a person."""
    loan = loan or late_loan()
    PlanPolicy.objects.get_or_create(product=loan.product, defaults={"auto_accept_segments": []})
    budget = proposing.save_budget(loan=loan, answers=BUDGET, period="monthly")
    proposal = proposing.propose(
        loan=loan,
        budget=budget,
        request=Request(D(amount), frequency, start or today_in() + dt.timedelta(days=5)),
    )
    assert proposal.status == ProposalStatus.IN_REVIEW
    return proposal


@pytest.fixture
def staff():
    return UserFactory(is_staff=True)


def centre(proposal, event):
    """The borrower's message-centre entries for ``event``."""
    return OutboundMessage.objects.filter(
        borrower=proposal.loan.borrower, channel="in_portal", event=event
    )


def page(client, proposal):
    client.force_login(proposal.loan.borrower.user)
    return reverse("proposal_detail", args=[proposal.loan.reference, proposal.pk])


def snapshot(proposal):
    proposal.refresh_from_db()
    return (
        proposal.status,
        proposal.terms,
        proposal.staff_decision,
        proposal.decided_by_id,
        proposal.staff_note,
        OutboundMessage.objects.filter(borrower=proposal.loan.borrower).count(),
    )


# --- the review ------------------------------------------------------------------------------


def test_the_review_shows_the_request_as_a_plan_its_breaches_and_the_limits():
    proposal = queued(amount="300")

    review = reviewing.review_of(proposal)

    assert review.requested is not None
    assert review.requested.first.amount == D("300.00")
    assert review.requested.first.due_date == proposal.start_date
    assert review.requested.count > 12  # less than the regular payment: it takes a while
    assert [limit.code for limit in review.breaches] == [reviewing.TOO_LONG]
    assert review.affordable_each_time == D("700.00")
    limits = dict(review.limits)
    assert limits["Smallest payment"] == "CN¥50.00"
    assert limits["Longest plan"] == "12 months"
    assert limits["Plans a year"] == "2 a year; 0 in the last 12 months"
    assert limits["The borrower's budget leaves each time"] == "CN¥700.00 (monthly)"
    assert "Latest first payment" in limits


def test_a_request_that_would_never_catch_up_has_no_schedule_and_says_why():
    review = reviewing.review_of(queued(amount="50"))

    assert review.requested is None and review.breaches == ()
    assert "would not catch up within 60 months" in review.requested_problem


def test_a_request_whose_start_has_passed_has_no_schedule():
    proposal = queued(amount="700")
    Proposal.objects.filter(pk=proposal.pk).update(start_date=today_in() - dt.timedelta(days=1))
    proposal.refresh_from_db()

    review = reviewing.review_of(proposal)

    assert review.requested is None
    assert review.requested_problem == "The first payment cannot be before today."


@pytest.mark.parametrize(
    ("amount", "days", "message"),
    [
        ("0", 5, "above zero"),
        ("-10", 5, "above zero"),
        ("700.001", 5, "decimal places"),
        ("700", -1, "before today"),
        ("700", 31, "no later than"),
        ("50", 5, "would not catch up"),
    ],
)
def test_terms_that_could_never_be_a_plan_are_refused(amount, days, message):
    review = reviewing.review_of(queued(amount="700"))

    with pytest.raises(ReviewError, match=message):
        reviewing.terms_for(
            review, amount=D(amount), frequency="monthly", start=today_in() + dt.timedelta(days)
        )


def test_an_unknown_frequency_is_refused():
    review = reviewing.review_of(queued(amount="700"))

    with pytest.raises(ReviewError):
        reviewing.terms_for(review, amount=D("700"), frequency="daily", start=today_in())


def plan_of(amounts, frequency="monthly"):
    start = today_in() + dt.timedelta(days=1)
    step = 7 if frequency == "weekly" else 30
    return PlanTerms(
        kind="own",
        frequency=frequency,
        installments=tuple(
            Installment(start + dt.timedelta(days=step * n), D(amount))
            for n, amount in enumerate(amounts)
        ),
        covers_overdue=D("1100.00"),
    )


MIN, LONG, PLANS, OVER = (
    reviewing.BELOW_MINIMUM,
    reviewing.TOO_LONG,
    reviewing.PLANS_LIMIT,
    reviewing.OVER_BUDGET,
)


@pytest.mark.parametrize(
    ("amounts", "frequency", "plans", "expected"),
    [
        (["700"] * 5, "monthly", 0, ()),
        (["50"] * 3, "monthly", 0, ()),  # exactly the smallest payment
        (["49.99", "700"], "monthly", 0, (MIN,)),
        (["700", "49.99"], "monthly", 0, (MIN,)),
        (["600"] * 12, "monthly", 0, ()),  # exactly twelve months
        (["600"] * 13, "monthly", 0, (LONG,)),
        (["150"] * 52, "weekly", 0, ()),
        (["150"] * 53, "weekly", 0, (LONG,)),
        (["700"] * 5, "monthly", 1, ()),
        (["700"] * 5, "monthly", 2, (PLANS,)),
        (["700.01"], "monthly", 0, (OVER,)),
        (["700", "700.01"], "monthly", 0, (OVER,)),
        (["161.53"], "weekly", 0, ()),  # 700 a month is 161.53 a week, rounded down
        (["162"] * 2 + ["161.53"], "weekly", 0, (OVER,)),
        (["49"] * 12 + ["800"], "monthly", 3, (MIN, LONG, PLANS, OVER)),
    ],
)
def test_breaches_of_the_policy(amounts, frequency, plans, expected):
    review = dataclasses.replace(reviewing.review_of(queued(amount="700")), plans_this_year=plans)

    breaches = reviewing.breaches_of(review, plan_of(amounts, frequency))

    assert tuple(limit.code for limit in breaches) == expected
    assert all(limit.text for limit in breaches)


def test_a_weekly_budget_limit_is_the_weekly_share_of_the_month():
    review = reviewing.review_of(queued(amount="700"))

    (breach,) = reviewing.breaches_of(review, plan_of(["161.54"], "weekly"))

    assert breach.code == reviewing.OVER_BUDGET and "CN¥161.53" in breach.text


def test_every_plan_staff_can_set_adds_up_and_catches_up():
    review = reviewing.review_of(queued(amount="700"))
    situation = review.situation

    @settings(
        max_examples=scaled(150),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(
        amount=st.decimals(min_value=D("0.01"), max_value=D("7000"), places=2),
        frequency=st.sampled_from(["weekly", "fortnightly", "monthly"]),
        days=st.integers(min_value=0, max_value=30),
    )
    def check(amount, frequency, days):
        start = situation.today + dt.timedelta(days=days)
        try:
            terms = reviewing.terms_for(review, amount=amount, frequency=frequency, start=start)
        except ReviewError:
            return
        assert terms.total == total(terms.installments)
        assert all(item.amount > 0 for item in terms.installments)
        assert terms.first.due_date == start
        dates = [item.due_date for item in terms.installments]
        assert dates == sorted(set(dates))
        regular = sum(
            (item.amount for item in situation.dues if item.due_date <= terms.last.due_date),
            D("0"),
        )
        assert terms.total >= situation.overdue + regular
        # Nobody pays more in one go than they chose, unless a small last payment was joined on.
        assert all(item.amount <= amount for item in terms.installments[:-2])

    check()


# --- approve -----------------------------------------------------------------------------------


def test_an_approved_plan_is_confirmed_by_the_borrower_once(client, staff):
    proposal = queued(amount="700")
    review = reviewing.review_of(proposal)
    assert review.breaches == ()

    answered = reviewing.approve(
        proposal=proposal, terms=review.requested, by=staff, beyond_policy_allowed=False
    )

    assert answered.status == ProposalStatus.APPROVED
    assert (answered.staff_decision, answered.decided_by) == ("approved", staff)
    assert answered.decided_at is not None
    assert PlanTerms.from_json(answered.terms) == review.requested
    (message,) = centre(proposal, "proposal_approved")
    address = page(client, proposal)
    assert message.status == "sent" and address in message.body
    assert "CN¥700.00" in message.body

    html = client.get(address).content.decode()
    assert "Yes, we can agree your plan" in html
    assert "A member of our team has looked at your plan and can agree it." in html
    key = re.search(r'name="key" value="([0-9a-f]{32})"', html).group(1)
    for _ in range(2):  # a double click
        done = client.post(address, {"key": key, "agree": "on"})
        assert done.url == reverse("loan_plan", args=[proposal.loan.reference])
    plan = Plan.objects.get()
    assert plan.proposal == proposal and plan.total == review.requested.total
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.TAKEN_UP and proposal.staff_decision == "approved"
    assert "You confirmed this plan" in client.get(address).content.decode()


def test_a_plan_beyond_the_policy_needs_a_supervisors_sign_off(staff):
    proposal = queued(amount="300")  # longer than twelve months
    review = reviewing.review_of(proposal)
    before = snapshot(proposal)

    with pytest.raises(ReviewError, match="supervisor"):
        reviewing.approve(
            proposal=proposal, terms=review.requested, by=staff, beyond_policy_allowed=False
        )

    assert snapshot(proposal) == before
    answered = reviewing.approve(
        proposal=proposal, terms=review.requested, by=staff, beyond_policy_allowed=True
    )
    assert answered.status == ProposalStatus.APPROVED


def test_a_proposal_is_answered_once(staff):
    proposal = queued(amount="700")
    review = reviewing.review_of(proposal)
    reviewing.approve(
        proposal=proposal, terms=review.requested, by=staff, beyond_policy_allowed=False
    )
    before = snapshot(proposal)
    other = UserFactory(is_staff=True)

    for answer in (
        lambda: reviewing.approve(
            proposal=proposal, terms=review.requested, by=other, beyond_policy_allowed=True
        ),
        lambda: reviewing.counter(
            proposal=proposal, terms=review.requested, by=other, beyond_policy_allowed=True
        ),
        lambda: reviewing.decline(proposal=proposal, by=other, note="No."),
    ):
        with pytest.raises(ReviewError, match="already been answered"):
            answer()

    assert snapshot(proposal) == before


def test_terms_starting_before_today_are_refused(staff):
    proposal = queued(amount="700")
    before = snapshot(proposal)
    stale = plan_of(["700"] * 3)
    stale = dataclasses.replace(
        stale,
        installments=tuple(
            item._replace(due_date=item.due_date - dt.timedelta(days=10))
            for item in stale.installments
        ),
    )

    with pytest.raises(ReviewError, match="before today"):
        reviewing.approve(proposal=proposal, terms=stale, by=staff, beyond_policy_allowed=True)

    assert snapshot(proposal) == before


def test_no_plan_is_agreed_while_the_loan_has_one(staff):
    proposal = queued(amount="700")
    review = reviewing.review_of(proposal)
    Plan.objects.create(
        loan=proposal.loan,
        kind="spread",
        segment="arrears",
        frequency="monthly",
        total=D("1100"),
        covers_overdue=D("1100"),
        starts_on=today_in(),
        idempotency_key="x" * 32,
    )
    before = snapshot(proposal)

    with pytest.raises(ReviewError, match="plan in place"):
        reviewing.counter(
            proposal=proposal, terms=review.requested, by=staff, beyond_policy_allowed=True
        )

    assert snapshot(proposal) == before


# --- counter -----------------------------------------------------------------------------------


def test_a_counter_offer_goes_back_to_the_borrower_to_confirm(client, staff):
    proposal = queued(amount="600")
    review = reviewing.review_of(proposal)
    terms = reviewing.terms_for(
        review, amount=D("650"), frequency="monthly", start=today_in() + dt.timedelta(days=3)
    )
    assert reviewing.breaches_of(review, terms) == ()

    answered = reviewing.counter(
        proposal=proposal,
        terms=terms,
        by=staff,
        note="A little more each month clears it within the year.",
        beyond_policy_allowed=False,
    )

    assert answered.status == ProposalStatus.AWAITING_BORROWER
    assert answered.staff_decision == "countered"
    assert answered.staff_note == "A little more each month clears it within the year."
    (message,) = centre(proposal, "proposal_countered")
    assert "We can agree a plan close to yours" in message.subject
    address = page(client, proposal)
    html = client.get(address).content.decode()
    assert "We can agree a plan close to yours" in html
    assert "A little more each month clears it within the year." in html
    assert "CN¥650.00" in html and "Confirm this plan" in html
    assert "Change your budget or proposal" in html
    help_page = client.get(reverse("loan_help", args=[proposal.loan.reference])).content.decode()
    assert "We have answered with a plan close to yours" in help_page
    key = re.search(r'name="key" value="([0-9a-f]{32})"', html).group(1)
    client.post(address, {"key": key, "agree": "on"})
    plan = Plan.objects.get()
    assert plan.total == terms.total and plan.installments.first().amount == D("650.00")


# --- decline -----------------------------------------------------------------------------------


@pytest.mark.parametrize("note", ["", "   "])
def test_a_decline_needs_a_note_for_the_borrower(staff, note):
    proposal = queued()
    before = snapshot(proposal)

    with pytest.raises(ReviewError, match="why"):
        reviewing.decline(proposal=proposal, by=staff, note=note)

    assert snapshot(proposal) == before


def test_a_declined_borrower_is_told_why_and_what_else_they_can_do(client, staff):
    proposal = queued()
    note = "Your budget leaves too little for this plan. A pause may help while work is slow."

    answered = reviewing.decline(proposal=proposal, by=staff, note=f"  {note} ")

    assert answered.status == ProposalStatus.DECLINED
    assert (answered.staff_decision, answered.staff_note) == ("declined", note)
    (message,) = centre(proposal, "proposal_declined")
    assert note in message.body and "debt advice" in message.body
    html = client.get(page(client, proposal)).content.decode()
    assert "We cannot agree this plan" in html and note in html
    reference = proposal.loan.reference
    for name in ("loan_pause", "plan_budget", "loan_help"):
        assert reverse(name, args=[reference]) in html
    assert "Free help you can turn to" in html
    assert "Confirm this plan" not in html


def test_the_borrowers_options_page_shows_a_proposal_waiting_for_staff(client):
    proposal = queued()
    client.force_login(proposal.loan.borrower.user)

    html = client.get(reverse("loan_help", args=[proposal.loan.reference])).content.decode()

    assert "A person is looking at it." in html
    assert reverse("proposal_detail", args=[proposal.loan.reference, proposal.pk]) in html


def test_a_chinese_borrower_is_answered_in_chinese_with_a_link_to_the_chinese_page(staff):
    from portal.notifications.message_texts.defaults import DEFAULTS

    proposal = queued()
    borrower = proposal.loan.borrower
    borrower.preferred_language = "zh-hans"
    borrower.save()

    reviewing.decline(proposal=proposal, by=staff, note="预算剩下的钱不够这个计划。")

    (message,) = centre(proposal, "proposal_declined")
    assert message.subject == DEFAULTS["proposal_declined"]["zh-hans"].subject
    assert "预算剩下的钱不够这个计划。" in message.body
    with translation.override("zh-hans"):
        address = reverse("proposal_detail", args=[proposal.loan.reference, proposal.pk])
    assert address.startswith("/zh-hans/") and address in message.body


def test_the_borrower_reads_when_we_will_answer_as_a_date_in_their_own_time_zone(client):
    """18:01 UTC on 30 November is already 1 December in Shanghai."""
    from tests.support.work_fixtures import waiting_proposal

    proposal = waiting_proposal()
    proposal.review_due_at = dt.datetime(2026, 11, 30, 18, 1, tzinfo=dt.UTC)
    proposal.save(update_fields=["review_due_at"])
    client.force_login(proposal.loan.borrower.user)
    reference = proposal.loan.reference

    pages = [
        client.get(f"/en/my/loans/{reference}/proposals/{proposal.pk}/"),
        client.get(f"/en/my/loans/{reference}/help/"),
    ]

    for page in pages:
        assert "We will reply by Dec. 1, 2026." in page.content.decode()
