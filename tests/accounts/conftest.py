import re

import pytest
from django.core import mail

from tests import factories


def sign_in(client, user, *, language="en", next_url=None):
    """Sign in through allauth's form, as a person would (so allauth records how)."""
    url = f"/{language}/accounts/login/"
    if next_url:
        url += f"?next={next_url}"
    return client.post(url, {"login": user.email, "password": factories.PASSWORD})


def reauthenticate(client, *, language="en"):
    """allauth asks for the password again before security settings change."""
    return client.post(f"/{language}/accounts/reauthenticate/", {"password": factories.PASSWORD})


def link_in_last_mail(pattern=r"https?://\S+"):
    body = mail.outbox[-1].body
    match = re.search(pattern, body)
    assert match, body
    return match.group(0)


@pytest.fixture
def borrower_with_loan(db):
    loan = factories.LoanFactory(reference="HCF-004711")
    return loan.borrower


@pytest.fixture
def user(db):
    return factories.UserFactory()
