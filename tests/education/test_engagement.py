"""A signed-in borrower reading a lesson is an engagement event (kind and time, not which
lesson); a signed-out reader and staff record nothing."""

import pytest

from repayment.models import EngagementEvent, EngagementKind
from tests.factories import UserFactory
from tests.notifications.views_helpers import borrower

pytestmark = pytest.mark.django_db

LESSON = "/en/lessons/when-a-payment-is-late/"


def test_a_signed_in_borrower_reading_a_lesson_is_recorded(client, lessons):
    assert client.get(LESSON).status_code == 200  # signed out
    person = borrower()
    client.force_login(person.user)
    EngagementEvent.objects.all().delete()  # the sign-in

    assert client.get(LESSON).status_code == 200

    assert list(EngagementEvent.objects.values_list("borrower", "kind", "loan")) == [
        (person.pk, EngagementKind.LESSON_READ, None)
    ]


def test_staff_reading_a_lesson_record_nothing(client, lessons):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(LESSON).status_code == 200
    assert not EngagementEvent.objects.exists()
