"""The console's conversations, mounted under i18n_patterns at support/conversations/, behind
the training gate like every console address (``portal.support.urls``)."""

from django.urls import path

from portal.training.gate import gate_patterns

from .views import console

app_name = "console_conversations"

urlpatterns = gate_patterns(
    [
        path("", console.thread_list, name="list"),
        path("<int:pk>/", console.thread_page, name="thread"),
        path("<int:pk>/files/<int:attachment>/", console.attachment_file, name="attachment"),
    ]
)
