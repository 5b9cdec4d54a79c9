import re

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.audit.models import Disclosure, Record
from portal.support.models import Note
from tests.factories import BorrowerFactory, LenderFactory, LoanFactory
from tests.support.staff import signed_in, staff_user
from tests.support.work_fixtures import waiting_proposal

from .helpers import at, in_request, record, results_text

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
    shown = results_text(reviewer_client.get(URL, {"borrower": "xiaoming"}))
    assert "Viewed a loan statement" in shown
    assert "Viewed messages and reminders" not in shown


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

    content = results_text(reviewer_client.get(URL))

    for text in (
        "amy@lender.example",
        "198.51.100.23",
        "Sun Hui",
        "Approved a plan proposal",
        "Income confirmed on the phone",
    ):
        assert text in content


# Readable at a desk: names, not ids; the object in words; changes folded away. ---------------


def test_rows_name_the_staff_member_the_borrower_and_the_object_in_words(reviewer_client):
    mei = staff_user(
        "supervisor", email="mei.chen@lender.example", first_name="Mei", last_name="Chen"
    )
    proposal = waiting_proposal()
    borrower = proposal.loan.borrower
    record(
        actor=mei,
        who=mei.email,
        kind="change",
        action="proposal.approved_beyond_policy",
        borrower=borrower,
        object_type="repayment.proposal",
        object_id=str(proposal.pk),
    )

    shown = results_text(reviewer_client.get(URL, {"staff": "mei.chen"}))

    for text in (
        "Mei Chen",
        "mei.chen@lender.example",
        borrower.full_name,
        f"Loan {proposal.loan.reference}",
        "Signed off a plan proposal beyond the policy",
        f"Plan proposal on loan {proposal.loan.reference}",
    ):
        assert text in shown, text
    assert "repayment.proposal" not in shown
    assert f"#{borrower.pk}" not in shown


def test_an_object_since_removed_is_named_by_its_kind(reviewer_client):
    record(kind="change", action="note.added", object_type="support.note", object_id="999999")
    record(kind="change", action="note.added", object_type="gone.model", object_id="1")

    rows = reviewer_client.get(URL, {"action": "change:note.added"}).context["page"].items

    assert [row.about for row in rows] == ["", "note"]


def test_a_lenders_setting_is_named_by_the_lender(reviewer_client, reviewer):
    lender = LenderFactory(name="Harbour Community Finance")
    disclosure = Disclosure.objects.create(lender=lender, show_staff_views=False)
    record(
        kind="change",
        action="audit.disclosure_off",
        object_type="audit.disclosure",
        object_id=str(disclosure.pk),
    )

    (row,) = reviewer_client.get(URL, {"action": "change:any"}).context["page"].items

    assert row.about == "disclosure setting of Harbour Community Finance"


def test_field_changes_are_folded_behind_a_disclosure(reviewer_client):
    BorrowerFactory(full_name="Zhao Lei")

    content = reviewer_client.get(URL, {"borrower": "Zhao"}).content.decode()

    folded = content[content.index("<details") : content.index("</details>")]
    assert "<summary>" in folded and "fields changed</summary>" in folded
    assert "full name: — → Zhao Lei" in re.sub(r"<[^>]+>", "", folded)


def test_naming_costs_a_query_per_kind_of_object_not_per_row(reviewer_client):
    mei = staff_user("agent", first_name="Mei", last_name="Chen")
    loan = LoanFactory()

    record(
        actor=mei,
        borrower=loan.borrower,
        action="borrower.statement",
        object_type="repayment.loan",
        object_id=str(loan.pk),
    )
    reviewer_client.get(URL)
    one = _queries(reviewer_client)
    for _ in range(20):
        other = LoanFactory(borrower=BorrowerFactory())
        record(
            actor=staff_user("agent", first_name="Tom"),
            borrower=other.borrower,
            action="borrower.statement",
            object_type="repayment.loan",
            object_id=str(other.pk),
        )

    assert _queries(reviewer_client) == one
    rows = reviewer_client.get(URL, {"action": "view:any"}).context["page"].items
    assert len(rows) == 21
    assert all(row.about.startswith("loan HCF-") for row in rows)
    assert {row.who_name for row in rows} == {"Mei Chen", "Tom"}


# Filtering by kind of action ----------------------------------------------------------------


@pytest.fixture
def one_of_each(db):
    record(action="borrower.statement")
    record(action="borrower.statement.pdf")
    record(action="borrower.messages")
    record(kind="change", action="proposal.approved")
    record(kind="change", action="proposal.approved_beyond_policy")
    record(
        kind="refused", action="access.refused", details={"path": "/en/support/", "method": "GET"}
    )
    record(kind="refused", action="proposal.sign_off_refused")
    BorrowerFactory()  # a change to the records: the borrower's creation


@pytest.mark.parametrize(
    ("choice", "codes"),
    [
        ("view:borrower.statement", ["borrower.statement.pdf", "borrower.statement"]),
        ("change:proposal.approved", ["proposal.approved"]),
        ("change:proposal.approved_beyond_policy", ["proposal.approved_beyond_policy"]),
        ("refused:any", ["proposal.sign_off_refused", "access.refused"]),
        ("refused:proposal.sign_off_refused", ["proposal.sign_off_refused"]),
    ],
)
def test_filter_by_kind_of_action(reviewer_client, one_of_each, choice, codes):
    response = reviewer_client.get(URL, {"action": choice})

    assert response.status_code == 200
    assert [row.code for row in response.context["page"].items] == codes


def test_filter_by_changes_to_the_records_leaves_out_the_consoles_records(
    reviewer_client, one_of_each
):
    rows = reviewer_client.get(URL, {"action": "history"}).context["page"].items

    assert "repayment.borrower.0" in [row.code for row in rows]
    assert not {row.code for row in rows} & set(Record.objects.values_list("action", flat=True))


def test_the_kinds_of_action_are_offered_in_words(reviewer_client):
    content = reviewer_client.get(URL).content.decode()

    select = content[content.index('<select name="action"') : content.index("</select>")]
    for words in (
        "Viewed a loan statement",
        "Approved a plan proposal",
        "Signed off a plan proposal beyond the policy",
        "Tried to agree a plan beyond the policy without the sign-off permission",
        "Any change to the records",
    ):
        assert words in select, words
    assert "proposal.approved<" not in select


def test_an_unknown_kind_of_action_is_a_form_error(reviewer_client):
    response = reviewer_client.get(URL, {"action": "change:proposal.deleted"})

    assert response.status_code == 400
    assert "action" in response.context["form"].errors


def test_refusals_read_in_words(reviewer_client):
    record(
        kind="refused",
        action="access.refused",
        details={"path": "/en/support/audit/", "method": "GET"},
    )
    record(
        kind="refused",
        action="access.refused",
        details={"path": "/en/support/audit/disclosure/", "method": "POST"},
    )

    shown = results_text(reviewer_client.get(URL, {"action": "refused:any"}))

    assert "Refused Tried to send a form to a staff page: /en/support/audit/disclosure/" in shown
    assert "Refused Tried to open a staff page: /en/support/audit/" in shown


def test_a_change_made_in_the_admin_shows_its_reason(reviewer_client):
    from portal.admin_reasons import change_reason

    lender = LenderFactory()
    with change_reason("New switchboard number, letter of 3 May"):
        lender.phone = "+86 400 111 2222"
        lender.save()

    shown = results_text(reviewer_client.get(URL))

    assert "New switchboard number, letter of 3 May" in shown


def test_a_change_a_lenders_batch_made_names_the_key_and_the_batch(reviewer_client):
    lender = LenderFactory()
    LogEntry.objects.log_create(
        lender,
        action=LogEntry.Action.UPDATE,
        changes={"phone": ["1", "2"]},
        additional_data={"source": "lender API", "batch": "0123456789abcdef", "lender_key": "core"},
    )

    shown = results_text(reviewer_client.get(URL))

    assert "lender API: core (batch 01234567)" in shown
