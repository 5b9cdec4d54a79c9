from django.urls import include, path

from .views import borrowers, work

app_name = "support"

# Mounted under i18n_patterns at support/. Borrower pages (search, the borrower view and its
# actions) and the work pages (queue, proposals, pauses, disputes, dashboard) are built apart.
urlpatterns = [
    path("", include(borrowers.urlpatterns)),
    path("", include(work.urlpatterns)),
]
