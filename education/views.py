from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from . import catalogue, glossary, progress, search_log
from .models import LessonPage
from .search import search as search_lessons
from .search import suggestions as search_suggestions
from .serving import mark_cacheable

# The portal's help page, if the site has one: linked from a search that found nothing.
HELP_URL_NAME = "answers:ask"


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=200)


def _language() -> str:
    return get_language() or "en"


def _help_url() -> str:
    try:
        return reverse(HELP_URL_NAME)
    except NoReverseMatch:
        return ""


@require_GET
def search(request):
    form = SearchForm(request.GET or None)
    language = _language()
    results = suggestions = log_id = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        results = search_lessons(query=form.cleaned_data["q"], language=language)
        log_id = search_log.record(query=results.query, language=language, results=results.count)
        if not results.count:
            suggestions = search_suggestions(
                query=results.query,
                language=language,
                popular_keys=search_log.popular_lesson_keys(),
            )
    return render(
        request,
        "education/search.html",
        {
            "form": form,
            "results": results,
            "search_log": log_id,
            "suggestions": suggestions,
            "index_url": catalogue.index_url(language=language),
            "help_url": _help_url(),
            "finished_keys": progress.finished_keys(user=request.user) if results else set(),
        },
    )


@require_GET
def open_result(request, log_id, page_id: int):
    """A lesson opened from search results: noted against the (anonymous) logged search,
    then the reader goes on to the lesson. Only a lesson the reader can see."""
    lesson = next(
        (found for found in catalogue.lessons(language=_language()) if found.page_id == page_id),
        None,
    )
    if lesson is None:
        raise Http404
    search_log.record_click(log_id, lesson_key=lesson.key)
    return redirect(lesson.url)


@require_GET
def open_term(request, log_id, slug: str):
    """A glossary word opened from search results: noted, then shown in the glossary."""
    if slug not in glossary.glossary(language=_language()):
        raise Http404
    search_log.record_click(log_id)
    return redirect(f"{reverse('glossary')}#{slug}")


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
        for page in LessonPage.objects.live()
        .select_related("locale")
        .filter(id__in=[lesson.page_id for lesson in answered_lessons])
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
            choice = question.choices[answer.choice]
            rows.append(
                {
                    "question": question,
                    "answer": choice,
                    "correct": answer.correct,
                    "feedback": progress.feedback_after_verdict(
                        choice["feedback"],
                        correct=answer.correct,
                        languages=(language, page.locale.language_code),
                    ),
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
