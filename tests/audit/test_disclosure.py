import datetime as dt

import pytest
from django.urls import reverse

from portal.audit.models import Disclosure, Record
from tests.factories import (
    BorrowerFactory,
    LenderFactory,
    LoanFactory,
    LoanProductFactory,
    UserFactory,
)
from tests.support.staff import signed_in, staff_user

from .helpers import record

URL = reverse("audit_disclosure")
STAFF_VIEWS = reverse("staff_views")
HOME = reverse("borrower_home")


@pytest.fixture
def lender(db):
    return LenderFactory(name="Harbour Community Finance")


@pytest.fixture
def borrower(lender):
    loan = LoanFactory(
        borrower=BorrowerFactory(user=UserFactory(), time_zone="Asia/Shanghai"),
        product=LoanProductFactory(lender=lender),
    )
    return loan.borrower


def test_reviewer_turns_it_off_with_a_reason_and_it_is_recorded(reviewer_client, lender, reviewer):
    response = reviewer_client.post(
        URL, {"lender": lender.pk, "show": "off", "reason": "Lender's policy review"}
    )

    assert response.status_code == 302
    assert Disclosure.objects.get(lender=lender).show_staff_views is False
    change = Record.objects.get(action="audit.disclosure_off")
    assert change.actor == reviewer
    assert change.reason == "Lender's policy review"


def test_without_a_reason_nothing_changes(reviewer_client, lender):
    response = reviewer_client.post(URL, {"lender": lender.pk, "show": "off", "reason": " "})

    assert response.status_code == 400
    assert "Say why you are changing this." in response.content.decode()
    assert not Disclosure.objects.exists()
    assert not Record.objects.exists()


def test_page_lists_lenders_on_by_default(reviewer_client, lender):
    Disclosure.objects.create(lender=LenderFactory(name="Second Lender"), show_staff_views=False)

    rows = reviewer_client.get(URL).context["rows"]

    assert {(row[0].name, row[1]) for row in rows} == {
        ("Harbour Community Finance", True),
        ("Second Lender", False),
    }


@pytest.mark.parametrize("role", ["agent", "supervisor"])
def test_only_compliance_may_change_it(client, lender, role):
    signed_in(client, staff_user(role))

    assert client.get(URL).status_code == 403
    response = client.post(URL, {"lender": lender.pk, "show": "off", "reason": "x"})
    assert response.status_code == 403
    assert not Disclosure.objects.exists()


def test_borrower_sees_staff_views_in_their_time_zone_without_names(client, borrower):
    record(
        at=dt.datetime(2026, 5, 4, 1, 30, tzinfo=dt.UTC),
        who="mei.chen@lender.example",
        borrower=borrower,
        action="borrower.statement",
    )
    record(borrower=borrower, kind="change", action="note.added")  # not a view
    client.force_login(borrower.user)

    response = client.get(STAFF_VIEWS)

    content = response.content.decode()
    assert response.status_code == 200
    assert "A loan statement" in content
    assert "9:30" in content  # 01:30 UTC is 09:30 in Shanghai
    assert "mei" not in content.lower()
    assert len(response.context["page"].items) == 1


def test_another_borrowers_views_never_appear(client, borrower):
    someone_else = BorrowerFactory()
    record(borrower=someone_else, action="borrower.messages")
    client.force_login(borrower.user)

    response = client.get(STAFF_VIEWS)

    assert response.context["page"].items == []
    assert "Our staff have not looked at your account." in response.content.decode()


def test_turning_it_off_hides_the_page_and_the_link(client, reviewer, borrower, lender):
    record(borrower=borrower, action="borrower.account")
    client.force_login(borrower.user)
    assert "Your account overview" in client.get(STAFF_VIEWS).content.decode()
    assert STAFF_VIEWS in client.get(HOME).content.decode()

    signed_in(client, reviewer)
    client.post(URL, {"lender": lender.pk, "show": "off", "reason": "Lender asked"})
    client.force_login(borrower.user)

    content = client.get(STAFF_VIEWS).content.decode()
    assert "Your account overview" not in content
    assert "Your lender does not show this" in content
    assert STAFF_VIEWS not in client.get(HOME).content.decode()

    signed_in(client, reviewer)
    client.post(URL, {"lender": lender.pk, "show": "on", "reason": "Lender changed its mind"})
    client.force_login(borrower.user)
    assert "Your account overview" in client.get(STAFF_VIEWS).content.decode()


def test_staff_views_page_is_paged(client, borrower):
    for minute in range(30):
        record(
            at=dt.datetime(2026, 5, 4, 1, minute, tzinfo=dt.UTC),
            borrower=borrower,
            action="borrower.account",
        )
    client.force_login(borrower.user)

    first = client.get(STAFF_VIEWS).context["page"]
    second = client.get(STAFF_VIEWS, {"page": 2}).context["page"]

    assert len(first.items) == 25 and first.has_next
    assert len(second.items) == 5 and not second.has_next
    assert first.items[0][0] > first.items[-1][0]
