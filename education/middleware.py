"""Lesson pages served cheaply: whole from the cache for signed-out readers, and without
Wagtail's page-by-page routing for everyone. The rules: docs/education.md."""

import re

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import get_token

from . import cache, catalogue

CACHEABLE = "_education_cacheable"
_PLACEHOLDER = "__education_csrf_token__"
_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')


def _key(request) -> str:
    return f"page:{request.path}"


def _cookieless(request) -> bool:
    return not any(name in request.COOKIES for name in (settings.SESSION_COOKIE_NAME, "messages"))


class LessonPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The innermost middleware: the view and its templates run inside, so one request
        # reads the content's generation from the shared cache once.
        with cache.one_reading():
            return self._respond(request)

    def _respond(self, request):
        usable = request.method in ("GET", "HEAD") and not request.GET and _cookieless(request)
        if usable:
            stored = cache.get(_key(request))
            if stored is not None:
                content, content_type = stored
                response = HttpResponse(
                    content.replace(_PLACEHOLDER, get_token(request)), content_type=content_type
                )
                response["X-Lesson-Cache"] = "hit"
                return response
        response = None
        if request.method in ("GET", "HEAD"):
            response = self._serve_lesson(request)
        if response is None:
            response = self.get_response(request)
        if (
            usable
            and getattr(response, CACHEABLE, False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies.get(settings.SESSION_COOKIE_NAME)
        ):
            content = _TOKEN.sub(rf"\g<1>{_PLACEHOLDER}\g<2>", response.content.decode())
            cache.put(_key(request), (content, response["Content-Type"]))
        return response

    def _serve_lesson(self, request):
        from .models import LessonPage

        # A lesson's address is /<language>/<index>/<lesson>/: don't build the route table
        # (a few queries when the cache is cold) for any other page.
        if request.path.count("/") != 4:
            return None
        page_id = catalogue.routes().get(request.path)
        if page_id is None:
            return None
        # The page as published: publishing, unpublishing, moving or deleting it starts a new
        # generation (education.signals), so the copy this process keeps is never outdated.
        page = cache.kept(
            f"lesson-page:{page_id}",
            lambda: LessonPage.objects.live().select_related("locale").filter(pk=page_id).first(),
        )
        if page is None:
            return None
        response = page.serve(request)
        if hasattr(response, "render"):
            response = response.render()
        return response
