"""Published lessons and glossary terms in the language asked for, from the same cached lists
the website reads (``education.catalogue`` and ``education.glossary``). A lesson or term with
no published translation comes in English with ``fallback`` true, as on the website."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.response import Response
from wagtail.api.rich_text import APIRichText

from education import cache, catalogue, glossary
from education.models import LessonPage

from ...languages import SUPPORTED
from ..serializers.education import (
    GlossaryEntrySerializer,
    LessonDetailSerializer,
    LessonSerializer,
)
from .base import LANG, BorrowerView
from .errors import ERRORS


class ContentView(BorrowerView):
    """Reads ``?lang`` before anything else: the content and its messages are in it."""

    def asked_language(self) -> str | None:
        asked = self.request.query_params.get("lang")
        if asked is not None and asked not in SUPPORTED:
            raise exceptions.ValidationError({"lang": [_("Choose en or zh-hans.")]})
        return asked


def body_blocks(page: LessonPage) -> list[dict]:
    """The lesson's blocks as data an app can lay out: rich text as display HTML (links to
    pages resolved), every other block as Wagtail's API gives it."""
    blocks = []
    for block in page.body:
        if block.block_type == "text":
            value = APIRichText.serialize(block.value.source, format=APIRichText.FORMAT_HTML)
        else:
            value = block.block.get_api_representation(block.value)
        blocks.append({"id": block.id, "type": block.block_type, "value": value})
    return blocks


class LessonList(ContentView):
    @extend_schema(
        operation_id="lessons_list",
        summary="Lessons",
        description="Every published lesson, by topic and position.",
        parameters=[LANG],
        responses={200: LessonSerializer(many=True), **ERRORS.update},
    )
    def get(self, request):
        lessons = catalogue.lessons(language=self.language)
        return Response(LessonSerializer(lessons, many=True, context={"request": request}).data)


class LessonDetail(ContentView):
    @extend_schema(
        operation_id="lesson_retrieve",
        summary="A lesson",
        description="By its slug in the language asked for, or its English slug (the same in "
        "every language). The body is a list of blocks.",
        parameters=[LANG],
        responses={200: LessonDetailSerializer, **ERRORS.update, **ERRORS.read},
    )
    def get(self, request, slug):
        lessons = catalogue.lessons(language=self.language)
        lesson = next((item for item in lessons if item.slug == slug), None)
        lesson = lesson or catalogue.by_slug(language=self.language).get(slug)
        if lesson is None:
            raise Http404
        page = LessonPage.objects.live().filter(pk=lesson.page_id).first()
        if page is None:
            raise Http404
        # Built once per published revision, as the lesson page's body is (education.cache:
        # publishing starts a new generation).
        revision = page.live_revision_id or page.last_published_at
        body = cache.cached(f"api-body:{page.pk}:{revision}", lambda: body_blocks(page))
        context = {"request": request, "body": body}
        return Response(LessonDetailSerializer(lesson, context=context).data)


class Glossary(ContentView):
    @extend_schema(
        operation_id="glossary_list",
        summary="Glossary",
        description="Every published term, in alphabetical order of the term.",
        parameters=[LANG],
        responses={200: GlossaryEntrySerializer(many=True), **ERRORS.update},
    )
    def get(self, request):
        entries = list(glossary.glossary(language=self.language).values())
        return Response(
            GlossaryEntrySerializer(entries, many=True, context={"request": request}).data
        )
