"""Lessons finished, answers to check questions, and the lessons a borrower is offered."""

import json
import re
from types import SimpleNamespace

import pytest

from education.models import CheckAnswer, LessonProgress
from education.progress import questions_of
from education.suggestions import suggested_slugs
from tests.factories import UserFactory
from tests.repayment.plan_fixtures import late_loan

from .conftest import lesson

pytestmark = pytest.mark.django_db
LATE_LESSON = "/en/lessons/when-a-payment-is-late/"


@pytest.fixture
def reader(client):
    user = UserFactory()
    client.force_login(user)
    return user


def question_id(slug="when-a-payment-is-late"):
    return next(iter(questions_of(lesson(slug))))


def test_signed_in_reader_marks_a_lesson_finished(client, reader, lessons):
    response = client.post(LATE_LESSON, {"action": "finished"})

    assert response.status_code == 302
    assert response["Location"] == f"{LATE_LESSON}#finished"
    progress = LessonProgress.objects.get(user=reader)
    assert progress.lesson_key == lesson("when-a-payment-is-late").translation_key
    page = client.get(LATE_LESSON).text
    assert "You have finished this lesson" in page


def test_finishing_twice_keeps_one_record(client, reader, lessons):
    client.post(LATE_LESSON, {"action": "finished"})
    client.post(LATE_LESSON, {"action": "finished"})

    assert LessonProgress.objects.filter(user=reader).count() == 1


def test_a_lesson_finished_in_english_is_finished_in_chinese(client, reader, lessons):
    client.post(LATE_LESSON, {"action": "finished"})

    page = client.get("/zh-hans/lessons/when-a-payment-is-late/").text

    assert 'id="finished-title"' in page
    assert 'name="action" value="finished"' not in page


def test_answer_is_stored_and_feedback_shown(client, reader, lessons):
    qid = question_id()

    response = client.post(LATE_LESSON, {"action": "answer", "question": qid, "choice": "1"})

    assert response.status_code == 302
    assert response["Location"] == f"{LATE_LESSON}#q-{qid}"
    answer = CheckAnswer.objects.get(user=reader)
    assert (answer.question_id, answer.choice, answer.correct) == (qid, 1, False)
    page = client.get(LATE_LESSON).text
    assert "Ignoring letters makes things harder later." in page
    assert f'id="q-{qid}-1" checked' in page

    client.post(LATE_LESSON, {"action": "answer", "question": qid, "choice": "0"})

    answer = CheckAnswer.objects.get(user=reader)
    assert (answer.choice, answer.correct) == (0, True)
    assert "Talking early gives you more options." in client.get(LATE_LESSON).text


def test_answers_hold_across_languages(client, reader, lessons):
    qid = question_id()
    assert qid in questions_of(lesson("when-a-payment-is-late", "zh-hans"))
    client.post(LATE_LESSON, {"action": "answer", "question": qid, "choice": "0"})

    page = client.get("/zh-hans/lessons/when-a-payment-is-late/").text

    assert "对。尽早沟通，选择更多。" in page


def _feedback_of_the_right_answer(page, feedback: str) -> None:
    body = [dict(block) for block in page.body.raw_data]
    for block in body:
        if block["type"] == "check_question":
            block["value"]["choices"][0]["value"]["feedback"] = feedback
    page.body = json.dumps(body)
    page.save_revision().publish()


def _feedback_shown(html: str) -> str:
    start = html.index('<div class="feedback')
    return re.sub(r"<[^>]+>", "", html[start : html.index("</p>", start)]).split()


@pytest.mark.parametrize(
    ("language", "feedback", "shown"),
    [
        ("en", "Right. Talking early helps.", ["Right.", "Talking", "early", "helps."]),
        ("zh-hans", "答对了。尽早沟通。", ["答对了。", "尽早沟通。"]),
    ],
)
def test_feedback_that_opens_with_the_verdict_says_it_once(
    client, reader, lessons, language, feedback, shown
):
    _feedback_of_the_right_answer(lesson("when-a-payment-is-late", language), feedback)
    address = f"/{language}/lessons/when-a-payment-is-late/"
    client.post(address, {"action": "answer", "question": question_id(), "choice": "0"})

    assert _feedback_shown(client.get(address).text) == shown
    progress_page = client.get(f"/{language}/lessons/progress/").text
    assert feedback not in progress_page
    assert shown[-1] in progress_page


def test_answer_without_a_choice_asks_for_one(client, reader, lessons):
    qid = question_id()

    response = client.post(LATE_LESSON, {"action": "answer", "question": qid})

    assert response.status_code == 200
    assert "Choose an answer first." in response.text
    assert not CheckAnswer.objects.exists()


def test_answer_to_an_unknown_question_or_choice_is_ignored(client, reader, lessons):
    client.post(LATE_LESSON, {"action": "answer", "question": "nope", "choice": "0"})
    client.post(LATE_LESSON, {"action": "answer", "question": question_id(), "choice": "7"})

    assert not CheckAnswer.objects.exists()


def test_anonymous_reader_gets_feedback_but_nothing_is_stored(client, lessons):
    qid = question_id()

    response = client.post(LATE_LESSON, {"action": "answer", "question": qid, "choice": "0"})

    assert response.status_code == 200
    assert "Talking early gives you more options." in response.text
    assert "Your answer is saved" not in response.text
    assert not CheckAnswer.objects.exists()
    assert client.post(LATE_LESSON, {"action": "finished"}).status_code == 200
    assert not LessonProgress.objects.exists()


def test_progress_page_shows_finished_lessons_and_answers(client, reader, lessons):
    client.post(LATE_LESSON, {"action": "finished"})
    client.post(LATE_LESSON, {"action": "answer", "question": question_id(), "choice": "1"})

    page = client.get("/en/lessons/progress/").text

    assert "You have finished 1 of 3 lessons." in page
    assert "When a payment is late" in page
    assert "What should you do first if you can&#x27;t pay?" in page
    assert "Ignore the letters" in page
    assert "Not quite" in page
    assert "Reading your statement" in page  # still to read


def test_progress_page_shows_only_my_progress(client, reader, lessons):
    other = UserFactory()
    LessonProgress.objects.create(
        user=other,
        lesson_key=lesson("reading-your-statement").translation_key,
        finished_at="2026-01-01T00:00Z",
    )

    page = client.get("/en/lessons/progress/").text

    assert "You have finished 0 of 3 lessons." in page


def test_progress_page_needs_sign_in(client, lessons):
    response = client.get("/en/lessons/progress/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_unpublished_lessons_are_left_out_of_progress(client, reader, lessons):
    client.post(LATE_LESSON, {"action": "finished"})
    lesson("when-a-payment-is-late").unpublish()
    lesson("when-a-payment-is-late", "zh-hans").unpublish()

    page = client.get("/en/lessons/progress/").text

    assert "When a payment is late" not in page
    assert "You have finished 0 of 2 lessons." in page


@pytest.mark.parametrize(
    ("situations", "first"),
    [
        ([("late", 45)], ["when-a-payment-is-late", "how-repayment-plans-work"]),
        ([("up_to_date", 0), ("late", 3)], ["when-a-payment-is-late", "how-repayment-plans-work"]),
        ([("up_to_date", 0)], ["reading-your-statement", "interest-and-fees"]),
        ([("due_today", 0)], ["reading-your-statement", "making-a-budget"]),
        ([("paid_off", 0)], ["making-a-budget", "reading-your-statement"]),
        ([], ["reading-your-statement", "interest-and-fees"]),
    ],
)
def test_suggestions_fit_the_borrowers_situation(situations, first):
    slugs = suggested_slugs(
        [SimpleNamespace(status=status, days_past_due=days) for status, days in situations]
    )

    assert slugs[:2] == first


def test_a_borrower_45_days_late_is_offered_help_when_behind(situations=None):
    slugs = suggested_slugs([SimpleNamespace(status="late", days_past_due=45)])

    assert "hardship-and-breathing-space" in slugs


@pytest.fixture
def late_borrower(client):
    user = UserFactory()
    late_loan(paid=0, late_days=45, user=user)
    client.force_login(user)
    return user


def test_home_page_suggests_lessons_for_a_late_borrower(client, late_borrower, lessons):
    page = client.get("/en/my/").text

    assert "Lessons for you" in page
    assert 'href="/en/lessons/when-a-payment-is-late/"' in page
    assert 'href="/en/lessons/how-repayment-plans-work/"' in page
    assert "You have finished 0 of 3 lessons." in page


def test_home_page_suggestions_leave_out_finished_and_unpublished_lessons(
    client, late_borrower, lessons
):
    client.post(LATE_LESSON, {"action": "finished"})
    lesson("how-repayment-plans-work").unpublish()
    lesson("how-repayment-plans-work", "zh-hans").unpublish()

    page = client.get("/en/my/").text

    assert 'href="/en/lessons/when-a-payment-is-late/"' not in page
    assert "how-repayment-plans-work" not in page
    assert "You have finished 1 of 2 lessons." in page


def test_home_page_suggestions_in_chinese(client, late_borrower, lessons):
    page = client.get("/zh-hans/my/").text

    assert 'href="/zh-hans/lessons/when-a-payment-is-late/"' in page
    assert "晚还款会怎样" in page
