"""A reminder about a missed payment names the free help of the loan's own country, in the
borrower's language; under the UK rules, no such reminder goes without it."""

import datetime as dt

import pytest
import time_machine

from education.models import DebtAdviceService
from portal.notifications.models import ContactPreferences, OutboundMessage
from portal.notifications.outbox.planner import plan
from repayment.models import ContactRules
from tests.education.free_help import ensure_free_help
from tests.factories import LenderFactory, LoanProductFactory
from tests.repayment.plan_fixtures import late_loan

pytestmark = pytest.mark.django_db

MORNING_IN_SHANGHAI = dt.datetime(2026, 6, 10, 2, 0, tzinfo=dt.UTC)  # 10:00 local


@pytest.fixture
def morning():
    ensure_free_help()
    with time_machine.travel(MORNING_IN_SHANGHAI, tick=False):
        yield MORNING_IN_SHANGHAI


def reminders(*, rules, language="en", now):
    loan = late_loan(
        paid=3,
        late_days=3,
        product=LoanProductFactory(lender=LenderFactory(contact_rules=rules)),
    )
    loan.borrower.preferred_language = language
    loan.borrower.save(update_fields=["preferred_language"])
    ContactPreferences.objects.create(
        borrower=loan.borrower, sms_enabled=True, phone="+86 139 1111 2222"
    )
    plan(now)
    return {
        m.channel: m
        for m in OutboundMessage.objects.filter(borrower=loan.borrower, event="payment_missed")
    }


@pytest.mark.parametrize(
    ("rules", "language", "named", "never"),
    [
        (ContactRules.CHINA_NIFA, "zh-hans", "12348 公共法律服务热线", ("NFCC", "MoneyHelper")),
        (ContactRules.CHINA_NIFA, "en", "12348 public legal service hotline", ("NFCC",)),
        (ContactRules.US_REG_F, "en", "NFCC", ("MoneyHelper", "12348")),
        (ContactRules.UK_FCA, "en", "MoneyHelper", ("NFCC", "12348")),
    ],
)
def test_the_signpost_names_the_loans_countrys_free_help(morning, rules, language, named, never):
    found = reminders(rules=rules, language=language, now=morning)

    assert set(found) == {"email", "sms", "in_portal"}
    for message in found.values():
        assert named in message.body, message.channel
        for other in never:
            assert other not in message.body, (message.channel, other)


def test_the_email_says_what_the_service_does(morning):
    email = reminders(rules=ContactRules.CHINA_NIFA, language="zh-hans", now=morning)["email"]

    assert "免费法律咨询" in email.body
    assert "https://www.12348.gov.cn" in email.body


def test_under_the_uk_rules_a_reminder_with_no_free_help_to_name_is_held(morning):
    DebtAdviceService.objects.filter(jurisdiction="GB").delete()

    found = reminders(rules=ContactRules.UK_FCA, now=morning)

    assert {m.rule for m in found.values()} == {"debt_advice_missing"}
    assert all(m.status == "suppressed" for m in found.values())
