"""A login that has not passed its training reads the console but cannot act in it. Every
address of the console (the support pages, the audit trail, the training's own changes) is
read from the URLconf, so a new address cannot slip past the gate."""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from portal.audit.models import Record, RecordKind
from portal.support import roles
from portal.support.models import Assignment, Note
from portal.training.checking import mark_passed
from repayment.models import Dispute, Pause, Proposal
from tests.repayment.plan_fixtures import late_loan
from tests.support.staff import signed_in, staff_user
from tests.support.work_fixtures import waiting_pause, waiting_proposal

from .modules import bump, training_module

pytestmark = pytest.mark.django_db

# Taking a check is how an untrained login becomes trained: the one console address that
# accepts a POST from it.
TRAINING_ITSELF = {"training:module"}


def console_patterns():
    """(name, route with dummy arguments) of every URL pattern under support/, from the
    URLconf itself."""
    found = []

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = pattern.namespace or namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                found.append((name, route, pattern))

    walk(get_resolver().url_patterns, "", None)
    return [
        (name, route, pattern)
        for name, route, pattern in found
        # i18n_patterns put the language first: en/support/...
        if re.match(r"^(?:[a-z-]+/)?support/", route) and name
    ]


def dummy_args(pattern: URLPattern, real: dict) -> dict:
    args = {}
    for key, converter in pattern.pattern.converters.items():
        args[key] = real.get(key, 1 if type(converter).__name__ == "IntConverter" else "proposal")
    return args


def state():
    return (
        Record.objects.filter(kind=RecordKind.CHANGE).count(),
        Note.objects.count(),
        Assignment.objects.count(),
        list(Proposal.objects.values_list("status", flat=True)),
        list(Pause.objects.values_list("status", flat=True)),
        list(Dispute.objects.values_list("status", flat=True)),
    )


def test_the_console_has_addresses_to_check():
    names = {name for name, _route, _pattern in console_patterns()}
    assert {"support:add_note", "support:take", "audit_disclosure", "training:decide_change"} <= (
        names
    )


@pytest.mark.parametrize("role", ["administrator", "reviewer"])
def test_no_console_address_acts_for_an_untrained_login(client, role):
    for group in roles.ROLES:
        training_module(group, title=f"For {group}")
    loan = late_loan()
    proposal = waiting_proposal(loan)
    pause = waiting_pause(late_loan())
    real = {"pk": proposal.pk, "kind": "proposal"}
    user = staff_user(role, trained=False)
    signed_in(client, user)

    acted = []
    for name, _route, pattern in console_patterns():
        if name in TRAINING_ITSELF:
            continue
        kwargs = dummy_args(pattern, real)
        if name == "support:pause":
            kwargs["pk"] = pause.pk
        url = reverse(name, kwargs=kwargs)
        before = state()
        response = client.post(url, {"action": "approve", "reason": "x", "note": "x"})
        if response.status_code != 403 or reverse("training:home") not in response.text:
            acted.append(f"{name}: {response.status_code}")
        if state() != before:
            acted.append(f"{name}: something changed")
    assert acted == []


def test_the_refusal_is_on_the_audit_trail(client):
    training_module(roles.AGENTS)
    borrower = late_loan().borrower
    signed_in(client, staff_user("agent", trained=False))

    client.post(reverse("support:add_note", args=[borrower.pk]), {"text": "hi", "reason": "x"})

    assert Note.objects.count() == 0
    assert Record.objects.filter(action="access.refused").count() == 1


def test_an_untrained_login_still_reads_the_console_with_a_banner(client):
    training_module(roles.AGENTS)
    borrower = late_loan().borrower
    signed_in(client, staff_user("agent", trained=False))

    page = client.get(reverse("support:borrower", args=[borrower.pk]))

    assert page.status_code == 200
    assert "Read-only until you pass your training." in page.text
    assert reverse("training:home") in page.text


def test_a_trained_login_sees_no_banner_and_acts(client):
    module = training_module(roles.AGENTS)
    borrower = late_loan().borrower
    user = staff_user("agent", trained=False)
    mark_passed(user, module)
    signed_in(client, user)

    assert "Read-only" not in client.get(reverse("support:search")).text
    response = client.post(
        reverse("support:add_note", args=[borrower.pk]), {"text": "Called", "reason": "call"}
    )

    assert response.status_code == 302
    assert Note.objects.count() == 1


def test_a_new_version_makes_the_console_read_only_again(client):
    module = training_module(roles.AGENTS)
    borrower = late_loan().borrower
    user = staff_user("agent")  # passed version 1
    bump(module)
    signed_in(client, user)

    response = client.post(
        reverse("support:add_note", args=[borrower.pk]), {"text": "Called", "reason": "call"}
    )

    assert response.status_code == 403
    assert Note.objects.count() == 0


def test_another_roles_module_does_not_hold_an_agent_back(client):
    training_module(roles.REVIEWERS)
    borrower = late_loan().borrower
    signed_in(client, staff_user("agent", trained=False))

    response = client.post(
        reverse("support:add_note", args=[borrower.pk]), {"text": "Called", "reason": "call"}
    )

    assert response.status_code == 302


def _action_forms(client, borrower, proposal) -> dict[str, bool]:
    """Which action forms the console offers on the borrower page, the queue and a proposal."""
    borrower_page = client.get(reverse("support:borrower", args=[borrower.pk])).text
    queue_page = client.get(reverse("support:queue")).text
    proposal_page = client.get(reverse("support:proposal", args=[proposal.pk])).text
    return {
        "note": reverse("support:add_note", args=[borrower.pk]) in borrower_page,
        "contact": reverse("support:record_contact", args=[borrower.pk]) in borrower_page,
        "take": reverse("support:take", args=["proposal", proposal.pk]) in queue_page,
        "answer": 'name="action" value="approve"' in proposal_page,
    }


def test_an_untrained_login_is_not_offered_forms_it_cannot_send(client):
    module = training_module(roles.AGENTS)
    loan = late_loan()
    proposal = waiting_proposal(loan)
    user = staff_user("agent", trained=False)
    signed_in(client, user)

    assert _action_forms(client, loan.borrower, proposal) == dict.fromkeys(
        ("note", "contact", "take", "answer"), False
    )

    mark_passed(user, module)
    assert _action_forms(client, loan.borrower, proposal) == dict.fromkeys(
        ("note", "contact", "take", "answer"), True
    )
