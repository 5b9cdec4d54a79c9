"""The statement page: what it leads with, its language, its history a page at a time, its
query count, and its cached transaction list."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from tests.factories import BorrowerFactory, LoanFactory, UserFactory
from tests.repayment import plan_fixtures
from tests.repayment.plan_fixtures import pay, url

from .conftest import NOON_SHANGHAI, bulk_ledger

pytestmark = pytest.mark.django_db


@time_machine.travel(dt.datetime(2026, 5, 20, 4, 0, tzinfo=dt.UTC), tick=False)
@pytest.mark.parametrize("entries", [10, 2000])
def test_statement_page_query_count_does_not_grow_with_the_ledger(
    client, django_assert_num_queries, entries
):
    user = UserFactory()
    loan = LoanFactory(
        borrower=BorrowerFactory(user=user),
        disbursed_on=dt.date(2019, 12, 1),
        first_due_date=dt.date(2020, 1, 1),
        installment_count=240,
    )
    bulk_ledger(loan, entries)
    client.force_login(user)
    url = reverse("loan_statement", args=[loan.reference])
    # user, borrower, loan (marked if it has plans, open disputes or pauses: this one has
    # none, so they cost nothing), milestones, ledger fingerprint, entries, and, while cold,
    # the glossary and the lessons link (the session is cached), and the engagement event
    with django_assert_num_queries(9):
        response = client.get(url)
    assert response.status_code == 200
    assert loan.reference in response.content.decode()
    # Computed once: the next view reads the fingerprint, not the entries.
    with django_assert_num_queries(6):  # with the engagement event
        assert client.get(url).status_code == 200


@time_machine.travel(NOON_SHANGHAI, tick=False)
def test_statement_page_leads_with_the_amount_due_and_links_the_lender_phone(client, late_loan):
    user = UserFactory()
    late_loan.borrower.user = user
    late_loan.borrower.save()
    client.force_login(user)
    html = client.get(reverse("loan_statement", args=[late_loan.reference])).content.decode()
    assert html.index("Amount due now") < html.index("What you owe, and how it is made up")
    assert html.index("What you owe") < html.index("What happens if you do not pay")
    assert html.index("What happens if you do not pay") < html.index("Every transaction")
    assert "CN¥1,130.00" in html
    assert 'href="tel:+864008001234"' in html
    assert "<dt>Principal</dt>" in html  # no glossary term for it here: just the label
    assert "40 days past due" in html
    # "Today" sits after the steps that have happened (fee, credit bureau) and before the rest.
    assert html.index("already happened") < html.index('aria-current="step"')


@time_machine.travel(NOON_SHANGHAI, tick=False)
def test_statement_page_in_chinese_formats_money_and_dates_for_chinese(client, late_loan):
    user = UserFactory()
    late_loan.borrower.user = user
    late_loan.borrower.save()
    client.force_login(user)
    html = client.get(
        reverse("loan_statement", args=[late_loan.reference]).replace("/en/", "/zh-hans/")
    ).content.decode()
    assert 'lang="zh-hans"' in html
    assert "¥1,130.00" in html
    assert "小微经营贷" in html
    assert "2026年4月10日" in html


def test_history_is_paginated_newest_first(client):
    user = UserFactory()
    # Paid out on the day the ledger starts: a period from before then is refused.
    loan = LoanFactory(borrower=BorrowerFactory(user=user), disbursed_on=dt.date(2020, 1, 1))
    bulk_ledger(loan, 60)
    client.force_login(user)
    url = reverse("loan_statement", args=[loan.reference])
    first = client.get(url, {"since": "2020-01-01"})
    second = client.get(url, {"since": "2020-01-01", "page": 2})
    assert first.context["history_page"].paginator.num_pages == 3
    assert first.context["history_page"][0].date >= second.context["history_page"][0].date


def test_the_cached_transaction_list_shows_a_new_payment_at_once(client, loan):
    first = client.get(url("loan_statement", loan)).content.decode()
    assert "CN¥123.45" not in first
    pay(loan, "123.45")
    again = client.get(url("loan_statement", loan)).content.decode()
    assert "CN¥123.45" in again


def test_two_borrowers_never_share_a_cached_transaction_list(client, loan):
    other = plan_fixtures.late_loan()
    pay(other, "987.65")
    client.get(url("loan_statement", loan))
    client.force_login(other.borrower.user)
    assert "CN¥987.65" in client.get(url("loan_statement", other)).content.decode()
    client.force_login(loan.borrower.user)
    assert "CN¥987.65" not in client.get(url("loan_statement", loan)).content.decode()


@time_machine.travel(NOON_SHANGHAI, tick=False)
@pytest.mark.parametrize(
    ("language", "name"), [("en", "China Standard Time"), ("zh-hans", "中国标准时间")]
)
def test_statement_names_its_time_zone_in_the_readers_language(client, late_loan, language, name):
    user = UserFactory()
    late_loan.borrower.user = user
    late_loan.borrower.save()
    client.force_login(user)

    html = client.get(f"/{language}/my/loans/{late_loan.reference}/").content.decode()

    assert f"({name})" in html or f"（{name}）" in html
    assert "Asia/Shanghai" not in html


def _statement_of(client, loan, language="en", **query):
    user = UserFactory()
    loan.borrower.user = user
    loan.borrower.save()
    client.force_login(user)
    return client.get(f"/{language}/my/loans/{loan.reference}/", query).content.decode()


@time_machine.travel(NOON_SHANGHAI, tick=False)  # 20 May 2026 in Shanghai; the loan began 10 Jan
@pytest.mark.parametrize(
    ("since", "reason"),
    [
        ("2030-01-01", "The statement can&#x27;t start after today. Choose May 20, 2026"),
        ("2026-05-21", "The statement can&#x27;t start after today. Choose May 20, 2026"),
        ("2025-06-01", "Your loan started on Jan. 10, 2026. Choose that day or a later one."),
    ],
)
def test_a_period_outside_the_loans_life_is_refused_and_the_usual_one_shown(
    client, late_loan, since, reason
):
    html = _statement_of(client, late_loan, since=since)

    assert reason in html
    assert "Since Jan. 10, 2026" in html  # the usual period
    assert "You owed on Jan. 10, 2026" in html
    assert "Jan. 1, 2030" not in html and "Jun. 1, 2025" not in html


@time_machine.travel(NOON_SHANGHAI, tick=False)
def test_todays_date_is_a_period_the_borrower_may_choose(client, late_loan):
    html = _statement_of(client, late_loan, since="2026-05-20")

    assert "Since May 20, 2026" in html
    assert "can&#x27;t start after today" not in html


@time_machine.travel(NOON_SHANGHAI, tick=False)
def test_the_refusal_writes_its_date_as_chinese_does(client, late_loan):
    html = _statement_of(client, late_loan, "zh-hans", since="2030-01-01")

    assert "2026年5月20日" in html
    assert "2026-05-20" not in html.split('class="errorlist')[1].split("</ul>")[0]


@time_machine.travel(NOON_SHANGHAI, tick=False)
def test_a_period_that_is_not_a_date_is_asked_for_with_an_example(client, late_loan):
    html = _statement_of(client, late_loan, since="someday")

    assert "Enter a date like 01/10/2026." in html  # the day the loan began, as English writes it
    assert "Enter a valid date." not in html
