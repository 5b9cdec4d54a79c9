from django.utils.translation import gettext_lazy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import IntentPhrasing


class IntentPhrasingViewSet(SnippetViewSet):
    model = IntentPhrasing
    icon = "help"
    menu_label = gettext_lazy("Help phrasings")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["text", "intent", "language", "live"]
    list_filter = ["intent", "language", "live"]
    # Django's own filtering: a few hundred rows, and no search index to keep.
    search_fields = ["text"]
    search_backend_name = None
    ordering = ["intent", "language", "text"]


register_snippet(IntentPhrasingViewSet)
