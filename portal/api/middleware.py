from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

# Served outside the language prefix: a client asks for a language with Accept-Language.
UNPREFIXED = ("/api/", "/_allauth/")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 under /api/ stays a 404.

    Django answers a 404 on an unprefixed path with a redirect to ``/<language>/<path>`` when
    that path resolves, and Wagtail's catch-all page route under ``i18n_patterns`` resolves
    every path: another borrower's loan would be a 302 to a web page instead of a 404."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
