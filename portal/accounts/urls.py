from django.urls import path

from . import views

# Mounted under i18n_patterns at accounts/, next to allauth's own URLs.
urlpatterns = [
    path("link/", views.link_borrower, name="link_borrower"),
    path(
        "link/invitation/<str:token>/",
        views.link_borrower_invitation,
        name="link_borrower_invitation",
    ),
]
