"""The demo has one training module per role, passed by the demo staff."""

import pytest

from portal.support.demo import STAFF, load_demo_staff
from portal.training.demo import load_demo_training
from portal.training.models import TrainingModule
from portal.training.standing import is_current, modules_for

pytestmark = pytest.mark.django_db


def test_each_demo_login_has_its_module_and_has_passed_it(django_user_model):
    load_demo_staff()
    load_demo_training()
    load_demo_training()  # a second run adds nothing

    assert TrainingModule.objects.live().count() == 4
    for email, _group, role in STAFF:
        user = django_user_model.objects.get(email=email)
        assert modules_for(user=user), role
        assert is_current(user=user), role


def test_the_demo_modules_have_checks():
    load_demo_staff()
    load_demo_training()
    for module in TrainingModule.objects.all():
        assert module.questions
        assert all(sum(c["correct"] for c in q["choices"]) == 1 for q in module.questions)
