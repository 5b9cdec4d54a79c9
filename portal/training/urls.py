"""The training pages of the console, mounted at support/training/ (inside the staff area)."""

from django.urls import path

from . import views
from .gate import gate_patterns

app_name = "training"

urlpatterns = [
    # Taking the check is how an untrained login becomes trained: not behind the training gate.
    path("modules/<int:pk>/", views.module_page, name="module"),
    *gate_patterns(
        [
            path("", views.my_training, name="home"),
            path("staff/", views.staff_page, name="staff"),
            path("contact-rules/", views.presets_page, name="presets"),
            path("contact-rules/changes/", views.request_change, name="request_change"),
            path("contact-rules/changes/<int:pk>/", views.decide_change, name="decide_change"),
        ]
    ),
]
