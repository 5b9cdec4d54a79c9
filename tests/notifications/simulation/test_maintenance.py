"""The simulation's stand-in for autovacuum, on a server where autovacuum is off."""

import pytest
from django.db import connection

from portal.notifications.models import Suppression
from portal.notifications.simulation import maintenance

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="autovacuum is PostgreSQL's"
)


@pytest.mark.django_db
def test_inside_a_transaction_there_is_no_stand_in():
    # A test's simulation runs in the test's transaction: a VACUUM could not run there.
    assert maintenance.start_if_needed() is None


@pytest.mark.django_db(transaction=True)
def test_a_table_with_more_changed_rows_than_the_threshold_is_analyzed():
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('autovacuum_analyze_threshold')::int")
        threshold = cursor.fetchone()[0]
    Suppression.objects.bulk_create(
        Suppression(channel="sms", address=f"+1555{n:07d}", reason="opted_out", source="test")
        for n in range(threshold + 10)
    )
    with connection.cursor() as cursor:
        # The server counts changes when a statement ends, at most once a second; ask it to
        # count them at the next one.
        cursor.execute("SELECT pg_stat_force_next_flush()")
        cursor.execute("SELECT 1")
    # With a VACUUM too if earlier tests' rolled-back rows left it dead rows to clear.
    assert suppressions(maintenance.work_once()) in (
        ["ANALYZE public.notifications_suppression"],
        ["VACUUM (ANALYZE) public.notifications_suppression"],
    )
    assert suppressions(maintenance.work_once()) == []


def suppressions(done):
    return [work for work in done if work.endswith(" public.notifications_suppression")]
