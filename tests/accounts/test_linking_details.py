import datetime as dt
import re

import pytest
import time_machine

from portal.accounts import linking
from repayment.models import Borrower
from tests import factories

from .conftest import sign_in

LINK = "/en/accounts/link/"
DOB = dt.date(1985, 4, 12)  # BorrowerFactory's date of birth


def details(reference="HCF-004711", year="1985", month="4", day="12"):
    return {
        "loan_reference": reference,
        "date_of_birth_0": year,
        "date_of_birth_1": month,
        "date_of_birth_2": day,
    }


def linked_login(borrower):
    return Borrower.objects.get(pk=borrower.pk).user


def alert_of(response) -> str:
    """What the page says went wrong, as the person reads it."""
    match = re.search(
        r'<div class="form-errors" role="alert">(.*?)</div>', response.content.decode(), re.S
    )
    assert match, response.content.decode()
    return " ".join(match.group(1).split())


@pytest.mark.django_db
def test_right_details_link_the_login(client, user, borrower_with_loan):
    sign_in(client, user)

    response = client.post(LINK, details())

    assert response["Location"] == "/en/my/"
    assert linked_login(borrower_with_loan) == user


@pytest.mark.django_db
def test_reference_is_matched_as_people_type_it(client, user, borrower_with_loan):
    sign_in(client, user)

    client.post(LINK, details(reference="  hcf-004711 "))

    assert linked_login(borrower_with_loan) == user


@pytest.mark.django_db
def test_chinese_speaking_borrower_is_taken_to_the_chinese_home(client, user):
    loan = factories.LoanFactory(reference="HCF-004711", borrower__preferred_language="zh-hans")
    sign_in(client, user)

    response = client.post(LINK, details())

    assert response["Location"] == "/zh-hans/my/"
    assert linked_login(loan.borrower) == user


@pytest.mark.django_db
def test_wrong_reference_and_wrong_birth_date_read_exactly_the_same(
    client, user, borrower_with_loan
):
    sign_in(client, user)
    wrong_reference = client.post(LINK, details(reference="HCF-004712"))
    # Another login's first try: the tries left read the same too.
    client.post("/en/accounts/logout/")
    sign_in(client, factories.UserFactory())
    wrong_birth_date = client.post(LINK, details(day="13"))

    assert wrong_reference.status_code == wrong_birth_date.status_code == 200
    assert alert_of(wrong_reference) == alert_of(wrong_birth_date)
    assert alert_of(wrong_reference).startswith("<p>We couldn't match those details to a loan.")
    assert linked_login(borrower_with_loan) is None


@pytest.mark.django_db
def test_borrower_linked_to_someone_else_cannot_be_taken_over(client, borrower_with_loan):
    owner = factories.UserFactory()
    Borrower.objects.filter(pk=borrower_with_loan.pk).update(user=owner)
    intruder = factories.UserFactory()
    sign_in(client, intruder)

    taken = client.post(LINK, details())
    client.post("/en/accounts/logout/")
    sign_in(client, factories.UserFactory())  # a first try too: the tries left read the same
    wrong = client.post(LINK, details(reference="HCF-999999"))

    assert alert_of(taken) == alert_of(wrong)
    assert linked_login(borrower_with_loan) == owner
    assert client.get("/en/my/")["Location"] == LINK
    sign_in(client, intruder)
    assert client.get("/en/my/")["Location"] == LINK


@pytest.mark.django_db
def test_sixth_attempt_in_an_hour_is_refused_even_with_right_details(
    client, user, borrower_with_loan
):
    with time_machine.travel(dt.datetime(2026, 5, 4, 10, 0, tzinfo=dt.UTC), tick=False) as clock:
        sign_in(client, user)
        for minute in range(5):
            clock.move_to(dt.datetime(2026, 5, 4, 10, minute * 5, tzinfo=dt.UTC))
            assert client.post(LINK, details(reference=f"WRONG-{minute}")).status_code == 200
        clock.move_to(dt.datetime(2026, 5, 4, 10, 30, tzinfo=dt.UTC))

        refused = client.post(LINK, details())

        assert refused.status_code == 429
        # The first attempt (10:00) stops counting at 11:00: half an hour from now.
        assert b"You can try again in 30 minutes." in refused.content
        assert linked_login(borrower_with_loan) is None

        clock.move_to(dt.datetime(2026, 5, 4, 11, 0, 1, tzinfo=dt.UTC))
        allowed = client.post(LINK, details())

    assert allowed["Location"] == "/en/my/"
    assert linked_login(borrower_with_loan) == user


@pytest.mark.django_db
def test_many_logins_from_one_address_are_limited_too(client, borrower_with_loan):
    for _ in range(4):
        guesser = factories.UserFactory()
        sign_in(client, guesser)
        for attempt in range(5):
            client.post(LINK, details(reference=f"WRONG-{attempt}"))
        client.post("/en/accounts/logout/")

    sign_in(client, factories.UserFactory())
    refused = client.post(LINK, details())

    assert refused.status_code == 429
    assert linked_login(borrower_with_loan) is None


@pytest.mark.django_db
def test_incomplete_form_does_not_use_up_an_attempt(client, user, borrower_with_loan):
    sign_in(client, user)
    for _ in range(6):
        response = client.post(LINK, details(year=""))
        assert response.status_code == 200
        assert b'id="id_date_of_birth_error"' in response.content

    assert client.post(LINK, details())["Location"] == "/en/my/"


@pytest.mark.django_db
def test_linked_login_is_sent_home(client, user):
    factories.BorrowerFactory(user=user, preferred_language="zh-hans")
    sign_in(client, user)

    assert client.get(LINK)["Location"] == "/zh-hans/my/"
    assert client.post(LINK, details())["Location"] == "/zh-hans/my/"


@pytest.mark.django_db
def test_link_page_needs_a_signed_in_login(client):
    response = client.get(LINK)

    assert response["Location"].startswith("/en/accounts/login/?next=")


@pytest.mark.django_db
def test_linked_borrower_sees_only_their_own_loans(client, user, borrower_with_loan):
    someone_elses = factories.LoanFactory(reference="HCF-000999")
    sign_in(client, user)
    client.post(LINK, details())

    own = client.get("/en/my/loans/HCF-004711/")
    other = client.get(f"/en/my/loans/{someone_elses.reference}/")

    assert own.status_code == 200
    assert other.status_code == 404


# --- The service, without HTTP --------------------------------------------------------------


@pytest.mark.django_db
def test_service_refuses_a_second_borrower_for_one_login(user, borrower_with_loan):
    factories.BorrowerFactory(user=user)

    with pytest.raises(linking.AlreadyLinked):
        linking.link_by_details(user=user, loan_reference="HCF-004711", date_of_birth=DOB)


@pytest.mark.django_db
def test_service_loses_a_race_for_the_same_borrower_cleanly(user, borrower_with_loan):
    rival = factories.UserFactory()
    stale = Borrower.objects.get(pk=borrower_with_loan.pk)  # read before the rival linked
    linking.link_by_details(user=rival, loan_reference="HCF-004711", date_of_birth=DOB)

    with pytest.raises(linking.NoMatch):
        linking._link(user=user, borrower=stale, taken=linking.NoMatch, how="details")

    assert linked_login(borrower_with_loan) == rival


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("reference", "date_of_birth"),
    [("HCF-004712", DOB), ("HCF-004711", DOB + dt.timedelta(days=1)), ("", DOB)],
)
def test_service_says_no_match_whatever_was_wrong(
    user, borrower_with_loan, reference, date_of_birth
):
    with pytest.raises(linking.NoMatch):
        linking.link_by_details(user=user, loan_reference=reference, date_of_birth=date_of_birth)


# --- The form -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_impossible_date_is_explained_and_uses_no_attempt(client, user, borrower_with_loan):
    sign_in(client, user)

    for _ in range(6):
        response = client.post(LINK, details(month="2", day="30"))

    assert response.status_code == 200
    assert b"Check the date of birth" in response.content
    assert client.post(LINK, details())["Location"] == "/en/my/"


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "first"), [("en", "day"), ("zh-hans", "year")])
def test_date_boxes_follow_the_languages_order(client, user, language, first):
    sign_in(client, user, language=language)

    html = client.get(f"/{language}/accounts/link/").content.decode()

    assert "<legend>" in html
    order = [html.index(f"date-part--{part}") for part in ("day", "month", "year")]
    assert (order == sorted(order)) == (first == "day")
    assert 'inputmode="numeric"' in html
    assert 'type="date"' not in html


@pytest.mark.django_db
def test_a_failed_try_says_how_many_tries_are_left(client, user, borrower_with_loan):
    sign_in(client, user)

    first = client.post(LINK, details(day="13"))
    for _ in range(3):
        last_but_one = client.post(LINK, details(day="14"))
    last = client.post(LINK, details(day="15"))

    assert "You can try 4 more times for now." in alert_of(first)
    assert "You can try 1 more time for now." in alert_of(last_but_one)
    assert "That was the last try for now." in alert_of(last)
    assert client.post(LINK, details()).status_code == 429


@pytest.mark.django_db
def test_one_reference_is_limited_however_many_logins_and_addresses_try_it(
    client, borrower_with_loan
):
    # Ten guessers, each with a login and an address of their own, share one reference's tries.
    for guesser in range(10):
        sign_in(client, factories.UserFactory())
        client.post(
            LINK, details(reference=" hcf-004711", day="13"), REMOTE_ADDR=f"10.0.0.{guesser}"
        )
        client.post("/en/accounts/logout/")

    sign_in(client, factories.UserFactory())
    refused = client.post(LINK, details(), REMOTE_ADDR="10.0.1.1")
    other_reference = client.post(LINK, details(reference="HCF-999999"), REMOTE_ADDR="10.0.1.1")

    assert refused.status_code == 429
    assert linked_login(borrower_with_loan) is None
    assert other_reference.status_code == 200  # other borrowers' references are not held up
