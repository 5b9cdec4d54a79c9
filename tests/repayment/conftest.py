import pytest

from tests.repayment.plan_fixtures import late_loan


@pytest.fixture
def loan(client):
    """A late loan whose borrower is signed in, for the borrower's pages."""
    loan = late_loan()
    client.force_login(loan.borrower.user)
    return loan
