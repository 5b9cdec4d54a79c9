"""A change to the contact rules a lender works under needs a compliance reviewer's approval,
with a reason and an effective date, and switches on that date. The presets show their legal
source and last review date to staff."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from portal.audit.actors import Actor
from portal.audit.models import Record
from portal.notifications.contact_rules.presets import PRESETS, PROVENANCE, profile_for
from portal.support import roles
from portal.training import preset_changes
from portal.training.models import ChangeStatus, PresetChange
from portal.training.tasks import apply_preset_changes
from repayment.models import ContactRules
from tests import factories
from tests.support.staff import signed_in, staff_user

from .modules import training_module

pytestmark = pytest.mark.django_db

TODAY = dt.date(2027, 1, 10)


def ask(lender, *, by, effective=TODAY, to=ContactRules.UK_FCA, product=None):
    return preset_changes.request_change(
        lender=lender,
        product=product,
        new_preset=to,
        reason="The lender now lends in the UK.",
        effective_date=effective,
        acting=Actor(user=by),
        today=min(TODAY, effective),
    )


def test_every_preset_has_a_source_and_a_review_date():
    assert set(PROVENANCE) == set(PRESETS)
    assert all(p.source and p.reviewed_on for p in PROVENANCE.values())


def test_a_change_waits_for_approval_then_switches_on_its_date():
    lender = factories.LenderFactory(contact_rules=ContactRules.US_REG_F)
    product = factories.LoanProductFactory(lender=lender)
    admin, reviewer = staff_user("administrator"), staff_user("reviewer")
    change = ask(lender, by=admin, effective=TODAY + dt.timedelta(days=5))

    lender.refresh_from_db()
    assert lender.contact_rules == ContactRules.US_REG_F  # asked is not approved

    preset_changes.approve_change(change, acting=Actor(user=reviewer), today=TODAY)
    lender.refresh_from_db()
    assert lender.contact_rules == ContactRules.US_REG_F  # approved, not yet effective

    assert preset_changes.apply_due(today=TODAY + dt.timedelta(days=4)) == 0
    assert preset_changes.apply_due(today=TODAY + dt.timedelta(days=5)) == 1
    assert preset_changes.apply_due(today=TODAY + dt.timedelta(days=6)) == 0
    product.refresh_from_db()
    assert profile_for(product) is PRESETS[ContactRules.UK_FCA]
    actions = list(Record.objects.order_by("pk").values_list("action", flat=True))
    assert actions[-3:] == [
        "contact_rules.change_requested",
        "contact_rules.change_approved",
        "contact_rules.change_applied",
    ]


def test_an_approval_on_or_after_the_date_switches_at_once():
    lender = factories.LenderFactory(contact_rules=ContactRules.US_REG_F)
    change = ask(lender, by=staff_user("administrator"))

    preset_changes.approve_change(change, acting=Actor(user=staff_user("reviewer")), today=TODAY)

    lender.refresh_from_db()
    change.refresh_from_db()
    assert lender.contact_rules == ContactRules.UK_FCA and change.applied_at is not None


def test_the_daily_task_applies_what_is_due():
    lender = factories.LenderFactory(contact_rules=ContactRules.US_REG_F)
    change = ask(lender, by=staff_user("administrator"), effective=TODAY + dt.timedelta(days=1))
    preset_changes.approve_change(change, acting=Actor(user=staff_user("reviewer")), today=TODAY)

    with time_machine.travel(dt.datetime(2027, 1, 11, 12, tzinfo=dt.UTC)):
        apply_preset_changes.delay()

    lender.refresh_from_db()
    assert lender.contact_rules == ContactRules.UK_FCA


def test_nobody_approves_their_own_request():
    reviewer = staff_user("reviewer")
    lender = factories.LenderFactory()
    change = ask(lender, by=reviewer)

    with pytest.raises(preset_changes.ChangeRefused):
        preset_changes.approve_change(change, acting=Actor(user=reviewer), today=TODAY)
    change.refresh_from_db()
    assert change.status == ChangeStatus.PENDING


def test_an_untrained_reviewer_cannot_approve():
    training_module(roles.REVIEWERS)
    lender = factories.LenderFactory()
    change = ask(lender, by=staff_user("administrator"))

    with pytest.raises(preset_changes.ChangeRefused):
        preset_changes.approve_change(
            change, acting=Actor(user=staff_user("reviewer", trained=False)), today=TODAY
        )


@pytest.mark.parametrize(
    ("field", "value"),
    [("reason", " "), ("effective_date", TODAY - dt.timedelta(days=1)), ("new_preset", "x")],
)
def test_a_bad_request_is_refused_and_nothing_is_kept(field, value):
    lender = factories.LenderFactory(contact_rules=ContactRules.US_REG_F)
    request = {
        "lender": lender,
        "new_preset": ContactRules.UK_FCA,
        "reason": "New market.",
        "effective_date": TODAY,
        "acting": Actor(user=staff_user("administrator")),
        "today": TODAY,
        field: value,
    }
    with pytest.raises(preset_changes.ChangeRefused):
        preset_changes.request_change(**request)
    assert not PresetChange.objects.exists()


def test_staff_see_the_presets_with_their_source_and_the_changes(client):
    lender = factories.LenderFactory(name="Harbour", contact_rules=ContactRules.US_REG_F)
    ask(lender, by=staff_user("administrator"), effective=dt.date.today() + dt.timedelta(days=3))
    signed_in(client, staff_user("agent"))

    page = client.get(reverse("training:presets"))

    assert page.status_code == 200
    for provenance in PROVENANCE.values():
        assert provenance.source.split(",")[0] in page.text
    assert "12 CFR 1006.14(b)(2)" in page.text  # each number with its source
    assert "The lender now lends in the UK." in page.text
    assert "waiting for compliance" in page.text
    assert "Record the decision" not in page.text  # agents do not decide
    assert "Ask for the change" not in page.text


def test_an_administrator_asks_and_a_reviewer_approves_in_the_console(client):
    lender = factories.LenderFactory(contact_rules=ContactRules.US_REG_F)
    today = dt.date.today()
    signed_in(client, staff_user("administrator"))
    response = client.post(
        reverse("training:request_change"),
        {
            "lender": lender.pk,
            "new_preset": ContactRules.CHINA_NIFA,
            "effective_date": today.isoformat(),
            "reason": "The lender moved to China.",
        },
    )
    assert response.status_code == 302
    change = PresetChange.objects.get()

    client.logout()
    signed_in(client, staff_user("reviewer"))
    page = client.get(reverse("training:presets"))
    assert "Record the decision" in page.text
    response = client.post(
        reverse("training:decide_change", args=[change.pk]), {"decision": "approve", "note": ""}
    )

    assert response.status_code == 302
    lender.refresh_from_db()
    assert lender.contact_rules == ContactRules.CHINA_NIFA


def test_a_rejection_needs_a_note(client):
    change = ask(
        factories.LenderFactory(), by=staff_user("administrator"), effective=dt.date.today()
    )
    signed_in(client, staff_user("reviewer"))

    response = client.post(
        reverse("training:decide_change", args=[change.pk]), {"decision": "reject", "note": ""}
    )

    assert response.status_code == 400
    change.refresh_from_db()
    assert change.status == ChangeStatus.PENDING


def test_agents_cannot_ask_or_decide(client):
    change = ask(
        factories.LenderFactory(), by=staff_user("administrator"), effective=dt.date.today()
    )
    signed_in(client, staff_user("agent"))

    assert client.post(reverse("training:request_change"), {}).status_code == 403
    assert (
        client.post(
            reverse("training:decide_change", args=[change.pk]), {"decision": "approve"}
        ).status_code
        == 403
    )


def test_the_lenders_rules_are_read_only_in_the_django_admin(admin_client):
    lender = factories.LenderFactory()
    from django.contrib import admin as django_admin

    from repayment.models import Lender

    model_admin = django_admin.site._registry[Lender]
    assert "contact_rules" in model_admin.get_readonly_fields(None, lender)
    assert "contact_rules" not in model_admin.get_readonly_fields(None, None)
