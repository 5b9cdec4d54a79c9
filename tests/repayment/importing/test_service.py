"""manage.py import_loans: what the lender sees when a batch is imported, re-sent or refused."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from repayment.importing.parse import CSV_HEADER, parse_json, records_from_batch
from repayment.importing.records import BatchRejected
from repayment.importing.service import import_batch
from repayment.models import Borrower, LedgerEntry, Loan
from repayment.statements.cache import statement_for
from tests.factories import BorrowerFactory, LoanFactory, LoanProductFactory

pytestmark = pytest.mark.django_db

RECORD = {"borrowers": "borrower", "loans": "loan", "entries": "entry"}
AS_OF = dt.datetime(2026, 4, 1, 12, tzinfo=dt.UTC)


def entry(external_id, kind, day, amount, loan="L-1", **extra):
    return {
        "loan_external_id": loan,
        "external_id": external_id,
        "kind": kind,
        "effective_date": day,
        "amount": amount,
        **extra,
    }


def good_batch():
    return {
        "borrowers": [
            {
                "external_id": "B-1",
                "full_name": "Li Wei",
                "email": "li.wei@example.com",
                "phone": "+86 138 0000 0001",
                "date_of_birth": "1985-04-12",
                "preferred_language": "zh-hans",
                "time_zone": "Asia/Shanghai",
            },
            {"external_id": "B-2", "full_name": "Ana Cruz", "date_of_birth": "1990-11-02"},
        ],
        "loans": [
            {
                "external_id": "L-1",
                "borrower_external_id": "B-1",
                "product_code": "microloan",
                "reference": "HCF-0001",
                "principal": "1200.00",
                "disbursed_on": "2026-01-10",
                "first_due_date": "2026-02-10",
                "installment_count": "12",
                "installment_amount": "110.00",
            },
            {
                "external_id": "L-2",
                "borrower_external_id": "B-2",
                "product_code": "microloan",
                "reference": "HCF-0002",
                "principal": "500.00",
                "disbursed_on": "2026-02-01",
                "first_due_date": "2026-03-01",
                "installment_count": "5",
                "installment_amount": "100.00",
            },
        ],
        "entries": [
            entry("E1", "disbursement", "2026-01-10", "1200.00", description="Loan paid out"),
            entry("E2", "interest", "2026-02-10", "18.00"),
            entry("E3", "installment_due", "2026-02-10", "110.00"),
            entry("E4", "payment", "2026-02-09", "110.00"),
            entry("E5", "payment", "2026-03-10", "50.00"),
            entry("E6", "reversal", "2026-03-12", "50.00", reverses_external_id="E5"),
            entry("E7", "fee", "2026-03-16", "30.00"),
            entry("E8", "waiver", "2026-03-20", "30.00", component="fees"),
            entry("E1", "disbursement", "2026-02-01", "500.00", loan="L-2"),
        ],
    }


# Where each record lands in a CSV written by ``write_csv``: the header is line 1.
def csv_line(batch, key, index):
    before = {"borrowers": 0, "loans": len(batch["borrowers"])}
    before["entries"] = before["loans"] + len(batch["loans"])
    return f"line {2 + before[key] + index}"


def write_csv(tmp_path, batch, name="batch.csv"):
    path = tmp_path / name
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=CSV_HEADER)
        writer.writeheader()
        for key, record in RECORD.items():
            for row in batch[key]:
                writer.writerow({"record": record, **row})
    return path


def write_json(tmp_path, batch, name="batch.json"):
    path = tmp_path / name
    path.write_text(json.dumps(batch), encoding="utf-8")
    return path


def run(path, *args):
    out = io.StringIO()
    call_command("import_loans", str(path), *args, stdout=out)
    return out.getvalue()


def rejection(path):
    with pytest.raises(CommandError) as caught:
        run(path)
    return str(caught.value)


def table_sizes():
    return Borrower.objects.count(), Loan.objects.count(), LedgerEntry.objects.count()


@pytest.fixture
def product():
    # The lender posts interest and installments itself for this product.
    return LoanProductFactory(code="microloan", currency="CNY", servicing_enabled=False)


def loan_statement(external_id):
    loan = Loan.objects.select_related("product__lender", "borrower").get(external_id=external_id)
    return statement_for(loan=loan, as_of=AS_OF)


def assert_good_batch_imported():
    assert table_sizes() == (2, 2, 9)
    li = Borrower.objects.get(external_id="B-1")
    assert (li.full_name, li.preferred_language, li.time_zone) == (
        "Li Wei",
        "zh-hans",
        "Asia/Shanghai",
    )
    ana = Borrower.objects.get(external_id="B-2")
    assert (ana.preferred_language, ana.time_zone, ana.email) == ("en", "UTC", "")
    loan = Loan.objects.get(external_id="L-1")
    assert loan.borrower == li
    assert (loan.reference, loan.principal, loan.installment_amount) == (
        "HCF-0001",
        Decimal("1200.00"),
        Decimal("110.00"),
    )
    assert set(LedgerEntry.objects.values_list("source", flat=True)) == {"lender"}
    reversal = LedgerEntry.objects.get(loan=loan, external_id="E6")
    assert reversal.reverses == LedgerEntry.objects.get(loan=loan, external_id="E5")

    # The payment of 9 February went to principal; the bounced payment was taken back in
    # full; the late fee was waived.
    statement = loan_statement("L-1")
    assert statement.balance.principal == Decimal("1090.00")
    assert statement.balance.interest == Decimal("18.00")
    assert statement.balance.fees == Decimal("0.00")
    assert statement.amount_due == Decimal("0.00")
    assert loan_statement("L-2").balance.total == Decimal("500.00")


def test_csv_batch_is_imported(tmp_path, product):
    output = run(write_csv(tmp_path, good_batch()))

    assert_good_batch_imported()
    assert "Borrowers: 2 created, 0 updated, 0 unchanged." in output
    assert "Entries: 9 created, 0 already imported." in output


def test_json_batch_is_imported(tmp_path, product):
    output = run(write_json(tmp_path, good_batch()))

    assert_good_batch_imported()
    assert "Loans: 2 created, 0 updated, 0 unchanged." in output


def test_format_option_overrides_the_extension(tmp_path, product):
    path = write_json(tmp_path, good_batch(), name="batch.txt")

    run(path, "--format", "json")

    assert table_sizes() == (2, 2, 9)


def test_json_numbers_are_read_as_exact_decimals(tmp_path, product):
    text = json.dumps(good_batch()).replace('"18.00"', "18.05").replace('"12"', "12")
    path = tmp_path / "batch.json"
    path.write_text(text, encoding="utf-8")

    run(path)

    interest = LedgerEntry.objects.get(external_id="E2")
    assert interest.amount == Decimal("18.05")
    assert Loan.objects.get(external_id="L-1").installment_count == 12


def test_reimport_changes_nothing(tmp_path, product):
    path = write_csv(tmp_path, good_batch())
    run(path)
    before = list(LedgerEntry.objects.order_by("id").values_list("id", "recorded_at"))
    borrower_before = Borrower.objects.values().get(external_id="B-1")

    output = run(path)

    assert table_sizes() == (2, 2, 9)
    assert list(LedgerEntry.objects.order_by("id").values_list("id", "recorded_at")) == before
    assert Borrower.objects.values().get(external_id="B-1") == borrower_before
    assert "Borrowers: 0 created, 0 updated, 2 unchanged." in output
    assert "Loans: 0 created, 0 updated, 2 unchanged." in output
    assert "Entries: 0 created, 9 already imported." in output


def test_changed_contact_details_update_the_borrower(tmp_path, product):
    run(write_csv(tmp_path, good_batch()))
    batch = good_batch()
    batch["borrowers"][0]["email"] = "wei.li@example.com"
    batch["borrowers"][0]["phone"] = "+86 139 0000 0002"

    output = run(write_csv(tmp_path, batch, name="second.csv"))

    li = Borrower.objects.get(external_id="B-1")
    assert (li.email, li.phone) == ("wei.li@example.com", "+86 139 0000 0002")
    assert table_sizes() == (2, 2, 9)
    assert "Borrowers: 0 created, 1 updated, 1 unchanged." in output


def test_changed_loan_terms_update_a_loan_not_yet_paid_out(tmp_path, product):
    first = good_batch()
    del first["entries"]
    run(write_json(tmp_path, first))
    batch = {"loans": [dict(good_batch()["loans"][0], installment_count="13")]}

    output = run(write_json(tmp_path, batch, name="second.json"))

    assert Loan.objects.get(external_id="L-1").installment_count == 13
    assert "Loans: 0 created, 1 updated, 0 unchanged." in output


def test_later_batch_adds_entries_and_reverses_a_stored_one(tmp_path, product):
    run(write_csv(tmp_path, good_batch()))
    batch = {
        "borrowers": [],
        "loans": [],
        "entries": [
            entry("E9", "payment", "2026-03-25", "100.00"),
            entry("E10", "reversal", "2026-03-26", "30.00", reverses_external_id="E7"),
        ],
    }

    output = run(write_csv(tmp_path, batch, name="second.csv"))

    loan = Loan.objects.get(external_id="L-1")
    refund = LedgerEntry.objects.get(loan=loan, external_id="E10")
    assert refund.reverses == LedgerEntry.objects.get(loan=loan, external_id="E7")
    assert "Entries: 2 created, 0 already imported." in output


def test_reversal_of_an_entry_earlier_in_the_same_batch(tmp_path, product):
    batch = good_batch()
    batch["entries"] = [
        entry("E1", "disbursement", "2026-01-10", "1200.00"),
        entry("E2", "payment", "2026-02-10", "110.00"),
        entry("E3", "reversal", "2026-02-12", "110.00", reverses_external_id="E2"),
    ]

    run(write_json(tmp_path, batch))

    reversal = LedgerEntry.objects.get(external_id="E3")
    assert reversal.reverses.external_id == "E2"
    assert loan_statement("L-1").balance.principal == Decimal("1200.00")


def test_entries_are_the_same_without_postgresql_copy(tmp_path, product, monkeypatch):
    """Other databases (SQLite for the demo) get the entries through bulk_create."""
    monkeypatch.setattr("portal.core.bulk.is_psycopg3", False)

    run(write_csv(tmp_path, good_batch()))

    assert_good_batch_imported()


def test_dry_run_writes_nothing(tmp_path, product):
    output = run(write_csv(tmp_path, good_batch()), "--dry-run")

    assert table_sizes() == (0, 0, 0)
    assert "Entries: 9 created" in output


def test_service_takes_already_parsed_records(product):
    """What a lender API would do with a request body."""
    batch = good_batch()
    batch["entries"][1]["amount"] = Decimal("18.00")

    result = import_batch(records=records_from_batch(batch=batch))

    assert (result.borrowers_created, result.loans_created, result.entries_created) == (2, 2, 9)
    assert_good_batch_imported()


def set_field(key, index, field, value):
    def change(batch):
        batch[key][index][field] = value

    return change


def drop_field(key, index, field):
    def change(batch):
        del batch[key][index][field]

    return change


def add_entry(**fields):
    def change(batch):
        batch["entries"].append(entry(**fields))

    return change


# (how the batch is spoiled, the record it names, the field, what the message says)
BAD_ROWS = {
    "bad date": (
        set_field("entries", 1, "effective_date", "2026-02-30"),
        ("entries", 1),
        "effective_date",
        "2026-02-30 is not a date; use YYYY-MM-DD",
    ),
    "bad amount": (
        set_field("entries", 1, "amount", "18,00"),
        ("entries", 1),
        "amount",
        "18,00 is not a valid CNY amount (not a number)",
    ),
    "too many decimals": (
        set_field("entries", 1, "amount", "18.005"),
        ("entries", 1),
        "amount",
        "18.005 is not a valid CNY amount (more decimal places than CNY has)",
    ),
    "an exponent too large for any balance": (
        set_field("entries", 1, "amount", "1E+999"),
        ("entries", 1),
        "amount",
        "1E+999 is not a valid CNY amount (too large)",
    ),
    "a NUL character": (
        set_field("borrowers", 0, "full_name", "Li\x00Wei"),
        ("borrowers", 0),
        "full_name",
        "contains a NUL character",
    ),
    "negative amount": (
        set_field("entries", 1, "amount", "-18.00"),
        ("entries", 1),
        "amount",
        "must be more than zero",
    ),
    "negative principal": (
        set_field("loans", 0, "principal", "-1200.00"),
        ("loans", 0),
        "principal",
        "must be more than zero",
    ),
    "unknown kind": (
        set_field("entries", 1, "kind", "refund"),
        ("entries", 1),
        "kind",
        "refund is not one of: disbursement, fee, installment_due",
    ),
    "unknown product": (
        set_field("loans", 0, "product_code", "payday"),
        ("loans", 0),
        "product_code",
        "no loan product with code payday",
    ),
    "loan whose borrower is missing": (
        set_field("loans", 0, "borrower_external_id", "B-404"),
        ("loans", 0),
        "borrower_external_id",
        "no borrower B-404 in this batch or already imported",
    ),
    "entry whose loan is missing": (
        set_field("entries", 1, "loan_external_id", "L-404"),
        ("entries", 1),
        "loan_external_id",
        "no loan L-404 in this batch or already imported",
    ),
    "duplicate entry id": (
        add_entry(external_id="E2", kind="interest", day="2026-03-10", amount="17.00"),
        ("entries", 9),
        "external_id",
        "entry E2 of loan L-1 appears twice in the batch (first at {entries_1})",
    ),
    "duplicate borrower id": (
        set_field("borrowers", 1, "external_id", "B-1"),
        ("borrowers", 1),
        "external_id",
        "borrower B-1 appears twice in the batch (first at {borrowers_0})",
    ),
    "duplicate loan reference": (
        set_field("loans", 1, "reference", "HCF-0001"),
        ("loans", 1),
        "reference",
        "reference HCF-0001 appears twice in the batch (first at {loans_0})",
    ),
    "reversal of a missing entry": (
        set_field("entries", 5, "reverses_external_id", "E404"),
        ("entries", 5),
        "reverses_external_id",
        "no entry E404 on loan L-1, in this batch or already imported",
    ),
    "reversal of a later entry": (
        set_field("entries", 5, "reverses_external_id", "E7"),
        ("entries", 5),
        "reverses_external_id",
        "entry E7 comes later in the batch; list it before its reversal",
    ),
    "reversal of an already reversed entry": (
        add_entry(
            external_id="E9",
            kind="reversal",
            day="2026-03-13",
            amount="50.00",
            reverses_external_id="E5",
        ),
        ("entries", 9),
        "reverses_external_id",
        "entry E5 is already reversed by entry E6",
    ),
    "reversal of a reversal": (
        add_entry(
            external_id="E9",
            kind="reversal",
            day="2026-03-13",
            amount="50.00",
            reverses_external_id="E6",
        ),
        ("entries", 9),
        "reverses_external_id",
        "entry E6 is itself a reversal; a reversal cannot be reversed",
    ),
    "reversal dated before its entry": (
        set_field("entries", 5, "effective_date", "2026-03-01"),
        ("entries", 5),
        "effective_date",
        "before the entry it reverses, dated 2026-03-10",
    ),
    "reversal of another amount": (
        set_field("entries", 5, "amount", "40.00"),
        ("entries", 5),
        "amount",
        "must equal the amount of the entry it reverses, 50.00",
    ),
    "reversal without its entry": (
        drop_field("entries", 5, "reverses_external_id"),
        ("entries", 5),
        "reverses_external_id",
        "a reversal must name the entry it reverses",
    ),
    "payment naming an entry to reverse": (
        set_field("entries", 4, "reverses_external_id", "E4"),
        ("entries", 4),
        "reverses_external_id",
        "only a reversal names an entry to reverse",
    ),
    "waiver without component": (
        drop_field("entries", 7, "component"),
        ("entries", 7),
        "component",
        "a waiver must say what it waives: principal, interest or fees",
    ),
    "payment with a component": (
        set_field("entries", 3, "component", "interest"),
        ("entries", 3),
        "component",
        "only a waiver names a component; leave it blank",
    ),
    "invalid time zone": (
        set_field("borrowers", 0, "time_zone", "Asia/Atlantis"),
        ("borrowers", 0),
        "time_zone",
        "Asia/Atlantis is not a time zone; use an IANA name such as Asia/Shanghai",
    ),
    "unknown language": (
        set_field("borrowers", 0, "preferred_language", "fr"),
        ("borrowers", 0),
        "preferred_language",
        "fr is not one of: en, zh-hans",
    ),
    "bad e-mail": (
        set_field("borrowers", 0, "email", "li.wei-at-example.com"),
        ("borrowers", 0),
        "email",
        "li.wei-at-example.com is not an e-mail address",
    ),
    "missing date of birth": (
        drop_field("borrowers", 1, "date_of_birth"),
        ("borrowers", 1),
        "date_of_birth",
        "required",
    ),
    "first due date before the start": (
        set_field("loans", 0, "first_due_date", "2026-01-01"),
        ("loans", 0),
        "first_due_date",
        "must be after disbursed_on",
    ),
    "installment count not a number": (
        set_field("loans", 0, "installment_count", "twelve"),
        ("loans", 0),
        "installment_count",
        "twelve is not a whole number",
    ),
}


def json_place(batch, key, index):
    return f"{key}[{index}]"


def expected_message(batch, place, field, reason, label):
    labels = {
        f"{key}_{index}": label(batch, key, index)
        for key in RECORD
        for index in range(len(batch[key]))
    }
    return f"{label(batch, *place)}, {field}: {reason.format_map(labels)}"


@pytest.mark.parametrize("case", BAD_ROWS.values(), ids=BAD_ROWS.keys())
def test_bad_row_rejects_the_csv_batch(tmp_path, product, case):
    spoil, place, field, reason = case
    batch = good_batch()
    spoil(batch)

    message = rejection(write_csv(tmp_path, batch))

    assert expected_message(batch, place, field, reason, csv_line) in message
    assert "nothing was imported" in message
    assert table_sizes() == (0, 0, 0)


@pytest.mark.parametrize(
    "case",
    [BAD_ROWS["too many decimals"], BAD_ROWS["reversal of a missing entry"]],
    ids=["too many decimals", "reversal of a missing entry"],
)
def test_bad_row_rejects_the_json_batch(tmp_path, product, case):
    spoil, place, field, reason = case
    batch = good_batch()
    spoil(batch)

    message = rejection(write_json(tmp_path, batch))

    assert expected_message(batch, place, field, reason, json_place) in message
    assert table_sizes() == (0, 0, 0)


def test_conflicting_reimport_of_an_entry_is_refused(tmp_path, product):
    run(write_csv(tmp_path, good_batch()))
    batch = good_batch()
    batch["entries"][3]["amount"] = "120.00"  # E4, the February payment

    message = rejection(write_csv(tmp_path, batch, name="second.csv"))

    assert (
        f"{csv_line(batch, 'entries', 3)}, external_id: entry E4 was already imported with "
        "different values (amount); send a reversal instead"
    ) in message
    assert table_sizes() == (2, 2, 9)
    assert LedgerEntry.objects.get(external_id="E4").amount == Decimal("110.00")


def test_reference_of_another_loan_is_refused(tmp_path, product):
    LoanFactory(product=product, reference="HCF-0002", external_id="L-OTHER")

    message = rejection(write_csv(tmp_path, good_batch()))

    assert "line 5, reference: reference HCF-0002 belongs to another loan, L-OTHER" in message
    assert Borrower.objects.filter(external_id__in=["B-1", "B-2"]).count() == 0


def test_reversal_of_an_entry_already_reversed_in_the_database(tmp_path, product):
    run(write_csv(tmp_path, good_batch()))
    batch = {
        "entries": [
            entry("E9", "reversal", "2026-03-30", "50.00", reverses_external_id="E5"),
        ]
    }

    message = rejection(write_json(tmp_path, batch))

    assert "entries[0], reverses_external_id: entry E5 is already reversed by entry E6" in message
    assert LedgerEntry.objects.count() == 9


def test_a_loan_cannot_move_to_another_borrower(tmp_path, product):
    run(write_csv(tmp_path, good_batch()))
    batch = {"loans": [dict(good_batch()["loans"][0], borrower_external_id="B-2")]}

    message = rejection(write_json(tmp_path, batch))

    assert "loans[0], borrower_external_id: loan L-1 belongs to borrower B-1" in message


def test_installments_are_refused_where_the_portal_posts_them(tmp_path, product):
    LoanProductFactory(code="serviced", servicing_enabled=True)
    batch = good_batch()
    batch["loans"][0]["product_code"] = "serviced"

    message = rejection(write_csv(tmp_path, batch))

    assert "line 7, kind: the portal posts interest entries for product serviced" in message
    assert "line 8, kind: the portal posts installment_due entries" in message


def test_every_error_is_reported_up_to_fifty(tmp_path, product):
    batch = good_batch()
    batch["entries"] = [entry(f"E{n}", "payment", "2026-02-10", "1.001") for n in range(1, 61)]

    message = rejection(write_csv(tmp_path, batch))

    assert "rejected with 60 errors" in message
    assert "line 55, amount" in message  # the 50th
    assert "line 56, amount" not in message
    assert "... and 10 more errors." in message


def test_an_unknown_column_and_a_field_of_another_record_are_refused(tmp_path, product):
    batch = good_batch()
    batch["entries"][0]["principal"] = "1200.00"
    path = write_csv(tmp_path, batch)

    message = rejection(path)

    assert f"{csv_line(batch, 'entries', 0)}, principal: not a field of entry records" in message
    path.write_text("record,amout\nentry,1.00\n", encoding="utf-8")
    assert "line 1: unknown column amout" in rejection(path)


def test_line_numbers_count_lines_inside_quoted_values(tmp_path, product):
    batch = good_batch()
    batch["entries"][0]["description"] = "Loan paid out\nto the borrower's account"
    batch["entries"][1]["amount"] = "oops"

    message = rejection(write_csv(tmp_path, batch))

    # E1 is on lines 6-7 of the file, so E2 starts on line 8.
    assert "line 8, amount: oops is not a valid CNY amount" in message


def test_not_json_is_reported(tmp_path, product):
    path = tmp_path / "batch.json"
    path.write_text('{"entries": [', encoding="utf-8")

    assert "the file: not valid JSON" in rejection(path)


def test_unknown_extension_asks_for_a_format(tmp_path):
    path = tmp_path / "batch.xlsx"
    path.write_text("", encoding="utf-8")

    assert "use --format csv or --format json" in rejection(path)


@pytest.mark.parametrize("value", ["null", "{}", '"E1"'])
def test_a_list_that_is_not_a_list_is_refused_not_skipped(value):
    with pytest.raises(BatchRejected) as rejected:
        parse_json(stream=io.StringIO(f'{{"entries": {value}}}'))
    assert [(e.row, e.message) for e in rejected.value.errors] == [("entries", "must be a list")]


def test_repeated_json_key_in_a_file_is_refused_naming_it(tmp_path, product):
    path = tmp_path / "batch.json"
    text = json.dumps(good_batch()).replace('"amount": "18.00"', '"amount": "18.00", "amount": "1"')
    path.write_text(text, encoding="utf-8")

    message = rejection(path)

    assert (
        'the file: not valid JSON: the key "amount" appears twice in one object; send each key once'
    ) in message
    assert table_sizes() == (0, 0, 0)


def test_json_float_constants_are_refused():
    with pytest.raises(BatchRejected):
        parse_json(stream=io.StringIO('{"entries": [{"amount": NaN}]}'))


def test_floats_from_an_api_caller_are_refused(product):
    batch = copy.deepcopy(good_batch())
    batch["entries"][1]["amount"] = 18.0

    with pytest.raises(BatchRejected) as caught:
        import_batch(records=records_from_batch(batch=batch))

    assert "entries[1], amount: send amounts as text or decimals" in str(caught.value)


def test_existing_borrower_can_take_a_new_loan(tmp_path, product):
    BorrowerFactory(external_id="B-9", full_name="Chen Jie")
    batch = {
        "loans": [dict(good_batch()["loans"][0], borrower_external_id="B-9")],
        "entries": [entry("E1", "disbursement", "2026-01-10", "1200.00")],
    }

    run(write_json(tmp_path, batch))

    assert Loan.objects.get(external_id="L-1").borrower.full_name == "Chen Jie"
