import csv
import io

import pytest
from django.urls import reverse

from portal.audit.models import Record
from tests.factories import BorrowerFactory
from tests.support.staff import staff_user
from tests.support.work_fixtures import waiting_proposal

from .helpers import record

URL = reverse("audit_export")


def _rows(response):
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_export_is_the_filtered_trail_as_csv(reviewer_client):
    borrower = BorrowerFactory(full_name="Wang Fang")
    record(
        borrower=borrower, who="mei@lender.example", ip="203.0.113.1", action="borrower.statement"
    )
    record(borrower=BorrowerFactory(full_name="Li Qiang"), action="borrower.account")

    response = reviewer_client.get(URL, {"borrower": "Wang Fang"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment;" in response["Content-Disposition"]
    header, *rows = _rows(response)
    assert header[:4] == ["When", "Who", "E-mail", "From"]
    rows = [dict(zip(header, r, strict=True)) for r in rows]
    # The view, and the borrower's record being created (change history).
    assert [r["What"] for r in rows] == ["Viewed a loan statement", "Created borrower “Wang Fang”"]
    row = rows[0]
    assert row["Who"] == "mei@lender.example"
    assert row["From"] == "203.0.113.1"
    assert row["Borrower"] == "Wang Fang"
    assert (
        rows[1]["Changes"].startswith("full name:  → Wang Fang")
        or "Wang Fang" in rows[1]["Changes"]
    )


def test_cells_that_a_spreadsheet_would_run_are_neutralised(reviewer_client):
    borrower = BorrowerFactory(full_name='=HYPERLINK("http://evil.example","click")')
    record(borrower=borrower, kind="change", action="note.added", reason="+1 555 0100")
    record(borrower=borrower, kind="change", action="note.added", reason="@SUM(A1:A9)")
    record(borrower=borrower, kind="change", action="note.added", reason="-2+3")

    header, *rows = _rows(reviewer_client.get(URL))

    reasons = {dict(zip(header, r, strict=True))["Reason"] for r in rows}
    assert {"'+1 555 0100", "'@SUM(A1:A9)", "'-2+3"} <= reasons
    names = {dict(zip(header, r, strict=True))["Borrower"] for r in rows} - {""}
    assert names == {'\'=HYPERLINK("http://evil.example","click")'}


def test_exporting_is_itself_recorded(reviewer_client, reviewer):
    response = reviewer_client.get(URL, {"staff": "mei"})
    _rows(response)

    exported = Record.objects.get(action="audit.exported")
    assert exported.actor == reviewer
    assert exported.details["staff"] == "mei"
    assert exported.details["action"] == ""


def test_export_with_bad_dates_is_refused_without_a_record(reviewer_client):
    response = reviewer_client.get(URL, {"date_from": "not a date"})

    assert response.status_code == 400
    assert not Record.objects.filter(action="audit.exported").exists()


@pytest.mark.parametrize("role", ["agent", "supervisor"])
def test_only_compliance_may_export(client, db, role):
    from tests.support.staff import signed_in, staff_user

    signed_in(client, staff_user(role))

    assert client.get(URL).status_code == 403


def test_export_carries_the_names_the_page_shows(reviewer_client):
    mei = staff_user("agent", email="mei@lender.example", first_name="Mei", last_name="Chen")
    proposal = waiting_proposal()
    borrower, reference = proposal.loan.borrower, proposal.loan.reference
    record(
        actor=mei,
        who=mei.email,
        kind="refused",
        action="proposal.sign_off_refused",
        borrower=borrower,
        object_type="repayment.proposal",
        object_id=str(proposal.pk),
    )

    header, *rows = _rows(reviewer_client.get(URL, {"action": "refused:any"}))

    (row,) = [dict(zip(header, r, strict=True)) for r in rows]
    assert row["Who"] == "Mei Chen"
    assert row["E-mail"] == "mei@lender.example"
    assert row["Borrower"] == borrower.full_name
    assert row["Loan references"] == reference
    assert row["Kind"] == "Refused"
    assert row["What"] == (
        "Tried to agree a plan beyond the policy without the sign-off permission"
    )
    assert row["About"] == f"plan proposal on loan {reference}"
    assert row["Code"] == "proposal.sign_off_refused"
    assert row["Borrower number"] == str(borrower.pk)
