import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.audit.models import Record
from portal.support.models import Note
from tests.factories import BorrowerFactory, LoanFactory
from tests.support.staff import signed_in, staff_user

from .helpers import at, in_request, record

URL = reverse("audit_trail")


@pytest.mark.parametrize(
    ("role", "status"), [("agent", 403), ("supervisor", 403), ("editor", 403), ("reviewer", 200)]
)
def test_only_compliance_may_search_the_trail(client, db, role, status):
    signed_in(client, staff_user(role))

    assert client.get(URL).status_code == status


def test_reviewer_without_authenticator_is_refused(client, db):
    signed_in(client, staff_user("reviewer", totp=False))

    assert client.get(URL).status_code in (302, 403)


def test_anonymous_is_sent_to_sign_in(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_borrower_login_never_reaches_the_trail(client, db):
    borrower = BorrowerFactory()
    reviewer_login = staff_user("reviewer")
    borrower.user = reviewer_login
    borrower.save()
    signed_in(client, reviewer_login)

    assert client.get(URL).status_code == 403


def test_search_by_borrower_name_reference_or_number(reviewer_client):
    mine = LoanFactory(borrower=BorrowerFactory(full_name="Wang Xiaoming"), reference="HCF-777")
    other = BorrowerFactory(full_name="Li Na")
    record(borrower=mine.borrower, action="borrower.statement")
    record(borrower=other, action="borrower.messages")

    for term in ("xiaoming", "HCF-777", str(mine.borrower.pk)):
        page = reviewer_client.get(URL, {"borrower": term}).context["page"]
        names = {row.borrower_name for row in page.items}
        assert names == {"Wang Xiaoming"}, term
    content = reviewer_client.get(URL, {"borrower": "xiaoming"}).content.decode()
    assert "Viewed a loan statement" in content
    assert "Viewed messages and reminders" not in content


def test_search_by_borrower_includes_changes_to_their_records(reviewer_client, agent):
    borrower = BorrowerFactory(full_name="Zhao Lei")
    note = Note.objects.create(borrower=borrower, author=agent, text="Asked for a call back")
    Note.objects.create(borrower=BorrowerFactory(), author=agent, text="Someone else")

    page = reviewer_client.get(URL, {"borrower": "Zhao"}).context["page"]

    # The note, and the borrower's own record being created; nothing of the other borrower.
    assert [row.what for row in page.items] == [
        f"Created note “{note}”",
        "Created borrower “Zhao Lei”",
    ]
    changes = {change.field: change.new for change in page.items[0].changes}
    assert changes["note"] == "Asked for a call back"


def test_search_by_staff_member_email_part(reviewer_client):
    mei = staff_user("agent", email="mei.chen@lender.example")
    tom = staff_user("agent", email="tom@lender.example")
    borrower = BorrowerFactory()
    record(actor=mei, who=mei.email, borrower=borrower, action="borrower.account")
    record(actor=tom, who=tom.email, borrower=borrower, action="borrower.messages")
    in_request(mei, lambda: Note.objects.create(borrower=borrower, author=mei, text="Called"))

    page = reviewer_client.get(URL, {"staff": "MEI.CHEN"}).context["page"]

    assert [row.who for row in page.items] == ["mei.chen@lender.example"] * 2
    assert [row.code for row in page.items] == ["support.note.0", "borrower.account"]


def test_search_by_dates_includes_both_ends(reviewer_client):
    record(at=at("2026-03-01"), action="borrower.account")
    record(at=at("2026-03-05", 23), action="borrower.statement")
    record(at=at("2026-03-06", 0), action="borrower.messages")

    page = reviewer_client.get(URL, {"date_from": "2026-03-02", "date_to": "2026-03-05"})

    assert [row.code for row in page.context["page"].items] == ["borrower.statement"]


@pytest.mark.parametrize(
    "query",
    [
        {"date_from": "yesterday"},
        {"date_to": "2026-02-30"},
        {"date_from": "2026-03-05", "date_to": "2026-03-01"},
    ],
)
def test_bad_dates_are_a_form_error_not_a_crash(reviewer_client, query):
    response = reviewer_client.get(URL, query)

    assert response.status_code == 400
    assert response.context["form"].errors
    assert response.context["page"] is None


def _queries(client, query=None):
    with CaptureQueriesContext(connection) as queries:
        client.get(URL, query or {})
    return len(queries)


def test_results_newest_first_and_paged(reviewer_client):
    borrower = BorrowerFactory()
    record(at=at("2026-03-31"), borrower=borrower, action="borrower.account")
    reviewer_client.get(URL)  # the first request of a session warms caches
    few = _queries(reviewer_client)
    for day in range(1, 28):
        record(at=at(f"2026-04-{day:02d}"), borrower=borrower, action="borrower.account")
        record(at=at(f"2026-04-{day:02d}", 13), borrower=borrower, action="borrower.statement")
    Note.objects.create(borrower=borrower, author=staff_user("agent"), text="Called")

    # A full page of views and changes costs what a page of one row does: no query per row.
    assert _queries(reviewer_client) == few
    first = reviewer_client.get(URL).context["page"]
    second = reviewer_client.get(URL, {"page": 2}).context["page"]

    assert len(first.items) == 50 and first.has_next
    assert not second.has_next
    assert len(first.items) + len(second.items) == Record.objects.count() + LogEntry.objects.count()
    times = [row.at for row in first.items + second.items]
    assert times == sorted(times, reverse=True)
    assert reviewer_client.get(URL, {"page": "lots"}).context["page"].number == 1


def test_row_shows_when_who_where_borrower_what_and_reason(reviewer_client):
    borrower = BorrowerFactory(full_name="Sun Hui")
    record(
        who="amy@lender.example",
        kind="change",
        action="proposal.approved",
        borrower=borrower,
        ip="198.51.100.23",
        reason="Income confirmed on the phone",
    )

    content = reviewer_client.get(URL).content.decode()

    for text in (
        "amy@lender.example",
        "198.51.100.23",
        "Sun Hui",
        "Approved a plan proposal",
        "Income confirmed on the phone",
    ):
        assert text in content
