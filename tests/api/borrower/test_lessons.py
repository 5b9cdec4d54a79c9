"""Lessons and the glossary: published content only, in the language asked for."""

import pytest

from education.models import GlossaryTerm
from tests.education.conftest import CONTENT, ensure_site_structure, lesson

pytestmark = pytest.mark.django_db


@pytest.fixture
def lessons(db):
    from education.demo import load

    ensure_site_structure()
    load(CONTENT)


def slugs(response):
    return [item["slug"] for item in response.json()]


def test_lessons_are_listed_in_english_by_default(api, lessons):
    body = api.get("/api/v1/lessons/").json()

    assert {item["slug"] for item in body} == {
        "when-a-payment-is-late",
        "reading-your-statement",
        "how-repayment-plans-work",
    }
    assert all(item["language"] == "en" and not item["fallback"] for item in body)
    late = next(item for item in body if item["slug"] == "when-a-payment-is-late")
    assert late["title"] == "When a payment is late"
    assert late["url"] == "http://testserver/en/lessons/when-a-payment-is-late/"


def test_lessons_in_chinese_fall_back_to_english_where_there_is_no_translation(api, lessons):
    body = {item["slug"]: item for item in api.get("/api/v1/lessons/?lang=zh-hans").json()}

    assert body["when-a-payment-is-late"]["title"] == "晚还款会怎样"
    assert body["when-a-payment-is-late"]["language"] == "zh-hans"
    assert body["reading-your-statement"]["fallback"] is True
    assert body["reading-your-statement"]["language"] == "en"
    # Without ?lang, Accept-Language chooses.
    by_header = api.get("/api/v1/lessons/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9").json()
    assert "晚还款会怎样" in [item["title"] for item in by_header]


def test_an_unpublished_lesson_is_neither_listed_nor_served(api, lessons):
    lesson("reading-your-statement").unpublish()

    assert "reading-your-statement" not in slugs(api.get("/api/v1/lessons/"))
    assert api.get("/api/v1/lessons/reading-your-statement/").status_code == 404
    assert api.get("/api/v1/lessons/no-such-lesson/").status_code == 404


def test_an_unpublished_translation_gives_the_english_lesson(api, lessons):
    lesson("how-repayment-plans-work", "zh-hans").unpublish()

    body = api.get("/api/v1/lessons/how-repayment-plans-work/?lang=zh-hans").json()

    assert body["language"] == "en" and body["fallback"] is True
    assert body["title"] == "How repayment plans work"


def test_a_lesson_comes_with_its_body_as_blocks(api, lessons):
    body = api.get("/api/v1/lessons/when-a-payment-is-late/").json()

    kinds = [block["type"] for block in body["body"]]
    assert "text" in kinds
    text = next(block for block in body["body"] if block["type"] == "text")
    assert text["value"].startswith("<p>") and "linktype" not in text["value"]
    example = next(block for block in body["body"] if block["type"] == "worked_example")
    assert example["value"]["heading"] == "A payment 10 days late"
    assert {"label", "amount"} <= set(example["value"]["rows"][0])
    assert all(block["id"] for block in body["body"])


def test_a_republished_body_is_served_at_once(api, lessons):
    url = "/api/v1/lessons/when-a-payment-is-late/"
    first = api.get(url).json()["body"]
    page = lesson("when-a-payment-is-late")
    del page.body[next(i for i, b in enumerate(page.body) if b.block_type == "worked_example")]
    page.save_revision().publish()

    kinds = [block["type"] for block in api.get(url).json()["body"]]
    assert "worked_example" in [block["type"] for block in first]
    assert "worked_example" not in kinds


def test_a_lesson_in_chinese_is_found_by_its_english_slug(api, lessons):
    chinese = lesson("how-repayment-plans-work", "zh-hans")
    chinese.slug = "huankuan-jihua"
    chinese.save_revision().publish()

    by_english = api.get("/api/v1/lessons/how-repayment-plans-work/?lang=zh-hans").json()
    by_own = api.get("/api/v1/lessons/huankuan-jihua/?lang=zh-hans").json()

    assert by_english["title"] == by_own["title"] == "还款计划怎么用"
    assert by_own["slug"] == "huankuan-jihua"


def test_an_unknown_language_is_refused(api):
    response = api.get("/api/v1/lessons/?lang=fr")

    assert response.status_code == 400
    assert list(response.json()) == ["lang"]


def test_the_glossary_is_published_terms_in_the_language_asked_for(api, lessons):
    GlossaryTerm.objects.get(slug="principal", locale__language_code="en").unpublish()

    english = {item["slug"]: item for item in api.get("/api/v1/glossary/").json()}
    chinese = {item["slug"]: item for item in api.get("/api/v1/glossary/?lang=zh-hans").json()}

    assert "principal" not in english
    assert english["days-past-due"]["short_definition"] == (
        "How many days the oldest unpaid payment is late."
    )
    assert english["days-past-due"]["lesson_url"] == (
        "http://testserver/en/lessons/when-a-payment-is-late/"
    )
    assert chinese["days-past-due"]["term"] == "逾期天数"
    assert chinese["late-fee"]["fallback"] is True and chinese["late-fee"]["language"] == "en"
