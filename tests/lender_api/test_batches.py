"""Posting borrowers, loans and ledger entries: what the lender's system sees when a batch is
accepted, sent again, or refused, and what is written."""

import json
from decimal import Decimal

import pytest

from portal.lender_api.batches import MAX_ITEMS
from portal.lender_api.parsers import MAX_BODY_BYTES
from repayment.models import Borrower, LedgerEntry, Loan

pytestmark = pytest.mark.django_db


def borrower(external_id="B-1", **extra):
    return {
        "external_id": external_id,
        "full_name": "Li Wei",
        "email": "li.wei@example.com",
        "date_of_birth": "1985-04-12",
        "preferred_language": "zh-hans",
        "time_zone": "Asia/Shanghai",
        **extra,
    }


def loan(external_id="L-1", borrower_id="B-1", **extra):
    return {
        "external_id": external_id,
        "borrower_external_id": borrower_id,
        "product_code": "microloan",
        "reference": f"HCF-{external_id}",
        "principal": "1200.00",
        "disbursed_on": "2026-01-10",
        "first_due_date": "2026-02-10",
        "installment_count": 12,
        "installment_amount": "110.00",
        **extra,
    }


def entry(external_id, kind="payment", amount="110.00", loan_id="L-1", **extra):
    return {
        "loan_external_id": loan_id,
        "external_id": external_id,
        "kind": kind,
        "effective_date": "2026-02-09",
        "amount": amount,
        **extra,
    }


@pytest.fixture
def a_loan(api, product):
    assert api.post("borrowers/", {"borrowers": [borrower()]}).status_code == 200
    assert api.post("loans/", {"loans": [loan()]}).status_code == 200
    return Loan.objects.get(external_id="L-1")


def counts():
    return Borrower.objects.count(), Loan.objects.count(), LedgerEntry.objects.count()


def test_borrowers_are_created_then_updated(api):
    response = api.post("borrowers/", {"borrowers": [borrower(), borrower("B-2")]})
    assert response.status_code == 200
    assert response.json() == {
        "dry_run": False,
        "changed": True,
        "borrowers_created": 2,
        "borrowers_updated": 0,
        "borrowers_unchanged": 0,
        "loans_created": 0,
        "loans_updated": 0,
        "loans_unchanged": 0,
        "entries_created": 0,
        "entries_skipped": 0,
    }
    response = api.post("borrowers/", {"borrowers": [borrower(phone="+86 139"), borrower("B-2")]})
    body = response.json()
    assert (body["borrowers_updated"], body["borrowers_unchanged"]) == (1, 1)
    assert Borrower.objects.get(external_id="B-1").phone == "+86 139"


def test_loan_and_entries_are_posted(a_loan, api):
    body = {"entries": [entry("T-1", "disbursement", "1200.00"), entry("T-2")]}
    response = api.post("ledger-entries/", body)
    assert response.status_code == 200
    assert response.json()["entries_created"] == 2
    assert a_loan.product.code == "microloan"
    assert list(a_loan.entries.order_by("external_id").values_list("kind", "amount")) == [
        ("disbursement", Decimal("1200.00")),
        ("payment", Decimal("110.00")),
    ]


def test_same_batch_twice_changes_nothing(a_loan, api):
    body = {"entries": [entry("T-1", "disbursement", "1200.00"), entry("T-2")]}
    api.post("ledger-entries/", body)
    before = counts()
    response = api.post("ledger-entries/", body)
    assert response.status_code == 200
    assert response.json()["changed"] is False
    assert response.json()["entries_skipped"] == 2
    assert counts() == before
    again = api.post("loans/", {"loans": [loan()]}).json()
    assert (again["changed"], again["loans_unchanged"]) == (False, 1)


def test_one_bad_entry_refuses_the_whole_batch(a_loan, api):
    good = [entry(f"T-{n}") for n in range(5)]
    bad = entry("T-bad", amount="110.005")
    response = api.post("ledger-entries/", {"entries": [*good[:3], bad, *good[3:]]})
    assert response.status_code == 400
    assert response.json() == {
        "detail": "The batch was rejected with 1 error; nothing was imported.",
        "errors": [
            {
                "item": "entries[3]",
                "field": "amount",
                "message": "110.005 is not a valid CNY amount (more decimal places than CNY has)",
            }
        ],
    }
    assert a_loan.entries.count() == 0


def test_every_problem_is_listed_with_item_and_field(a_loan, api):
    body = {
        "entries": [
            entry("T-1", kind="refund"),
            entry("T-2", effective_date="09/02/2026"),
            entry("T-3", loan_id="L-404"),
        ]
    }
    errors = api.post("ledger-entries/", body).json()["errors"]
    assert [(e["item"], e["field"]) for e in errors] == [
        ("entries[0]", "kind"),
        ("entries[1]", "effective_date"),
        ("entries[2]", "loan_external_id"),
    ]
    assert errors[2]["message"] == "no loan L-404 in this batch or already imported"


def test_mixed_batch_creates_a_loan_with_its_first_entries(api, product):
    body = {
        "borrowers": [borrower()],
        "loans": [loan()],
        "entries": [entry("T-1", "disbursement", "1200.00")],
    }
    response = api.post("batches/", body)
    assert response.status_code == 200
    assert counts() == (1, 1, 1)


def test_mixed_batch_is_all_or_nothing_across_lists(api, product):
    body = {
        "borrowers": [borrower()],
        "loans": [loan(principal="-5")],
        "entries": [entry("T-1", "disbursement", "1200.00")],
    }
    response = api.post("batches/", body)
    assert response.status_code == 400
    assert response.json()["errors"][0]["item"] == "loans[0]"
    assert counts() == (0, 0, 0)


def test_a_route_takes_only_its_own_list(api, product):
    response = api.post("ledger-entries/", {"entries": [], "loans": [loan()]})
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "item": "loans",
            "field": "",
            "message": 'not accepted here; this endpoint takes "entries"',
        }
    ]
    missing = api.post("loans/", {})
    assert missing.json()["errors"] == [{"item": "loans", "field": "", "message": "required"}]


@pytest.mark.parametrize(
    "body",
    ['[{"external_id": "B-1"}]', '{"borrowers": {"external_id": "B-1"}}', '"text"'],
)
def test_wrong_shape_is_400_not_500(api, body):
    response = api.post("borrowers/", body)
    assert response.status_code == 400
    assert response.json()["errors"]


@pytest.mark.parametrize("body", ["{not json", "[" * 100_000 + "]" * 100_000, "NaN"])
def test_body_that_is_not_json_is_400_with_errors(api, body):
    response = api.post("borrowers/", body)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors[0]["item"] == "the request"
    assert errors[0]["message"].startswith("The body is not valid JSON")
    assert Borrower.objects.count() == 0


def test_amounts_sent_as_json_numbers_keep_their_digits(a_loan, api):
    response = api.post(
        "ledger-entries/",
        '{"entries": ['
        + json.dumps(entry("T-1"))[:-1].replace('"amount": "110.00"', '"amount": 110.10')
        + "}]}",
    )
    assert response.status_code == 200, response.json()
    assert a_loan.entries.get().amount == Decimal("110.10")


@pytest.mark.parametrize("amount", ["1e30", "1E+999", "-1e999999999"])
def test_absurd_amount_is_a_row_error(a_loan, api, amount):
    response = api.post("ledger-entries/", {"entries": [entry("T-1", amount=amount)]})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "amount"


def test_nul_character_is_a_row_error(api):
    response = api.post("borrowers/", {"borrowers": [borrower("B-\u0000")]})
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"item": "borrowers[0]", "field": "external_id", "message": "contains a NUL character"}
    ]


def test_batch_over_the_cap_is_413_and_writes_nothing(api):
    body = {"borrowers": [borrower(f"B-{n}") for n in range(MAX_ITEMS + 1)]}
    response = api.post("borrowers/", body)
    assert response.status_code == 413
    assert response.json() == {
        "detail": f"The batch has {MAX_ITEMS + 1} items; send at most {MAX_ITEMS} in one request."
    }
    assert Borrower.objects.count() == 0


def test_batch_at_the_cap_is_taken(api):
    body = {"borrowers": [borrower(f"B-{n}") for n in range(MAX_ITEMS)]}
    assert api.post("borrowers/", body).json()["borrowers_created"] == MAX_ITEMS


def test_dry_run_answers_and_writes_nothing(api, product):
    response = api.post("borrowers/?dry_run=true", {"borrowers": [borrower()]})
    assert response.status_code == 200
    assert response.json()["dry_run"] is True
    assert response.json()["borrowers_created"] == 1
    assert Borrower.objects.count() == 0
    bad = api.post("borrowers/?dry_run=perhaps", {"borrowers": [borrower()]})
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "dry_run"


def test_errors_are_answered_in_the_requested_language(a_loan, api):
    # The messages are the import's, translated in its catalogue; the API picks the language.
    response = api.post(
        "ledger-entries/",
        {"entries": [entry("T-1", loan_id="L-404")]},
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert response.status_code == 400
    assert response["Content-Language"] == "zh-hans"
    assert response.json()["errors"][0]["message"] == "本批次和已导入的数据中都没有贷款 L-404"


def test_batch_cost_does_not_grow_with_its_size(a_loan, api, django_assert_max_num_queries):
    body = {"entries": [entry(f"T-{n}") for n in range(200)]}
    # 20 for the batch, and a few more to keep the loan's position (whatever the size).
    with django_assert_max_num_queries(26):
        response = api.post("ledger-entries/", body)
    assert response.json()["entries_created"] == 200


def padded(body, size):
    """``body`` as JSON of exactly ``size`` bytes: whitespace is valid JSON, as a pretty-printing
    client sends it."""
    text = json.dumps(body)
    return text[:-1] + " " * (size - len(text)) + "}"


@pytest.mark.parametrize("size", [3 * 1024 * 1024, MAX_BODY_BYTES])
def test_batch_above_djangos_form_limit_and_up_to_4_mib_is_taken(api, settings, size):
    """Django refuses a body over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MiB) once request.body is
    read; the lender API reads the stream itself, up to its own cap."""
    assert size > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    response = api.post("borrowers/", padded({"borrowers": [borrower()]}, size))
    assert response.status_code == 200, response.content[:200]
    assert response.json()["borrowers_created"] == 1


@pytest.mark.parametrize("size", [MAX_BODY_BYTES + 1, 6 * 1024 * 1024])
def test_body_over_4_mib_is_413_in_json(api, size):
    response = api.post("borrowers/", padded({"borrowers": [borrower()]}, size))
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "detail": "The request body is larger than 4 MiB; send smaller batches."
    }
    assert Borrower.objects.count() == 0


def test_body_longer_than_its_declared_length_is_read_only_as_declared(api):
    """The stream stops at Content-Length, so an undeclared tail cannot grow the body."""
    text = json.dumps({"borrowers": [borrower()]})
    response = api.post("borrowers/", text + " " * (MAX_BODY_BYTES + 10), CONTENT_LENGTH=len(text))
    assert response.status_code == 200
    assert response.json()["borrowers_created"] == 1


def test_repeated_key_is_refused_naming_it(api):
    text = json.dumps({"borrowers": [borrower()]}).replace(
        '"full_name": "Li Wei"', '"full_name": "Li Wei", "full_name": "Mallory"'
    )
    response = api.post("borrowers/", text)
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "item": "the request",
            "field": "",
            "message": 'The body is not valid JSON: the key "full_name" appears twice in one '
            "object; send each key once",
        }
    ]
    assert Borrower.objects.count() == 0


def test_repeated_list_is_refused(api, product):
    text = '{"borrowers": [], "loans": [], "borrowers": []}'
    response = api.post("batches/", text)
    assert response.status_code == 400
    assert '"borrowers" appears twice' in response.json()["detail"]
