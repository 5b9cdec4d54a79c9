"""A loan's money terms once it has been paid out: fixed, unless its product allows
restructuring, and then only as far as the ledger agrees; each change is in the audit trail
with the batch it came in. The admin cannot change them at all."""

from __future__ import annotations

from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.contrib.admin.sites import AdminSite
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from repayment.admin import LoanAdmin
from repayment.models import Borrower, Loan
from tests.factories import EntryFactory, LoanFactory, LoanProductFactory

from .test_service import entry, good_batch, rejection, run, table_sizes, write_json

pytestmark = pytest.mark.django_db

NEW_TERMS = {
    "principal": "1000.00",
    "disbursed_on": "2026-01-09",
    "first_due_date": "2026-02-11",
    "installment_count": "13",
    "installment_amount": "100.00",
}


@pytest.fixture
def product():
    return LoanProductFactory(code="microloan", currency="CNY", servicing_enabled=False)


@pytest.fixture
def paid_out(tmp_path, product):
    """L-1 with its disbursement of 1200.00 and the rest of the good batch's entries."""
    run(write_json(tmp_path, good_batch(), name="first.json"))
    return Loan.objects.get(external_id="L-1")


def loan_with(**changes):
    return dict(good_batch()["loans"][0], **changes)


def stored_terms(loan):
    loan.refresh_from_db()
    return {name: getattr(loan, name) for name in Loan.MONEY_TERMS}


@pytest.mark.parametrize("term", Loan.MONEY_TERMS)
def test_money_term_of_a_paid_out_loan_is_refused_naming_loan_and_field(tmp_path, paid_out, term):
    before = stored_terms(paid_out)

    message = rejection(write_json(tmp_path, {"loans": [loan_with(**{term: NEW_TERMS[term]})]}))

    assert (
        f"loans[0], {term}: loan L-1 has been paid out (its ledger has entries), so its {term} "
        "cannot change: product microloan does not allow restructuring"
    ) in message
    assert stored_terms(paid_out) == before


def test_every_changed_term_is_reported(tmp_path, paid_out):
    message = rejection(write_json(tmp_path, {"loans": [loan_with(**NEW_TERMS)]}))

    assert "rejected with 5 errors" in message


def test_reference_of_a_paid_out_loan_may_change(tmp_path, paid_out):
    output = run(write_json(tmp_path, {"loans": [loan_with(reference="HCF-0001-A")]}))

    assert "Loans: 0 created, 1 updated" in output
    paid_out.refresh_from_db()
    assert paid_out.reference == "HCF-0001-A"


def test_a_loan_with_only_portal_entries_counts_as_paid_out(tmp_path, product):
    loan = LoanFactory(product=product, external_id="L-1", reference="HCF-0001")
    EntryFactory(loan=loan, external_id="svc:installment:1", kind="installment_due")
    batch = {"loans": [loan_with(borrower_external_id=loan.borrower.external_id, principal="1.00")]}

    assert "loan L-1 has been paid out" in rejection(write_json(tmp_path, batch))


@pytest.fixture
def restructurable(product):
    product.restructuring_allowed = True
    product.save()
    return product


def test_restructure_that_the_ledger_agrees_with_is_taken(tmp_path, restructurable, paid_out):
    batch = {
        "loans": [loan_with(principal="1000.00", installment_count="11")],
        "entries": [
            entry("E1-R", "reversal", "2026-03-31", "1200.00", reverses_external_id="E1"),
            entry("E1-B", "disbursement", "2026-03-31", "1000.00"),
        ],
    }

    output = run(write_json(tmp_path, batch))

    assert "Loans: 0 created, 1 updated" in output
    paid_out.refresh_from_db()
    assert (paid_out.principal, paid_out.installment_count) == (Decimal("1000.00"), 11)


def test_restructure_is_in_the_audit_trail_with_its_batch(tmp_path, restructurable, paid_out):
    batch = {"loans": [loan_with(installment_count="11", installment_amount="120.00")]}

    run(write_json(tmp_path, batch, name="restructure.json"))

    (change,) = LogEntry.objects.filter(
        content_type__model="loan", object_id=paid_out.pk, action=LogEntry.Action.UPDATE
    )
    assert change.changes == {
        "installment_count": ["12", "11"],
        "installment_amount": ["110.00", "120.00"],
    }
    assert change.actor is None
    data = change.additional_data
    assert (data["source"], data["file"], data["restructure"]) == (
        "file import",
        "restructure.json",
        True,
    )
    assert len(data["batch"]) == 32
    assert change.borrower_link.borrower_id == paid_out.borrower_id


def test_restructured_principal_the_ledger_does_not_show_is_refused(
    tmp_path, restructurable, paid_out
):
    message = rejection(write_json(tmp_path, {"loans": [loan_with(principal="1000.00")]}))

    assert (
        "loans[0], principal: loan L-1: a restructured principal must equal what its ledger "
        "shows paid out, 1200.00"
    ) in message
    assert stored_terms(paid_out)["principal"] == Decimal("1200.00")


def test_restructure_counts_the_batchs_own_disbursements(tmp_path, restructurable, paid_out):
    """A top-up: 300.00 more paid out in the same batch as the principal that includes it."""
    batch = {
        "loans": [loan_with(principal="1500.00")],
        "entries": [entry("E-TOPUP", "disbursement", "2026-03-31", "300.00")],
    }
    run(write_json(tmp_path, batch))

    assert stored_terms(paid_out)["principal"] == Decimal("1500.00")
    short = {
        "loans": [loan_with(principal="1900.00")],
        "entries": [entry("E-TOPUP-2", "disbursement", "2026-04-01", "300.00")],
    }
    assert "shows paid out, 1800.00" in rejection(write_json(tmp_path, short, name="short.json"))


def test_restructure_cannot_start_the_loan_after_its_first_entry(
    tmp_path, restructurable, paid_out
):
    message = rejection(write_json(tmp_path, {"loans": [loan_with(disbursed_on="2026-01-20")]}))

    assert (
        "loans[0], disbursed_on: loan L-1: a restructure cannot move the start date after the "
        "loan's first ledger entry, dated 2026-01-10"
    ) in message


def test_ledger_check_costs_the_same_for_one_loan_or_many(tmp_path, restructurable):
    """Loans sent without entries get their ledgers summed in one grouped query, not a query
    per loan."""
    loans = [
        LoanFactory(product=restructurable, external_id=f"L-{n}", reference=f"R-{n}")
        for n in range(6)
    ]
    for loan in loans:
        EntryFactory(loan=loan, external_id="E1", kind="disbursement", amount=loan.principal)

    def restructure(some, name):
        rows = [
            {
                "external_id": loan.external_id,
                "borrower_external_id": loan.borrower.external_id,
                "product_code": restructurable.code,
                "reference": loan.reference,
                "principal": str(loan.principal),
                "disbursed_on": loan.disbursed_on.isoformat(),
                "first_due_date": loan.first_due_date.isoformat(),
                "installment_count": str(loan.installment_count + 1),
                "installment_amount": str(loan.installment_amount),
            }
            for loan in some
        ]
        with CaptureQueriesContext(connection) as queries:
            run(write_json(tmp_path, {"loans": rows}, name=name))
        return len(queries)

    assert restructure(loans[:1], "one.json") == restructure(loans[1:], "five.json")


def test_money_terms_are_read_only_in_the_admin_once_the_loan_has_entries(paid_out, product):
    admin = LoanAdmin(Loan, AdminSite())
    request = RequestFactory().get("/")
    fresh = LoanFactory(product=product)

    assert set(Loan.MONEY_TERMS) <= set(admin.get_readonly_fields(request, paid_out))
    assert "product" in admin.get_readonly_fields(request, paid_out)
    assert not set(Loan.MONEY_TERMS) & set(admin.get_readonly_fields(request, fresh))
    assert not set(Loan.MONEY_TERMS) & set(admin.get_readonly_fields(request, None))


def test_refused_batch_writes_nothing(tmp_path, paid_out):
    sizes = table_sizes()
    batch = {
        "borrowers": [dict(good_batch()["borrowers"][0], full_name="Changed")],
        "loans": [loan_with(principal="1.00")],
    }

    rejection(write_json(tmp_path, batch))

    assert table_sizes() == sizes
    assert Borrower.objects.get(external_id="B-1").full_name == "Li Wei"
