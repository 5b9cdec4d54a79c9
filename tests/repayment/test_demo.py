"""`make demo` loads borrowers in the situations the README promises, with working logins."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from repayment.demo import DEMO_PASSWORD
from repayment.ledger.reading import local_today
from repayment.models import Borrower, LedgerEntry, PaymentReport, PlanStatus, Promise
from repayment.plans.policy import policy_for
from repayment.statements.build import LATE, PAID_OFF, UP_TO_DATE
from repayment.statements.cache import statement_for

pytestmark = pytest.mark.django_db


def situation(external_id):
    loan = (
        Borrower.objects.get(external_id=external_id)
        .loans.select_related("product__lender", "borrower")
        .get()
    )
    return statement_for(loan=loan)


def test_demo_borrowers_cover_every_situation_and_loading_twice_changes_nothing():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    entries = LedgerEntry.objects.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert LedgerEntry.objects.count() == entries

    assert situation("DEMO-B1").status == UP_TO_DATE
    assert situation("DEMO-B2").days_past_due == 5
    assert situation("DEMO-B3").days_past_due == 45
    very_late = situation("DEMO-B4")
    assert very_late.status == LATE
    assert 115 <= very_late.days_past_due <= 125
    assert very_late.balance.fees > 0
    assert situation("DEMO-B5").status == PAID_OFF
    assert Borrower.objects.filter(preferred_language="zh-hans", user__isnull=False).exists()
    assert Borrower.objects.get(external_id="DEMO-B6").user is None


def test_printed_demo_logins_work_and_land_in_the_borrowers_language(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for email, language in [("maria@demo.example", "en"), ("liwei@demo.example", "zh-hans")]:
        response = client.post(
            reverse("account_login"), {"login": email, "password": DEMO_PASSWORD}, follow=True
        )
        assert response.status_code == 200
        assert response.redirect_chain[-1][0] == f"/{language}/my/"
        client.logout()


def test_demo_yuan_loans_show_chinas_free_help_and_dollar_loans_the_nfcc(client):
    from tests.education.free_help import ensure_free_help

    ensure_free_help()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for external_id, shown, hidden in [
        ("DEMO-B4", "12348 公共法律服务热线", "NFCC"),
        ("DEMO-B1", "NFCC", "12348"),
    ]:
        borrower = Borrower.objects.get(external_id=external_id)
        client.force_login(borrower.user)
        page = client.get(
            reverse("loan_help", args=[borrower.loans.get().reference]).replace(
                "/en/", f"/{borrower.preferred_language}/"
            )
        ).content.decode()
        assert shown in page and hidden not in page, external_id


def test_one_late_borrower_has_promised_to_pay_and_another_says_they_paid():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    promise = Promise.objects.select_related("loan__borrower", "loan__product").get()
    report = PaymentReport.objects.select_related("loan__borrower", "loan__product").get()
    assert promise.status == report.status == "open"
    assert promise.loan != report.loan
    for loan in (promise.loan, report.loan):
        statement = statement_for(loan=loan)
        assert statement.status == LATE
        assert not loan.plans.filter(status=PlanStatus.ACTIVE).exists()
        assert not loan.pauses.exists()

    today = local_today(timezone.now(), promise.loan.borrower.time_zone)
    policy = policy_for(promise.loan.product)
    assert promise.made_on == today
    assert today < promise.pay_by <= today + dt.timedelta(days=policy.promise_max_days)
    assert promise.hold_until == promise.pay_by + dt.timedelta(days=policy.promise_grace_days)
    assert 0 < promise.amount <= statement_for(loan=promise.loan).amount_due

    today = local_today(timezone.now(), report.loan.borrower.time_zone)
    assert report.paid_on == today - dt.timedelta(days=1)
    assert report.reported_on == today
    assert report.hold_until == today + dt.timedelta(days=5)


def test_the_printed_logins_say_who_has_given_their_word():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    lines = out.getvalue().splitlines()

    [promised] = [line for line in lines if "open promise to pay" in line]
    [reported] = [line for line in lines if "says they paid" in line]
    assert "chenjing@demo.example" in promised
    assert "maria@demo.example" in reported
