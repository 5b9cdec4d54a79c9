"""Each country's free help and rights text, as editors publish them: what migration 0006
publishes, in which language a reader sees it, and that nothing unpublished or of another
country is shown."""

from importlib import import_module

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from education.debt_advice import Service, advice_book
from education.models import BorrowerRights, DebtAdviceService, Jurisdiction
from tests.education.free_help import MIGRATION, ensure_free_help

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _published():
    ensure_free_help()


def names(jurisdiction, language="en"):
    return [
        s.name for s in advice_book().advice(jurisdiction=jurisdiction, language=language).services
    ]


def test_the_migration_publishes_real_free_services_for_every_country():
    published = DebtAdviceService.objects.filter(live=True)
    by_country = {
        country: {(s.name, s.phone, s.website) for s in published.filter(jurisdiction=country)}
        for country in Jurisdiction.values
    }

    assert by_country["US"] == {
        (
            "NFCC (National Foundation for Credit Counseling)",
            "1-800-388-2227",
            "https://www.nfcc.org",
        )
    }
    assert by_country["GB"] == {
        ("MoneyHelper", "0800 138 7777", "https://www.moneyhelper.org.uk"),
        ("StepChange Debt Charity", "0800 138 1111", "https://www.stepchange.org"),
    }
    assert {phone for _, phone, _ in by_country["CN"]} == {"12348", "12378"}
    assert set(
        BorrowerRights.objects.filter(live=True).values_list("jurisdiction", flat=True)
    ) == set(Jurisdiction.values)


def test_every_published_text_has_its_chinese_and_passes_the_models_checks():
    for service in DebtAdviceService.objects.all():
        service.full_clean()
        assert service.description_zh_hans
    for rights in BorrowerRights.objects.all():
        rights.full_clean()
        assert rights.text_zh_hans


def test_running_the_migration_again_leaves_the_editors_work_alone():
    DebtAdviceService.objects.filter(jurisdiction="GB", name="MoneyHelper").update(
        phone="0800 011 3797"
    )
    DebtAdviceService.objects.filter(jurisdiction="GB", name__startswith="StepChange").delete()

    import_module(MIGRATION).create(apps, None)

    assert list(
        DebtAdviceService.objects.filter(jurisdiction="GB").values_list("name", "phone")
    ) == [("MoneyHelper", "0800 011 3797")]


def test_a_reader_sees_their_own_countrys_services_in_their_language_and_in_order():
    assert names("CN", "zh-hans") == ["12348 公共法律服务热线", "12378 金融消费者投诉热线"]
    assert names("CN", "en") == [
        "12348 public legal service hotline",
        "12378 financial consumer complaint hotline",
    ]
    assert names("GB") == ["MoneyHelper", "StepChange Debt Charity"]
    assert names("US") == ["NFCC (National Foundation for Credit Counseling)"]


def test_a_name_with_no_chinese_is_shown_in_english_with_the_chinese_description():
    [first, _] = advice_book().advice(jurisdiction="GB", language="zh-hans").services

    assert first.name == "MoneyHelper"
    assert "免费" in first.description


def test_the_rights_text_is_the_countrys_own_in_the_readers_language():
    chinese = advice_book().advice(jurisdiction="CN", language="zh-hans").rights
    english = advice_book().advice(jurisdiction="US", language="en").rights

    assert "12378" in chinese and "尊重" in chinese
    assert "Consumer Financial Protection Bureau" in english
    assert "Breathing Space" not in english + chinese
    assert "Breathing Space" in advice_book().advice(jurisdiction="GB", language="en").rights


def test_a_draft_is_not_shown_until_it_is_published():
    advice_book()  # cached before the change, as on a busy site
    draft = DebtAdviceService(
        jurisdiction="US",
        name="Local credit union counseling",
        phone="1-800-000-0000",
        description="A credit union's free budget help.",
        order=5,
        live=False,
    )
    draft.save()
    draft.save_revision()

    assert "Local credit union counseling" not in names("US")

    draft.latest_revision.publish()

    assert names("US")[0] == "Local credit union counseling"


def test_a_country_with_nothing_published_shows_no_services_at_all():
    for service in DebtAdviceService.objects.filter(jurisdiction="CN"):
        service.save_revision().publish()
        service.unpublish()

    advice = advice_book().advice(jurisdiction="CN", language="zh-hans")

    assert advice.services == ()
    assert advice.debt_advice_name == advice.debt_advice_phone == ""


def test_a_lenders_own_service_stands_in_for_the_services_but_not_the_rights():
    own = Service(name="Harbour Advice Partners", phone="400 000 0000")

    advice = advice_book().advice(jurisdiction="CN", language="zh-hans", override=own)

    assert advice.services == (own,)
    assert advice.debt_advice_name == "Harbour Advice Partners"
    assert "12378" in advice.rights


def test_a_service_needs_a_phone_number_or_a_website():
    service = DebtAdviceService(jurisdiction="US", name="Nowhere", description="Unreachable.")

    with pytest.raises(ValidationError, match="phone number or a website"):
        service.full_clean()


@pytest.mark.parametrize(
    ("website", "label"),
    [
        ("https://www.moneyhelper.org.uk", "moneyhelper.org.uk"),
        ("https://www.moneyhelper.org.uk/", "moneyhelper.org.uk"),
        ("https://www.12348.gov.cn/help/", "12348.gov.cn/help"),
    ],
)
def test_a_website_is_shown_as_people_say_it(website, label):
    assert Service(name="x", website=website).website_label == label
