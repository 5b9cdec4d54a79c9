"""The import writes borrowers and loans in bulk, which django-auditlog does not see: their
change history is written with them, in bulk, and linked to the borrower as the trail needs."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.audit.models import ChangeBorrower
from repayment.importing.parse import records_from_batch
from repayment.importing.records import LENDER_API, BatchOrigin
from repayment.importing.service import import_batch
from repayment.models import Borrower, Loan
from tests.factories import LoanProductFactory

from .test_service import good_batch, run, write_csv, write_json

pytestmark = pytest.mark.django_db


@pytest.fixture
def product():
    return LoanProductFactory(code="microloan", currency="CNY", servicing_enabled=False)


def history(model):
    return list(LogEntry.objects.filter(content_type__model=model._meta.model_name).order_by("id"))


def test_import_records_each_new_borrower_and_loan_with_its_batch(tmp_path, product):
    run(write_csv(tmp_path, good_batch(), name="monday.csv"))

    borrowers, loans = history(Borrower), history(Loan)
    assert [e.object_repr for e in borrowers] == ["Li Wei", "Ana Cruz"]
    assert [e.object_repr for e in loans] == ["HCF-0001", "HCF-0002"]
    entries = borrowers + loans
    assert {e.action for e in entries} == {LogEntry.Action.CREATE}
    assert {e.actor_id for e in entries} == {None}
    assert len({e.additional_data["batch"] for e in entries}) == 1
    assert {(e.additional_data["source"], e.additional_data["file"]) for e in entries} == {
        ("file import", "monday.csv")
    }
    li = Borrower.objects.get(external_id="B-1")
    first = borrowers[0]
    assert first.object_id == li.pk
    assert first.changes["full_name"] == ["None", "Li Wei"]
    assert first.changes["date_of_birth"] == ["None", "1985-04-12"]
    assert loans[0].changes["principal"] == ["None", "1200.00"]
    linked = dict(ChangeBorrower.objects.values_list("entry_id", "borrower_id"))
    assert linked == {e.pk: Borrower.objects.get(full_name=e.object_repr).pk for e in borrowers} | {
        e.pk: Loan.objects.get(reference=e.object_repr).borrower_id for e in loans
    }


def test_a_change_records_only_what_changed(tmp_path, product):
    run(write_json(tmp_path, good_batch()))
    batch = {"borrowers": [dict(good_batch()["borrowers"][0], email="wei.li@example.com")]}

    run(write_json(tmp_path, batch, name="second.json"))

    change = history(Borrower)[-1]
    assert change.action == LogEntry.Action.UPDATE
    assert change.changes == {"email": ["li.wei@example.com", "wei.li@example.com"]}
    assert "restructure" not in change.additional_data


def test_a_batch_sent_again_records_nothing(tmp_path, product):
    path = write_json(tmp_path, good_batch())
    run(path)
    count = LogEntry.objects.count()

    run(path)

    assert LogEntry.objects.count() == count


def test_dry_run_records_nothing(tmp_path, product):
    count = LogEntry.objects.count()  # the product's own creation

    run(write_json(tmp_path, good_batch()), "--dry-run")

    assert LogEntry.objects.count() == count


def test_a_lender_batch_records_the_key_and_the_lender(product):
    origin = BatchOrigin(LENDER_API, label="3f9a61c2 (core banking)", remote_addr="203.0.113.9")
    batch = {"borrowers": good_batch()["borrowers"][:1]}

    import_batch(records=records_from_batch(batch=batch), lender=product.lender, origin=origin)

    (created,) = history(Borrower)
    assert created.actor is None
    assert created.remote_addr == "203.0.113.9"
    assert created.additional_data == {
        "source": "lender API",
        "batch": origin.batch_id,
        "lender_key": "3f9a61c2 (core banking)",
        "lender": product.lender.pk,
    }
    assert created.changes["origin_lender"] == ["None", str(product.lender.pk)]


def test_history_costs_the_same_for_two_rows_or_two_hundred(tmp_path, product):
    def import_borrowers(count, name):
        borrowers = [
            {"external_id": f"{name}-{n}", "full_name": f"B {n}", "date_of_birth": "1990-01-01"}
            for n in range(count)
        ]
        with CaptureQueriesContext(connection) as queries:
            run(write_json(tmp_path, {"borrowers": borrowers}, name=f"{name}.json"))
        return len(queries)

    few, many = import_borrowers(2, "few"), import_borrowers(200, "many")
    # The same on PostgreSQL; SQLite splits a long INSERT by its limit on parameters.
    assert many - few < 10
    assert len(history(Borrower)) == ChangeBorrower.objects.count() == 202


def test_staff_import_keeps_the_origin_lender(tmp_path, product):
    """A staff import without --lender updates a borrower; who created it stays recorded."""
    lender = product.lender
    import_batch(
        records=records_from_batch(batch={"borrowers": good_batch()["borrowers"][:1]}),
        lender=lender,
    )
    batch = {"borrowers": [dict(good_batch()["borrowers"][0], phone="+86 139")]}

    run(write_json(tmp_path, batch))

    assert Borrower.objects.get(external_id="B-1").origin_lender == lender
