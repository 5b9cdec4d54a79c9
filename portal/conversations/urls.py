"""The borrower's conversations, mounted under i18n_patterns at my/conversations/."""

from django.urls import path

from .views import borrower

app_name = "conversations"

urlpatterns = [
    path("", borrower.thread_list, name="list"),
    path("new/", borrower.new_thread, name="new"),
    path("<int:pk>/", borrower.thread_page, name="thread"),
    path("<int:pk>/files/<int:attachment>/", borrower.attachment_file, name="attachment"),
]
