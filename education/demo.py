"""Load lessons and glossary terms from JSON (``education/demo_content/``) into the site, in
English and as Chinese translations, safe to run again. See docs/education.md."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale

from . import cache
from .models import GlossaryTerm, LessonIndexPage, LessonPage, Topic

CONTENT_DIR = Path(__file__).resolve().parent / "demo_content"
BLOCK_ID_NAMESPACE = uuid.UUID("5f1c7f0e-3c1e-4e55-9a59-2f6f2d1a9c11")
LANGUAGES = ("en", "zh-hans")
BLOCK_TYPES = frozenset(
    {"text", "key_point", "worked_example", "do_dont", "faq", "next_steps", "check_question"}
)


class ContentError(ValueError):
    """A content file is not in the expected shape."""


@dataclass
class Summary:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def add(self, outcome: str, name: str) -> None:
        getattr(self, outcome).append(name)


def load(directory: Path = CONTENT_DIR) -> tuple[Summary, Summary]:
    """Load every lesson in ``directory/lessons/`` and then ``directory/glossary.json``."""
    lesson_files = sorted((directory / "lessons").glob("*.json"))
    lessons = [_read(path) for path in lesson_files]
    glossary_path = directory / "glossary.json"
    terms = _read(glossary_path) if glossary_path.exists() else []
    for data, path in zip(lessons, lesson_files, strict=True):
        _check_lesson(data, path)
    with transaction.atomic():
        lesson_summary = Summary()
        for data in sorted(lessons, key=lambda d: (d.get("order", 0), d["slug"])):
            for language, outcome in load_lesson(data).items():
                lesson_summary.add(outcome, f"{data['slug']} ({language})")
        term_summary = Summary()
        for data in terms:
            for language, outcome in load_term(data).items():
                term_summary.add(outcome, f"{data['slug']} ({language})")
    cache.bump()
    return lesson_summary, term_summary


def _read(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ContentError(f"{path}: {exc}") from exc


def _check_lesson(data: dict, path: Path) -> None:
    problems = []
    if not re.fullmatch(r"[a-z0-9-]+", str(data.get("slug", ""))):
        problems.append("slug must be lower-case letters, digits and hyphens")
    if data.get("topic") not in Topic.values:
        problems.append(f"topic must be one of {', '.join(Topic.values)}")
    if "en" not in data:
        problems.append("the English version ('en') is required")
    for language in LANGUAGES:
        version = data.get(language)
        if version is None:
            continue
        for key in ("title", "summary", "body"):
            if not version.get(key):
                problems.append(f"{language}.{key} is missing")
        for n, block in enumerate(version.get("body") or []):
            if block.get("type") not in BLOCK_TYPES:
                problems.append(f"{language}.body[{n}]: unknown block type {block.get('type')!r}")
    if problems:
        raise ContentError(f"{path}: " + "; ".join(problems))


def _locale(language: str) -> Locale:
    return Locale.objects.get(language_code=language)


def _index(locale: Locale) -> LessonIndexPage:
    index = LessonIndexPage.objects.filter(locale=locale).first()
    if index is None:
        raise ContentError(
            f"There is no lessons index in {locale.language_code}: run the migrations first."
        )
    return index


def _rich_text(html: str) -> str:
    """Wagtail's stored rich text says <b> and <i>, which its editor reads back."""
    for old, new in (("strong", "b"), ("em", "i")):
        html = re.sub(rf"<(/?){old}\b", rf"<\1{new}", html)
    return html


def body_data(slug: str, blocks: list[dict]) -> list[dict]:
    """Blocks with ids fixed by the lesson and the block's place. Questions are numbered on
    their own, so the n-th question has the same id in every language."""
    data = []
    questions = 0
    for position, block in enumerate(blocks):
        value = block["value"]
        if block["type"] == "text":
            value = _rich_text(value)
        if block["type"] == "check_question":
            questions += 1
            name = f"{slug}/question/{questions}"
        else:
            name = f"{slug}/block/{position}"
        data.append(
            {"type": block["type"], "value": value, "id": str(uuid.uuid5(BLOCK_ID_NAMESPACE, name))}
        )
    return data


def _normalised(stream_value) -> list:
    return [
        (child.id, child.block_type, child.block.get_api_representation(child.value))
        for child in stream_value
    ]


def _apply(page: LessonPage, data: dict, version: dict) -> bool:
    """Set the page's content from ``version``; whether anything changed."""
    body = body_data(data["slug"], version["body"])
    stream_block = LessonPage._meta.get_field("body").stream_block
    new_body = stream_block.to_python(body)
    changed = (
        page.pk is None
        or page.title != version["title"]
        or page.summary != version["summary"]
        or page.topic != data["topic"]
        or page.position != data.get("order", 10)
        or _normalised(page.body) != _normalised(new_body)
    )
    page.title = version["title"]
    page.draft_title = version["title"]
    page.summary = version["summary"]
    page.topic = data["topic"]
    page.position = data.get("order", 10)
    page.body = json.dumps(body)
    return changed


def _publish(page: LessonPage) -> None:
    page.save_revision(log_action=True).publish(log_action=True)


def load_lesson(data: dict) -> dict[str, str]:
    outcomes = {}
    default = _locale(settings.LANGUAGE_CODE)
    index = _index(default)
    original = LessonPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if original is None:
        original = LessonPage(slug=data["slug"], live=False)
        _apply(original, data, data["en"])
        index.add_child(instance=original)
        _publish(original)
        outcomes["en"] = "created"
    else:
        changed = _apply(original, data, data["en"])
        if changed or not original.live or original.has_unpublished_changes:
            _publish(original)
            outcomes["en"] = "updated"
        else:
            outcomes["en"] = "unchanged"
    for language in LANGUAGES:
        if language == settings.LANGUAGE_CODE or language not in data:
            continue
        locale = _locale(language)
        translation = original.get_translation_or_none(locale)
        created = translation is None
        if created:
            _index(locale)  # the translated parent must exist
            translation = original.copy_for_translation(locale)
        translation = LessonPage.objects.get(pk=translation.pk)
        changed = _apply(translation, data, data[language])
        if created or changed or not translation.live or translation.has_unpublished_changes:
            _publish(translation)
            outcomes[language] = "created" if created else "updated"
        else:
            outcomes[language] = "unchanged"
    return outcomes


def load_term(data: dict) -> dict[str, str]:
    outcomes = {}
    default = _locale(settings.LANGUAGE_CODE)
    lesson = (
        LessonPage.objects.filter(locale=default, slug=data["lesson"]).first()
        if data.get("lesson")
        else None
    )
    original = GlossaryTerm.objects.filter(locale=default, slug=data["slug"]).first()
    for language in LANGUAGES:
        version = data.get(language)
        if version is None:
            continue
        locale = _locale(language)
        if language == settings.LANGUAGE_CODE:
            term, created = original, original is None
            if created:
                term = GlossaryTerm(locale=locale, slug=data["slug"])
        else:
            if original is None:
                raise ContentError(f"glossary term {data['slug']}: English version is required")
            term = original.get_translation_or_none(locale)
            created = term is None
            if created:
                term = original.copy_for_translation(locale)
                term.latest_revision = None
                term.live_revision = None
        term_lesson = lesson.get_translation_or_none(locale) if lesson else None
        term_lesson = term_lesson or lesson
        values = {
            "term": version["term"],
            "short_definition": version["short_definition"],
            "explanation": version.get("explanation", ""),
            "lesson_id": term_lesson.pk if term_lesson else None,
        }
        changed = any(getattr(term, name) != value for name, value in values.items())
        for name, value in values.items():
            setattr(term, name, value)
        if created or changed or not term.live or term.has_unpublished_changes:
            if term.pk is None:
                term.live = False
                term.save()
            term.save_revision(log_action=True).publish(log_action=True)
            outcomes[language] = "created" if created else "updated"
        else:
            outcomes[language] = "unchanged"
        if language == settings.LANGUAGE_CODE:
            original = term
    return outcomes
