"""Outbox rows written directly, for tests about delivery rather than about what causes them."""

import itertools

from repayment.models import LenderEvent
from tests.factories import BorrowerFactory

_numbers = itertools.count(1)


def make_event(lender, *, borrower=None, topic="plan.accepted", **payload) -> LenderEvent:
    n = next(_numbers)
    return LenderEvent.objects.create(
        lender=lender,
        borrower=borrower or BorrowerFactory(),
        topic=topic,
        key=f"{topic}:{n}",
        payload={"loan": "L-1", "reference": "REF-1", "plan": n, **payload},
    )
