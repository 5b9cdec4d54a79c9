"""Finding a borrower in the console: by name (in characters or pinyin), e-mail, phone, the
lender's borrower id or loan reference."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.support import search
from tests.factories import BorrowerFactory, LoanFactory, UserFactory

from .staff import signed_in, staff_user

URL = reverse("support:search")


def names(response):
    return [r.borrower.full_name for r in response.context["page"].results]


@pytest.fixture
def people(db):
    wang = BorrowerFactory(
        full_name="王小明", email="xiaoming@example.cn", phone="+86 138 1234 5678"
    )
    LoanFactory(borrower=wang, reference="HCF-000777")
    okafor = BorrowerFactory(
        full_name="Chidi Okafor", email="chidi.okafor@mail.example", phone="+44 20-7946-0018"
    )
    LoanFactory(borrower=okafor, reference="HCF-004521")
    LoanFactory(borrower=okafor, reference="SME-88120")
    BorrowerFactory(full_name="Mary Smith", email="mary@example.com", phone="")
    chen = BorrowerFactory(full_name="陈静", external_id="CUST-00042", email="", phone="")
    LoanFactory(borrower=chen, reference="HCF-220388")
    return {"wang": wang, "okafor": okafor, "chen": chen}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("okaf", ["Chidi Okafor"]),  # part of a surname
        ("CHIDI okafor", ["Chidi Okafor"]),  # case does not matter
        ("mail.exam", ["Chidi Okafor"]),  # part of an e-mail
        ("XIAOMING@", ["王小明"]),
        ("王小明", ["王小明"]),
        ("小明", []),  # two characters match the start of a name only
        ("王小", ["王小明"]),
        ("1234 5678", ["王小明"]),  # phone typed with spaces
        ("+8613812345678", ["王小明"]),  # phone typed without
        ("7946-0018", ["Chidi Okafor"]),
        ("20 794600", ["Chidi Okafor"]),  # digits across the dashes
        ("004521", ["Chidi Okafor"]),  # part of a loan reference
        ("sme-88120", ["Chidi Okafor"]),  # second loan, any case
        ("hcf-000777", ["王小明"]),
        ("Ma", ["Mary Smith"]),  # two letters: the start of a word
        ("sm", ["Mary Smith"]),  # "Smith"; references are looked in only with a digit
        ("nobody here", []),
        ("陈", ["陈静"]),  # one Chinese character is a search: the family name
        ("王", ["王小明"]),
        ("静", []),  # one character matches the start of a name only
        ("chen jing", ["陈静"]),  # pinyin, with or without spaces, tones or tone numbers
        ("chenjing", ["陈静"]),
        ("Chén Jìng", ["陈静"]),
        ("chen2 jing4", ["陈静"]),
        ("wang xiaoming", ["王小明"]),
        ("xiaoming", ["王小明"]),  # the given name in pinyin (and the e-mail)
        ("CUST-00042", ["陈静"]),  # the lender's borrower id, whole
        ("cust-00042", ["陈静"]),
        ("HCF220388", ["陈静"]),  # a loan reference without its dash
        ("hcf 220388", ["陈静"]),  # or with another separator
        ("HCF/220388", ["陈静"]),
        ("HCF-220388", ["陈静"]),
        ("sme88120", ["Chidi Okafor"]),
    ],
)
def test_finds_a_borrower_by_any_field(agent_client, people, query, expected):
    response = agent_client.get(URL, {"q": query})

    assert response.status_code == 200
    assert names(response) == expected


def test_a_result_shows_name_references_email_phone_and_link(agent_client, people):
    people["okafor"].user = UserFactory()
    people["okafor"].save()

    response = agent_client.get(URL, {"q": "okafor"})
    html = response.content.decode()

    assert "HCF-004521, SME-88120" in html
    assert "chidi.okafor@mail.example" in html
    assert "+44 20-7946-0018" in html
    assert "Linked" in html
    assert reverse("support:borrower", args=[people["okafor"].pk]) in html


def test_a_borrower_with_two_matching_loans_is_listed_once(agent_client, people):
    response = agent_client.get(URL, {"q": "okafor"})

    assert names(response) == ["Chidi Okafor"]
    assert names(agent_client.get(URL, {"q": "HCF-00"})) == ["Chidi Okafor", "王小明"]


@pytest.mark.parametrize("query", ["a", " x ", "  "])
def test_a_query_under_two_characters_is_refused_with_a_message(agent_client, people, query):
    response = agent_client.get(URL, {"q": query})

    assert response.status_code == 200
    assert response.context["page"] is None
    assert "Type at least 2 characters." in response.content.decode()


def test_a_renamed_borrower_is_found_by_the_new_names_pinyin(agent_client, people):
    chen = people["chen"]
    chen.full_name = "林静"
    chen.save(update_fields=["full_name"])

    assert names(agent_client.get(URL, {"q": "lin jing"})) == ["林静"]
    assert names(agent_client.get(URL, {"q": "chen jing"})) == []


def test_the_empty_page_shows_the_form_without_a_message(agent_client):
    response = agent_client.get(URL)

    assert response.status_code == 200
    assert "Type at least" not in response.content.decode()


def test_results_come_a_page_at_a_time_without_counting(agent_client, db):
    for n in range(search.PAGE_SIZE + 3):
        BorrowerFactory(full_name=f"Tan Mei {n:02d}")

    first = agent_client.get(URL, {"q": "tan mei"})
    second = agent_client.get(URL, {"q": "tan mei", "page": 2})

    assert len(names(first)) == search.PAGE_SIZE
    assert first.context["page"].has_next
    assert "page=2" in first.content.decode()
    assert names(second) == ["Tan Mei 20", "Tan Mei 21", "Tan Mei 22"]
    assert not second.context["page"].has_next
    assert second.context["page"].has_previous


@pytest.mark.parametrize("page", ["abc", "0", "-3", "99999999"])
def test_a_page_number_that_makes_no_sense_still_shows_results(agent_client, people, page):
    response = agent_client.get(URL, {"q": "okafor", "page": page})

    assert response.status_code == 200
    assert response.context["page"] is not None


def test_a_search_costs_the_same_queries_for_one_hit_or_a_full_page(agent_client, db):
    for n in range(search.PAGE_SIZE + 5):
        LoanFactory(borrower=BorrowerFactory(full_name=f"Ruth Lim {n}"))
    LoanFactory(borrower=BorrowerFactory(full_name="Ada Unique"))

    def queries(q):
        with CaptureQueriesContext(connection) as captured:
            assert agent_client.get(URL, {"q": q}).status_code == 200
        return [query["sql"] for query in captured.captured_queries]

    one, many = queries("ada unique"), queries("ruth lim")

    assert len(one) == len(many)
    # The matching borrowers (one UNION query) and their loan references: nothing per row,
    # and no COUNT.
    assert len([sql for sql in many if "UNION" in sql]) == 1
    loans = [sql for sql in many if 'FROM "repayment_loan"' in sql and "UNION" not in sql]
    assert len(loans) == 1
    assert not any("COUNT(" in sql.upper() for sql in many)


def test_search_query_count_is_bounded(agent_client, django_assert_max_num_queries, db):
    for n in range(search.PAGE_SIZE + 5):
        LoanFactory(borrower=BorrowerFactory(full_name=f"Ruth Lim {n}"))
    with django_assert_max_num_queries(12):
        agent_client.get(URL, {"q": "ruth"})


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's")
def test_each_field_is_searched_through_its_trigram_index(db):
    from django.db import connection as conn

    def plan(query):
        with conn.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")
            sql, params = (
                search.Borrower.objects.filter(pk__in=search.matching_ids(query))
                .values_list("pk")
                .query.sql_with_params()
            )
            cursor.execute(f"EXPLAIN {sql}", params)
            lines = "\n".join(row[0] for row in cursor.fetchall())
            cursor.execute("SET enable_seqscan = on")
        return lines

    # A phone number may be in a name, a phone or a reference; not in an e-mail (a space).
    digits = plan("138 1234")
    for index in (
        "support_borrower_name_trgm",
        "support_borrower_phone_trgm",
        "support_loan_reference_key_trgm",
    ):
        assert index in digits
    assert "support_borrower_email_trgm" in plan("xiaoming@")
    assert "support_borrower_name_key_trgm" in plan("chen jing")


def test_a_borrower_login_cannot_search(client, people):
    user = UserFactory()
    BorrowerFactory(user=user)
    signed_in(client, user)

    assert client.get(URL, {"q": "okafor"}).status_code == 403


def test_an_editor_cannot_search(client, people):
    signed_in(client, staff_user("editor"))

    assert client.get(URL, {"q": "okafor"}).status_code == 403


def test_a_stranger_is_sent_to_sign_in(client, people):
    response = client.get(URL, {"q": "okafor"})

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_borrowers_imported_in_bulk_are_found_by_pinyin(agent_client, db):
    import datetime as dt

    from repayment.importing.records import CleanBorrower
    from repayment.importing.write import upsert_borrowers

    def clean(name):
        return CleanBorrower(
            external_id="B-7",
            full_name=name,
            email="",
            phone="",
            date_of_birth=dt.date(1990, 1, 1),
            preferred_language="zh-hans",
            time_zone="Asia/Shanghai",
        )

    upsert_borrowers(borrowers=[clean("张伟")])
    assert names(agent_client.get(URL, {"q": "zhang wei"})) == ["张伟"]
    upsert_borrowers(borrowers=[clean("李伟")])  # the lender renames: the key follows
    assert names(agent_client.get(URL, {"q": "li wei"})) == ["李伟"]
    assert names(agent_client.get(URL, {"q": "zhangwei"})) == []
