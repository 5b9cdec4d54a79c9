"""The gate every word a borrower reads passes before it goes live: the tone check, in the
text's own language, unless a compliance reviewer has overridden it for that revision with a
recorded reason. Lessons, glossary terms, message texts and support replies all call it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from . import tone_check
from .models import WordingOverride

OVERRIDE_PERMISSION = "education.override_wording"


@dataclass(frozen=True, slots=True)
class Flag:
    """One finding, with where it was found (a field name or "body")."""

    where: str
    category: str
    phrase: str
    excerpt: str

    def as_dict(self) -> dict:
        return {
            "where": self.where,
            "category": self.category,
            "phrase": self.phrase,
            "excerpt": self.excerpt,
        }


def flags(texts: Iterable[tuple[str, str, str]]) -> list[Flag]:
    """Every tone finding in ``texts``: (where, text, language) triples."""
    found = []
    for where, text, language in texts:
        if not (text or "").strip():
            continue
        for finding in tone_check.check_tone(text, language):
            found.append(Flag(where, str(finding.category), finding.phrase, finding.excerpt))
    return found


def may_override(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm(OVERRIDE_PERMISSION))


def override_for(obj, revision) -> WordingOverride | None:
    """The override that lets this revision of ``obj`` go live, if a reviewer gave one."""
    if revision is None:
        return None
    return WordingOverride.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        revision=revision,
    ).first()


def record_override(*, obj, revision, reviewer, reason: str, found: list[Flag]):
    """Record a reviewer's override; refused (PermissionError, ValueError) without the
    permission or a reason. The caller's audit trail records who and when as well."""
    if not may_override(reviewer):
        raise PermissionError("only a compliance reviewer may override the wording check")
    if not reason.strip():
        raise ValueError("an override needs a reason")
    with transaction.atomic():
        return WordingOverride.objects.create(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
            revision=revision,
            reviewer=reviewer,
            reason=reason.strip(),
            findings=[flag.as_dict() for flag in found],
        )


def blocked(obj, revision, texts: Iterable[tuple[str, str, str]]) -> list[Flag]:
    """What stops this revision going live: its flags, unless an override covers it."""
    found = flags(texts)
    if found and override_for(obj, revision) is not None:
        return []
    return found


def override_url(obj, revision) -> str:
    """The admin page where a compliance reviewer lets this revision of ``obj`` go live."""
    from django.urls import reverse

    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    return reverse("education_wording_override", args=[content_type.pk, str(obj.pk), revision.pk])


def latest_revision(obj):
    """The newest saved revision of ``obj``, read from the database: an object rebuilt from a
    revision carries the latest-revision link it had when that revision was made."""
    return obj.revisions.order_by("-created_at", "-id").first() if obj.pk else None
