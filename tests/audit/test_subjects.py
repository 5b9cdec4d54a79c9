"""Which borrower a change concerns, by the rule the tracking app gave or the record's own
fields: the audit trail knows no app's models."""

import pytest
from auditlog.models import LogEntry

from portal.audit.subjects import borrower_id_of
from portal.support.models import Assignment
from repayment.models import Pause, PauseReason, PauseStatus
from tests.factories import LenderFactory, LoanFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_queue_assignment_concerns_the_borrower_of_the_item_it_names():
    loan = LoanFactory()
    pause = Pause.objects.create(
        loan=loan,
        reason=PauseReason.INCOME_DROP,
        starts_on=loan.first_due_date,
        ends_on=loan.first_due_date,
        status=PauseStatus.REQUESTED,
    )

    assignment = Assignment.objects.create(kind="pause", object_id=pause.pk, user=UserFactory())

    assert borrower_id_of(assignment) == loan.borrower_id
    entry = LogEntry.objects.get_for_object(assignment).get()
    assert entry.borrower_link.borrower_id == loan.borrower_id


def test_an_assignment_of_an_unknown_kind_concerns_nobody():
    assert borrower_id_of(Assignment(kind="other", object_id=1)) is None


def test_a_record_of_a_loan_concerns_its_borrower_and_a_lender_nobody():
    loan = LoanFactory()

    assert borrower_id_of(loan) == loan.borrower_id
    assert borrower_id_of(LenderFactory()) is None
