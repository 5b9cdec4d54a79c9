"""Search in the CMS: editors' synonyms and promoted lessons (Snippets › Search) and the
searches report (Reports › Searches). Registered from ``wagtail_hooks``."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import search_report
from .search_models import PromotedLesson, SearchSynonym


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "link"
    menu_label = gettext_lazy("Synonyms")
    list_display = ["__str__", "note"]
    # A few dozen rows: Django's own filtering, no search index to keep.
    search_fields = ["phrases", "note"]
    search_backend_name = None


class PromotedLessonViewSet(SnippetViewSet):
    model = PromotedLesson
    icon = "pick"
    menu_label = gettext_lazy("Promoted lessons")
    list_display = ["query", "lesson", "order"]
    search_fields = ["query"]
    search_backend_name = None


class SearchViewSetGroup(SnippetViewSetGroup):
    """What readers' searches find: words that mean the same, and lessons put first."""

    items = (SearchSynonymViewSet, PromotedLessonViewSet)
    menu_icon = "search"
    menu_label = gettext_lazy("Search")
    menu_order = 260


register_snippet(SearchViewSetGroup)


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return search_report.can_see(request.user)


@hooks.register("register_admin_urls")
def _search_report_urls():
    return [path("education/searches/", search_report.report, name="education_search_report")]


@hooks.register("register_reports_menu_item")
def _search_report_menu_item():
    return SearchReportMenuItem(
        gettext_lazy("Searches"),
        reverse("education_search_report"),
        name="education-searches",
        icon_name="search",
        order=900,
    )
