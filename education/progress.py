"""What a signed-in reader has learnt: lessons finished and answers to check questions.

Every read and write here is scoped to one user at the query. Lessons are identified by their
translation key, so progress holds in every language.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from .models import CheckAnswer, LessonPage, LessonProgress


class NotAQuestion(ValueError):
    """The lesson has no such question, or the question no such choice."""


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    number: int
    question: str
    choices: tuple[dict, ...]


def questions_of(lesson: LessonPage) -> dict[str, Question]:
    found = {}
    for block in lesson.body:
        if block.block_type == "check_question":
            found[block.id] = Question(
                id=block.id,
                number=len(found) + 1,
                question=block.value["question"],
                choices=tuple(
                    {"text": c["text"], "correct": bool(c["correct"]), "feedback": c["feedback"]}
                    for c in block.value["choices"]
                ),
            )
    return found


def feedback_after_verdict(feedback: str, *, correct: bool, languages: tuple[str, ...]) -> str:
    """A choice's feedback as the page shows it, after its own "Right." or "Not quite.".

    Editors often open the feedback with the same words ("Right. Talking early..."), which the
    reader then saw twice: those words are left out. ``languages``: the page's and the
    lesson's, which differ when a lesson is shown before it is translated."""
    for language in languages:
        with translation.override(language):
            verdict = gettext("Right.") if correct else gettext("Not quite.")
        if feedback.startswith(verdict):
            return feedback[len(verdict) :].lstrip()
    return feedback


def mark_finished(*, user, lesson: LessonPage) -> LessonProgress:
    """Idempotent: finishing a lesson twice keeps the first date."""
    progress, _created = LessonProgress.objects.get_or_create(
        user=user, lesson_key=lesson.translation_key, defaults={"finished_at": timezone.now()}
    )
    return progress


def record_answer(*, user, lesson: LessonPage, question_id: str, choice: int) -> CheckAnswer:
    """Keep the reader's latest answer to one question; raises ``NotAQuestion``."""
    question = questions_of(lesson).get(question_id)
    if question is None or not 0 <= choice < len(question.choices):
        raise NotAQuestion(question_id)
    with transaction.atomic():
        answer, _created = CheckAnswer.objects.update_or_create(
            user=user,
            lesson_key=lesson.translation_key,
            question_id=question_id,
            defaults={
                "choice": choice,
                "correct": question.choices[choice]["correct"],
                "answered_at": timezone.now(),
            },
        )
    return answer


def finished_keys(*, user) -> set[str]:
    return set(finished_lessons(user=user)) if user.is_authenticated else set()


def lesson_state(
    *, user, lesson: LessonPage
) -> tuple[LessonProgress | None, dict[str, CheckAnswer]]:
    """Whether ``user`` finished this lesson, and their answers to its questions."""
    if not user.is_authenticated:
        return None, {}
    finished = LessonProgress.objects.filter(user=user, lesson_key=lesson.translation_key).first()
    answers = {
        answer.question_id: answer
        for answer in CheckAnswer.objects.filter(user=user, lesson_key=lesson.translation_key)
    }
    return finished, answers


def finished_lessons(*, user) -> dict[str, LessonProgress]:
    return {
        str(progress.lesson_key): progress
        for progress in LessonProgress.objects.filter(user=user).order_by("-finished_at")
    }


def answers_by_lesson(*, user) -> dict[str, list[CheckAnswer]]:
    grouped: dict[str, list[CheckAnswer]] = {}
    for answer in CheckAnswer.objects.filter(user=user).order_by("answered_at"):
        grouped.setdefault(str(answer.lesson_key), []).append(answer)
    return grouped
