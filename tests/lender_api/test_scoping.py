"""A key touches only its own lender's data: another lender's products, loans, entries and
borrowers are unknown to it, refused without saying whose they are, and nothing is written."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from repayment.importing.parse import records_from_batch
from repayment.importing.service import import_batch
from repayment.models import Borrower, LedgerEntry, Loan
from tests.factories import BorrowerFactory, EntryFactory, LoanFactory

from .test_batches import borrower, entry, loan

pytestmark = pytest.mark.django_db


@pytest.fixture
def their_loan(other_product):
    """Another lender's loan, borrower and entry, as their own import left them."""
    theirs = LoanFactory(
        product=other_product,
        external_id="L-THEIRS",
        reference="OB-0001",
        borrower=BorrowerFactory(external_id="B-THEIRS", full_name="Chen Jing"),
    )
    EntryFactory(loan=theirs, external_id="T-1", kind="disbursement", amount="900.00")
    return theirs


def snapshot():
    return (
        list(Borrower.objects.order_by("pk").values()),
        list(Loan.objects.order_by("pk").values()),
        LedgerEntry.objects.count(),
    )


def test_loan_on_another_lenders_product_is_unknown_product(api, product, other_product):
    api.post("borrowers/", {"borrowers": [borrower()]})
    before = snapshot()
    response = api.post("loans/", {"loans": [loan(product_code="other-loan")]})
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "item": "loans[0]",
            "field": "product_code",
            "message": "no loan product with code other-loan",
        }
    ]
    assert snapshot() == before


def test_entries_on_another_lenders_loan_are_unknown_loan(api, product, their_loan):
    before = snapshot()
    body = {
        "entries": [
            entry("T-2", loan_id="L-THEIRS"),
            entry(
                "T-9",
                kind="reversal",
                amount="900.00",
                loan_id="L-THEIRS",
                reverses_external_id="T-1",
            ),
        ]
    }
    response = api.post("ledger-entries/", body)
    assert response.status_code == 400
    messages = {(e["item"], e["field"], e["message"]) for e in response.json()["errors"]}
    assert messages == {
        ("entries[0]", "loan_external_id", "no loan L-THEIRS in this batch or already imported"),
        ("entries[1]", "loan_external_id", "no loan L-THEIRS in this batch or already imported"),
    }
    assert snapshot() == before


def test_loan_cannot_take_over_another_lenders_loan_id(api, product, their_loan):
    api.post("borrowers/", {"borrowers": [borrower()]})
    before = snapshot()
    response = api.post("loans/", {"loans": [loan("L-THEIRS", reference="HCF-9")]})
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert (error["item"], error["field"]) == ("loans[0]", "external_id")
    assert error["message"] == "L-THEIRS is already in use in the portal; choose another id"
    assert snapshot() == before
    assert Loan.objects.get(external_id="L-THEIRS").product == their_loan.product


def test_reference_of_another_lenders_loan_is_refused_without_naming_the_loan(
    api, product, their_loan
):
    api.post("borrowers/", {"borrowers": [borrower()]})
    response = api.post("loans/", {"loans": [loan(reference="OB-0001")]})
    (error,) = response.json()["errors"]
    assert error["field"] == "reference"
    assert "L-THEIRS" not in error["message"]
    assert not Loan.objects.filter(external_id="L-1").exists()


def test_another_lenders_borrower_is_unknown_and_unchanged(api, product, their_loan):
    before = snapshot()
    response = api.post("borrowers/", {"borrowers": [borrower("B-THEIRS", full_name="Mallory")]})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "external_id"
    assert "Chen Jing" not in response.content.decode()
    lend = api.post("loans/", {"loans": [loan(borrower_id="B-THEIRS")]})
    assert lend.json()["errors"] == [
        {
            "item": "loans[0]",
            "field": "borrower_external_id",
            "message": "no borrower B-THEIRS in this batch or already imported",
        }
    ]
    assert snapshot() == before


def test_borrower_it_created_may_be_updated_and_lent_to_before_any_loan(api, product):
    assert api.post("borrowers/", {"borrowers": [borrower("B-NEW")]}).status_code == 200
    body = {"borrowers": [borrower("B-NEW", full_name="New Name")], "loans": [loan("L-1", "B-NEW")]}
    response = api.post("batches/", body)
    assert response.status_code == 200, response.json()
    assert Borrower.objects.get(external_id="B-NEW").full_name == "New Name"


def test_new_borrower_remembers_the_lender_that_created_it(api, lender, product):
    api.post("borrowers/", {"borrowers": [borrower("B-NEW")]})
    api.post("borrowers/", {"borrowers": [borrower("B-NEW", full_name="New Name")]})
    assert Borrower.objects.get(external_id="B-NEW").origin_lender == lender


def test_borrower_another_lender_created_is_in_use_even_before_its_loans(
    api, product, other_lender
):
    """Regression: a borrower without loans counted as nobody's, so any key could rewrite it."""
    BorrowerFactory(external_id="B-X", full_name="Chen Jing", origin_lender=other_lender)
    before = snapshot()
    response = api.post(
        "borrowers/",
        {"borrowers": [borrower("B-X", full_name="Mallory", email="m@example.com")]},
    )
    assert response.json()["errors"] == [
        {
            "item": "borrowers[0]",
            "field": "external_id",
            "message": "B-X is already in use in the portal; choose another id",
        }
    ]
    lend = api.post("loans/", {"loans": [loan(borrower_id="B-X")]})
    assert lend.json()["errors"][0]["message"] == (
        "no borrower B-X in this batch or already imported"
    )
    assert snapshot() == before


def test_borrower_of_no_lender_cannot_be_claimed_by_a_key(api, product):
    """Added by staff, or lent to by no one yet before lenders were recorded: only staff may
    change it or import loans for it."""
    BorrowerFactory(external_id="B-STAFF", full_name="Old Name")
    before = snapshot()
    response = api.post("borrowers/", {"borrowers": [borrower("B-STAFF")]})
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == (
        "B-STAFF is already in use in the portal; choose another id"
    )
    assert snapshot() == before


def test_lender_holding_a_loan_may_change_its_borrower(api, product):
    """A borrower recorded before lenders were (no origin) whose loans are all this lender's."""
    mine = LoanFactory(product=product, borrower=BorrowerFactory(external_id="B-OLD"))
    response = api.post("borrowers/", {"borrowers": [borrower("B-OLD", full_name="New Name")]})
    assert response.json()["borrowers_updated"] == 1
    mine.borrower.refresh_from_db()
    assert mine.borrower.full_name == "New Name"


@pytest.mark.parametrize(
    "holder",
    ["borrower with loans", "borrower without loans", "borrower of no lender", "loan"],
)
def test_ids_of_others_get_one_answer_whoever_holds_them(
    api, product, other_product, other_lender, holder
):
    if holder == "borrower with loans":
        LoanFactory(product=other_product, borrower=BorrowerFactory(external_id="X-1"))
    elif holder == "borrower without loans":
        BorrowerFactory(external_id="X-1", origin_lender=other_lender)
    elif holder == "borrower of no lender":
        BorrowerFactory(external_id="X-1")
    else:
        LoanFactory(product=other_product, external_id="X-1")
    api.post("borrowers/", {"borrowers": [borrower("B-1")]})
    before = snapshot()
    body = {"borrowers": [borrower("X-1")], "loans": [loan("X-1", "B-1")]}
    response = api.post("batches/", body)
    (error,) = response.json()["errors"]
    assert error == {
        "item": "loans[0]" if holder == "loan" else "borrowers[0]",
        "field": "external_id",
        "message": "X-1 is already in use in the portal; choose another id",
    }
    assert snapshot() == before


def test_borrower_created_by_another_lender_and_lent_to_by_staff_import_is_not_changed(
    api, product, other_lender
):
    created_elsewhere = BorrowerFactory(
        external_id="B-X", full_name="Chen Jing", origin_lender=other_lender
    )
    LoanFactory(product=product, borrower=created_elsewhere, external_id="L-OURS")
    response = api.post("borrowers/", {"borrowers": [borrower("B-X", full_name="Other")]})
    assert response.status_code == 400
    assert "only the portal's staff" in response.json()["errors"][0]["message"]
    assert Borrower.objects.get(pk=created_elsewhere.pk).full_name == "Chen Jing"
    assert api.post("loans/", {"loans": [loan("L-2", "B-X")]}).status_code == 200


def test_shared_borrower_is_lent_to_but_not_changed(api, product, their_loan):
    shared = their_loan.borrower
    LoanFactory(product=product, borrower=shared, external_id="L-OURS")
    same = {
        "external_id": shared.external_id,
        "full_name": shared.full_name,
        "email": shared.email,
        "phone": shared.phone,
        "date_of_birth": shared.date_of_birth.isoformat(),
        "preferred_language": shared.preferred_language,
        "time_zone": shared.time_zone,
    }
    assert api.post("borrowers/", {"borrowers": [same]}).json()["borrowers_unchanged"] == 1
    response = api.post("borrowers/", {"borrowers": [{**same, "full_name": "Someone Else"}]})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "external_id"
    assert Borrower.objects.get(pk=shared.pk).full_name == "Chen Jing"
    more = api.post("loans/", {"loans": [loan("L-2", shared.external_id)]})
    assert more.status_code == 200


def test_the_file_import_still_sees_every_lender(product, their_loan):
    """``manage.py import_loans`` without ``--lender`` is run by staff for any lender."""
    records = records_from_batch(batch={"entries": [entry("T-2", loan_id="L-THEIRS")]})
    assert import_batch(records=records).entries_created == 1


def import_file(tmp_path, batch, *args):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(batch), encoding="utf-8")
    out = io.StringIO()
    call_command("import_loans", str(path), *args, stdout=out)
    return out.getvalue()


def test_file_import_for_a_lender_is_scoped_as_its_api_is(tmp_path, lender, product, their_loan):
    before = snapshot()
    batch = {
        "borrowers": [borrower("B-THEIRS", full_name="Mallory")],
        "entries": [entry("T-2", loan_id="L-THEIRS")],
    }
    with pytest.raises(CommandError) as refused:
        import_file(tmp_path, batch, "--lender", lender.name)
    message = str(refused.value)
    assert "borrowers[0], external_id: B-THEIRS is already in use in the portal" in message
    assert "entries[0], loan_external_id: no loan L-THEIRS in this batch" in message
    assert snapshot() == before


def test_file_import_for_a_lender_makes_its_borrowers(tmp_path, lender, product):
    import_file(tmp_path, {"borrowers": [borrower("B-1")]}, "--lender", str(lender.pk))
    assert Borrower.objects.get(external_id="B-1").origin_lender == lender


def test_file_import_for_an_unknown_lender_is_refused(tmp_path, product):
    with pytest.raises(CommandError, match=r"No lender Nobody\."):
        import_file(tmp_path, {"borrowers": [borrower("B-1")]}, "--lender", "Nobody")
    assert not Borrower.objects.exists()


def test_a_lenders_own_loans_take_entries(api, product):
    mine = LoanFactory(product=product, external_id="L-1")
    response = api.post("ledger-entries/", {"entries": [entry("T-1", loan_id="L-1")]})
    assert response.status_code == 200
    assert mine.entries.count() == 1
