"""Contact preferences: read them, change some of them; bad input changes nothing."""

import pytest

from portal.notifications.models import ContactPreferences, Suppression

pytestmark = pytest.mark.django_db

URL = "/api/v1/preferences/"


def test_a_borrower_who_never_chose_sees_the_defaults(api, loan):
    body = api.get(URL).json()

    assert body["email_enabled"] is True and body["sms_enabled"] is False
    assert body["email"] == "" and body["contact_from"] is None
    assert body["language"] == "en" and body["time_zone"] == "Asia/Shanghai"
    assert body["email_state"]["address"] == loan.borrower.user.email
    assert body["sms_state"]["default"] == "+8613800000000"
    assert body["allowed_hours"] == {"start": "08:00", "end": "21:00"}
    assert {"value": "Asia/Shanghai", "label": body["time_zones"][0]["label"]} in body["time_zones"]


def test_changing_some_choices_keeps_the_others(api, loan):
    response = api.patch(
        URL,
        {"sms_enabled": True, "contact_from": "09:00", "contact_until": "18:00"},
        format="json",
    )

    assert response.status_code == 200
    body = response.json()
    assert body["sms_enabled"] is True and body["email_enabled"] is True
    assert (body["contact_from"], body["contact_until"]) == ("09:00", "18:00")
    saved = ContactPreferences.objects.get(borrower=loan.borrower)
    assert saved.sms_enabled and saved.email_enabled
    assert f"{saved.contact_from:%H:%M}" == "09:00"
    assert api.get(URL).json() == body


def test_the_language_and_time_zone_can_change(api, loan):
    body = api.patch(URL, {"language": "zh-hans", "time_zone": "Europe/London"}, format="json")

    assert body.status_code == 200
    loan.borrower.refresh_from_db()
    assert loan.borrower.preferred_language == "zh-hans"
    assert loan.borrower.time_zone == "Europe/London"


def test_switching_a_channel_on_again_lifts_its_opt_out(api, loan):
    Suppression.objects.create(
        channel="sms", address="+8613800000000", reason="opted_out", source="reply"
    )
    assert api.get(URL).json()["sms_state"]["opted_out"] is True

    body = api.patch(URL, {"sms_enabled": True}, format="json").json()

    assert body["sms_state"]["opted_out"] is False
    assert not Suppression.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"sms_enabled": True, "phone": "call me"}, "phone", "country code"),
        ({"email": "not an address"}, "email", "valid email"),
        ({"contact_from": "03:00"}, "contact_from", "between 08:00 and 21:00"),
        ({"contact_from": "25:00"}, "contact_from", "does not match"),
        (
            {"contact_from": "18:00", "contact_until": "09:00"},
            "contact_until",
            "later than the earliest",
        ),
        ({"language": "fr"}, "language", "Choose English or Chinese"),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "Choose your time zone"),
        ({"sms_enabled": "perhaps"}, "sms_enabled", "valid boolean"),
        ({"emial_enabled": False}, "emial_enabled", "not a preference you can change"),
    ],
)
def test_bad_input_names_the_field_and_changes_nothing(api, loan, changes, field, message):
    before = api.get(URL).json()

    response = api.patch(URL, {"email_enabled": False, **changes}, format="json")

    assert response.status_code == 400
    assert message in response.json()[field][0]
    assert api.get(URL).json() == before
    assert not ContactPreferences.objects.exists()
    loan.borrower.refresh_from_db()
    assert loan.borrower.preferred_language == "en"


def test_an_email_is_needed_only_without_one_on_file(api, loan):
    loan.borrower.user.email = ""
    loan.borrower.user.save()
    loan.borrower.email = ""
    loan.borrower.save()

    response = api.patch(URL, {"email_enabled": True}, format="json")

    assert response.status_code == 400
    assert "Enter an e-mail address" in response.json()["email"][0]
