"""The wording gate on message texts, and its record. An editor may save a draft the tone check
flags (the findings are shown as warnings), but no revision with findings goes live, by
publishing or by approval in the review workflow, until a compliance reviewer overrides the
check for that revision with a reason (``education.wording``). Overrides, approvals and
publishing are written to the audit trail with the revision they concern.

A text is checked against every language's list, not only its own: a Chinese text can quote an
English threat."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from education import tone_check as tone
from education import wording
from education.models import WordingBlocked as EducationWordingBlocked
from portal.audit.recording import record_action

from .compose import _TONE_LABELS, FIELDS, normalise_language

OVERRIDDEN = "message_text.wording_override"
APPROVED = "message_text.approved"
PUBLISHED = "message_text.published"


# What publishing a flagged revision raises: the lessons' own, from the shared gate.
WordingBlocked = EducationWordingBlocked


def _languages(language: str) -> list[str]:
    own = normalise_language(language)
    return list(dict.fromkeys([own, *(code for code, _name in settings.LANGUAGES)]))


def wording_of(text) -> list[tuple[str, str, str]]:
    """What the gate checks of a text (a row or a revision's object): (field, words, language)."""
    return [
        (field, getattr(text, field, "") or "", language)
        for field in FIELDS
        for language in _languages(text.language)
    ]


def _unique(found: list[wording.Flag]) -> list[wording.Flag]:
    return list(dict.fromkeys(found))


def flags(text) -> list[wording.Flag]:
    """Every finding in these words, overridden or not: the editor's warnings."""
    return _unique(wording.flags(wording_of(text)))


def blocking_flags(template, revision) -> list[wording.Flag]:
    """What stops ``revision`` of ``template`` going live (nothing once a reviewer overrode it)."""
    text = revision.as_object() if revision is not None else template
    return _unique(wording.blocked(template, revision, wording_of(text)))


def override_of(template, revision):
    return wording.override_for(template, revision)


def describe(flag: wording.Flag) -> str:
    """One finding in the editor's words: where, what kind, the words found."""
    from portal.notifications.models import MessageTemplate

    label = _TONE_LABELS.get(tone.Category(flag.category))
    return _("%(where)s: %(category)s: “%(excerpt)s” (on our list as “%(phrase)s”)") % {
        "where": str(MessageTemplate._meta.get_field(flag.where).verbose_name).capitalize(),
        "category": label() if label else flag.category,
        "excerpt": flag.excerpt,
        "phrase": flag.phrase,
    }


def _details(template, revision, **more) -> dict:
    return {
        "revision": revision.pk if revision is not None else None,
        "event": template.event,
        "language": template.language,
        **more,
    }


def override(*, template, revision, acting, reason: str):
    """A compliance reviewer lets ``revision`` go live despite its findings, for ``reason``.
    Refused (PermissionError, ValueError) without the permission or a reason."""
    found = flags(revision.as_object())
    with transaction.atomic():
        entry = wording.record_override(
            obj=template, revision=revision, reviewer=acting.user, reason=reason, found=found
        )
        record_action(
            acting=acting,
            action=OVERRIDDEN,
            target=template,
            reason=reason.strip(),
            details=_details(template, revision, findings=[flag.as_dict() for flag in found]),
        )
    return entry


def record_approval(*, template, revision, acting) -> None:
    record_action(
        acting=acting, action=APPROVED, target=template, details=_details(template, revision)
    )


def record_publish(*, template, revision, acting) -> None:
    record_action(
        acting=acting, action=PUBLISHED, target=template, details=_details(template, revision)
    )
