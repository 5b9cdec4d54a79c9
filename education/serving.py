"""A lesson page as a reader gets it (``LessonPage.serve``): the body with each check question
rendered for this reader, answers saved or shown, and the next lesson in the topic; and which
pages the middleware may keep for signed-out readers (``mark_cacheable``)."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import cache, catalogue, progress
from .middleware import CACHEABLE
from .models import LessonPage, Topic


class AnswerForm(forms.Form):
    question = forms.CharField(max_length=64)
    choice = forms.IntegerField(min_value=0, max_value=20)


@dataclass(frozen=True, slots=True)
class ShownAnswer:
    choice: int
    text: str
    correct: bool
    feedback: str
    saved: bool


def _language() -> str:
    return get_language() or "en"


def _body_parts(request, page: LessonPage) -> list[dict]:
    """The lesson body as HTML pieces, with its questions left out to render per reader.
    Cached for the published revision; a preview is rendered afresh."""

    def build():
        parts: list[dict] = []
        questions = progress.questions_of(page)
        for block in page.body:
            if block.block_type == "check_question":
                parts.append({"question": questions[block.id]})
            else:
                parts.append({"html": block.render()})
        return parts

    if getattr(request, "is_preview", False):
        return build()
    revision = page.live_revision_id or page.last_published_at
    return cache.cached(f"body:{page.pk}:{revision}:{_language()}", build)


def serve_lesson(request, page: LessonPage):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    just_answered: dict[str, int] = {}
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "finished" and request.user.is_authenticated:
            progress.mark_finished(user=request.user, lesson=page)
            messages.success(request, _("Well done. This lesson is marked as finished."))
            return redirect(f"{request.path}#finished")
        if action == "answer":
            form = AnswerForm(request.POST)
            if form.is_valid():
                question_id = form.cleaned_data["question"]
                choice = form.cleaned_data["choice"]
                if request.user.is_authenticated:
                    try:
                        progress.record_answer(
                            user=request.user, lesson=page, question_id=question_id, choice=choice
                        )
                    except progress.NotAQuestion:
                        pass
                    else:
                        return redirect(f"{request.path}#q-{question_id}")
                else:
                    just_answered[question_id] = choice
    finished, saved_answers = progress.lesson_state(user=request.user, lesson=page)
    parts = []
    unanswered_error = request.method == "POST" and request.POST.get("action") == "answer"
    for part in _body_parts(request, page):
        question = part.get("question")
        if question is None:
            parts.append(part)
            continue
        answer = None
        chosen = just_answered.get(question.id)
        if chosen is None and question.id in saved_answers:
            chosen = saved_answers[question.id].choice
        if chosen is not None and 0 <= chosen < len(question.choices):
            choice = question.choices[chosen]
            answer = ShownAnswer(
                chosen,
                choice["text"],
                choice["correct"],
                progress.feedback_after_verdict(
                    choice["feedback"],
                    correct=choice["correct"],
                    languages=(_language(), page.locale.language_code),
                ),
                saved=question.id in saved_answers,
            )
        missing = (
            unanswered_error and request.POST.get("question") == question.id and answer is None
        )
        parts.append({"question": question, "answer": answer, "missing_choice": missing})
    language = _language()
    lessons = catalogue.lessons(language=language)
    key = str(page.translation_key)
    same_topic = [lesson for lesson in lessons if lesson.topic == page.topic]
    position = next((n for n, lesson in enumerate(same_topic) if lesson.key == key), None)
    next_lesson = (
        same_topic[position + 1]
        if position is not None and position + 1 < len(same_topic)
        else None
    )
    context = page.get_context(request)
    context.update(
        {
            "body_parts": parts,
            "content_language": page.locale.language_code,
            # Shown in another language than the reader's: an original under a translated index.
            "fallback": page.locale.language_code != language,
            "topic_label": Topic(page.topic).label if page.topic in Topic.values else "",
            "finished": finished,
            "next_lesson": next_lesson,
            "index_url": catalogue.index_url(language=language),
        }
    )
    response = TemplateResponse(request, page.get_template(request), context)
    mark_cacheable(request, response)
    return response


def mark_cacheable(request, response) -> None:
    """A page that reads the same for every signed-out reader (see ``middleware``)."""
    if (
        request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        and not getattr(request, "is_preview", False)
    ):
        setattr(response, CACHEABLE, True)
