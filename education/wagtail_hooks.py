from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin import messages as admin_messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import readability, wording
from .models import (
    BorrowerRights,
    DebtAdviceService,
    GlossaryTerm,
    LessonPage,
    WordingGatedMixin,
)
from .views_admin import OVERRIDE_LOG_ACTION, PlainLanguageCheckView, wording_override


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


def _warn_about_hard_definition(request, snippet):
    """The plain-language check of a glossary term's definition, shown when it is saved."""
    if not isinstance(snippet, GlossaryTerm):
        return
    for label, report in snippet.readability_reports():
        for finding in report.findings:
            messages.warning(request, _finding_message(label, finding, report))
        if not report.level_ok:
            messages.warning(
                request,
                _(
                    "Plain language: the reading level of the %(field)s is %(level)s, "
                    "above %(target)s."
                )
                % {"field": label, "level": report.reading_level, "target": report.target_level},
            )


def _finding_message(label, finding, report) -> str:
    if finding.kind == "jargon":
        return _("Plain language, %(field)s: “%(word)s” is jargon; try “%(plainer)s”.") % {
            "field": label,
            "word": finding.detail,
            "plainer": finding.suggestion,
        }
    if finding.kind == "long_sentence":
        return _("Plain language, %(field)s: a long sentence (%(length)s; keep to %(limit)s).") % {
            "field": label,
            "length": finding.detail,
            "limit": report.max_sentence_length,
        }
    return _("Plain language, %(field)s: “%(phrase)s” is passive; say who does it.") % {
        "field": label,
        "phrase": finding.detail,
    }


hooks.register("after_create_snippet", _warn_about_hard_definition)
hooks.register("after_edit_snippet", _warn_about_hard_definition)


# --- The wording gate in the editor -------------------------------------------------------
# The models refuse to publish a flagged revision whatever the route (WordingGatedMixin);
# these hooks stop the editor's own publish and approve buttons first, with the findings, so
# the editor sees why instead of Wagtail's general "no permission".


def _refuse_flagged(request, obj):
    obj = getattr(obj, "specific", obj)
    if not isinstance(obj, WordingGatedMixin):
        return None
    revision = wording.latest_revision(obj)
    if revision is None:
        return None
    found = obj.wording_blocked(revision)
    if not found:
        return None
    phrases = "; ".join(f"“{flag.phrase}” ({flag.where})" for flag in found)
    buttons = []
    if wording.may_override(request.user):
        buttons.append(
            admin_messages.button(
                wording.override_url(obj, revision), _("Review and let it go live")
            )
        )
    admin_messages.error(
        request,
        ngettext(
            "'%(name)s' was not published: the wording check found %(count)d thing a "
            "borrower should not read: %(phrases)s. Change it and save, or ask a compliance "
            "reviewer to let this version go live.",
            "'%(name)s' was not published: the wording check found %(count)d things a "
            "borrower should not read: %(phrases)s. Change them and save, or ask a compliance "
            "reviewer to let this version go live.",
            len(found),
        )
        % {"name": obj, "count": len(found), "phrases": phrases},
        buttons=buttons,
    )
    return redirect(AdminURLFinder(request.user).get_edit_url(obj))


def _refuse_flagged_approval(request, obj):
    if request.method != "POST" or request.POST.get("workflow-action-name") != "approve":
        return None
    if not request.POST.get("action-workflow-action"):
        return None
    return _refuse_flagged(request, obj)


hooks.register("before_publish_page", _refuse_flagged)
hooks.register("before_publish", _refuse_flagged)  # snippets
hooks.register("before_edit_page", _refuse_flagged_approval)
hooks.register("before_edit_snippet", _refuse_flagged_approval)


@hooks.register("register_admin_urls")
def _admin_urls():
    return [
        path(
            "education/lessons/<int:page_id>/plain-language/",
            PlainLanguageCheckView.as_view(),
            name="education_plain_language_check",
        ),
        path(
            "education/wording-override/<int:content_type_id>/<str:object_id>/<int:revision_id>/",
            wording_override,
            name="education_wording_override",
        ),
    ]


@hooks.register("insert_editor_js")
def _plain_language_js():
    return format_html('<script src="{}" defer></script>', static("js/plain-language-check.js"))


@hooks.register("register_log_actions")
def _log_actions(actions):
    actions.register_action(
        OVERRIDE_LOG_ACTION,
        gettext_lazy("Override the wording check"),
        gettext_lazy("Wording check overridden by a compliance reviewer"),
    )


from . import search_admin  # noqa: E402, F401  (its snippets, report and menu item)
