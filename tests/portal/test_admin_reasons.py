"""Every change made in Django's admin says why, and the reason stays with the change
django-auditlog records: adding, changing, deleting and admin actions alike."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from auditlog.models import LogEntry
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from portal.admin_site import ReasonedChanges
from portal.lender_api.keys import create_key
from repayment.models import Lender
from tests import factories
from tests.support.staff import signed_in, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    superuser = factories.UserFactory(is_staff=True, is_superuser=True)
    TOTP.activate(superuser, generate_totp_secret())
    return signed_in(client, superuser)


def form_data(page) -> dict:
    """What the change form would post as it stands."""
    form = page.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, bool):
            value = "on" if value else None
        if value not in (None, ""):
            data[name] = value
    return data


def test_every_model_in_the_admin_asks_why():
    assert admin.site._registry
    for model, model_admin in admin.site._registry.items():
        assert isinstance(model_admin, ReasonedChanges), model


def test_a_change_without_a_reason_is_refused_and_changes_nothing(admin_client):
    lender = factories.LenderFactory()
    url = reverse("admin:repayment_lender_change", args=[lender.pk])
    data = {**form_data(admin_client.get(url)), "phone": "+86 400 111 2222"}

    refused = admin_client.post(url, data)

    assert refused.status_code == 200
    assert "Why are you making this change?" in refused.text
    assert refused.context["adminform"].form.errors["change_reason"]
    lender.refresh_from_db()
    assert lender.phone == "+86 400 800 1234"


def test_the_reason_is_kept_with_the_recorded_change(admin_client):
    lender = factories.LenderFactory()
    url = reverse("admin:repayment_lender_change", args=[lender.pk])
    data = {**form_data(admin_client.get(url)), "phone": "+86 400 111 2222"}

    admin_client.post(url, {**data, "change_reason": "New switchboard number, letter of 3 May"})

    lender.refresh_from_db()
    assert lender.phone == "+86 400 111 2222"
    entry = LogEntry.objects.get_for_object(lender).get(action=LogEntry.Action.UPDATE)
    assert entry.changes_dict["phone"] == ["+86 400 800 1234", "+86 400 111 2222"]
    assert entry.additional_data == {"reason": "New switchboard number, letter of 3 May"}


def test_adding_asks_why_too(admin_client):
    url = reverse("admin:auth_group_add")

    refused = admin_client.post(url, {"name": "Night shift"})
    admin_client.post(url, {"name": "Night shift", "change_reason": "Weekend cover from June"})

    assert refused.status_code == 200
    group = Group.objects.get(name="Night shift")
    entry = LogEntry.objects.get_for_object(group).get(action=LogEntry.Action.CREATE)
    assert entry.additional_data["reason"] == "Weekend cover from June"


def test_an_admin_action_asks_why_before_it_runs(admin_client):
    lender = factories.LenderFactory()
    key = create_key(lender=lender, name="core", scopes=["plans:read"]).key
    changelist = reverse("admin:lender_api_lenderkey_changelist")
    chosen = {"action": "revoke", "_selected_action": [key.pk], "index": "0"}

    asked = admin_client.post(changelist, chosen)

    assert asked.status_code == 200
    assert "Why are you making this change?" in asked.text
    key.refresh_from_db()
    assert key.revoked_at is None

    # The question's page posts the action back with the reason (and without "index").
    answer = {k: v for k, v in chosen.items() if k != "index"}
    admin_client.post(changelist, {**answer, "change_reason": "Key leaked in a log file"})

    key.refresh_from_db()
    assert key.revoked_at is not None
    entry = LogEntry.objects.get_for_object(key).get(action=LogEntry.Action.UPDATE)
    assert entry.additional_data["reason"] == "Key leaked in a log file"


def test_deleting_several_at_once_is_not_offered(admin_client):
    page = admin_client.get(reverse("admin:auth_group_changelist"))

    assert "delete_selected" not in page.text


@pytest.mark.parametrize("role", ["agent", "supervisor", "editor", "reviewer"])
def test_only_administrators_reach_djangos_admin(client, role):
    user = staff_user(role)
    signed_in(client, user)

    response = client.get("/django-admin/")

    assert not user.is_staff
    assert response.status_code == 403
    assert "This page is not open to your account" in response.text
    assert client.get("/django-admin/password_change/").status_code == 403


def test_an_administrator_reaches_djangos_admin(client):
    signed_in(client, staff_user("administrator"))

    assert client.get("/django-admin/").status_code == 200


def test_a_role_that_may_only_look_is_not_asked_why(client):
    viewer = staff_user("administrator")
    signed_in(client, viewer)
    lender = factories.LenderFactory()
    viewer.groups.first().permissions.add(Permission.objects.get(codename="view_lender"))

    page = client.get(reverse("admin:repayment_lender_change", args=[lender.pk]))

    assert page.status_code == 200
    assert "change_reason" not in page.text
    assert Lender.objects.get(pk=lender.pk).phone == lender.phone
