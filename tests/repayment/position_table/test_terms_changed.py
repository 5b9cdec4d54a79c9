"""A product's terms edited in the admin: its loans' rows are marked, so the next daily step
works them out again under the new terms and the next servicing run reads them."""

from types import SimpleNamespace

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.utils import timezone

from repayment.models import LoanPosition, LoanProduct, PlanPolicy
from repayment.position_table.checking import differences
from repayment.position_table.keeping import refresh, refresh_due
from repayment.servicing.in_bulk import due_loans, service_book
from tests.factories import LoanProductFactory
from tests.repayment.plan_fixtures import late_loan

pytestmark = pytest.mark.django_db


def edited(product, **changes):
    LoanProduct.objects.filter(pk=product.pk).update(**changes)
    product.refresh_from_db()
    form = SimpleNamespace(instance=product, save_m2m=lambda: None, cleaned_data={})
    admin.site._registry[LoanProduct].save_related(
        RequestFactory().post("/"), form, formsets=[], change=True
    )


def test_an_edited_product_loans_are_worked_out_again_and_read_by_servicing():
    product = LoanProductFactory(grace_days=0, servicing_enabled=True)
    loan = late_loan(late_days=3, product=product)
    other = late_loan(late_days=3, product=LoanProductFactory(servicing_enabled=True))
    refresh([loan.pk, other.pk])
    now = timezone.now()
    service_book(now=now)  # whatever servicing owed them is posted
    assert loan.pk not in due_loans(now=now)

    edited(product, grace_days=10)

    assert loan.pk in due_loans(now=now)
    assert other.pk not in due_loans(now=now)
    assert refresh_due(now=now) == 1  # only the edited product's loan
    assert list(differences([loan.pk, other.pk], now=now)) == []


def test_a_plan_policy_edit_marks_the_product_loans_too():
    loan = late_loan(late_days=3)
    refresh([loan.pk])
    policy, _ = PlanPolicy.objects.get_or_create(product=loan.product)
    LoanPosition.objects.filter(loan=loan).update(changes_on=None)

    admin.site._registry[PlanPolicy].save_model(
        RequestFactory().post("/"), policy, form=SimpleNamespace(cleaned_data={}), change=True
    )

    row = LoanPosition.objects.get(loan=loan)
    assert row.changes_on == row.as_of
