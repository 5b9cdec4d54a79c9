"""The contact preferences page: what it shows, what it saves, and what it refuses (bad input
changes nothing and says what is wrong)."""

import datetime as dt

import pytest
from django.urls import reverse

from portal.notifications.models import ContactPreferences, Suppression
from tests.factories import BorrowerFactory, UserFactory

from .views_helpers import add_loan, borrower

pytestmark = pytest.mark.django_db

URL = "/en/my/preferences/"


def form(**changes):
    data = {
        "email_enabled": "on",
        "email": "",
        "phone": "",
        "contact_from": "",
        "contact_until": "",
        "language": "en",
        "time_zone": "Asia/Shanghai",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def person(client):
    person = borrower(phone="+86 138 0000 0000")
    client.force_login(person.user)
    return person


def assert_nothing_saved(person):
    assert not ContactPreferences.objects.filter(borrower=person).exists()
    person.refresh_from_db()
    assert (person.preferred_language, person.time_zone) == ("en", "Asia/Shanghai")


def test_the_page_shows_the_channels_the_addresses_in_use_and_the_legal_hours(client, person):
    page = client.get(URL).text
    assert "Message centre: always on." in page
    assert f"Leave empty to use {person.user.email}, the address on your account." in page
    assert "Leave empty to use +8613800000000, the number your lender has for you." in page
    assert "allow messages between 08:00 and 21:00 in your time zone" in page
    # Only hours inside the lender's rules are offered.
    assert '<option value="08:00">' in page and '<option value="21:00">' in page
    assert '<option value="07:30">' not in page and '<option value="21:30">' not in page
    assert '<option value="Asia/Shanghai" selected>' in page
    # E-mail is on and text messages off until the borrower chooses otherwise.
    assert 'name="email_enabled" id="id_email_enabled" checked' in page
    assert 'name="sms_enabled" id="id_sms_enabled" checked' not in page


def test_saving_writes_the_choices_and_the_borrower_fields_together(client, person):
    response = client.post(
        URL,
        form(
            sms_enabled="on",
            phone="+86 (139) 0013-8000",
            contact_from="09:00",
            contact_until="20:30",
            time_zone="Europe/London",
        ),
        follow=True,
    )
    assert response.redirect_chain == [(URL, 302)]
    assert "Your choices are saved." in response.text
    saved = ContactPreferences.objects.get(borrower=person)
    assert (saved.email_enabled, saved.sms_enabled) == (True, True)
    assert saved.phone == "+8613900138000"
    assert (saved.contact_from, saved.contact_until) == (dt.time(9), dt.time(20, 30))
    person.refresh_from_db()
    assert person.time_zone == "Europe/London"
    # The saved choices are what the page shows next time.
    assert 'value="+8613900138000"' in response.text
    assert '<option value="09:00" selected>' in response.text
    assert '<option value="Europe/London" selected>' in response.text


def test_choosing_chinese_saves_it_and_continues_in_chinese(client, person):
    response = client.post(URL, form(language="zh-hans"))
    assert response.url == "/zh-hans/my/preferences/"
    assert response.cookies["django_language"].value == "zh-hans"
    person.refresh_from_db()
    assert person.preferred_language == "zh-hans"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"contact_from": "07:00"}, "Choose a time between 08:00 and 21:00."),
        ({"contact_until": "21:30"}, "Choose a time between 08:00 and 21:00."),
        ({"contact_from": "23:00", "contact_until": "06:00"}, "between 08:00 and 21:00"),
        (
            {"contact_from": "18:00", "contact_until": "09:00"},
            "Choose a latest time that is later than the earliest time.",
        ),
        ({"contact_from": "21:00"}, "Choose a time between 08:00 and 21:00."),
    ],
)
def test_hours_outside_the_legal_window_are_refused_and_nothing_changes(
    client, person, changes, message
):
    response = client.post(URL, form(sms_enabled="on", phone="+8613900138000", **changes))
    assert response.status_code == 200
    assert message in response.text
    assert "Nothing has been saved yet." in response.text
    assert_nothing_saved(person)


def test_a_borrower_with_several_lenders_gets_the_strictest_hours(client):
    person = borrower(rules="China NIFA")
    client.force_login(person.user)
    assert "between 08:00 and 22:00" in client.get(URL).text
    assert client.post(URL, form(contact_until="21:30")).status_code == 302

    add_loan(person, rules="US Regulation F")
    response = client.post(URL, form(contact_until="21:30"))
    assert response.status_code == 200
    assert "Choose a time between 08:00 and 21:00." in response.text
    assert ContactPreferences.objects.get(borrower=person).contact_until == dt.time(21, 30)


def test_a_products_own_rules_replace_its_lenders(client):
    person = borrower(rules="US Regulation F", product_rules="China NIFA")
    client.force_login(person.user)
    assert client.post(URL, form(contact_until="22:00")).status_code == 302
    assert ContactPreferences.objects.get(borrower=person).contact_until == dt.time(22)


@pytest.mark.parametrize(
    "phone",
    ["12345", "call me maybe", "+86 138 0013 8000 ext 12", "++8613800138000", "0" * 20],
)
def test_a_bad_mobile_number_is_refused_and_nothing_changes(client, person, phone):
    response = client.post(URL, form(sms_enabled="on", phone=phone, language="zh-hans"))
    assert response.status_code == 200
    assert "Enter a mobile number with its country code" in response.text
    assert_nothing_saved(person)


def test_text_messages_need_a_number(client):
    person = borrower(phone="")
    client.force_login(person.user)
    response = client.post(URL, form(sms_enabled="on"))
    assert "Enter your mobile number to get text messages." in response.text
    assert not ContactPreferences.objects.exists()


def test_a_bad_email_or_time_zone_is_refused_and_nothing_changes(client, person):
    response = client.post(URL, form(email="not an address", time_zone="Mars/Olympus"))
    assert response.status_code == 200
    assert "Enter an e-mail address like name@example.com." in response.text
    assert "Choose your time zone from the list." in response.text
    assert_nothing_saved(person)


def test_the_borrowers_own_unusual_time_zone_is_offered_and_kept(client):
    person = borrower(time_zone="America/Argentina/Buenos_Aires")
    client.force_login(person.user)
    page = client.get(URL).text
    assert '<option value="America/Argentina/Buenos_Aires" selected>' in page
    assert (
        '<option value="America/Argentina/Buenos_Aires" selected>Argentina Standard Time (now'
        in page
    )
    chinese = client.get("/zh-hans/my/preferences/").text
    assert '<option value="America/Argentina/Buenos_Aires" selected>阿根廷标准时间' in chinese
    response = client.post(URL, form(time_zone="America/Argentina/Buenos_Aires"))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.time_zone == "America/Argentina/Buenos_Aires"


def test_switching_a_channel_back_on_lifts_the_opt_out_and_says_so(client, person):
    address = person.user.email
    Suppression.objects.create(channel="email", address=address, reason="opted_out", source="link")
    page = client.get(URL).text
    assert f"You asked us to stop e-mails to {address}." in page
    assert 'name="email_enabled" id="id_email_enabled" checked' not in page

    # Saving other choices with e-mail still off keeps the opt-out.
    client.post(URL, form(email_enabled=None, time_zone="Asia/Hong_Kong"))
    assert Suppression.objects.filter(address=address).exists()
    assert not ContactPreferences.objects.get(borrower=person).email_enabled

    response = client.post(URL, form(), follow=True)
    assert not Suppression.objects.filter(address=address).exists()
    assert f"You will get e-mails at {address} again." in response.text
    assert ContactPreferences.objects.get(borrower=person).email_enabled


def test_switching_text_messages_on_lifts_a_stop_reply_for_that_number(client, person):
    Suppression.objects.create(
        channel="sms", address="+8613900138000", reason="opted_out", source="reply"
    )
    client.post(URL, form(sms_enabled="on", phone="+86 139 0013 8000"))
    assert not Suppression.objects.exists()


def test_a_bounced_address_asks_for_a_working_one_and_a_new_one_is_used(client, person):
    old = person.user.email
    Suppression.objects.create(channel="email", address=old, reason="bounced", source="provider")
    page = client.get(URL).text
    assert f"E-mails to {old} are not reaching you" in page
    assert "Please enter an address that works." in page

    # Ticking e-mails on does not lift a bounce; only a new address helps.
    client.post(URL, form())
    assert Suppression.objects.filter(address=old, reason="bounced").exists()

    response = client.post(URL, form(email="New.Address@Example.com"), follow=True)
    assert Suppression.objects.filter(address=old, reason="bounced").exists()
    assert ContactPreferences.objects.get(borrower=person).email == "New.Address@Example.com"
    assert "are not reaching you" not in response.text


def test_the_page_needs_a_signed_in_borrower(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response.url
    client.force_login(UserFactory())
    assert client.get(URL).url == reverse("link_borrower")
    assert client.post(URL, form()).url == reverse("link_borrower")
    assert not ContactPreferences.objects.exists()


def test_a_borrower_without_loans_is_held_to_the_strictest_rules(client):
    person = BorrowerFactory(user=UserFactory())
    client.force_login(person.user)
    assert "between 08:00 and 21:00" in client.get(URL).text


def test_the_page_speaks_chinese(client, person):
    page = client.get("/zh-hans/my/preferences/").text
    assert 'lang="zh-hans"' in page
    assert "我们如何联系您" in page
    assert "消息中心：始终开启。" in page
    assert "How we contact you" not in page
    response = client.post("/zh-hans/my/preferences/", form(sms_enabled="on", phone="123"))
    assert "请输入带国家代码的手机号码" in response.text
