from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import cache, catalogue, glossary, progress
from .middleware import CACHEABLE
from .models import LessonPage, Topic
from .search import search as search_lessons


class AnswerForm(forms.Form):
    question = forms.CharField(max_length=64)
    choice = forms.IntegerField(min_value=0, max_value=20)


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=200)


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
                choice["feedback"],
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


@require_GET
def search(request):
    form = SearchForm(request.GET or None)
    results = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        results = search_lessons(query=form.cleaned_data["q"], language=_language())
    return render(
        request,
        "education/search.html",
        {
            "form": form,
            "results": results,
            "finished_keys": progress.finished_keys(user=request.user) if results else set(),
        },
    )


@require_GET
def glossary_page(request):
    terms = list(glossary.glossary_for_request(request, language=_language()).values())
    response = render(request, "education/glossary.html", {"terms": terms})
    mark_cacheable(request, response)
    return response


@require_GET
@login_required
def my_progress(request):
    language = _language()
    lessons = catalogue.lessons(language=language)
    finished = progress.finished_lessons(user=request.user)
    answers = progress.answers_by_lesson(user=request.user)
    answered_lessons = [lesson for lesson in lessons if lesson.key in answers]
    pages = {
        str(page.translation_key): page
        for page in LessonPage.objects.live().filter(
            id__in=[lesson.page_id for lesson in answered_lessons]
        )
    }
    answered = []
    for lesson in answered_lessons:
        page = pages.get(lesson.key)
        if page is None:
            continue
        questions = progress.questions_of(page)
        rows = []
        for answer in answers[lesson.key]:
            question = questions.get(answer.question_id)
            if question is None or answer.choice >= len(question.choices):
                continue
            rows.append(
                {
                    "question": question,
                    "answer": question.choices[answer.choice],
                    "correct": answer.correct,
                }
            )
        if rows:
            answered.append({"lesson": lesson, "rows": rows})
    context = {
        "finished": [
            {"lesson": lesson, "finished_at": finished[lesson.key].finished_at}
            for lesson in lessons
            if lesson.key in finished
        ],
        "not_started": [lesson for lesson in lessons if lesson.key not in finished],
        "finished_keys": set(finished),
        "total": len(lessons),
        "answered": answered,
    }
    return render(request, "education/progress.html", context)
