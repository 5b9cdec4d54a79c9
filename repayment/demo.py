"""Demo lender, products and borrowers whose histories look real, relative to today.

Each demo borrower's history is made the way a real one would be: the loan is paid out, the
servicing run posts installments, interest and late fees day by day, and the borrower pays, or
stops paying, as their story says. Used by ``manage.py load_demo``; never in production.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from repayment.hardship.promises import make_promise
from repayment.ledger import replay as ledger
from repayment.ledger.reading import ledger_lines, local_today
from repayment.models.plans import self_service_segments
from repayment.paying.reports import report_payment
from repayment.plans.policy import policy_for
from repayment.servicing import postings as servicing
from repayment.servicing import product_terms as terms
from repayment.statements.cache import statement_for

from .models import (
    Borrower,
    ConsequenceMilestone,
    ContactRules,
    EntryKind,
    EntrySource,
    LedgerEntry,
    Lender,
    Loan,
    LoanProduct,
    PaymentMethod,
    PaymentMethodKind,
    PlanPolicy,
    Segment,
)

DEMO_PASSWORD = "portal-demo-2026"  # noqa: S105 - printed for the demo on purpose
LENDER_NAME = "Harbour Community Finance"

MILESTONES = {
    "sme-cny": [
        (
            15,
            "We will call you to check you are all right and talk about your options.",
            "我们会致电问候您，并和您一起看看有哪些选择。",
        ),
        (
            30,
            "We report the missed payment to the credit reference agency. This can make "
            "borrowing harder for a few years.",
            "我们会将逾期情况报送征信机构，这可能在几年内影响您借款。",
        ),
        (
            60,
            "Your account moves to our recoveries team. They contact only you, never your "
            "family, friends or employer.",
            "您的账户会转到我们的还款协商团队。他们只联系您本人，绝不联系您的家人、朋友或雇主。",
        ),
        (
            90,
            "We may end the agreement and ask for the whole balance. We will write to you "
            "first and you can still agree a plan.",
            "我们可能终止合同并要求偿还全部余额。在此之前我们会书面通知您，您仍可以和我们商定还款计划。",
        ),
    ],
    "everyday-usd": [
        (
            30,
            "We report the missed payment to the credit bureaus. This can make borrowing "
            "harder for up to seven years.",
            "我们会将逾期情况报告给信用机构，这可能在最长七年内影响您借款。",
        ),
        (
            60,
            "We may pass the account to a collection agency. They must follow the law and "
            "may contact you only at reasonable times.",
            "我们可能将账户交给催收机构。他们必须守法，只能在合理时间联系您。",
        ),
    ],
}


@dataclass(frozen=True)
class Story:
    external_id: str
    name: str
    email: str
    language: str
    time_zone: str
    date_of_birth: date
    product: str
    reference: str
    principal: Decimal
    installment: Decimal
    count: int
    # The schedule is placed so that installment number ``anchor`` fell due ``days_ago`` days
    # before today.
    anchor: int
    days_ago: int
    paid: int | None  # None: pays every installment; else stops after paying this many
    linked: bool = True


def _stories() -> list[Story]:
    return [
        Story(
            "DEMO-B1",
            "Amina Yusuf",
            "amina@demo.example",
            "en",
            "America/New_York",
            date(1990, 3, 14),
            "everyday-usd",
            "EVD-100231",
            Decimal("1200.00"),
            Decimal("112.00"),
            12,
            7,
            6,
            None,
        ),
        Story(
            "DEMO-B2",
            "李伟",
            "liwei@demo.example",
            "zh-hans",
            "Asia/Shanghai",
            date(1982, 8, 2),
            "sme-cny",
            "HCF-220417",
            Decimal("20000.00"),
            Decimal("1833.50"),
            12,
            5,
            5,
            4,
        ),
        Story(
            "DEMO-B3",
            "Maria Santos",
            "maria@demo.example",
            "en",
            "Europe/London",
            date(1978, 11, 23),
            "sme-cny",
            "HCF-220388",
            Decimal("8000.00"),
            Decimal("733.40"),
            12,
            4,
            45,
            3,
        ),
        Story(
            "DEMO-B4",
            "陈静",
            "chenjing@demo.example",
            "zh-hans",
            "Asia/Shanghai",
            date(1975, 1, 9),
            "sme-cny",
            "HCF-219902",
            Decimal("15000.00"),
            Decimal("1375.10"),
            12,
            4,
            120,
            3,
        ),
        Story(
            "DEMO-B5",
            "Tom Baker",
            "tom@demo.example",
            "en",
            "Europe/London",
            date(1969, 6, 30),
            "everyday-usd",
            "EVD-099876",
            Decimal("600.00"),
            Decimal("107.00"),
            6,
            6,
            20,
            None,
        ),
        Story(
            "DEMO-B6",
            "Grace Okafor",
            "grace@demo.example",
            "en",
            "Africa/Lagos",
            date(1994, 9, 5),
            "everyday-usd",
            "EVD-100402",
            Decimal("900.00"),
            Decimal("84.00"),
            12,
            1,
            3,
            None,
            linked=False,
        ),
        # On a repayment plan (portal/support/demo.py accepts an offer for him).
        Story(
            "DEMO-B7",
            "王芳",
            "wangfang@demo.example",
            "zh-hans",
            "Asia/Shanghai",
            date(1988, 5, 21),
            "sme-cny",
            "HCF-221050",
            Decimal("12000.00"),
            Decimal("1100.00"),
            12,
            5,
            25,
            3,
        ),
        # Payments paused for three weeks (granted at once: portal/support/demo.py).
        Story(
            "DEMO-B8",
            "Sam Patel",
            "sam@demo.example",
            "en",
            "America/New_York",
            date(1986, 2, 17),
            "everyday-usd",
            "EVD-100517",
            Decimal("1500.00"),
            Decimal("140.00"),
            12,
            5,
            12,
            4,
        ),
    ]


def _products() -> dict[str, LoanProduct]:
    lender, _ = Lender.objects.get_or_create(
        name=LENDER_NAME,
        defaults={
            "legal_name": "Harbour Community Finance Ltd.",
            "phone": "+1 800 555 0199",
            "email": "help@harbour.example",
            "website": "https://harbour.example",
            "address": "12 Quay Street, Harbour Town",
            # No debt advice service of its own: each loan shows the free help editors publish
            # for its country (education migration 0006).
        },
    )
    products = {
        "sme-cny": {
            "name": "Small business loan",
            "name_zh_hans": "小微经营贷",
            "currency": "CNY",
            "installment_frequency": "monthly",
            "annual_interest_rate": Decimal("15.6"),
            "interest_method": "declining",
            "day_count_basis": "actual/365",
            "grace_days": 5,
            "late_fee_fixed": Decimal("50.00"),
            "late_fee_percent": Decimal("0"),
            # Lent in China: China's contact rules, and so China's free help and rights.
            "contact_rules": ContactRules.CHINA_NIFA,
        },
        "everyday-usd": {
            "name": "Everyday loan",
            "name_zh_hans": "日常贷款",
            "currency": "USD",
            "installment_frequency": "fortnightly",
            "annual_interest_rate": Decimal("19.9"),
            "interest_method": "declining",
            "day_count_basis": "actual/365",
            "grace_days": 3,
            "late_fee_fixed": Decimal("0"),
            "late_fee_percent": Decimal("5.0"),
            "late_fee_cap": Decimal("15.00"),
        },
    }
    made = {}
    for code, fields in products.items():
        product, created = LoanProduct.objects.get_or_create(
            code=code, defaults={"lender": lender, **fields}
        )
        if created:
            for days, text_en, text_zh in MILESTONES[code]:
                ConsequenceMilestone.objects.create(
                    product=product,
                    days_past_due=days,
                    explanation=text_en,
                    explanation_zh_hans=text_zh,
                )
        PlanPolicy.objects.get_or_create(product=product, defaults=PLAN_POLICIES[code])
        made[code] = product
    _payment_methods(lender, made)
    return made


def _payment_methods(lender: Lender, products: dict[str, LoanProduct]) -> None:
    """The lender's ways to pay, and the US dollar product's own, which replace them."""
    if PaymentMethod.objects.filter(lender=lender).exists():
        return
    PaymentMethod.objects.create(
        lender=lender,
        kind=PaymentMethodKind.BANK_TRANSFER,
        order=1,
        account_name="Harbour Community Finance Ltd.",
        account_number="6222 0000 1234 5678",
        bank_name="Harbour Town Savings Bank",
        bank_name_zh_hans="港城储蓄银行",
    )
    PaymentMethod.objects.create(
        lender=lender,
        kind=PaymentMethodKind.CASH,
        order=2,
        instructions=(
            "Pay in cash at any Harbour Mart store, every day from 8am to 9pm. "
            "Show your payment reference at the till and keep the receipt."
        ),
        instructions_zh_hans="每天早上8点到晚上9点，可在任何一家港城超市用现金还款。请在收银台出示您的还款编号，并保留收据。",
    )
    usd = products["everyday-usd"]
    PaymentMethod.objects.create(
        lender=lender,
        product=usd,
        kind=PaymentMethodKind.PAYMENT_LINK,
        order=1,
        link_template="https://pay.harbour.example/?ref={reference}&amount={amount}",
    )
    PaymentMethod.objects.create(
        lender=lender,
        product=usd,
        kind=PaymentMethodKind.AUTO_DEBIT,
        order=2,
        instructions=(
            "We can take each payment from your bank account on its due date. "
            "Call us to set this up or to stop it at any time."
        ),
        instructions_zh_hans="我们可以在每期还款日从您的银行账户自动扣款。如需开通或随时停止，请致电我们。",
    )


# The demo lender's plan policies: the defaults, with a smallest installment that fits each
# currency's loan sizes. Over 90 days behind, the business loan may be about to be ended (see its
# milestones), so a person looks at those borrowers' own plans: the support demo's queue.
PLAN_POLICIES = {
    "sme-cny": {
        "min_installment": Decimal("100.00"),
        "auto_accept_segments": [
            s for s in self_service_segments() if s != Segment.SERIOUS_ARREARS
        ],
    },
    "everyday-usd": {"min_installment": Decimal("10.00"), "spread_max_installments": 4},
}


def _first_due_date(story: Story, product: LoanProduct, today: date) -> date:
    anchor_date = today - timedelta(days=story.days_ago)
    return terms.add_periods(anchor_date, product.installment_frequency, -(story.anchor - 1))


def _live_story(loan: Loan, story: Story, today: date) -> None:
    dates = [
        d
        for d in terms.due_dates(
            loan.first_due_date, loan.product.installment_frequency, loan.installment_count
        )
        if d <= today
    ]
    for number, due_on in enumerate(dates, start=1):
        servicing.service_loan(loan=loan, today=due_on)
        keeps_paying = story.paid is None or number <= story.paid
        if not keeps_paying:
            continue
        state = ledger.replay(ledger_lines(loan=loan))
        owed = ledger.amount_due(state)
        if owed > 0:
            # Most people pay on the day or a day or two early.
            paid_on = due_on - timedelta(days=number % 3)
            LedgerEntry.objects.create(
                loan=loan,
                external_id=f"demo-pay-{number}",
                kind=EntryKind.PAYMENT,
                effective_date=max(paid_on, loan.disbursed_on + timedelta(days=1)),
                amount=owed,
                source=EntrySource.LENDER,
            )
    servicing.service_loan(loan=loan, today=today)


ADMIN_EMAIL = "admin@demo.example"


def _login(email: str, *, superuser: bool = False):
    """A login with a verified e-mail, as allauth requires before it lets anyone sign in."""
    User = get_user_model()
    make = User.objects.create_superuser if superuser else User.objects.create_user
    user = make(username=email, email=email, password=DEMO_PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _admin() -> None:
    """A superuser for the Wagtail and Django admin; staff must set up MFA on first visit."""
    if not get_user_model().objects.filter(email=ADMIN_EMAIL).exists():
        _login(ADMIN_EMAIL, superuser=True)


@transaction.atomic
def load_demo(*, now: datetime | None = None) -> list[tuple[Story, bool]]:
    """Create the demo data once; returns the stories and whether each was new. Each story is
    dated from its borrower's own today (the statement counts days late in their time zone,
    so a server date would be a day off for part of every day)."""
    now = now or timezone.now()
    products = _products()
    _admin()
    out = []
    for story in _stories():
        if Borrower.objects.filter(external_id=story.external_id).exists():
            out.append((story, False))
            continue
        product = products[story.product]
        user = _login(story.email) if story.linked else None
        borrower = Borrower.objects.create(
            external_id=story.external_id,
            full_name=story.name,
            email=story.email,
            phone="+1 555 0100",
            date_of_birth=story.date_of_birth,
            preferred_language=story.language,
            time_zone=story.time_zone,
            user=user,
        )
        today = local_today(now, story.time_zone)
        first_due = _first_due_date(story, product, today)
        disbursed = terms.add_periods(first_due, product.installment_frequency, -1)
        loan = Loan.objects.create(
            borrower=borrower,
            product=product,
            external_id=f"DEMO-{story.reference}",
            reference=story.reference,
            principal=story.principal,
            disbursed_on=disbursed,
            first_due_date=first_due,
            installment_count=story.count,
            installment_amount=story.installment,
        )
        LedgerEntry.objects.create(
            loan=loan,
            external_id="demo-disbursement",
            kind=EntryKind.DISBURSEMENT,
            effective_date=disbursed,
            amount=story.principal,
            source=EntrySource.LENDER,
        )
        _live_story(loan, story, today)
        out.append((story, True))
    return out


# The borrowers who have given their word: 陈静 promises part of what is due while her plan
# proposal waits for staff, and Maria says she paid yesterday. Neither is on a plan or paused,
# which would leave nothing to promise.
PROMISE_LOAN = "HCF-219902"
REPORT_LOAN = "HCF-220388"


@transaction.atomic
def load_demo_promises(*, now: datetime | None = None) -> None:
    """An open promise to pay and an open report of a payment, made once, through the same
    functions the borrower's own pages call (so reminders are held as they would be). Loaded
    after the demo's message history, which skips loans that already have messages."""
    now = now or timezone.now()
    loans = Loan.objects.select_related("borrower", "product__lender", "product__plan_policy")
    loan = loans.get(reference=PROMISE_LOAN)
    if not loan.promises.exists():
        today = local_today(now, loan.borrower.time_zone)
        due = statement_for(loan=loan, as_of=now).position.amount_due
        days = min(5, policy_for(loan.product).promise_max_days)
        make_promise(
            loan=loan,
            amount=min(loan.installment_amount, due),
            pay_by=today + timedelta(days=days),
            today=today,
        )
    loan = loans.get(reference=REPORT_LOAN)
    if not loan.payment_reports.exists():
        today = local_today(now, loan.borrower.time_zone)
        report_payment(
            loan=loan,
            amount=loan.installment_amount,
            paid_on=today - timedelta(days=1),
            today=today,
            how=PaymentMethodKind.BANK_TRANSFER,
            details="Sent from my bank's app, with the loan reference.",
        )
