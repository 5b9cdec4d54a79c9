"""Glossary terms on the statement page and the glossary page."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from education.models import GlossaryTerm
from tests.factories import (
    BorrowerFactory,
    EntryFactory,
    LoanFactory,
    MilestoneFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def render(source: str, *, language="en", request=True, **variables) -> str:
    context = {"request": RequestFactory().get("/")} if request else {}
    context.update(variables)
    with translation.override(language):
        return Template("{% load glossary %}" + source).render(Context(context))


def test_term_opens_to_its_short_definition_and_links_to_its_lesson(lessons):
    html = render('{% glossary_term "days-past-due" "Days past due" %}')

    assert html.startswith('<details class="term"><summary>Days past due</summary>')
    assert "<p>How many days the oldest unpaid payment is late.</p>" in html
    assert 'href="/en/lessons/when-a-payment-is-late/"' in html
    assert "Learn more" in html
    assert "<script" not in html


def test_term_is_shown_in_the_active_language(lessons):
    html = render('{% glossary_term "days-past-due" "逾期天数" %}', language="zh-hans")

    assert "<p>最早一笔没还的款已经晚了多少天。</p>" in html
    assert 'href="/zh-hans/lessons/when-a-payment-is-late/"' in html


def test_term_without_a_translation_falls_back_to_english(lessons):
    html = render('{% glossary_term "late-fee" "逾期费" %}', language="zh-hans")

    assert '<p lang="en">A fixed charge added' in html


def test_missing_term_renders_just_the_label(lessons):
    html = render('{% glossary_term "no-such-term" label %}', label="Principal <b>")

    assert html == "Principal &lt;b&gt;"


def test_without_a_request_the_pdf_gets_just_the_label(lessons):
    assert render('{% glossary_term "principal" "Principal" %}', request=False) == "Principal"


def test_unpublished_term_is_not_shown(lessons):
    GlossaryTerm.objects.get(slug="principal", locale__language_code="en").unpublish()

    assert render('{% glossary_term "principal" "Principal" %}') == "Principal"


def test_publishing_a_new_definition_shows_at_once(lessons):
    render('{% glossary_term "principal" "Principal" %}')
    term = GlossaryTerm.objects.get(slug="principal", locale__language_code="en")
    term.short_definition = "What is left of the money you borrowed."
    term.save_revision().publish()

    assert "What is left of the money you borrowed." in render(
        '{% glossary_term "principal" "Principal" %}'
    )


def test_saving_a_draft_definition_does_not_change_what_borrowers_see(lessons):
    term = GlossaryTerm.objects.get(slug="principal", locale__language_code="en")
    term.short_definition = "A draft nobody has approved."
    term.save_revision()

    html = render('{% glossary_term "principal" "Principal" %}')
    assert "A draft nobody has approved." not in html
    assert "The amount you borrowed" in html


def test_term_marks_in_a_sentence_become_glossary_links(lessons):
    sentence = (
        '{% blocktranslate asvar sentence %}A <span class="term" data-term="late-fee">late fee'
        '</span> and <span class="term" data-term="unknown">x</span>{% endblocktranslate %}'
    )
    html = render("{% load i18n %}" + sentence + "{% glossary_links sentence %}")

    assert html == 'A <a class="term" href="/en/lessons/glossary/#late-fee">late fee</a> and x'


@pytest.fixture
def late_borrower_client(client):
    user = UserFactory()
    today = dt.date.today()
    loan = LoanFactory(
        borrower=BorrowerFactory(user=user),
        disbursed_on=today - dt.timedelta(days=120),
        first_due_date=today - dt.timedelta(days=90),
    )
    MilestoneFactory(product=loan.product, days_past_due=30)
    EntryFactory(
        loan=loan, kind="disbursement", amount=Decimal("6000.00"), effective_date=loan.disbursed_on
    )
    for n, days_ago in enumerate((90, 60)):
        EntryFactory(
            loan=loan,
            kind="installment_due",
            amount=Decimal("550.00"),
            effective_date=today - dt.timedelta(days=days_ago),
            external_id=f"i{n}",
        )
    client.force_login(user)
    return client, f"/en/my/loans/{loan.reference}/"


def test_statement_terms_show_their_definitions(late_borrower_client, lessons):
    client, url = late_borrower_client

    html = client.get(url).text

    assert '<details class="term"><summary>Principal</summary>' in html
    assert "The amount you borrowed that you still have to pay back." in html
    assert '<details class="term"><summary>Days past due</summary>' in html
    assert 'href="/en/lessons/glossary/#days-past-due"' in html  # in the late sentence
    assert 'data-term="' not in html


def test_statement_reads_the_glossary_once_not_per_term(late_borrower_client, lessons):
    """Query count with every term in the glossary equals the count with none of them: the
    glossary is one cached read per language, not a query per term."""
    client, url = late_borrower_client
    client.get(url)
    with CaptureQueriesContext(connection) as with_terms:
        client.get(url)
    GlossaryTerm.objects.all().delete()
    client.get(url)
    with CaptureQueriesContext(connection) as without_terms:
        client.get(url)

    assert len(with_terms.captured_queries) == len(without_terms.captured_queries)
    assert not any("education_glossaryterm" in q["sql"] for q in with_terms.captured_queries)


def test_statement_shows_a_newly_published_definition_at_once(late_borrower_client, lessons):
    """The statement's parts are cached with the glossary's version in their key."""
    client, url = late_borrower_client
    assert "The amount you borrowed that you still have to pay back." in client.get(url).text
    term = GlossaryTerm.objects.get(slug="principal", locale__language_code="en")
    term.short_definition = "What is left of the money you borrowed."
    term.save_revision().publish()

    html = client.get(url).text

    assert "What is left of the money you borrowed." in html
    assert "The amount you borrowed that you still have to pay back." not in html


def test_glossary_page_lists_every_term_with_an_anchor(client, lessons):
    html = client.get("/en/lessons/glossary/").text

    for slug in ("principal", "days-past-due", "late-fee", "repayment-plan"):
        assert f'id="{slug}"' in html
        assert f'href="#{slug}"' in html
    assert "Interest is worked out on it." in html
    assert 'href="/en/lessons/reading-your-statement/"' in html


def test_chinese_glossary_page(client, lessons):
    html = client.get("/zh-hans/lessons/glossary/").text

    assert "本金" in html
    assert "还款计划" in html
    assert 'lang="en"' in html  # late-fee has no translation yet
