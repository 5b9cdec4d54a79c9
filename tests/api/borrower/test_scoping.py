"""Every object is the caller's own: another borrower's loan, proposal, plan or ledger entry is
404 (never 403, which would say it exists); a login not linked to a borrower is refused with a
reason; nobody signed in gets nothing."""

import pytest
from rest_framework.test import APIClient

from repayment.models import Budget, Dispute, Pause, Plan, Proposal
from tests.factories import UserFactory
from tests.repayment.plan_fixtures import BUDGET

from .conftest import loan_url, post

pytestmark = pytest.mark.django_db

LOAN_GETS = ["statement/", "offers/"]
LOAN_POSTS = ["offers/spread-3/accept/", "proposals/", "pauses/", "disputes/"]
EVERY_GET = ["/api/v1/loans/", "/api/v1/plans/", "/api/v1/preferences/", "/api/v1/lessons/"]


@pytest.mark.parametrize("tail", LOAN_GETS)
def test_another_borrowers_loan_is_404_to_read(api, other_loan, tail):
    response = api.get(loan_url(other_loan, tail))

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "code": "not_found"}


@pytest.mark.parametrize("tail", LOAN_POSTS)
def test_another_borrowers_loan_is_404_to_change_and_nothing_is_written(api, other_loan, tail):
    entry = other_loan.entries.first()
    body = {"budget": BUDGET, "reason": "illness", "days": 10, "entry": entry.pk, "message": "x"}

    response = post(api, loan_url(other_loan, tail), body)

    assert response.status_code == 404
    assert not Plan.objects.exists() and not Budget.objects.exists()
    assert not Pause.objects.exists() and not Dispute.objects.exists()


def test_another_borrowers_proposal_is_404(api, loan, other_loan):
    theirs = Proposal.objects.create(
        loan=other_loan,
        budget=Budget.objects.create(
            loan=other_loan, answers={}, income=1, spending=0, other_debts=0, available=1
        ),
        amount=700,
        frequency="monthly",
        start_date=other_loan.disbursed_on,
        segment="arrears",
        decision="accepted",
        status="awaiting_borrower",
    )

    # Neither under their loan nor passed off as one of mine.
    assert api.get(loan_url(other_loan, f"proposals/{theirs.pk}/")).status_code == 404
    assert api.get(loan_url(loan, f"proposals/{theirs.pk}/")).status_code == 404
    assert post(api, loan_url(loan, f"proposals/{theirs.pk}/accept/")).status_code == 404
    assert not Plan.objects.exists()


def test_another_borrowers_ledger_entry_cannot_be_disputed(api, loan, other_loan):
    theirs = other_loan.entries.filter(kind="installment_due").first()

    response = api.post(
        loan_url(loan, "disputes/"), {"entry": theirs.pk, "message": "Not mine"}, format="json"
    )

    assert response.status_code == 404
    assert not Dispute.objects.exists()


def test_another_borrowers_plans_are_not_listed(api, loan, other_loan):
    other = APIClient()
    other.force_authenticate(other_loan.borrower.user)
    code = other.get(loan_url(other_loan, "offers/")).json()["offers"][0]["code"]
    assert post(other, loan_url(other_loan, f"offers/{code}/accept/")).status_code == 201

    assert api.get("/api/v1/plans/").json() == []
    assert [loan["reference"] for loan in api.get("/api/v1/loans/").json()] == [loan.reference]


def test_a_loan_reference_that_does_not_exist_is_404(api):
    assert api.get("/api/v1/loans/NO-SUCH-LOAN/statement/").status_code == 404


@pytest.mark.parametrize("url", EVERY_GET)
def test_a_login_not_linked_to_a_borrower_is_told_why(url):
    client = APIClient()
    client.force_authenticate(UserFactory())

    response = client.get(url)

    assert response.status_code == 403
    assert response.json()["code"] == "not_linked"
    assert "not linked to a borrower" in response.json()["detail"]


@pytest.mark.parametrize("url", [*EVERY_GET, "/api/v1/loans/HCF-000001/statement/"])
def test_nobody_signed_in_gets_nothing(db, url):
    response = APIClient().get(url)

    assert response.status_code in (401, 403)
    assert response.json()["code"] == "not_authenticated"


def test_a_session_login_works_too(client, loan):
    client.force_login(loan.borrower.user)

    response = client.get("/api/v1/loans/")

    assert response.status_code == 200
    assert response.json()[0]["reference"] == loan.reference
