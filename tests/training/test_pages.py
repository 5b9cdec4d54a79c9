"""The training pages: a login's modules, reading one and taking its check, and compliance's
list of who is current. Modules are never served to borrowers."""

from __future__ import annotations

import pytest
from django.urls import reverse

from portal.audit.models import Record
from portal.support import roles
from portal.training.models import TrainingPass
from portal.training.standing import is_current
from tests import factories
from tests.support.staff import signed_in, staff_user

from .modules import RIGHT, bump, training_module

pytestmark = pytest.mark.django_db


def test_an_agent_sees_the_modules_of_their_role(client):
    training_module(roles.AGENTS, title="Contact rules")
    training_module(roles.REVIEWERS, title="Reviewing changes")
    signed_in(client, staff_user("agent", trained=False))

    page = client.get(reverse("training:home"))

    assert page.status_code == 200
    assert "Contact rules" in page.text and "Reviewing changes" not in page.text
    assert "Not yet passed (version 1)" in page.text


def test_all_answers_right_is_a_pass_of_the_current_version(client):
    module = training_module(roles.AGENTS, version=3)
    user = staff_user("agent", trained=False)
    signed_in(client, user)

    page = client.get(reverse("training:module", args=[module.pk]))
    assert "A US borrower asks for a call" in page.text
    response = client.post(reverse("training:module", args=[module.pk]), RIGHT, follow=True)

    passed = TrainingPass.objects.get(user=user, module=module)
    assert (passed.version, passed.score) == (3, 100)
    assert "You passed" in response.text
    assert is_current(user=type(user).objects.get(pk=user.pk))
    assert Record.objects.filter(action="training.passed", actor=user).count() == 1


def test_a_wrong_answer_is_no_pass_and_says_so(client):
    module = training_module(roles.AGENTS)
    user = staff_user("agent", trained=False)
    signed_in(client, user)

    response = client.post(reverse("training:module", args=[module.pk]), {"q1": "1", "q2": "1"})

    assert response.status_code == 200
    assert "1 answer was not right" in response.text
    assert not TrainingPass.objects.exists()


def test_an_unanswered_question_is_asked_for_again(client):
    module = training_module(roles.AGENTS)
    signed_in(client, staff_user("agent", trained=False))

    response = client.post(reverse("training:module", args=[module.pk]), {"q1": "2"})

    assert response.status_code == 400
    assert "Choose an answer to this question." in response.text
    assert not TrainingPass.objects.exists()


def test_nonsense_answers_change_nothing(client):
    module = training_module(roles.AGENTS)
    signed_in(client, staff_user("agent", trained=False))

    response = client.post(reverse("training:module", args=[module.pk]), {"q1": "9", "q2": "x"})

    assert response.status_code == 400
    assert not TrainingPass.objects.exists()


def test_a_module_is_not_served_to_borrowers(client):
    module = training_module(roles.AGENTS)
    borrower_login = factories.UserFactory()
    client.force_login(borrower_login)

    assert client.get(reverse("training:module", args=[module.pk])).status_code in (302, 403)
    # Its page in the tree leads only to the console, behind the staff gate.
    response = module.serve(type("R", (), {"user": borrower_login})())
    assert response.status_code == 302
    assert response["Location"] == reverse("training:module", args=[module.pk])


def test_compliance_sees_who_is_current(client):
    module = training_module(roles.AGENTS)
    current = staff_user("agent", email="current@example.com")
    behind = staff_user("agent", trained=False, email="behind@example.com")
    old = staff_user("agent", email="old@example.com")
    bump(module)
    from portal.training.checking import mark_passed

    mark_passed(current, module)
    signed_in(client, staff_user("reviewer"))

    page = client.get(reverse("training:staff"))

    assert page.status_code == 200
    text = page.text
    assert "2 members of staff are not current" in text
    rows = {
        email: text[text.index(email) :].split("</tr>")[0]
        for email in (current.email, behind.email, old.email)
    }
    assert "passed version 2 of 2" in rows[current.email] and "Yes" in rows[current.email]
    assert "not passed (version 2)" in rows[behind.email]
    assert "passed version 1 of 2" in rows[old.email] and ">No<" in rows[old.email]


def test_agents_do_not_see_who_is_current(client):
    signed_in(client, staff_user("agent"))

    assert client.get(reverse("training:staff")).status_code == 403


def test_every_role_has_its_training_page(client):
    for role in ("agent", "supervisor", "editor", "reviewer", "administrator"):
        signed_in(client, staff_user(role))
        assert client.get(reverse("training:home")).status_code == 200, role
