"""A payment in a batch may name its loan by the payment reference the borrower quoted to the
bank, instead of the lender's loan id: matched however it is written, refused in plain words
when mistyped, and unknown when it is another lender's."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from repayment.importing.parse import CSV_HEADER, records_from_batch
from repayment.importing.records import BatchRejected
from repayment.importing.service import import_batch
from repayment.models import LedgerEntry, Loan
from repayment.paying.reference import payment_reference
from tests.factories import LenderFactory, LoanFactory, LoanProductFactory

pytestmark = pytest.mark.django_db

REFERENCE = payment_reference("HCF-0042")  # "HCF0042" and its two check characters


@pytest.fixture
def lender():
    return LenderFactory(name="Harbour Community Finance")


@pytest.fixture
def product(lender):
    return LoanProductFactory(
        lender=lender, code="microloan", currency="CNY", servicing_enabled=False
    )


@pytest.fixture
def loan(product):
    return LoanFactory(product=product, external_id="L-42", reference="HCF-0042")


def payment(external_id="P-1", amount="110.00", **naming):
    return {
        "external_id": external_id,
        "kind": "payment",
        "effective_date": "2026-02-09",
        "amount": amount,
        **naming,
    }


def run(entries, *, lender=None, **extra):
    records = records_from_batch(batch={"entries": entries, **extra})
    return import_batch(records=records, lender=lender)


def refused(entries, *, lender=None, **extra):
    before = LedgerEntry.objects.count()
    with pytest.raises(BatchRejected) as caught:
        run(entries, lender=lender, **extra)
    assert LedgerEntry.objects.count() == before
    return [(error.row, error.field, error.message) for error in caught.value.errors]


def spaced(text, every=4, separator=" "):
    return separator.join(text[i : i + every] for i in range(0, len(text), every))


@pytest.mark.parametrize(
    "written",
    [
        REFERENCE,
        REFERENCE.lower(),
        spaced(REFERENCE),
        spaced(REFERENCE.lower(), every=3, separator="-"),
        f"  {REFERENCE[:3]}-{REFERENCE[3:]}  ",
    ],
)
def test_payment_by_reference_posts_to_the_loan_however_it_is_written(loan, lender, written):
    result = run([payment(payment_reference=written)], lender=lender)

    assert result.entries_created == 1
    posted = LedgerEntry.objects.get(external_id="P-1")
    assert (posted.loan, posted.kind, posted.amount) == (loan, "payment", Decimal("110.00"))


def test_payment_sent_again_by_reference_or_by_loan_id_is_imported_once(loan):
    run([payment(payment_reference=REFERENCE)])

    assert run([payment(payment_reference=spaced(REFERENCE))]).entries_skipped == 1
    assert run([payment(loan_external_id="L-42")]).entries_skipped == 1
    assert LedgerEntry.objects.filter(loan=loan).count() == 1


def test_csv_column_payment_reference(tmp_path, loan):
    path = tmp_path / "payments.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=CSV_HEADER)
        writer.writeheader()
        writer.writerow({"record": "entry", **payment(payment_reference=spaced(REFERENCE))})
    out = io.StringIO()

    call_command("import_loans", str(path), stdout=out)

    assert "Entries: 1 created" in out.getvalue()
    assert LedgerEntry.objects.get(external_id="P-1").loan == loan


def test_mistyped_reference_refuses_the_whole_batch_in_plain_words(loan):
    # The last character is off by one: a typo the check characters are there to catch.
    typo = REFERENCE[:-1] + ("0" if REFERENCE[-1] != "0" else "1")

    errors = refused(
        [payment("P-1", loan_external_id="L-42"), payment("P-2", payment_reference=typo)]
    )

    assert errors == [
        (
            "entries[1]",
            "payment_reference",
            f"{typo} looks mistyped: its last two characters (the check characters) do not "
            "match the rest, so it is not a payment reference; check it against the bank "
            "statement",
        )
    ]


def test_swapped_characters_are_caught_as_a_typo(loan):
    typo = REFERENCE[0] + REFERENCE[2] + REFERENCE[1] + REFERENCE[3:]  # HCF... -> HFC...

    ((_row, field, message),) = refused([payment(payment_reference=typo)])

    assert field == "payment_reference"
    assert "looks mistyped" in message


def test_reference_of_a_loan_that_does_not_exist_is_unknown(loan):
    missing = payment_reference("HCF-9999")

    assert refused([payment(payment_reference=missing)]) == [
        (
            "entries[0]",
            "payment_reference",
            f"no loan with payment reference {missing} in this batch or already imported",
        )
    ]


def test_another_lenders_loan_gets_the_unknown_loan_answer(lender, loan):
    other_product = LoanProductFactory(
        lender=LenderFactory(name="Other Bank"), code="other", servicing_enabled=False
    )
    LoanFactory(product=other_product, external_id="L-THEIRS", reference="OB-0001")
    theirs = payment_reference("OB-0001")
    nobodys = payment_reference("OB-0002")

    answers = [
        refused([payment(payment_reference=written)], lender=lender)
        for written in (theirs, nobodys)
    ]

    # The same words whoever holds the reference, with only the reference itself changed.
    assert answers[0] == [
        (
            "entries[0]",
            "payment_reference",
            f"no loan with payment reference {theirs} in this batch or already imported",
        )
    ]
    assert answers[1][0][2].replace(nobodys, theirs) == answers[0][0][2]
    assert "L-THEIRS" not in str(answers)


def test_staff_file_import_finds_any_lenders_loan(loan):
    """Without a lender (staff importing for the whole portal) every loan is visible."""
    assert run([payment(payment_reference=REFERENCE)]).entries_created == 1


def test_loan_id_and_reference_that_agree_are_accepted(loan):
    result = run([payment(loan_external_id="L-42", payment_reference=REFERENCE.lower())])

    assert result.entries_created == 1


def test_loan_id_and_reference_that_disagree_are_refused(loan, product):
    LoanFactory(product=product, external_id="L-43", reference="HCF-0043")

    assert refused([payment(loan_external_id="L-43", payment_reference=REFERENCE)]) == [
        (
            "entries[0]",
            "payment_reference",
            f"payment reference {REFERENCE} does not belong to loan L-43; when you send both, "
            "they must name the same loan",
        )
    ]


@pytest.mark.parametrize("kind", ["reversal", "fee", "disbursement"])
def test_only_a_payment_may_name_its_loan_by_reference(loan, kind):
    run([payment("P-1", loan_external_id="L-42")])
    entry = {**payment("X-1", payment_reference=REFERENCE), "kind": kind}
    if kind == "reversal":
        entry["reverses_external_id"] = "P-1"

    errors = refused([entry])

    assert errors == [
        (
            "entries[0]",
            "payment_reference",
            "only a payment can name its loan by payment reference; name the loan of a "
            f"{kind} by loan_external_id",
        )
    ]


def test_reversal_by_loan_id_cancels_a_payment_posted_by_reference(loan):
    run([payment("P-1", payment_reference=REFERENCE)])
    reversal = {
        **payment("R-1", loan_external_id="L-42"),
        "kind": "reversal",
        "reverses_external_id": "P-1",
    }

    assert run([reversal]).entries_created == 1
    assert LedgerEntry.objects.get(external_id="R-1").reverses.external_id == "P-1"


def test_a_payment_needs_a_loan_id_or_a_reference(loan):
    assert refused([payment()]) == [("entries[0]", "loan_external_id", "required")]


def test_loan_sent_in_the_same_batch_is_found_by_its_new_reference(loan, product):
    new_loan = {
        "external_id": "L-44",
        "borrower_external_id": loan.borrower.external_id,
        "product_code": "microloan",
        "reference": "hcf-0044",
        "principal": "1200.00",
        "disbursed_on": "2026-01-10",
        "first_due_date": "2026-02-10",
        "installment_count": 12,
        "installment_amount": "110.00",
    }
    entries = [
        {**payment("D-1", loan_external_id="L-44"), "kind": "disbursement", "amount": "1200.00"},
        payment("P-1", payment_reference=payment_reference("HCF-0044")),
    ]

    run(entries, loans=[new_loan])

    assert LedgerEntry.objects.get(external_id="P-1").loan.external_id == "L-44"


def test_reference_that_a_batch_changes_no_longer_names_the_loan(loan):
    """The batch moves L-42 to a new reference: the old one names no loan after it."""
    resent = {
        "external_id": "L-42",
        "borrower_external_id": loan.borrower.external_id,
        "product_code": "microloan",
        "reference": "HCF-0042-B",
        "principal": str(loan.principal),
        "disbursed_on": loan.disbursed_on.isoformat(),
        "first_due_date": loan.first_due_date.isoformat(),
        "installment_count": loan.installment_count,
        "installment_amount": str(loan.installment_amount),
    }

    errors = refused([payment(payment_reference=REFERENCE)], loans=[resent])

    assert [field for _row, field, _message in errors] == ["payment_reference"]


def test_reference_two_loans_share_once_normalised_asks_for_the_loan_id(loan, product):
    LoanFactory(product=product, external_id="L-42B", reference="HCF0042")

    assert refused([payment(payment_reference=REFERENCE)]) == [
        (
            "entries[0]",
            "payment_reference",
            f"payment reference {REFERENCE} matches more than one loan (L-42, L-42B); name "
            "the loan by loan_external_id",
        )
    ]
    assert run([payment(loan_external_id="L-42B", payment_reference=REFERENCE)]).entries_created
    assert LedgerEntry.objects.get(external_id="P-1").loan.external_id == "L-42B"


def test_a_reference_that_is_not_text_is_refused(loan):
    assert refused([payment(payment_reference=["HCF"])]) == [
        ("entries[0]", "payment_reference", "must be text")
    ]


def test_references_are_looked_up_in_a_few_queries_however_many_payments(lender, product):
    loans = [
        LoanFactory(product=product, external_id=f"L-{n}", reference=f"HCF-{n:04d}")
        for n in range(40)
    ]

    def queries(count):
        entries = [
            payment(f"P-{count}-{n}", payment_reference=payment_reference(loan.reference))
            for n, loan in enumerate(loans[:count])
        ]
        with CaptureQueriesContext(connection) as captured:
            assert run(entries, lender=lender).entries_created == count
        # The kept positions are written in batches SQLite caps by its number of parameters:
        # the lookups are what this counts.
        return len([q for q in captured if "loanposition" not in q["sql"]])

    assert queries(40) == queries(1)
    assert Loan.objects.count() == 40


def test_the_documented_example_reference_is_loan_hcf_2001s():
    """docs/import-format.md shows these; a lender copies them."""
    assert payment_reference("HCF-2001") == "HCF20011P"
    with pytest.raises(BatchRejected, match="HCF20011B looks mistyped"):
        run([payment(payment_reference="HCF20011B")])
