"""Every address of the console, mounted under i18n_patterns at support/: the borrower pages
(search, the account and the actions on it), then the work pages (the queue, the pages that
answer a proposal, a pause or a dispute, the dashboard, the daily run's progress). The training
gate wraps them all (``portal.training.gate``)."""

from django.urls import path

from portal.training.gate import gate_patterns

from .views import (
    borrowers,
    daily_runs,
    dashboard,
    disputes,
    pauses,
    proposals,
    queue,
    settings,
)

app_name = "support"

borrower = "borrowers/<int:pk>/"

urlpatterns = [
    path("", borrowers.search, name="search"),
    path(borrower, borrowers.borrower, name="borrower"),
    path(
        f"{borrower}loans/<str:reference>/statement/",
        borrowers.borrower_statement,
        name="borrower_statement",
    ),
    path(f"{borrower}history/<slug:kind>/", borrowers.borrower_history, name="borrower_history"),
    path(f"{borrower}notes/", borrowers.add_note, name="add_note"),
    path(f"{borrower}contacts/", borrowers.record_contact, name="record_contact"),
    path(f"{borrower}invitation/", borrowers.resend_invitation, name="resend_invitation"),
    path(
        f"{borrower}messages/<int:message>/resend/",
        borrowers.resend_message,
        name="resend_message",
    ),
    path("queue/", queue.queue_page, name="queue"),
    path("queue/<slug:kind>/<int:pk>/take/", queue.take_item, name="take"),
    path("queue/<slug:kind>/<int:pk>/assign/", queue.assign_item, name="assign"),
    path("queue/<slug:kind>/<int:pk>/sign-off/", queue.ask_sign_off, name="ask_sign_off"),
    path("sign-offs/<int:pk>/", queue.answer_sign_off, name="answer_sign_off"),
    path("proposals/<int:pk>/", proposals.proposal_page, name="proposal"),
    path("pauses/<int:pk>/", pauses.pause_page, name="pause"),
    path("disputes/<int:pk>/", disputes.dispute_page, name="dispute"),
    path("dashboard/", dashboard.dashboard_page, name="dashboard"),
    path("daily-runs/", daily_runs.runs_page, name="daily_runs"),
    path("daily-runs/<int:pk>/", daily_runs.run_page, name="daily_run"),
    path("settings/", settings.settings_page, name="settings"),
]

# Every address behind the training gate, wrapped here so a new one cannot be missed: an
# untrained login reads, but does not act.
urlpatterns = gate_patterns(urlpatterns)
