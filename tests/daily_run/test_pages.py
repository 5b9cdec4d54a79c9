"""The console's daily run pages: supervisors see each run's steps and its troubled chunks;
nobody without the dashboard permission gets in."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from portal.daily_run.models import Chunk, ChunkStatus, Run, RunStatus
from tests.support.staff import signed_in, staff_user

from .book_fixtures import NOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def run():
    run = Run.objects.create(
        day=NOW.date(),
        as_of=NOW,
        started_at=NOW,
        finished_at=NOW + dt.timedelta(minutes=3, seconds=7),
        status=RunStatus.FAILED,
    )
    Chunk.objects.create(
        run=run, step="servicing", first_id=1, last_id=10, status="done", attempts=1
    )
    Chunk.objects.create(
        run=run, step="servicing", first_id=11, last_id=20, status="done", attempts=3
    )
    Chunk.objects.create(
        run=run,
        step="servicing",
        first_id=21,
        last_id=30,
        status=ChunkStatus.FAILED,
        attempts=4,
        error="OperationalError: deadlock detected",
    )
    Chunk.objects.create(run=run, step="planning", status="done", attempts=1)
    return run


def test_a_supervisor_sees_recent_runs_with_their_chunks_by_step(client, run):
    signed_in(client, staff_user("supervisor"))

    page = client.get(reverse("support:daily_runs")).content.decode()

    assert reverse("support:daily_run", args=[run.pk]) in page
    assert "Servicing: 2 of 3 done, 1 failed, 2 retried" in page
    assert "Reminder planning: 1 of 1 done, 0 failed, 0 retried" in page
    assert "3 min 7 s" in page
    assert 'class="table-stack"' in page


def test_a_supervisor_sees_a_run_s_failed_and_retried_chunks(client, run):
    signed_in(client, staff_user("supervisor"))

    page = client.get(reverse("support:daily_run", args=[run.pk])).content.decode()

    assert "OperationalError: deadlock detected" in page
    assert "11–20" in page and "21–30" in page
    assert "1–10" not in page  # done at its first attempt: nothing to look at
    assert "3 min 7 s" in page


def test_the_dashboard_links_to_the_runs(client):
    signed_in(client, staff_user("supervisor"))

    page = client.get(reverse("support:dashboard")).content.decode()

    assert reverse("support:daily_runs") in page


def test_the_pages_speak_chinese(client, run):
    signed_in(client, staff_user("supervisor"))
    with translation.override("zh-hans"):
        url = reverse("support:daily_runs")
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("who", ["agent", "borrower"])
def test_others_are_refused(client, run, who):
    if who == "borrower":
        from tests.factories import BorrowerFactory, UserFactory

        user = UserFactory()
        BorrowerFactory(user=user)
    else:
        user = staff_user(who)
    signed_in(client, user)

    for url in (reverse("support:daily_runs"), reverse("support:daily_run", args=[run.pk])):
        assert client.get(url).status_code == 403


def test_a_stranger_is_sent_to_sign_in(client, run):
    response = client.get(reverse("support:daily_runs"))

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
