from django.urls import path

from . import views

# Mounted under i18n_patterns at the site root: the compliance pages live under support/audit/,
# the borrower's "when staff looked at my account" page under my/.
urlpatterns = [
    path("support/audit/", views.trail, name="audit_trail"),
    path("support/audit/export.csv", views.export, name="audit_export"),
    path("support/audit/disclosure/", views.disclosure, name="audit_disclosure"),
    path("my/account/staff-views/", views.staff_views, name="staff_views"),
]
