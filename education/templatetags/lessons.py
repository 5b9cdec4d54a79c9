from django import template
from django.utils.translation import get_language

from education import catalogue, progress
from education.suggestions import MAX_SUGGESTIONS, suggested_slugs

register = template.Library()


@register.inclusion_tag("education/includes/suggestions.html", takes_context=True)
def lesson_suggestions(context, situations):
    """Lessons that fit these loans (see ``education.suggestions``), leaving out those the
    reader has finished, and how far the reader has got."""
    request = context["request"]
    language = get_language() or "en"
    lessons = catalogue.lessons(language=language)
    by_slug = catalogue.by_slug(language=language)
    finished = progress.finished_keys(user=request.user)
    suggestions = [
        by_slug[slug]
        for slug in suggested_slugs(situations)
        if slug in by_slug and by_slug[slug].key not in finished
    ][:MAX_SUGGESTIONS]
    return {
        "request": request,
        "user": request.user,
        "suggestions": suggestions,
        "finished_count": sum(1 for lesson in lessons if lesson.key in finished),
        "total": len(lessons),
        "index_url": catalogue.index_url(language=language),
    }


@register.simple_tag
def lessons_index_url() -> str:
    return catalogue.index_url(language=get_language() or "en")
