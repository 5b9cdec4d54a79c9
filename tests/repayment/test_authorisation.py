"""Every borrower URL, tried as another borrower, a stranger, and a login with no borrower:
404 or a sign-in page, never the data."""

import pytest
from django.urls import reverse

from repayment import urls as borrower_urls
from tests.factories import BorrowerFactory, LoanFactory, UserFactory

pytestmark = pytest.mark.django_db

# Every borrower page, read from the URLconf: a page added later is tried here too.
LOAN_URLS = [p.name for p in borrower_urls.urlpatterns if "reference" in p.pattern.converters]
OTHER_URLS = [p.name for p in borrower_urls.urlpatterns if not p.pattern.converters]
POST_ONLY = {"plan_move", "plan_payday", "loan_statement_pdf_again"}
# A value for every other part of a loan's addresses (an offer's code, a proposal's number).
EXTRA_ARGS = {"code": "spread-3", "pk": 1}


def loan_url(name, reference):
    pattern = next(p for p in borrower_urls.urlpatterns if p.name == name).pattern
    extra = [EXTRA_ARGS[key] for key in pattern.converters if key != "reference"]
    return reverse(name, args=[reference, *extra])


def fetch(client, name, url):
    return client.post(url) if name in POST_ONLY else client.get(url)


def test_every_borrower_url_is_covered():
    assert len(LOAN_URLS) + len(OTHER_URLS) == len(borrower_urls.urlpatterns)
    assert {"loan_statement", "loan_statement_pdf", "borrower_home"} <= {*LOAN_URLS, *OTHER_URLS}


@pytest.fixture
def victim_loan():
    return LoanFactory(
        reference="SECRET-0001",
        principal="7777.77",
        borrower=BorrowerFactory(full_name="Victoria Private", user=UserFactory()),
    )


@pytest.mark.parametrize("name", LOAN_URLS)
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_another_borrowers_loan_is_not_found(client, victim_loan, name, language):
    intruder = UserFactory()
    LoanFactory(borrower=BorrowerFactory(user=intruder))
    client.force_login(intruder)
    url = loan_url(name, victim_loan.reference).replace("/en/", f"/{language}/")
    response = fetch(client, name, url)
    assert response.status_code == 404
    # The 404 page may echo the address typed, never the loan's data.
    assert b"Victoria" not in response.content
    assert b"7,777.77" not in response.content


def test_home_lists_only_the_borrowers_own_loans(client, victim_loan):
    me = UserFactory()
    mine = LoanFactory(borrower=BorrowerFactory(user=me))
    client.force_login(me)
    html = client.get(reverse("borrower_home")).content.decode()
    assert mine.reference in html
    assert victim_loan.reference not in html


@pytest.mark.parametrize("name", LOAN_URLS)
def test_a_stranger_is_sent_to_sign_in(client, victim_loan, name):
    url = loan_url(name, victim_loan.reference)
    response = fetch(client, name, url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("name", OTHER_URLS)
def test_a_stranger_is_sent_to_sign_in_from_every_other_page(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("name", LOAN_URLS)
def test_a_login_not_linked_to_any_borrower_sees_no_loan(client, victim_loan, name):
    client.force_login(UserFactory())
    response = fetch(client, name, loan_url(name, victim_loan.reference))
    assert response.status_code == 302
    assert response.url == reverse("link_borrower")


def test_staff_without_a_borrower_link_cannot_open_a_borrowers_statement(client, victim_loan):
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    response = client.get(reverse("loan_statement", args=[victim_loan.reference]))
    assert response.status_code == 302
    assert b"Victoria" not in response.content
