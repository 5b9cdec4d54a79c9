from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import GlossaryTerm, LessonPage


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "openquote"
    menu_label = gettext_lazy("Glossary")  # read per request, in the editor's language
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["term", "slug", "short_definition", "live"]
    list_filter = ["live"]
    # No field list: on SQLite, Wagtail's database search cannot restrict a query to named
    # fields (FTS "no such column"); the model's own index (term, definition, explanation) is used.
    ordering = ["term"]


register_snippet(GlossaryTermViewSet)


def _warn_about_readability(request, page):
    page = page.specific
    if not isinstance(page, LessonPage):
        return
    report = page.readability_report()
    if report.findings:
        messages.warning(
            request,
            ngettext(
                "Plain language: %(count)d thing to look at in '%(title)s'. See the "
                "plain-language check at the end of the lesson.",
                "Plain language: %(count)d things to look at in '%(title)s'. See the "
                "plain-language check at the end of the lesson.",
                len(report.findings),
            )
            % {"count": len(report.findings), "title": page.title},
        )
    elif not report.level_ok:
        messages.warning(
            request,
            _("Plain language: the reading level of '%(title)s' is %(level)s, above %(target)s.")
            % {"title": page.title, "level": report.reading_level, "target": report.target_level},
        )


hooks.register("after_create_page", _warn_about_readability)
hooks.register("after_edit_page", _warn_about_readability)
