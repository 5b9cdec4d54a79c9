"""The book's split: every loan in exactly one chunk, each chunk as large as asked."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.daily_run.book import id_ranges
from repayment.models import Loan
from tests.factories import LoanFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("loans", "size"), [(0, 3), (1, 1), (7, 3), (9, 3), (10, 1), (5, 50)])
def test_chunks_cover_the_book_with_no_gap_and_no_overlap(loans, size):
    made = [LoanFactory() for _ in range(loans)]
    # Gaps in the ids (deleted loans) are covered too.
    for loan in made[1::4]:
        loan.delete()
    ids = list(Loan.objects.order_by("pk").values_list("pk", flat=True))

    ranges = id_ranges(size)

    assert [pk for first, last in ranges for pk in ids if first <= pk <= last] == ids
    for (_first, last), (following, _) in itertools.pairwise(ranges):
        assert following == last + 1
    counts = [sum(first <= pk <= last for pk in ids) for first, last in ranges]
    assert all(count == size for count in counts[:-1])
    assert all(0 < count <= size for count in counts[-1:])


def test_the_split_is_one_query():
    for _ in range(4):
        LoanFactory()
    with CaptureQueriesContext(connection) as queries:
        id_ranges(2)
    assert len(queries) == 1


def test_a_chunk_size_below_one_is_refused():
    with pytest.raises(ValueError):
        id_ranges(0)
