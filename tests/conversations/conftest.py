import pytest

from tests.repayment.plan_fixtures import late_loan


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    """Attachments go to a folder of the test's own."""
    settings.CONVERSATION_FILES_ROOT = tmp_path / "private_files"
    return settings.CONVERSATION_FILES_ROOT


@pytest.fixture
def loan(db):
    return late_loan()


@pytest.fixture
def borrower_client(client, loan):
    client.force_login(loan.borrower.user)
    return client
