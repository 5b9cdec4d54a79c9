"""Only administrators keep Django's staff flag (support migration 0005); the other roles are
still staff, told apart by their permissions."""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission

from portal.accounts import linking
from portal.accounts.staff import is_staff_member
from tests import factories

from tests.support.staff import staff_user

pytestmark = pytest.mark.django_db

migration = import_module("portal.support.migrations.0005_admin_flag_for_administrators_only")


def test_the_migration_keeps_the_flag_for_administrators_and_superusers_only():
    agent = staff_user("agent", is_staff=True)
    editor = staff_user("editor", is_staff=True)
    administrator = staff_user("administrator", is_staff=True)
    superuser = factories.UserFactory(is_staff=True, is_superuser=True)
    agent_and_administrator = staff_user("agent", is_staff=True)
    agent_and_administrator.groups.add(administrator.groups.first())

    migration.clear_flag(apps, None)

    for user, flag in [
        (agent, False),
        (editor, False),
        (administrator, True),
        (superuser, True),
        (agent_and_administrator, True),
    ]:
        user.refresh_from_db()
        assert user.is_staff is flag, user


@pytest.mark.parametrize("role", ["agent", "supervisor", "reviewer"])
def test_roles_without_the_flag_are_still_staff_and_never_linked_to_a_borrower(role):
    user = staff_user(role)
    loan = factories.LoanFactory(reference="HCF-004711")

    assert not user.is_staff
    assert is_staff_member(user=user)
    with pytest.raises(linking.StaffLogin):
        linking.link_by_details(
            user=user, loan_reference="HCF-004711", date_of_birth=loan.borrower.date_of_birth
        )


def test_a_login_that_opens_the_cms_is_staff():
    writers = Group.objects.create(name="Lesson writers")
    user = factories.UserFactory()
    assert not is_staff_member(user=user)

    writers.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(writers)

    assert is_staff_member(user=type(user).objects.get(pk=user.pk))


def test_a_borrower_is_not_staff():
    assert not is_staff_member(user=factories.BorrowerFactory(user=factories.UserFactory()).user)
