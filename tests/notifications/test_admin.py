"""Staff set payment methods in the admin: what borrowers read passes the tone and
plain-language checks in both languages, a payment page is https with known placeholders, and
every change has a reason."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from auditlog.models import LogEntry
from django.urls import reverse

from repayment.models import PaymentMethod
from tests.factories import LenderFactory, UserFactory
from tests.support.staff import signed_in

pytestmark = pytest.mark.django_db

REASON = "The lender opened a cash channel at Harbour Mart"
ADD = "admin:repayment_paymentmethod_add"


@pytest.fixture
def admin_client(client):
    user = UserFactory(is_staff=True, is_superuser=True)
    TOTP.activate(user, generate_totp_secret())
    return signed_in(client, user)


def _cash(lender, **fields):
    return {
        "lender": lender.pk,
        "kind": "cash",
        "order": 0,
        "active": "on",
        "instructions": "Pay in cash at any Harbour Mart store.",
        "instructions_zh_hans": "可在任何一家港城超市用现金还款。",
        "change_reason": REASON,
        **fields,
    }


def test_calm_wording_is_saved(admin_client):
    lender = LenderFactory()
    response = admin_client.post(reverse(ADD), _cash(lender))
    assert response.status_code == 302
    method = PaymentMethod.objects.get()
    assert method.instructions_in("zh-hans") == "可在任何一家港城超市用现金还款。"


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("instructions", "Pay at Harbour Mart today or we will take legal action."),
        ("instructions_zh_hans", "请在港城超市还款，否则我们将通知您的家人。"),
    ],
)
def test_threatening_wording_is_refused_in_either_language(admin_client, field, text):
    response = admin_client.post(reverse(ADD), _cash(LenderFactory(), **{field: text}))
    assert response.status_code == 200
    assert "Say calmly what happens next" in response.content.decode()
    assert not PaymentMethod.objects.exists()


def test_jargon_is_refused_with_a_plainer_word(admin_client):
    text = "Remittance is accepted at any Harbour Mart store."
    response = admin_client.post(reverse(ADD), _cash(LenderFactory(), instructions=text))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Jargon" in page and "remittance" in page
    assert not PaymentMethod.objects.exists()


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("http://pay.example/?ref={reference}", "must start with https://"),
        ("https://pay.example/?ref={loan}", "Unknown placeholder: {loan}"),
    ],
)
def test_a_payment_page_that_is_not_https_or_has_unknown_placeholders_is_refused(
    admin_client, address, problem
):
    fields = _cash(
        LenderFactory(),
        kind="payment_link",
        instructions="",
        instructions_zh_hans="",
        link_template=address,
    )
    response = admin_client.post(reverse(ADD), fields)
    assert response.status_code == 200
    assert problem in response.content.decode()
    assert not PaymentMethod.objects.exists()


def test_a_change_without_a_reason_is_refused(admin_client):
    response = admin_client.post(reverse(ADD), _cash(LenderFactory(), change_reason=""))
    assert response.status_code == 200
    assert not PaymentMethod.objects.exists()


def test_the_reason_is_kept_with_the_new_method(admin_client):
    admin_client.post(reverse(ADD), _cash(LenderFactory()))
    entry = LogEntry.objects.get_for_object(PaymentMethod.objects.get()).get()
    assert entry.additional_data == {"reason": REASON}
