from django.urls import path

from . import views

# Under the lessons index's own address, so they read as part of it. Lesson slugs can't take
# these names (``models.RESERVED_SLUGS``).
urlpatterns = [
    path("lessons/search/", views.search, name="lesson_search"),
    path(
        "lessons/search/<uuid:log_id>/lesson/<int:page_id>/",
        views.open_result,
        name="lesson_search_open",
    ),
    path(
        "lessons/search/<uuid:log_id>/term/<slug:slug>/",
        views.open_term,
        name="lesson_search_open_term",
    ),
    path("lessons/glossary/", views.glossary_page, name="glossary"),
    path("lessons/progress/", views.my_progress, name="lesson_progress"),
]
