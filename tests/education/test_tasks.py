import datetime as dt

import pytest
from django.utils import timezone

from education.models import LessonIndexPage, LessonPage
from education.tasks import publish_scheduled

pytestmark = pytest.mark.django_db


def test_a_lesson_scheduled_by_a_reviewer_goes_live_when_its_time_comes(client):
    index = LessonIndexPage.objects.get(locale__language_code="en")
    page = LessonPage(
        title="Talking to us early",
        slug="talking-early",
        summary="Why calling early helps.",
        topic="getting-help",
        body=[("text", "<p>Call us early.</p>")],
        live=False,
    )
    index.add_child(instance=page)
    page.go_live_at = timezone.now() - dt.timedelta(minutes=1)
    page.save_revision(approved_go_live_at=page.go_live_at)
    assert client.get("/en/lessons/talking-early/").status_code == 404

    publish_scheduled.delay()

    page.refresh_from_db()
    assert page.live
    assert client.get("/en/lessons/talking-early/").status_code == 200
