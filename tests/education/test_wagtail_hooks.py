"""Free help and rights texts in the CMS: editors list, filter and add services, which wait for
a compliance reviewer before any borrower sees them; hard words get a plain-language warning."""

import pytest

from education.debt_advice import advice_book
from education.models import BorrowerRights, DebtAdviceService
from tests.education.free_help import ensure_free_help
from tests.support.staff import signed_in

pytestmark = pytest.mark.django_db

SERVICES = "/cms/snippets/education/debtadviceservice/"
RIGHTS = "/cms/snippets/education/borrowerrights/"

NEW_SERVICE = {
    "jurisdiction": "US",
    "name": "GreenPath Financial Wellness",
    "name_zh_hans": "",
    "phone": "1-877-337-3399",
    "website": "https://www.greenpath.com",
    "description": "A non-profit that helps you plan a budget and pay off debt.",
    "description_zh_hans": "一家帮您做预算、还清债务的非营利机构。",
    "order": "20",
}


@pytest.fixture(autouse=True)
def _published():
    ensure_free_help()


def test_an_editor_lists_every_countrys_services(client, editor):
    signed_in(client, editor)

    page = client.get(SERVICES)

    assert page.status_code == 200
    for name in ("NFCC", "MoneyHelper", "StepChange", "12348 public legal service hotline"):
        assert name in page.text


def test_an_editor_filters_the_services_by_country(client, editor):
    signed_in(client, editor)

    page = client.get(SERVICES, {"jurisdiction": "CN"})

    assert page.status_code == 200
    assert "12378" in page.text
    assert "MoneyHelper" not in page.text and "NFCC" not in page.text


def test_an_editor_opens_the_rights_texts(client, editor):
    signed_in(client, editor)
    rights = BorrowerRights.objects.get(jurisdiction="GB")

    assert client.get(RIGHTS).status_code == 200
    edit = client.get(f"{RIGHTS}edit/{rights.pk}/")
    assert edit.status_code == 200
    assert "Financial Ombudsman Service" in edit.text


def test_a_service_an_editor_adds_waits_for_a_reviewer_before_borrowers_see_it(
    client, editor, reviewer
):
    signed_in(client, editor)

    response = client.post(f"{SERVICES}add/", NEW_SERVICE)

    assert response.status_code == 302
    service = DebtAdviceService.objects.get(name="GreenPath Financial Wellness")
    assert not service.live
    assert not editor.has_perm("education.publish_debtadviceservice")
    shown = advice_book().advice(jurisdiction="US", language="en").services
    assert "GreenPath Financial Wellness" not in [s.name for s in shown]

    assert reviewer.has_perm("education.publish_debtadviceservice")
    service.latest_revision.publish(user=reviewer)

    shown = advice_book().advice(jurisdiction="US", language="en").services
    assert [s.name for s in shown][-1] == "GreenPath Financial Wellness"


def test_a_service_with_no_way_to_reach_it_is_refused(client, editor):
    signed_in(client, editor)

    response = client.post(f"{SERVICES}add/", {**NEW_SERVICE, "phone": "", "website": ""})

    assert response.status_code == 200
    assert "Give a phone number or a website" in response.text
    assert not DebtAdviceService.objects.filter(name=NEW_SERVICE["name"]).exists()


def test_new_help_text_goes_through_the_lesson_review(editor):
    service = DebtAdviceService.objects.get(jurisdiction="US")
    rights = BorrowerRights.objects.get(jurisdiction="US")

    assert service.get_workflow().name == "Lesson review"
    assert rights.get_workflow().name == "Lesson review"


def test_a_hard_description_gets_a_plain_language_warning(client, editor):
    signed_in(client, editor)
    hard = {
        **NEW_SERVICE,
        "description": (
            "Arrears which have accrued will be capitalised pursuant to the agreement, and "
            "remediation of indebtedness is facilitated by counsellors who are accredited."
        ),
    }

    response = client.post(f"{SERVICES}add/", hard, follow=True)

    assert "may be hard to read" in response.text
