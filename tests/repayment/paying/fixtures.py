"""Payment methods as a lender sets them in the admin."""

from repayment.models import PaymentMethod, PaymentMethodKind


def bank_transfer(lender, product=None, **fields):
    return PaymentMethod.objects.create(
        lender=lender,
        product=product,
        kind=PaymentMethodKind.BANK_TRANSFER,
        account_name="Harbour Community Finance Ltd.",
        account_number="6222 0000 1234 5678",
        bank_name="Harbour Town Savings Bank",
        bank_name_zh_hans="港城储蓄银行",
        **fields,
    )


def pay_online(lender, product=None, **fields):
    return PaymentMethod.objects.create(
        lender=lender,
        product=product,
        kind=PaymentMethodKind.PAYMENT_LINK,
        link_template="https://pay.example/?ref={reference}&amount={amount}",
        **fields,
    )


def cash(lender, product=None, **fields):
    return PaymentMethod.objects.create(
        lender=lender,
        product=product,
        kind=PaymentMethodKind.CASH,
        instructions="Pay in cash at any Harbour Mart store.",
        instructions_zh_hans="可在任何一家港城超市用现金还款。",
        **fields,
    )
