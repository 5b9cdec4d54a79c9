"""Glossary terms where borrowers meet them, without JavaScript: ``glossary_term`` and
``glossary_links``. See docs/education.md."""

import re

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from education import cache
from education.glossary import glossary_for_request

register = template.Library()

_TERM_MARK = re.compile(r'<span class="term" data-term="([a-z0-9-]+)">(.*?)</span>', re.DOTALL)


def _entries(context):
    request = context.get("request")
    if request is None:
        return None
    return glossary_for_request(request, language=get_language() or "en")


@register.simple_tag(takes_context=True)
def glossary_term(context, slug: str, label) -> SafeString:
    entries = _entries(context)
    entry = entries.get(slug) if entries is not None else None
    if entry is None:
        return format_html("{}", label)
    url = entry.lesson_url or f"{reverse('glossary')}#{slug}"
    lang = format_html(' lang="{}"', entry.language) if entry.fallback else ""
    return format_html(
        '<details class="term"><summary>{}</summary><p{}>{}</p>'
        '<a href="{}">{}<span class="visually-hidden">: {}</span></a></details>',
        label,
        lang,
        entry.short_definition,
        url,
        _("Learn more"),
        entry.term,
    )


@register.simple_tag(takes_context=True)
def glossary_links(context, html) -> SafeString:
    """``html`` (already safe: a translated sentence) with its term marks made links."""
    entries = _entries(context)
    if entries is None:
        return html
    glossary_url = reverse("glossary")

    def link(match: re.Match) -> str:
        slug, label = match.group(1), match.group(2)
        if slug not in entries:
            return label
        return format_html(
            '<a class="term" href="{}#{}">{}</a>',
            glossary_url,
            slug,
            mark_safe(label),  # noqa: S308
        )

    # Safe: the input was safe, and each replacement is built by format_html from it.
    return mark_safe(_TERM_MARK.sub(link, str(html)))  # noqa: S308


@register.simple_tag
def glossary_version() -> int:
    """``{% glossary_version as version %}``: what a cached page part that shows glossary
    terms names in its key, so that a published change to a term shows at once."""
    return cache.generation()
