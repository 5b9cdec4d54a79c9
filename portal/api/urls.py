"""Everything under /api/: the borrower API, the lender integration API, and their schema.

Outside the language prefix: a client asks for a language with Accept-Language (or ``lang`` on
the endpoints that return text), not with the path."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from .errors import not_found

urlpatterns = [
    path("v1/", include("portal.api.v1.urls")),
    path("lender/v1/", include("portal.lender_api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api_schema"), name="api_docs"),
    re_path(r"", not_found),
]
