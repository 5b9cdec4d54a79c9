from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import readability
from .models import BorrowerRights, DebtAdviceService, GlossaryTerm, LessonPage


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


class DebtAdviceServiceViewSet(SnippetViewSet):
    model = DebtAdviceService
    icon = "help"
    menu_label = gettext_lazy("Services")
    list_display = ["name", "jurisdiction", "phone", "order", "live"]
    list_filter = ["jurisdiction", "live"]
    # Django's own filtering: a handful of rows, and no search index to keep.
    search_fields = ["name", "name_zh_hans", "description", "phone"]
    search_backend_name = None
    ordering = ["jurisdiction", "order", "name"]


class BorrowerRightsViewSet(SnippetViewSet):
    model = BorrowerRights
    icon = "doc-full"
    menu_label = gettext_lazy("Rights texts")
    list_display = ["jurisdiction", "live"]
    list_filter = ["live"]
    ordering = ["jurisdiction"]


class FreeHelpViewSetGroup(SnippetViewSetGroup):
    """The free help and rights each country's borrowers are shown beside their arrears."""

    items = (DebtAdviceServiceViewSet, BorrowerRightsViewSet)
    menu_icon = "help"
    menu_label = gettext_lazy("Free help and rights")
    menu_order = 255


register_snippet(FreeHelpViewSetGroup)


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


def _warn_about_hard_help_text(request, snippet):
    """The lessons' plain-language check on the words borrowers read beside their arrears."""
    if isinstance(snippet, DebtAdviceService):
        texts = [(snippet.description, "en"), (snippet.description_zh_hans, "zh-hans")]
    elif isinstance(snippet, BorrowerRights):
        texts = [(snippet.text, "en"), (snippet.text_zh_hans, "zh-hans")]
    else:
        return
    for text, language in texts:
        if not text.strip():
            continue
        report = readability.check_text(text, language)
        if report.findings or not report.level_ok:
            messages.warning(
                request,
                _(
                    "Plain language: the %(language)s text of '%(name)s' may be hard to read "
                    "(long sentences, jargon or passive voice). Borrowers read it when they are "
                    "worried: keep it short and plain."
                )
                % {"language": _language_name(language), "name": snippet},
            )


def _language_name(code: str) -> str:
    return _("Chinese") if code == "zh-hans" else _("English")


hooks.register("after_create_snippet", _warn_about_hard_help_text)
hooks.register("after_edit_snippet", _warn_about_hard_help_text)
